/**
 * The REST Object resource (any object of the REST model) through the real n8n engine against the
 * sandbox: the object list from the company's model service, create / get / get many / update /
 * delete on an object the node has no resource for, the API Request escape hatch, and the XML
 * credential refused with a clear message.
 */
import { createCredentialsHelper, listSearch, packageNode } from '../support/harness';
import { NODE_NAME, readAll, runNode, REST_NODE, useBothWires } from './support';

const { sandbox, credentials: both, rest } = useBothWires();

const object = (value: string) => ({ __rl: true, mode: 'id', value });

const overRest = async (parameters: Record<string, unknown>) => await rest({ resource: 'restObject', ...parameters });

it('lists the objects of the company model, filtered by what is typed', async () => {
	const node = { ...packageNode('sageIntacct', NODE_NAME, { authentication: 'oAuth2', resource: 'restObject', operation: 'getMany' }), ...REST_NODE };
	const all = await listSearch(node, 'searchRestObjects', { credentials: both() });
	const names = all.results.map((r) => r.value);
	expect(names).toEqual(expect.arrayContaining(['accounts-payable/vendor', 'general-ledger/account', 'company-config/department']));
	// Owned objects (lines) are reached through their owner, not listed.
	expect(names).not.toContain('general-ledger/journal-entry-line');
	const typed = await listSearch(node, 'searchRestObjects', { credentials: both(), filter: 'DEPART' });
	expect(typed.results).toEqual([{ name: 'company-config/department', value: 'company-config/department' }]);
});

it('create, get, get many, update and delete a department (no resource of its own in the node)', async () => {
	const created = await overRest({ operation: 'create', restObject: object('company-config/department'), body: JSON.stringify({ id: 'RD-1', name: 'Research' }), options: { idempotencyKey: 'dept-RD-1' } });
	expect(created.error).toBeUndefined();
	const [made] = created.json(NODE_NAME);
	expect(made).toMatchObject({ key: expect.any(String), id: 'RD-1' });
	const key = String(made.key);
	// The same create again with the same idempotency key: answered from the first, not a second record.
	const again = await overRest({ operation: 'create', restObject: object('company-config/department'), body: JSON.stringify({ id: 'RD-1', name: 'Research' }), options: { idempotencyKey: 'dept-RD-1' } });
	expect(again.error).toBeUndefined();
	expect(again.json(NODE_NAME)[0]).toMatchObject({ key });
	expect(await readAll(sandbox(), 'DEPARTMENT', "DEPARTMENTID = 'RD-1'", 'DEPARTMENTID,TITLE')).toEqual([{ DEPARTMENTID: 'RD-1', TITLE: 'Research' }]);

	const got = await overRest({ operation: 'get', restObject: object('company-config/department'), key });
	expect(got.json(NODE_NAME)[0]).toMatchObject({ key, id: 'RD-1', name: 'Research' });

	const many = await overRest({ operation: 'getMany', restObject: object('company-config/department'), fields: 'key,id,name', filters: JSON.stringify([{ $eq: { id: 'RD-1' } }]), returnAll: true });
	expect(many.error).toBeUndefined();
	expect(many.json(NODE_NAME)).toEqual([{ key, id: 'RD-1', name: 'Research' }]);

	const updated = await overRest({ operation: 'update', restObject: object('company-config/department'), key, body: JSON.stringify({ name: 'Research & Development' }) });
	expect(updated.error).toBeUndefined();
	expect(await readAll(sandbox(), 'DEPARTMENT', "DEPARTMENTID = 'RD-1'", 'TITLE')).toEqual([{ TITLE: 'Research & Development' }]);

	const deleted = await overRest({ operation: 'delete', restObject: object('company-config/department'), key });
	expect(deleted.json(NODE_NAME)).toEqual([{ deleted: true, object: 'company-config/department', key }]);
	expect(await readAll(sandbox(), 'DEPARTMENT', "DEPARTMENTID = 'RD-1'")).toHaveLength(0);
});

it('get many pages with the query service up to the limit', async () => {
	const run = await overRest({ operation: 'getMany', restObject: object('general-ledger/journal-entry-line'), fields: 'key,glAccount.id,txnAmount', returnAll: false, limit: 7 });
	expect(run.error).toBeUndefined();
	const rows = run.json(NODE_NAME);
	expect(rows).toHaveLength(7);
	expect(rows.every((r) => typeof r.key === 'string' && typeof r['glAccount.id'] === 'string')).toBe(true);
});

it('API Request: any path in the signed-in session; Intacct errors keep their code; other hosts refused', async () => {
	const model = await overRest({ operation: 'apiRequest', method: 'GET', path: '/services/core/model?name=accounts-payable/vendor' });
	expect(model.error).toBeUndefined();
	expect(model.json(NODE_NAME)[0]).toMatchObject({ status: 200, result: { fields: expect.objectContaining({ id: expect.any(Object) }) } });

	const query = await overRest({ operation: 'apiRequest', method: 'POST', path: '/services/core/query', body: JSON.stringify({ object: 'general-ledger/account', fields: ['id', 'name'], filters: [{ $eq: { id: '6100' } }] }) });
	expect(query.json(NODE_NAME)[0]).toMatchObject({ status: 200, result: [{ id: '6100', name: 'Rent and Occupancy' }] });

	const missing = await overRest({ operation: 'apiRequest', method: 'GET', path: '/objects/accounts-payable/vendor/99999999' });
	expect(missing.error?.message).toMatch(/HTTP 404/);
	// No secret in what n8n keeps of the failure.
	expect(JSON.stringify(missing.error)).not.toContain(sandbox().rest.credentials.clientSecret);

	// A wrong client secret: the failure says which part to check, and never the secret itself.
	const wrongSecret = 'wrong-secret-canary-7d1f';
	const wrong = await createCredentialsHelper({ sageIntacctOAuth2Api: { grantType: 'clientCredentials', ...sandbox().rest.credentials, clientSecret: wrongSecret, restBaseUrl: sandbox().rest.baseUrl } });
	const refused = await runNode(sandbox(), { authentication: 'oAuth2', resource: 'restObject', operation: 'apiRequest', method: 'GET', path: '/services/core/model' }, { credentials: wrong, nodeOverrides: REST_NODE });
	expect(refused.error?.message).toMatch(/client ID or client secret/);
	expect(JSON.stringify(refused.error)).not.toContain(wrongSecret);

	const elsewhere = await overRest({ operation: 'apiRequest', method: 'GET', path: 'https://example.com/steal' });
	expect(elsewhere.error?.message).toMatch(/field "path": give a path under the REST API base/);
});

it('with the XML credential the resource says it needs OAuth 2.0, before anything is sent', async () => {
	const before = sandbox().stats.requests;
	const run = await runNode(
		sandbox(),
		{ authentication: 'webServices', resource: 'restObject', operation: 'getMany', restObject: object('general-ledger/account'), fields: 'key' },
		{ credentials: both(), nodeOverrides: { credentials: { sageIntacctApi: { id: 'xml', name: 'Intacct XML' } } } },
	);
	expect(run.error?.message).toMatch(/REST objects need Authentication = OAuth 2.0 \(REST\)/);
	expect(sandbox().stats.requests).toBe(before);
});
