/**
 * Vendors, Query, Custom XML and the resource-locator list searches, through the real engine.
 */
import type { Sandbox } from '../../sandbox/api';
import { listSearch, packageNode, sandboxCredentialValues } from '../support/harness';
import { create, update } from '../../nodes/shared/intacct/xml/functions';
import { NODE_NAME, directClient, functionsSent, readAll, runNode, startTestSandbox } from './support';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});

afterAll(async () => {
	await sandbox?.close();
});

describe('vendor', () => {
	it('creates, gets, updates and lists vendors', async () => {
		const created = await runNode(sandbox, {
			resource: 'vendor',
			operation: 'create',
			vendorId: 'V-900',
			name: 'Lakeside Printing',
			additionalFields: { email: 'ap@lakeside.example', paymentTerm: 'Net 30' },
		});
		expect(created.status).toBe('success');
		expect(created.json(NODE_NAME)[0]).toMatchObject({ vendorId: 'V-900', recordNo: expect.any(Number) });

		const got = await runNode(sandbox, { resource: 'vendor', operation: 'get', vendor: { __rl: true, mode: 'id', value: 'V-900' } });
		expect(got.json(NODE_NAME)[0]).toMatchObject({ vendorId: 'V-900', name: 'Lakeside Printing', paymentTerm: 'Net 30' });
		expect((got.json(NODE_NAME)[0].displaycontact as Record<string, unknown>).email1).toBe('ap@lakeside.example');

		const updated = await runNode(sandbox, {
			resource: 'vendor',
			operation: 'update',
			vendor: { __rl: true, mode: 'id', value: 'V-900' },
			updateFields: { name: 'Lakeside Print Co', onHold: true },
		});
		expect(updated.status).toBe('success');
		const [stored] = await readAll(sandbox, 'VENDOR', "VENDORID = 'V-900'");
		expect(stored).toMatchObject({ NAME: 'Lakeside Print Co', ONHOLD: 'true' });

		const many = await runNode(sandbox, { resource: 'vendor', operation: 'getMany', returnAll: true, filters: { name: 'Lakeside' } });
		expect(many.json(NODE_NAME).map((v) => v.vendorId)).toEqual(['V-900']);
	});

	it('updates are not idempotent by default: a re-run re-applies the change after someone else changed the record', async () => {
		const parameters = { resource: 'vendor', operation: 'update', vendor: { __rl: true, mode: 'id', value: 'V-113' }, updateFields: { vendorType: 'Managed IT' } };
		expect((await runNode(sandbox, parameters, { workflowId: 'wfNightly' })).status).toBe('success');
		await directClient(sandbox).execute(update('VENDOR', { VENDORID: 'V-113', VENDTYPE: 'Changed by hand' }));
		const again = await runNode(sandbox, parameters, { workflowId: 'wfNightly' });
		expect(again.json(NODE_NAME)[0].duplicate).toBeUndefined();
		const [stored] = await readAll(sandbox, 'VENDOR', "VENDORID = 'V-113'");
		expect(stored.VENDTYPE).toBe('Managed IT');
	});

	it('a duplicate vendor ID fails with Intacct\'s error, as an error item with continueOnFail', async () => {
		const run = await runNode(sandbox, { resource: 'vendor', operation: 'create', vendorId: 'V-100', name: 'Again', options: { idempotent: false } }, { continueOnFail: true });
		expect(run.json(NODE_NAME)[0]).toMatchObject({ error: expect.stringMatching(/V-100/), errorNumber: expect.any(String) });
	});
});

describe('query', () => {
	it('reads any object with Intacct query syntax and Return All', async () => {
		const run = await runNode(sandbox, { resource: 'query', operation: 'run', object: 'GLACCOUNT', fields: 'ACCOUNTNO,TITLE', filter: "ACCOUNTNO LIKE '6%'", returnAll: true });
		const accounts = run.json(NODE_NAME);
		expect(accounts.length).toBeGreaterThan(5);
		expect(accounts.every((a) => String(a.accountNo).startsWith('6'))).toBe(true);
	});

	it('builds conditions with sort order (query function) and honours the limit', async () => {
		sandbox.stats.reset();
		const run = await runNode(sandbox, {
			resource: 'query',
			operation: 'run',
			object: 'VENDOR',
			fields: 'VENDORID,NAME',
			filterType: 'builder',
			conditions: { condition: [{ field: 'VENDORID', operator: 'like', value: 'V-1%' }] },
			sort: { order: [{ field: 'VENDORID', direction: 'descending' }] },
			limit: 3,
		});
		const ids = run.json(NODE_NAME).map((v) => v.vendorId as string);
		expect(ids).toHaveLength(3);
		expect([...ids].sort().reverse()).toEqual(ids);
		expect(functionsSent(sandbox, 'query')).toBe(1);
	});
});

