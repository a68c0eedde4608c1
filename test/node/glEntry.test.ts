/**
 * GL entries through the real engine: Get Many paging (Return All across pages to the end, Limit
 * stopping early), filters, GLDETAIL, field selection, simplified vs raw output, Get, and the
 * harness's fixture start node feeding our node.
 */
import type { Sandbox } from '../../sandbox/api';
import { chain, createCredentialsHelper, FIXTURE_ITEMS_TYPE, packageNode, runWorkflow, sandboxCredentialValues } from '../support/harness';
import { NODE_NAME, functionsSent, readAll, runNode, startTestSandbox } from './support';

let sandbox: Sandbox;
let totalGlEntries: number;

beforeAll(async () => {
	sandbox = await startTestSandbox();
	totalGlEntries = (await readAll(sandbox, 'GLENTRY', '', 'RECORDNO')).length;
});

afterAll(async () => {
	await sandbox?.close();
});

describe('glEntry.getMany', () => {
	it('returns all lines across several pages (query, keyset on RECORDNO) with Return All', async () => {
		expect(totalGlEntries).toBeGreaterThan(250);
		sandbox.stats.reset();
		const run = await runNode(sandbox, {
			resource: 'glEntry',
			operation: 'getMany',
			returnAll: true,
			options: { fields: 'RECORDNO,ACCOUNTNO,AMOUNT', pageSize: 100 },
		});
		expect(run.status).toBe('success');
		const out = run.output(NODE_NAME);
		expect(out).toHaveLength(totalGlEntries);
		expect(new Set(out.map((i) => i.json.recordNo)).size).toBe(totalGlEntries);
		expect(out.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0)).toBe(true);
		// Issue 16: Return All reads with query (one call per page, no lookup when fields are given).
		expect(functionsSent(sandbox, 'query')).toBe(Math.ceil(totalGlEntries / 100));
		expect(functionsSent(sandbox, 'readByQuery') + functionsSent(sandbox, 'readMore') + functionsSent(sandbox, 'lookup')).toBe(0);
	});

	it('stops early at the Limit without reading further pages', async () => {
		sandbox.stats.reset();
		const run = await runNode(sandbox, { resource: 'glEntry', operation: 'getMany', returnAll: false, limit: 7 });
		expect(run.output(NODE_NAME)).toHaveLength(7);
		// Issue 16: one lookup (all fields) and one query page.
		expect(functionsSent(sandbox, 'query')).toBe(1);
		expect(functionsSent(sandbox, 'readMore')).toBe(0);
		// One item: n8n's editor shows its own "Limit of 7 items reached" hint; a second one from the node
		// stacked two notices saying the same thing (issue 18). The node's only hint is the run's cost (issue 16).
		expect(run.taskData(NODE_NAME)?.hints ?? []).toEqual([
			expect.objectContaining({ message: expect.stringMatching(/API transactions?: .* 2 reads/) }),
		]);
	});

	it('hints once at the Limit when several input items each hit it (n8n\'s own hint only counts the whole output)', async () => {
		const run = await runNode(sandbox, { resource: 'glEntry', operation: 'getMany', returnAll: false, limit: 3 }, { items: [{ json: {} }, { json: {} }] });
		expect(run.output(NODE_NAME)).toHaveLength(6);
		expect(run.taskData(NODE_NAME)?.hints).toEqual([
			expect.objectContaining({ message: expect.stringMatching(/first 3 records.*Return All/) }),
			expect.objectContaining({ message: expect.stringMatching(/^Sage Intacct: \d+ API transactions?/) }),
		]);
	});

	it('defaults to a limit of 50', async () => {
		const run = await runNode(sandbox, { resource: 'glEntry', operation: 'getMany' });
		expect(run.output(NODE_NAME)).toHaveLength(50);
	});

	it('filters by date range, accounts, state and dimensions; simplified output has numbers and ISO dates', async () => {
		const run = await runNode(sandbox, {
			resource: 'glEntry',
			operation: 'getMany',
			returnAll: true,
			filters: { startDate: '2025-01-01', endDate: '2025-06-30', accountNos: '6100, 6150', state: 'P' },
		});
		const lines = run.json(NODE_NAME);
		const expected = await readAll(
			sandbox,
			'GLENTRY',
			"ENTRY_DATE >= '01/01/2025' AND ENTRY_DATE <= '06/30/2025' AND ACCOUNTNO IN ('6100','6150') AND STATE = 'P'",
			'RECORDNO',
		);
		expect(lines.length).toBe(expected.length);
		expect(lines.length).toBeGreaterThan(0);
		for (const line of lines) {
			expect(['6100', '6150']).toContain(line.accountNo);
			expect(line.entryDate).toMatch(/^2025-0[1-6]-\d{2}$/);
			expect(typeof line.amount).toBe('number');
			expect(line.side ?? line.trType).toBeDefined();
		}
	});

	it('filters by a user-defined dimension and a project', async () => {
		const run = await runNode(sandbox, {
			resource: 'glEntry',
			operation: 'getMany',
			returnAll: true,
			filters: { userDefinedDimensions: { field: [{ name: 'FUNDINGSOURCE', value: '10004' }] } },
		});
		const lines = run.json(NODE_NAME);
		const expected = await readAll(sandbox, 'GLENTRY', "GLDIMFUNDINGSOURCE = '10004'", 'RECORDNO');
		expect(lines).toHaveLength(expected.length);
		// Read with query (issue 16): the dimension keeps its field name, as the triggers' items have it.
		expect(lines.every((l) => l.GLDIMFUNDINGSOURCE === '10004')).toBe(true);
	});

	it('filters by modified since (WHENMODIFIED), e.g. lines posted a moment ago', async () => {
		const since = new Date(sandbox.clock.now().getTime() - 1000);
		sandbox.clock.advance(60_000);
		const created = await runNode(sandbox, {
			resource: 'journalEntry',
			operation: 'create',
			journal: { __rl: true, mode: 'id', value: 'GJ' },
			postingDate: '2026-10-10',
			description: 'Modified since test',
			lineInput: 'json',
			linesJson: JSON.stringify([
				{ accountNo: '6400', debit: 1, locationId: '110' },
				{ accountNo: '1000', credit: 1, locationId: '110' },
			]),
		});
		expect(created.status).toBe('success');
		const iso = `${since.getUTCFullYear()}-${String(since.getUTCMonth() + 1).padStart(2, '0')}-${String(since.getUTCDate()).padStart(2, '0')}T${since.toISOString().slice(11, 19)}`;
		const run = await runNode(sandbox, { resource: 'glEntry', operation: 'getMany', returnAll: true, filters: { modifiedSince: iso } });
		const lines = run.json(NODE_NAME);
		expect(lines.length).toBeGreaterThanOrEqual(2);
		expect(lines.some((l) => l.journalEntryRecordNo === created.json(NODE_NAME)[0].recordNo)).toBe(true);
		expect(lines.length).toBeLessThan(totalGlEntries);
	});

	it('filters GL entries by journal through the journal entries (GLENTRY has no JOURNAL field: issue 11, item 3)', async () => {
		const batches = await readAll(sandbox, 'GLBATCH', "JOURNAL = 'ADJ'", 'RECORDNO');
		const keys = new Set(batches.map((b) => String(b.RECORDNO)));
		const expected = (await readAll(sandbox, 'GLENTRY', '', 'RECORDNO,BATCHNO')).filter((l) => keys.has(String(l.BATCHNO)));
		const run = await runNode(sandbox, { resource: 'glEntry', operation: 'getMany', returnAll: true, filters: { journal: 'ADJ' } });
		expect(run.status).toBe('success');
		const lines = run.json(NODE_NAME);
		expect(lines).toHaveLength(expected.length);
		expect(lines.every((l) => keys.has(String(l.journalEntryRecordNo)))).toBe(true);
		// The sandbox refuses GLENTRY.JOURNAL like a real company: the old filter fails.
		const old = await runNode(sandbox, { resource: 'glEntry', operation: 'getMany', limit: 1, filters: { query: "JOURNAL = 'ADJ'" } });
		expect(old.status).toBe('error');
		// GLDETAIL filters its own SYMBOL column.
		const detail = await runNode(sandbox, { resource: 'glEntry', operation: 'getMany', source: 'GLDETAIL', limit: 5, filters: { journal: 'GJ' } });
		expect(detail.json(NODE_NAME).every((r) => r.journal === 'GJ' || r.symbol === 'GJ')).toBe(true);
	});

	it('filters GL entries by entity by reading in that entity (no MEGAENTITYID on GLENTRY: issue 11, item 3)', async () => {
		const run = await runNode(sandbox, { resource: 'glEntry', operation: 'getMany', returnAll: true, filters: { entity: '200' }, options: { fields: 'RECORDNO,LOCATION' } });
		expect(run.status).toBe('success');
		const lines = run.json(NODE_NAME);
		expect(lines.length).toBeGreaterThan(0);
		const inEntity = await readAll(sandbox, 'GLENTRY', '', 'RECORDNO', '200');
		expect(lines).toHaveLength(inEntity.length);
	});

	it('reads the GLDETAIL view with signed amounts', async () => {
		const run = await runNode(sandbox, { resource: 'glEntry', operation: 'getMany', source: 'GLDETAIL', limit: 20, filters: { accountNos: '1000' } });
		const rows = run.json(NODE_NAME);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			expect(row.accountNo).toBe('1000');
			expect(typeof row.debitAmount).toBe('number');
		}
	});

	it('returns raw Intacct records when Simplify is off', async () => {
		const run = await runNode(sandbox, { resource: 'glEntry', operation: 'getMany', limit: 1, simplify: false });
		const [raw] = run.json(NODE_NAME);
		expect(raw.RECORDNO).toEqual(expect.stringMatching(/^\d+$/));
		expect(raw.ENTRY_DATE).toEqual(expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/));
	});

	it('rejects an impossible filter date before reading', async () => {
		sandbox.stats.reset();
		const run = await runNode(sandbox, { resource: 'glEntry', operation: 'getMany', filters: { startDate: '2026-02-30' } });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/item 1.*startDate.*not a real date/);
		expect(functionsSent(sandbox, 'readByQuery')).toBe(0);
	});

	it('runs once per input item, each result paired to its item, fed by a fixture start node', async () => {
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		const run = await runWorkflow(
			{
				nodes: [
					{ id: 'f', name: 'Items', type: FIXTURE_ITEMS_TYPE, typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify([{ account: '6100' }, { account: '6150' }]) } },
					packageNode('sageIntacct', NODE_NAME, { resource: 'glEntry', operation: 'getMany', limit: 3, filters: { accountNos: '={{ $json.account }}' } }),
				],
				connections: chain('Items', NODE_NAME),
			},
			{ credentials },
		);
		expect(run.status).toBe('success');
		const out = run.output(NODE_NAME);
		expect(out).toHaveLength(6);
		expect(out.slice(0, 3).every((i) => i.json.accountNo === '6100' && (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(out.slice(3).every((i) => i.json.accountNo === '6150' && (i.pairedItem as { item: number }).item === 1)).toBe(true);
	});
});

