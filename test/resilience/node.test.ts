/**
 * Fault matrix through the node in the real n8n engine: journalEntry/create of 10 items (4 per
 * request, fault on the 2nd request) and glEntry/getMany Return All (fault on readMore). The node's
 * client backs off 1 s, 2 s, 4 s... (not configurable from the node), so this file covers one
 * occurrence of the retried faults and the faults reported at once (524, resultId expiry).
 */
import type { IDataObject } from 'n8n-workflow';
import type { FaultAction } from '../../sandbox/api';
import { journalEntryCreateParameters } from '../support/nodeWorkflows';
import { glEntryTotal, resetFixture, startFixture, storedPerReference, expectPlainMessage, type Fixture } from './support';
import { NODE_NAME, runNode } from './nodeRun';

let fx: Fixture;
beforeAll(async () => {
	fx = await startFixture();
});
afterAll(async () => {
	await fx.sandbox.close();
});
beforeEach(() => resetFixture(fx));

const N = 10;
// The faulted request is the one carrying item 4 (matched by content: with 2 requests in flight,
// which batch reaches the gateway second is not fixed).
const SECOND_REQUEST = [4, 5, 6, 7];

function entries(ref: string): IDataObject[] {
	const location = fx.master.locationIds[0];
	return Array.from({ length: N }, (_, i) => ({
		journal: fx.master.journal,
		date: '2026-03-31',
		title: `Node resilience ${ref}-${i}`,
		referenceNo: `${ref}-${i}`,
		lines: [
			{ accountNo: fx.master.expenseAccounts[0], type: 'debit', amount: 25, locationId: location },
			{ accountNo: fx.master.creditAccount, type: 'credit', amount: 25, locationId: location },
		],
	}));
}

const postEntries = (ref: string, options: { continueOnFail?: boolean; workflowId?: string } = {}) =>
	runNode(fx.sandbox, journalEntryCreateParameters(4), entries(ref), { workflowId: options.workflowId ?? `wf${ref.replace(/\W/g, '')}`, ...options });

