import { type Sandbox, startSandbox } from '../../../../../sandbox';
import { RestIntacctClient } from '../../../../../nodes/shared/intacct/client/restClient';
import { IntacctClient } from '../../../../../nodes/shared/intacct/client/client';
import { create, legacyFunction, lookup, read, readByName, readByQuery, readMore } from '../../../../../nodes/shared/intacct/xml/functions';
import { IntacctError } from '../../../../../nodes/shared/intacct/core/errors';
import type { IntacctRecord } from '../../../../../nodes/shared/intacct/core/types';
import { nodeRestHttp } from '../../../../support/nodeRestHttp';
import { sandboxRestClient } from '../../../../support/sandboxRestClient';
import { createNodeHttpPost } from '../../../../support/nodeHttpPost';

describe('RestIntacctClient against the sandbox (client/restClient.ts)', () => {
	let sandbox: Sandbox;
	let rest: RestIntacctClient;
	const restClient = (extra: Partial<ConstructorParameters<typeof RestIntacctClient>[0]> = {}): RestIntacctClient => sandboxRestClient(sandbox, extra);
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		rest = restClient();
	});
	afterAll(() => sandbox.close());

	test('read and readByQuery give the same GLENTRY records as the XML wire, field for field', async () => {
		const xml = new IntacctClient({ credentials: sandbox.credentials, post: createNodeHttpPost(), retryBaseDelayMs: 1 });
		const fields = ['RECORDNO', 'BATCHNO', 'TR_TYPE', 'ENTRY_DATE', 'TRX_AMOUNT', 'ACCOUNTNO', 'DEPARTMENT', 'LOCATION', 'DESCRIPTION', 'STATE'];
		const fn = readByQuery({ object: 'GLENTRY', fields, query: "ACCOUNTNO IN ('7000','1590') AND ENTRY_DATE >= '01/01/2025' AND STATE = 'P'", pageSize: 50 });
		const collect = async (client: { pages(f: typeof fn, o?: { limit?: number }): AsyncIterable<IntacctRecord[]> }): Promise<IntacctRecord[]> => {
			const out: IntacctRecord[] = [];
			for await (const page of client.pages(fn, { limit: 120 })) out.push(...page);
			return out;
		};
		const [overXml, overRest] = await Promise.all([collect(xml), collect(rest)]);
		expect(overRest.length).toBeGreaterThan(50);
		expect(overRest.length).toBe(overXml.length);
		const byKey = (rs: IntacctRecord[]): IntacctRecord[] => [...rs].sort((a, b) => Number(a.RECORDNO) - Number(b.RECORDNO));
		const norm = (r: IntacctRecord): IntacctRecord => ({ ...r, TRX_AMOUNT: String(Number(r.TRX_AMOUNT)) });
		expect(byKey(overRest).map(norm)).toEqual(byKey(overXml).map(norm));
		const one = await rest.execute(read('GLENTRY', '1', fields));
		expect(one.records[0]).toMatchObject({ RECORDNO: '1', ACCOUNTNO: '7000', TR_TYPE: '1', ENTRY_DATE: '01/01/2025', STATE: 'Posted' });
	});

	test('readByName finds a vendor by its ID; a missing key is no record, not an error', async () => {
		const vendor = await rest.execute(readByName('VENDOR', 'V-100', ['VENDORID', 'NAME', 'STATUS']));
		expect(vendor.records).toEqual([{ VENDORID: 'V-100', NAME: expect.any(String), STATUS: 'active' }]);
		expect((await rest.execute(read('VENDOR', '999999'))).records).toEqual([]);
	});

	test('One Request Per Document: creates with an idempotency key go one per request, each under its own key (a batch takes one key)', async () => {
		const rest = restClient({ keyedCreates: 'single' });
		const before = rest.stats.requests;
		const vendor = (id: string) => create('VENDOR', { VENDORID: id, NAME: `Vendor ${id}`, DISPLAYCONTACT: { PRINTAS: id } }, { controlId: `ctl-${id}` });
		const outcomes = await rest.executeMany([vendor('RK-1'), vendor('RK-2'), vendor('RK-3')]);
		// Three POSTs and one read-back of the records' webURL (the XML create answers RECORD_URL).
		expect(rest.stats.requests - before).toBe(4);
		expect(outcomes.map((o) => o.ok && o.result.duplicate !== true)).toEqual([true, true, true]);
		// The same three again with a fourth: the three are Intacct's replays (reported as duplicates), the fourth is new.
		const again = await rest.executeMany([vendor('RK-1'), vendor('RK-2'), vendor('RK-3'), vendor('RK-4')]);
		expect(again.map((o) => o.ok && o.result.duplicate === true)).toEqual([true, true, true, false]);
		expect(again.map((o) => o.ok)).toEqual([true, true, true, true]);
	});

	test('creates without a key go out as one batch request, each result paired back to its function', async () => {
		const before = rest.stats.requests;
		const vendor = (id: string, printAs?: string) => create('VENDOR', { VENDORID: id, NAME: `Vendor ${id}`, DISPLAYCONTACT: printAs ? { PRINTAS: printAs } : undefined });
		// The middle vendor's ID exists already (a REST vendor without PRINTAS is accepted since main's
		// sandbox follows Sage's REST example, so the refusal comes from the duplicate ID).
		const outcomes = await rest.executeMany([vendor('RV-1', 'RV one'), vendor('V-100', 'taken'), vendor('RV-3', 'RV three')]);
		// The batch and one read-back of the created records' webURL.
		expect(rest.stats.requests - before).toBe(2);
		expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
		// The XML gateway's answer: RECORDNO, the vendor ID, RECORD_URL.
		expect(outcomes.map((o) => (o.ok ? Object.keys(o.result.records[0]) : []))).toEqual([['RECORDNO', 'VENDORID', 'RECORD_URL'], [], ['RECORDNO', 'VENDORID', 'RECORD_URL']]);
		const failed = outcomes[1];
		if (failed.ok) throw new Error('expected a failure');
		expect(failed.error.errors.map((e) => e.errorNo)).toContain('BL34000061');
		const created = await rest.execute(readByName('VENDOR', 'RV-3', ['VENDORID', 'NAME']));
		expect(created.records).toEqual([{ VENDORID: 'RV-3', NAME: 'Vendor RV-3' }]);
	});

	test('a field the REST object lacks is refused before anything is sent, naming it', async () => {
		const before = rest.stats.requests;
		await expect(rest.execute(readByQuery({ object: 'GLENTRY', fields: ['RECORDNO', 'NOSUCHFIELD'] }))).rejects.toThrow(/NOSUCHFIELD cannot be read over the REST API/);
		expect(rest.stats.requests).toBe(before);
	});

	test('a user-defined dimension is read as its platform object: the dimension list once, later pages one request each', async () => {
		const client = restClient();
		const fn = readByQuery({ object: 'FUNDINGSOURCE', fields: ['ID', 'NAME'], query: "ID LIKE '%1000%' OR NAME LIKE '%1000%'", pageSize: 4 });
		const first = await client.execute(fn);
		// The dimension list (where the records are served), then the query service.
		expect(client.stats.requests).toBe(2);
		expect(first.records).toEqual([
			{ ID: '10001', NAME: 'Unrestricted' },
			{ ID: '10002', NAME: 'Federal Pass-Through' },
			{ ID: '10003', NAME: 'State' },
			{ ID: '10004', NAME: 'County' },
		]);
		expect(first.numRemaining).toBeGreaterThan(0);
		const second = await restClient().execute(readMore(String(first.resultId)));
		expect(second.records[0]).toEqual({ ID: '10005', NAME: 'Private Foundation' });
		// A fresh client (a later page of the editor's list) sends the query alone.
		const third = restClient();
		await third.execute(readMore(String(first.resultId)));
		expect(third.stats.requests).toBe(1);

		// getDimensions, read, readByName and lookup on one client: one dimension list.
		const one = restClient();
		await one.execute(legacyFunction('getDimensions', {}));
		expect((await one.execute(read('FUNDINGSOURCE', '10004', ['ID', 'NAME']))).records).toEqual([{ ID: '10004', NAME: 'County' }]);
		expect((await one.execute(readByName('FUNDINGSOURCE', '10003', ['ID', 'NAME']))).records).toEqual([{ ID: '10003', NAME: 'State' }]);
		const fields = JSON.stringify((await one.execute(lookup('FUNDINGSOURCE'))).records[0]);
		expect(fields).toContain('"ID":"NAME"');
		expect(one.stats.requests).toBe(4);
		// An object that is neither mapped nor a dimension of the company is refused, naming it.
		await expect(one.execute(readByQuery({ object: 'NOSUCHOBJECT', fields: ['ID'] }))).rejects.toThrow(/NOSUCHOBJECT is not available over the REST API/);
	});

	test('a token revoked mid-run is replaced once and the request repeated', async () => {
		const client = restClient();
		await client.execute(read('GLENTRY', '1', ['RECORDNO']));
		sandbox.rest.expireAccessTokens();
		const again = await client.execute(read('GLENTRY', '2', ['RECORDNO']));
		expect(again.records).toEqual([{ RECORDNO: '2' }]);
		expect(client.stats.tokenRequests).toBe(2);
	});

	test('429 and 5xx are retried; errors carry ia::error and never the token or secret', async () => {
		const client = restClient();
		sandbox.faults.add({ match: { functionName: 'general-ledger/journal-entry-line' }, action: { type: 'status', status: 503, body: 'html' }, times: 2 });
		sandbox.faults.add({ match: { functionName: 'general-ledger/journal-entry-line' }, action: { type: 'rateLimit' }, times: 1 });
		const ok = await client.execute(read('GLENTRY', '3', ['RECORDNO']));
		expect(ok.records).toEqual([{ RECORDNO: '3' }]);
		const wrong = restClient({ credentials: { ...sandbox.rest.credentials, clientSecret: 'wrong-secret-123', baseUrl: sandbox.rest.baseUrl } });
		const error = (await wrong.execute(read('GLENTRY', '1')).catch((e: unknown) => e)) as IntacctError;
		expect(error).toBeInstanceOf(IntacctError);
		expect(error.httpStatus).toBe(401);
		expect(error.errors[0].errorNo).toBe('invalidClient');
		expect(JSON.stringify({ m: error.message, d: error.description, e: error.errors })).not.toContain('wrong-secret-123');
	});
	test('a line\'s user-defined dimension goes out as the company spells it in its dimension list (read once), and reads back whatever its case', async () => {
		// A company whose UDD was created as "FundingSource": its dimension list says so, and only that spelling is its field.
		const sent: string[] = [];
		const http: typeof nodeRestHttp = async (request) => {
			if (request.body !== undefined && (request.url.includes('/objects/') || request.url.endsWith('/services/core/query'))) {
				sent.push(request.body ?? '');
				request = { ...request, body: request.body?.replace(/nsp::FundingSource/g, 'nsp::fundingsource') };
			}
			const response = await nodeRestHttp(request);
			const company = request.url.endsWith('/services/company-config/dimensions/list') ? response.body.replace(/nsp::fundingsource/g, 'nsp::FundingSource') : response.body;
			return { ...response, body: company.replace(/nsp::fundingsource\.key/g, 'nsp::FundingSource.key') };
		};
		const client = restClient({ http });
		const entry = create('GLBATCH', {
			JOURNAL: 'GJ',
			BATCH_DATE: '11/05/2026',
			BATCH_TITLE: 'UDD spelled by the company',
			ENTRIES: {
				GLENTRY: [
					{ ACCOUNTNO: '6000', TR_TYPE: '1', TRX_AMOUNT: '8', LOCATION: '110', GLDIMFUNDINGSOURCE: '10003' },
					{ ACCOUNTNO: '2000', TR_TYPE: '-1', TRX_AMOUNT: '8', LOCATION: '110' },
				],
			},
		});
		const created = await client.execute(entry);
		expect(sent[0]).toContain('"nsp::FundingSource":{"key":"10003"}');
		const lines = await client.execute(readByQuery({ object: 'GLENTRY', fields: ['RECORDNO', 'GLDIMFUNDINGSOURCE'], query: `BATCHNO = '${created.key}' AND GLDIMFUNDINGSOURCE = '10003'` }));
		// (sent[1]: the read-back of the entry's webURL)
		expect(sent[2]).toContain('dimensions.nsp::FundingSource.key');
		expect(lines.records).toEqual([{ RECORDNO: expect.any(String), GLDIMFUNDINGSOURCE: '10003' }]);
		// One dimension list for both requests, and none for a body without a UDD.
		expect(client.stats.requests).toBe(4);
		await client.execute(read('GLENTRY', String(lines.records[0].RECORDNO), ['RECORDNO']));
		expect(client.stats.requests).toBe(5);
	});
});
