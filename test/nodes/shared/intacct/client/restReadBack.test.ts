import { type Sandbox, startSandbox } from '../../../../../sandbox';
import { RestIntacctClient, type RestClientOptions } from '../../../../../nodes/shared/intacct/client/restClient';
import { IntacctClient } from '../../../../../nodes/shared/intacct/client/client';
import { READ_BACK_KEYS, readBack } from '../../../../../nodes/shared/intacct/client/restReadBack';
import { create, read } from '../../../../../nodes/shared/intacct/xml/functions';
import type { BatchOutcome, IntacctRecord } from '../../../../../nodes/shared/intacct/core/types';
import { nodeRestHttp } from '../../../../support/nodeRestHttp';
import { legacyInvoiceCreate, sandboxRestClient } from '../../../../support/sandboxRestClient';
import { createNodeHttpPost } from '../../../../support/nodeHttpPost';

describe('created records read back over REST for what the create answer lacks (client/restReadBack.ts)', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(() => sandbox.close());

	const client = (extra: Partial<RestClientOptions> = {}): RestIntacctClient => sandboxRestClient(sandbox, extra);
	const xmlRead = async (object: string, key: string): Promise<IntacctRecord> => {
		const xml = new IntacctClient({ credentials: sandbox.credentials, post: createNodeHttpPost(), retryBaseDelayMs: 1 });
		return (await xml.execute(read(object, key, ['RECORDNO', 'RECORD_URL']))).records[0];
	};
	const queries = (): number => sandbox.stats.functions['rest:POST services/core/query'] ?? 0;
	const vendor = (id: string, keyed = true) => create('VENDOR', { VENDORID: id, NAME: `Vendor ${id}`, DISPLAYCONTACT: { PRINTAS: id } }, keyed ? { controlId: `rb-${id}` } : {});
	const records = (outcomes: BatchOutcome[]): IntacctRecord[] => outcomes.map((o) => (o.ok ? o.result.records[0] : {}));

	test('a create answers as the XML gateway does (RECORDNO, the vendor ID, RECORD_URL), the link equal to the XML read of the same record', async () => {
		const [made] = await client().executeMany([vendor('RB-1')]);
		if (!made.ok) throw made.error;
		const record = made.result.records[0];
		expect(Object.keys(record)).toEqual(['RECORDNO', 'VENDORID', 'RECORD_URL']);
		expect(record.VENDORID).toBe('RB-1');
		const overXml = await xmlRead('VENDOR', String(record.RECORDNO));
		expect(record.RECORD_URL).toMatch(/^http:\/\/.+\/ia\/acct\/ur\.phtml\?\.r=vendor%3A\d+$/);
		expect(record.RECORD_URL).toBe(overXml.RECORD_URL);
	});

	test('keyed and unkeyed creates of one object: one read-back for both, asking webURL and the audit time in the same query', async () => {
		const bodies: string[] = [];
		const http: typeof nodeRestHttp = async (request) => {
			if (request.url.endsWith('/services/core/query')) bodies.push(request.body ?? '');
			return await nodeRestHttp(request);
		};
		const ids = Array.from({ length: 24 }, (_, i) => `RB-M${i + 1}`);
		const outcomes = await client({ http }).executeMany(ids.map((id, n) => vendor(id, n % 4 !== 0)));
		expect(outcomes.every((o) => o.ok)).toBe(true);
		expect(records(outcomes).every((r) => typeof r.RECORD_URL === 'string' && r.RECORD_URL.includes('ur.phtml'))).toBe(true);
		// The keyed composites' server clock came with the token: the read-back is the only query.
		expect(bodies).toHaveLength(1);
		expect(JSON.parse(bodies[0]) as unknown).toMatchObject({ object: 'accounts-payable/vendor', fields: ['key', 'webURL', 'audit.createdDateTime'] });
	});

	test(`${READ_BACK_KEYS + 1} created records: one read-back query per ${READ_BACK_KEYS}`, async () => {
		const ids = Array.from({ length: READ_BACK_KEYS + 1 }, (_, i) => `RB-L${i + 1}`);
		const rest = client();
		const before = queries();
		const outcomes = await rest.executeMany(ids.map((id) => vendor(id, false)));
		expect(outcomes.every((o) => o.ok)).toBe(true);
		expect(queries() - before).toBe(2);
		// The batches (500 each), the two read-backs and the token.
		expect(rest.stats.requests).toBe(Math.ceil(ids.length / 500) + 2);
		expect(records(outcomes).filter((r) => typeof r.RECORD_URL === 'string').length).toBe(ids.length);
	}, 120_000);

	test('a read-back that fails leaves the items created and answered without RECORD_URL, not failed', async () => {
		// The query service refuses the read (400: not retried); the creates went through.
		sandbox.faults.add({ match: { functionName: 'services/core/query' }, action: { type: 'status', status: 400, body: 'xml' } });
		const outcomes = await client().executeMany([vendor('RB-F1'), vendor('RB-F2', false)]);
		expect(sandbox.faults.pending()).toBe(0);
		expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
		expect(records(outcomes).map((r) => Object.keys(r))).toEqual([
			['RECORDNO', 'VENDORID'],
			['RECORDNO', 'VENDORID'],
		]);
		expect(records(outcomes).map((r) => r.VENDORID)).toEqual(['RB-F1', 'RB-F2']);
	});

	test('the legacy creates (create_invoice answers <key> alone over XML) read nothing back', async () => {
		const rest = client();
		const before = queries();
		const invoice = legacyInvoiceCreate('rb-invoice-1');
		const [made] = await rest.executeMany([invoice]);
		if (!made.ok) throw made.error;
		expect(made.result.records).toEqual([{ RECORDNO: made.result.key }]);
		expect(queries() - before).toBe(0);
	});

	test('readBack: keys of a failed slice are left out, the others answered', async () => {
		let calls = 0;
		const fake = {
			request: async (_method: 'POST', _path: string, options: { body?: unknown }) => {
				calls++;
				const keys = ((options.body as { filters: Array<{ $in: { key: string[] } }> }).filters[0].$in.key ?? []) as string[];
				if (keys.includes('1')) throw new Error('refused');
				return { result: keys.map((key) => ({ key, webURL: `/u/${key}` })) };
			},
		};
		const keys = Array.from({ length: 2 * READ_BACK_KEYS + 1 }, (_, i) => String(i + 1));
		const rows = await readBack(fake, 'accounts-payable/vendor', [...keys, '5', ''], ['webURL']);
		expect(calls).toBe(3);
		expect(rows.size).toBe(READ_BACK_KEYS + 1);
		expect(rows.has('1')).toBe(false);
		expect(rows.get(String(2 * READ_BACK_KEYS + 1))).toEqual({ key: String(2 * READ_BACK_KEYS + 1), webURL: `/u/${2 * READ_BACK_KEYS + 1}` });
	});
});
