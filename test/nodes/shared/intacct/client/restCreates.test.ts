import { type Sandbox, startSandbox } from '../../../../../sandbox';
import { RestIntacctClient } from '../../../../../nodes/shared/intacct/client/restClient';
import { BULK_FROM_RECORDS, BULK_WITH_KEYS, bulkJobForm, chooseWay, createRecords } from '../../../../../nodes/shared/intacct/client/restCreates';
import { lookup, query } from '../../../../../nodes/shared/intacct/xml/functions';
import { IntacctClient } from '../../../../../nodes/shared/intacct/client/client';
import type { IntacctRecord } from '../../../../../nodes/shared/intacct/core/types';
import { createNodeHttpPost } from '../../../../support/nodeHttpPost';
import { nodeRestHttp } from '../../../../support/nodeRestHttp';

describe('creates at volume over REST: batch requests and the bulk service (client/restCreates.ts)', () => {
	let sandbox: Sandbox;
	let client: RestIntacctClient;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		client = new RestIntacctClient({
			credentials: { ...sandbox.rest.credentials, baseUrl: sandbox.rest.baseUrl },
			http: nodeRestHttp,
			retryBaseDelayMs: 1,
			sleep: async (ms) => await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5))),
		});
	});
	afterAll(() => sandbox.close());

	const departments = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i + 1}`, name: `${prefix} ${i + 1}` }));

	test.each(['batch', 'bulk'] as const)('%s: every record paired back in order; a refused one fails alone', async (way) => {
		const records = departments(`W${way}`, 7);
		records[3] = { id: '', name: 'no id' };
		const { way: used, outcomes } = await createRecords(client, 'company-config/department', records, { way, batchSize: 3 });
		expect(used).toBe(way);
		expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, false, true, true, true]);
		expect(outcomes.filter((o) => o.ok).map((o) => (o.ok ? o.record.id : ''))).toEqual([1, 2, 3, 5, 6, 7].map((n) => `W${way}-${n}`));
		const refused = outcomes[3];
		expect(refused.ok ? '' : refused.error.message).toMatch(/record 4/);
	});

	test('batch: the same run repeated with the same keys posts nothing twice (each record under its own key)', async () => {
		const records = departments('Rbatch', 5);
		const keys = records.map((r) => `src-${r.id}`);
		const sentNow = (): number => (sandbox.stats.functions['rest:POST company-config/department'] ?? 0) + (sandbox.stats.functions['rest:POST services/core/composite'] ?? 0);
		const first = await createRecords(client, 'company-config/department', records, { way: 'batch', keys, batchSize: 2 });
		const requestsBefore = sentNow();
		const again = await createRecords(client, 'company-config/department', records, { way: 'batch', keys, batchSize: 2 });
		expect(again.outcomes.map((o) => (o.ok ? o.record.key : 'failed'))).toEqual(first.outcomes.map((o) => (o.ok ? o.record.key : 'failed')));
		expect(sentNow()).toBeGreaterThan(requestsBefore);
		const found = await new RestIntacctClient({ credentials: { ...sandbox.rest.credentials, baseUrl: sandbox.rest.baseUrl }, http: nodeRestHttp }).request('POST', '/services/core/query', {
			body: { object: 'company-config/department', fields: ['id'], filters: [{ $startsWith: { id: 'Rbatch-' } }] },
		});
		expect(Array.isArray(found.result) ? found.result.length : -1).toBe(5);
	});

	test('batch: a re-run with one record more replays the earlier records under their own keys and creates only the new one', async () => {
		const records = departments('Rplus', 4);
		const keys = records.map((r) => `src-${r.id}`);
		const first = await createRecords(client, 'company-config/department', records.slice(0, 3), { way: 'batch', keys: keys.slice(0, 3), batchSize: 10 });
		const again = await createRecords(client, 'company-config/department', records, { way: 'batch', keys, batchSize: 10 });
		// Keyed by batch, the four were a new key: the three earlier ones were sent again and refused as existing IDs.
		expect(again.outcomes.map((o) => o.ok)).toEqual([true, true, true, true]);
		expect(again.outcomes.slice(0, 3).map((o) => (o.ok ? o.record.key : ''))).toEqual(first.outcomes.map((o) => (o.ok ? o.record.key : 'failed')));
	});

	test('keyed records go as composite requests, each under its own key; a re-run with one more replays the others', async () => {
		const records = departments('Kc', 12);
		const keys = records.map((r) => `src-${r.id}`);
		const composites = sandbox.stats.functions['rest:POST services/core/composite'] ?? 0;
		const first = await createRecords(client, 'company-config/department', records.slice(0, 11), { keys: keys.slice(0, 11) });
		expect(first.outcomes.every((o) => o.ok)).toBe(true);
		expect(sandbox.stats.functions['rest:POST services/core/composite'] ?? 0).toBeGreaterThan(composites);
		const again = await createRecords(client, 'company-config/department', records, { keys });
		expect(again.outcomes.slice(0, 11).map((o) => (o.ok ? o.record.key : ''))).toEqual(first.outcomes.map((o) => (o.ok ? o.record.key : 'failed')));
		expect(again.outcomes[11].ok).toBe(true);
	});

	test('Send As Bulk Job with a key per record is refused before anything is sent, naming the way to use instead', async () => {
		const jobs = sandbox.stats.functions['rest:POST services/bulk/job/create'] ?? 0;
		const { outcomes } = await createRecords(client, 'company-config/department', departments('Kb', 3), { way: 'bulk', keys: ['a', 'b', 'c'] });
		expect(outcomes.map((o) => (o.ok ? '' : o.error.message))).toEqual([BULK_WITH_KEYS, BULK_WITH_KEYS, BULK_WITH_KEYS].map((m) => expect.stringContaining(m.slice(0, 60))));
		expect(BULK_WITH_KEYS).toMatch(/Send As: Auto or Batch Requests/);
		expect(sandbox.stats.functions['rest:POST services/bulk/job/create'] ?? 0).toBe(jobs);
	});

	test('keys with Send As Auto never make a bulk job (one key per job is no key per record)', async () => {
		const { way, outcomes } = await createRecords(client, 'company-config/department', departments('Ka', 2), { way: 'auto', keys: ['ka-1', 'ka-2'] });
		expect(way).toBe('batch');
		expect(outcomes.every((o) => o.ok)).toBe(true);
	});

	test('auto sends batch requests (measured faster than bulk up to 30,000 records); bulk when asked', () => {
		expect(BULK_FROM_RECORDS).toBe(Number.POSITIVE_INFINITY);
		expect(chooseWay('auto', 1_000_000)).toBe('batch');
		expect(chooseWay('bulk', 1)).toBe('bulk');
		expect(chooseWay('batch', 1_000_000)).toBe('batch');
	});

	test('the bulk job form is byte-identical for the same records (a repeat is the same request)', () => {
		const a = bulkJobForm({ objectName: 'x/y', operation: 'create', jobFile: 'records.json', fileContentType: 'json' }, [{ id: '1' }]);
		const b = bulkJobForm({ objectName: 'x/y', operation: 'create', jobFile: 'records.json', fileContentType: 'json' }, [{ id: '1' }]);
		expect(a).toEqual(b);
		expect(a.contentType).toMatch(/^multipart\/form-data; boundary=ia-bulk-[0-9a-f]{32}$/);
	});

	test('lookup over REST lists the fields the node can name, from the model service', async () => {
		const result = await client.execute(lookup('VENDOR'));
		const fields = (result.records[0].Fields as { Field: Array<{ ID: string; DESCRIPTION: string }> }).Field;
		expect(fields.map((f) => f.ID)).toEqual(expect.arrayContaining(['VENDORID', 'NAME']));
		expect(fields.find((f) => f.ID === 'VENDORID')?.DESCRIPTION).toBe('id');
		const passThrough = await client.execute(lookup('company-config/department'));
		expect((passThrough.records[0].Fields as { Field: Array<{ ID: string }> }).Field.map((f) => f.ID)).toEqual(expect.arrayContaining(['id', 'name', 'parent.id']));
	});

	test('query aggregates over REST (the query service\'s "sum:field") give the XML wire\'s rows, grouped the same', async () => {
		const xml = new IntacctClient({ credentials: sandbox.credentials, post: createNodeHttpPost(), retryBaseDelayMs: 1 });
		const fn = query({
			object: 'GLENTRY',
			select: { fields: ['ACCOUNTNO'], sum: ['TRX_AMOUNT'], max: ['TRX_AMOUNT'] },
			filter: { operator: 'in', field: 'ACCOUNTNO', values: ['7000', '1590'] },
			orderBy: [{ field: 'ACCOUNTNO' }],
			// Entity-private lines too, as REST at the top level reads them (and as the node's query does).
			showPrivate: true,
		});
		const collect = async (c: { pages(f: typeof fn): AsyncIterable<IntacctRecord[]> }) => {
			const out: IntacctRecord[] = [];
			for await (const page of c.pages(fn)) out.push(...page);
			return out;
		};
		const [overXml, overRest] = await Promise.all([collect(xml), collect(client)]);
		expect(overRest.length).toBe(2);
		const norm = (r: IntacctRecord) => ({ ACCOUNTNO: r.ACCOUNTNO, SUM: Number(r['SUM.TRX_AMOUNT']).toFixed(2), MAX: Number(r['MAX.TRX_AMOUNT']).toFixed(2) });
		const sort = (rs: IntacctRecord[]) => rs.map(norm).sort((a, b) => String(a.ACCOUNTNO).localeCompare(String(b.ACCOUNTNO)));
		expect(sort(overRest)).toEqual(sort(overXml));
	});
});