describe('custom', () => {
	it('runs raw XML functions in the signed-in session and returns parsed results', async () => {
		const run = await runNode(sandbox, {
			resource: 'custom',
			operation: 'execute',
			xml: '<readByName><object>GLACCOUNT</object><keys>6100,1000</keys><fields>ACCOUNTNO,TITLE</fields></readByName>\n<function controlid="journals"><readByQuery><object>GLJOURNAL</object><fields>SYMBOL</fields><query></query></readByQuery></function>',
		});
		expect(run.status).toBe('success');
		const [accounts, journals] = run.json(NODE_NAME);
		expect(accounts).toMatchObject({ function: 'readByName', status: 'success' });
		expect((accounts.data as Array<Record<string, string>>).map((r) => r.ACCOUNTNO).sort()).toEqual(['1000', '6100']);
		expect(journals).toMatchObject({ controlId: 'journals' });
	});

	it('rejects malformed XML and envelope elements before sending', async () => {
		const bad = await runNode(sandbox, { resource: 'custom', operation: 'execute', xml: '<readByName><object>X</readByName>' });
		expect(bad.error?.message).toMatch(/not well-formed/);
		const envelope = await runNode(sandbox, { resource: 'custom', operation: 'execute', xml: '<request><control/></request>' });
		expect(envelope.error?.message).toMatch(/part of the envelope/);
	});

	it('runs functions as one transaction: a failure rolls the others back (continueOnFail shows each result)', async () => {
		const xml = [
			'<create><CLASS><CLASSID>TX-1</CLASSID><NAME>Transaction test</NAME></CLASS></create>',
			'<create><CLASS><CLASSID>PRG</CLASSID><NAME>Duplicate of an existing class</NAME></CLASS></create>',
		].join('');
		const run = await runNode(sandbox, { resource: 'custom', operation: 'execute', xml, transaction: true }, { continueOnFail: true });
		const results = run.json(NODE_NAME);
		expect(results.map((r) => r.status)).toEqual(['aborted', 'failure']);
		expect(results[1]).toMatchObject({ error: expect.stringMatching(/PRG/), errorNumber: expect.any(String) });
		expect(await readAll(sandbox, 'CLASS', "CLASSID = 'TX-1'")).toHaveLength(0);
	});

	it('a failing function fails the node with Intacct\'s error text', async () => {
		const run = await runNode(sandbox, { resource: 'custom', operation: 'execute', xml: '<readByQuery><object>NOSUCHOBJECT</object><fields>*</fields><query></query></readByQuery>' });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/NOSUCHOBJECT/);
	});
});

describe('list search (resource locators)', () => {
	const node = packageNode('sageIntacct', NODE_NAME, { resource: 'journalEntry', operation: 'create' });

	it('searches accounts by number or title', async () => {
		const result = await listSearch(node, 'searchAccounts', { credentials: sandboxCredentialValues({ ...sandbox.credentials }), filter: 'Rent' });
		expect(result.results).toEqual([{ name: '6100 - Rent and Occupancy', value: '6100' }]);
	});

	it('pages past one page with the pagination token (Intacct readMore)', async () => {
		const fns = Array.from({ length: 130 }, (_, n) => create('VENDOR', { VENDORID: `VP-${1000 + n}`, NAME: `Paging Vendor ${n}` }));
		const outcomes = await directClient(sandbox).executeMany(fns, { batchSize: 50 });
		expect(outcomes.every((o) => o.ok)).toBe(true);
		const credentials = sandboxCredentialValues({ ...sandbox.credentials });
		const first = await listSearch(node, 'searchVendors', { credentials, filter: 'VP-' });
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await listSearch(node, 'searchVendors', { credentials, filter: 'VP-', paginationToken: first.paginationToken });
		expect(second.results).toHaveLength(30);
		expect(second.paginationToken).toBeUndefined();
		expect(new Set([...first.results, ...second.results].map((r) => r.value)).size).toBe(130);
	});

	it('lists entities led by the top level', async () => {
		const result = await listSearch(node, 'searchEntities', { credentials: sandboxCredentialValues({ ...sandbox.credentials }) });
		expect(result.results.map((r) => r.value)).toEqual(['TOP_LEVEL', '100', '200']);
	});
});
