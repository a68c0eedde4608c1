import { type Sandbox, startSandbox } from '../../../../../sandbox';
import type { RestIntacctClient } from '../../../../../nodes/shared/intacct/client/restClient';
import { IntacctClient } from '../../../../../nodes/shared/intacct/client/client';
import { create, legacyFunction, read, update } from '../../../../../nodes/shared/intacct/xml/functions';
import type { BatchOutcome, IntacctRecord } from '../../../../../nodes/shared/intacct/core/types';
import { nodeRestHttp } from '../../../../support/nodeRestHttp';
import { legacyInvoiceCreate, sandboxRestClient } from '../../../../support/sandboxRestClient';
import { createNodeHttpPost } from '../../../../support/nodeHttpPost';

describe('updated records read back over REST for the RECORD_URL the XML gateway answers an update with', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(() => sandbox.close());

	const xml = (): IntacctClient => new IntacctClient({ credentials: sandbox.credentials, post: createNodeHttpPost(), retryBaseDelayMs: 1 });
	const queries = (): number => sandbox.stats.functions['rest:POST services/core/query'] ?? 0;
	const records = (outcomes: BatchOutcome[]): IntacctRecord[] => outcomes.map((o) => (o.ok ? o.result.records[0] : {}));
	const master = (object: 'VENDOR' | 'CUSTOMER', id: string) =>
		create(object, { [`${object}ID`]: id, NAME: `${object} ${id}`, DISPLAYCONTACT: { PRINTAS: id } });

	/** Records created over REST, their keys in order. */
	async function made(rest: RestIntacctClient, object: 'VENDOR' | 'CUSTOMER', ids: string[]): Promise<string[]> {
		const outcomes = await rest.executeMany(ids.map((id) => master(object, id)));
		return records(outcomes).map((r) => String(r.RECORDNO));
	}

	test('an update answers what the XML gateway answers the same update with: RECORDNO, the vendor ID, RECORD_URL (the link the XML read gives)', async () => {
		const rest = sandboxRestClient(sandbox);
		const [key] = await made(rest, 'VENDOR', ['UB-1']);
		const overRest = await rest.execute(update('VENDOR', { RECORDNO: key, NAME: 'Renamed over REST' }));
		const overXml = await xml().execute(update('VENDOR', { RECORDNO: key, NAME: 'Renamed over XML' }));
		expect(Object.keys(overRest.records[0])).toEqual(Object.keys(overXml.records[0]));
		expect(overRest.records[0]).toEqual(overXml.records[0]);
		const [stored] = (await xml().execute(read('VENDOR', key, ['RECORD_URL']))).records;
		expect(overRest.records[0].RECORD_URL).toBe(stored.RECORD_URL);
	});

	test('N updates of two objects: one read-back query per object after the PATCHes, asking the link only', async () => {
		const rest = sandboxRestClient(sandbox);
		const vendors = await made(rest, 'VENDOR', Array.from({ length: 12 }, (_, i) => `UB-V${i + 1}`));
		const customers = await made(rest, 'CUSTOMER', Array.from({ length: 8 }, (_, i) => `UB-C${i + 1}`));
		const bodies: string[] = [];
		const counting = sandboxRestClient(sandbox, {
			http: async (request) => {
				if (request.url.endsWith('/services/core/query')) bodies.push(request.body ?? '');
				return await nodeRestHttp(request);
			},
		});
		const fns = [
			...vendors.map((key, n) => update('VENDOR', { RECORDNO: key, NAME: `Vendor ${n} renamed` })),
			...customers.map((key, n) => update('CUSTOMER', { RECORDNO: key, NAME: `Customer ${n} renamed` })),
		];
		const outcomes = await counting.executeMany(fns);
		expect(outcomes.every((o) => o.ok)).toBe(true);
		// 20 PATCHes and two read-backs (the token is counted apart).
		expect(counting.stats.requests).toBe(fns.length + 2);
		expect(counting.stats.tokenRequests).toBe(1);
		expect(bodies.map((b) => JSON.parse(b) as { object: string; fields: string[] }).map((b) => [b.object, b.fields]).sort()).toEqual([
			['accounts-payable/vendor', ['key', 'webURL']],
			['accounts-receivable/customer', ['key', 'webURL']],
		]);
		expect(records(outcomes).every((r) => typeof r.RECORD_URL === 'string' && r.RECORD_URL.startsWith('http'))).toBe(true);
		expect(records(outcomes).map((r) => r.VENDORID ?? r.CUSTOMERID)).toEqual([...vendors.map((_, i) => `UB-V${i + 1}`), ...customers.map((_, i) => `UB-C${i + 1}`)]);
	});

	test('a read-back that fails leaves the updates successful, answered without RECORD_URL', async () => {
		const rest = sandboxRestClient(sandbox);
		const keys = await made(rest, 'VENDOR', ['UB-F1', 'UB-F2']);
		sandbox.faults.add({ match: { functionName: 'services/core/query' }, action: { type: 'status', status: 400, body: 'xml' } });
		const outcomes = await rest.executeMany(keys.map((key) => update('VENDOR', { RECORDNO: key, NAME: 'Renamed' })));
		expect(sandbox.faults.pending()).toBe(0);
		expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
		expect(records(outcomes)).toEqual([
			{ RECORDNO: keys[0], VENDORID: 'UB-F1' },
			{ RECORDNO: keys[1], VENDORID: 'UB-F2' },
		]);
	});

	test('update_invoice (answers <key> alone over XML) reads nothing back', async () => {
		const rest = sandboxRestClient(sandbox);
		const invoice = legacyInvoiceCreate('ub-invoice-1');
		const created = await rest.execute(invoice);
		const before = queries();
		const changed = await rest.execute(legacyFunction('update_invoice', { description: 'changed' }, { controlId: 'ub-invoice-1-u', attributes: { key: String(created.key) } }));
		expect(changed.records).toEqual([{ RECORDNO: created.key }]);
		expect(queries() - before).toBe(0);
	});
});