describe('fault matrix through the node: journalEntry/create, 10 items', () => {
	const absorbed: Array<[string, FaultAction]> = [
		['5xx-empty', { type: 'status', status: 503, body: 'empty' }],
		['429', { type: 'rateLimit' }],
		['session-expiry', { type: 'expireSessions' }],
		['too-many-operations', { type: 'tooManyOperations' }],
	];

	it.each(absorbed)('posts every item once after one %s on the 2nd request', async (id, action) => {
		const ref = fx.nextRef(`n-${id}`);
		fx.sandbox.faults.add({ match: { functionName: 'create', bodyContains: `>${ref}-4<` }, action, times: 1 });
		const run = await postEntries(ref);
		expect(run.error).toBeUndefined();
		const out = run.json(NODE_NAME);
		expect(out).toHaveLength(N);
		expect(out.filter((j) => typeof j.recordNo === 'number')).toHaveLength(N);
		expect(run.output(NODE_NAME).map((item) => item.pairedItem)).toEqual(Array.from({ length: N }, (_, i) => ({ item: i })));
		expect(storedPerReference(fx.sandbox, ref, N)).toEqual(Array(N).fill(1));
	});

	it('a reset after commit: the 4 items come back as duplicate = true with the existing record, nothing twice', async () => {
		const ref = fx.nextRef('n-reset');
		fx.sandbox.faults.add({ match: { functionName: 'create', bodyContains: `>${ref}-4<` }, action: { type: 'resetAfterCommit' }, times: 1 });
		const run = await postEntries(ref);
		expect(run.error).toBeUndefined();
		const out = run.json(NODE_NAME);
		expect(out.map((j) => j.duplicate === true)).toEqual(Array.from({ length: N }, (_, i) => SECOND_REQUEST.includes(i)));
		// The duplicates were looked up by reference number: they carry the stored record's number.
		for (const i of SECOND_REQUEST) expect(typeof out[i].recordNo).toBe('number');
		expect(new Set(out.map((j) => j.recordNo)).size).toBe(N);
		expect(storedPerReference(fx.sandbox, ref, N)).toEqual(Array(N).fill(1));
	});

	it('a 524 with continue-on-fail: 4 error items with the status in plain words, 6 posted once', async () => {
		const ref = fx.nextRef('n-524');
		fx.sandbox.faults.add({ match: { functionName: 'create', bodyContains: `>${ref}-4<` }, action: { type: 'status', status: 524, body: 'html' }, times: 1 });
		const run = await postEntries(ref, { continueOnFail: true });
		expect(run.error).toBeUndefined();
		const out = run.json(NODE_NAME);
		expect(out).toHaveLength(N);
		out.forEach((j, i) => {
			if (SECOND_REQUEST.includes(i)) {
				expect(String(j.error)).toMatch(/HTTP 524/);
				expectPlainMessage(new Error(String(j.error)));
			} else expect(typeof j.recordNo).toBe('number');
		});
		expect(storedPerReference(fx.sandbox, ref, N)).toEqual(Array.from({ length: N }, (_, i) => (SECOND_REQUEST.includes(i) ? 0 : 1)));
	});

	it('a 524 without continue-on-fail stops the node naming the item; the re-run posts only what is missing', async () => {
		const ref = fx.nextRef('n-524-stop');
		const workflowId = 'wfRerunAfter524';
		fx.sandbox.faults.add({ match: { functionName: 'create', bodyContains: `>${ref}-4<` }, action: { type: 'status', status: 524, body: 'html' }, times: 1 });
		const first = await postEntries(ref, { workflowId });
		expect(first.status).toBe('error');
		expect(first.error?.message).toMatch(/HTTP 524/);
		expectPlainMessage(first.error as Error);
		expect((first.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(4);
		// Requests 1 and 3 were already sent when request 2 failed: those entries exist.
		expect(storedPerReference(fx.sandbox, ref, N)).toEqual(Array.from({ length: N }, (_, i) => (SECOND_REQUEST.includes(i) ? 0 : 1)));

		const second = await postEntries(ref, { workflowId });
		expect(second.error).toBeUndefined();
		const out = second.json(NODE_NAME);
		expect(out.map((j) => j.duplicate === true)).toEqual(Array.from({ length: N }, (_, i) => !SECOND_REQUEST.includes(i)));
		expect(storedPerReference(fx.sandbox, ref, N)).toEqual(Array(N).fill(1));
	});
});

describe('fault matrix through the node: glEntry/getMany Return All', () => {
	const getAll = (continueOnFail = false) =>
		// The free-text Query filter keeps this read on readByQuery + readMore (issue 16: other Return
		// All reads use query), whose lost-page recovery these faults exercise.
		runNode(fx.sandbox, { resource: 'glEntry', operation: 'getMany', returnAll: true, filters: { query: 'RECORDNO > 0' }, options: { fields: 'RECORDNO', pageSize: 1000 } }, [{}], { continueOnFail });

	it('reads more than one page, so a readMore fault lands mid-paging', () => {
		expect(glEntryTotal(fx.sandbox)).toBeGreaterThan(1000);
	});

	it.each<[string, FaultAction]>([
		['5xx-xml', { type: 'status', status: 502, body: 'xml' }],
		['session-expiry', { type: 'expireSessions' }],
	])('returns every GL entry once after one %s on readMore', async (_id, action) => {
		const total = glEntryTotal(fx.sandbox);
		fx.sandbox.faults.add({ match: { functionName: 'readMore' }, action, times: 1 });
		const run = await getAll();
		expect(run.error).toBeUndefined();
		const ids = run.json(NODE_NAME).map((j) => j.recordNo);
		expect(ids).toHaveLength(total);
		expect(new Set(ids).size).toBe(total);
	});

	it('an expired resultId: the node runs the query again and returns every GL entry once', async () => {
		const total = glEntryTotal(fx.sandbox);
		fx.sandbox.faults.add({ match: { functionName: 'readMore' }, action: { type: 'expireResultIds' }, times: 1 });
		const run = await getAll();
		expect(run.error).toBeUndefined();
		const ids = run.json(NODE_NAME).map((j) => j.recordNo);
		expect(ids).toHaveLength(total);
		expect(new Set(ids).size).toBe(total);
	});

	it('a resultId that keeps expiring: the node fails with Intacct\'s "Query Failed" in plain words, or an error item', async () => {
		fx.sandbox.faults.add({ match: { functionName: 'readMore' }, action: { type: 'expireResultIds' }, times: Infinity });
		const stopped = await getAll();
		expect(stopped.status).toBe('error');
		expect(stopped.error?.message).toMatch(/Query Failed.*expired resultId/);
		expectPlainMessage(stopped.error as Error);
		const continued = await getAll(true);
		const out = continued.json(NODE_NAME);
		expect(out).toHaveLength(1);
		expect(out[0].errorNumber).toBe('Query Failed');
	});

	// A readMore whose answer was lost after the gateway advanced the cursor is not repeated (that
	// would return the next page and skip one): the query runs again and skips what was delivered.
	it('returns every GL entry once after a lost readMore answer (reset after commit)', async () => {
		const total = glEntryTotal(fx.sandbox);
		fx.sandbox.faults.add({ match: { functionName: 'readMore' }, action: { type: 'resetAfterCommit' }, times: 1 });
		const run = await getAll();
		expect(run.error).toBeUndefined();
		const ids = run.json(NODE_NAME).map((j) => j.recordNo);
		expect(ids).toHaveLength(total);
		expect(new Set(ids).size).toBe(total);
	});
});