describe('entity override', () => {
	it('reads in the credential\'s entity by default, in another entity or at the top level when overridden', async () => {
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials, entityId: '200' }));
		// GLENTRY has no MEGAENTITYID on a real company (docs/fidelity.md): a line's entity shows in its LOCATION.
		const parameters = { resource: 'glEntry', operation: 'getMany', returnAll: true, options: { fields: 'RECORDNO,LOCATION' } };
		const run = async (entityId?: string) =>
			(
				await runWorkflow(
					{ nodes: [packageNode('sageIntacct', NODE_NAME, entityId === undefined ? parameters : { ...parameters, entityId: { __rl: true, mode: 'id', value: entityId } })] },
					{ credentials },
				)
			).json(NODE_NAME);
		const inWest = await run();
		expect(inWest.length).toBeGreaterThan(0);
		// An entity session sees its own lines and shared top-level ones, never another entity's.
		const location = (l: Record<string, unknown>): string => String(l.locationId ?? l.LOCATION ?? '');
		expect(inWest.some((l) => location(l).startsWith('2'))).toBe(true);
		const inEast = await run('100');
		expect(inEast.some((l) => location(l).startsWith('1'))).toBe(true);
		const topLevel = await run('TOP_LEVEL');
		expect(topLevel.length).toBe((await readAll(sandbox, 'GLENTRY', '', 'RECORDNO')).length);
		expect(topLevel.length).toBeGreaterThan(inWest.length);
	});
});

describe('glEntry.get', () => {
	it('gets one line by record number', async () => {
		const [first] = await readAll(sandbox, 'GLENTRY', "ACCOUNTNO = '6100'", 'RECORDNO');
		const run = await runNode(sandbox, { resource: 'glEntry', operation: 'get', recordNo: first.RECORDNO as string });
		expect(run.json(NODE_NAME)).toEqual([expect.objectContaining({ recordNo: Number(first.RECORDNO), accountNo: '6100' })]);
	});

	it('reports a missing line as an error, or as an error item with continueOnFail', async () => {
		const failed = await runNode(sandbox, { resource: 'glEntry', operation: 'get', recordNo: '99999999' });
		expect(failed.status).toBe('error');
		const continued = await runNode(sandbox, { resource: 'glEntry', operation: 'get', recordNo: '99999999' }, { continueOnFail: true });
		expect(continued.json(NODE_NAME)).toEqual([expect.objectContaining({ error: expect.stringMatching(/99999999/) })]);
	});
});
