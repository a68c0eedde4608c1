import { type Sandbox, startSandbox } from '../../../sandbox';
import { clientCredentialsToken, rest } from './restClient';
import { IntacctClient } from '../../../nodes/shared/intacct/client/client';
import { read } from '../../../nodes/shared/intacct/xml/functions';
import { createNodeHttpPost } from '../../support/nodeHttpPost';

describe('REST over HTTP: faults, limits, headers (sandbox/rest/restServer.ts)', () => {
	let sandbox: Sandbox;
	let token: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		token = await clientCredentialsToken(sandbox);
	});
	afterAll(() => sandbox.close());

	test('fault injection on REST: 503 HTML, rate limit GW-0010, reset after commit', async () => {
		sandbox.faults.add({ match: { functionName: 'general-ledger/account' }, action: { type: 'status', status: 503, body: 'html' } });
		expect((await rest(sandbox, token, 'GET', '/objects/general-ledger/account')).status).toBe(503);
		sandbox.faults.add({ match: { functionName: 'rest' }, action: { type: 'rateLimit' } });
		const limited = await rest(sandbox, token, 'GET', '/objects/general-ledger/account');
		expect(limited.status).toBe(429);
		expect(limited.body['ia::error'].code).toBe('GW-0010');
		sandbox.faults.add({ match: { functionName: 'POST company-config/department' }, action: { type: 'resetAfterCommit' } });
		await expect(rest(sandbox, token, 'POST', '/objects/company-config/department', { id: 'D-RESET', name: 'Committed' })).rejects.toThrow();
		const list = await rest(sandbox, token, 'POST', '/services/core/query', { object: 'company-config/department', fields: ['id'], filters: [{ $eq: { id: 'D-RESET' } }] });
		expect(list.body['ia::result']).toEqual([{ id: 'D-RESET' }]);
	});

	test('requests per minute beyond the limit are 429 GW-0010 with Retry-After', async () => {
		const limited = await startSandbox({ port: 0, rest: { requestsPerMinute: 2 } });
		try {
			const t = await clientCredentialsToken(limited);
			await rest(limited, t, 'GET', '/objects/company-config/class');
			await rest(limited, t, 'GET', '/objects/company-config/class');
			const third = await rest(limited, t, 'GET', '/objects/company-config/class');
			expect(third.status).toBe(429);
			expect(third.headers.get('retry-after')).not.toBeNull();
		} finally {
			await limited.close();
		}
	});

	test('concurrency per tier: tier 1 lets an application run 6 requests at once, the 7th is 429 GW-0010', async () => {
		sandbox.faults.add({ match: { functionName: 'GET company-config/class' }, action: { type: 'latency', ms: 400 }, times: 7 });
		const results = await Promise.all(Array.from({ length: 7 }, () => rest(sandbox, token, 'GET', '/objects/company-config/class')));
		const statuses = results.map((r) => r.status).sort();
		expect(statuses.filter((s) => s === 200)).toHaveLength(6);
		expect(statuses.filter((s) => s === 429)).toHaveLength(1);
	});

	test('record links (webURL) are the XML gateway\'s RECORD_URL of the same record: absolute against the address called, in GET, query and composite answers', async () => {
		const made = await rest(sandbox, token, 'POST', '/objects/accounts-receivable/customer', { id: 'C-LINK-1', name: 'Link Clinic' });
		expect(made.status).toBe(201);
		const key = String(made.body['ia::result'].key);
		const xml = new IntacctClient({ credentials: sandbox.credentials, post: createNodeHttpPost(), retryBaseDelayMs: 1 });
		const link = String((await xml.execute(read('CUSTOMER', key, ['RECORD_URL']))).records[0].RECORD_URL);
		expect(link).toBe(`${new URL(sandbox.rest.baseUrl).origin}/ia/acct/ur.phtml?.r=customer%3A${key}`);
		expect((await rest(sandbox, token, 'GET', `/objects/accounts-receivable/customer/${key}`)).body['ia::result'].webURL).toBe(link);
		const queried = await rest(sandbox, token, 'POST', '/services/core/query', { object: 'accounts-receivable/customer', fields: ['key', 'webURL'], filters: [{ $eq: { key } }] });
		expect(queried.body['ia::result']).toEqual([{ key, webURL: link }]);
		const composite = await rest(sandbox, token, 'POST', '/services/core/composite', [
			{ method: 'GET', path: `/objects/accounts-receivable/customer/${key}` },
			{ method: 'POST', path: '/services/core/query', body: { object: 'accounts-receivable/customer', fields: ['webURL'], filters: [{ $eq: { key } }] } },
		]);
		expect(JSON.stringify(composite.body)).not.toContain('"webURL":"/ia/');
		expect(JSON.stringify(composite.body)).toContain(`"webURL":"${link}"`);
	});

	test('XML content on the REST API is GW-0014', async () => {
		const res = await rest(sandbox, token, 'POST', '/services/core/query', '<query/>', { 'Content-Type': 'application/xml' });
		expect(res.status).toBe(400);
		expect(res.body['ia::error'].code).toBe('GW-0014');
	});

	test('X-IA-API-ParamEntity scopes a request to an entity the user may use', async () => {
		const west = await clientCredentialsToken(sandbox, 'ws_west@HOPEWELL|200');
		expect((await rest(sandbox, west, 'GET', '/objects/company-config/class', undefined, { 'X-IA-API-ParamEntity': '100' })).status).toBe(403);
		expect((await rest(sandbox, token, 'GET', '/objects/company-config/class', undefined, { 'X-IA-API-ParamEntity': '999' })).status).toBe(400);
		expect((await rest(sandbox, token, 'GET', '/objects/company-config/class', undefined, { 'X-IA-API-ParamEntity': '100' })).status).toBe(200);
	});
});
