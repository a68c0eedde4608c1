/**
 * Fault matrix, reads: getMany Return All paging (readByQuery + readMore through client.pages())
 * with a fault injected on the 2nd readMore (mid-paging). Either every GL entry arrives exactly
 * once, or the read fails with Intacct's code / a plain message.
 */
import { readByQuery } from '../../nodes/shared/intacct/xml/functions';
import type { HttpPost, IntacctApi, IntacctRecord } from '../../nodes/shared/intacct/core/types';
import { createNodeHttpPost } from '../support/nodeHttpPost';
import { FAULTS, type FaultCase } from './faultMatrix';
import {
	expectFailure,
	expectPlainMessage,
	failureOf,
	glEntryTotal,
	journalEntryFunction,
	resetFixture,
	SHORT_TIMEOUT_MS,
	startFixture,
	type Fixture,
} from './support';

let fx: Fixture;
beforeAll(async () => {
	fx = await startFixture();
});
afterAll(async () => {
	await fx.sandbox.close();
});
beforeEach(() => resetFixture(fx));

const PAGE_SIZE = 100;

/** Every RECORDNO delivered, in order (duplicates kept, so "twice" is visible). */
async function readAll(client: IntacctApi): Promise<string[]> {
	const seen: string[] = [];
	for await (const page of client.pages(readByQuery({ object: 'GLENTRY', fields: ['RECORDNO'], pageSize: PAGE_SIZE }))) {
		for (const record of page) seen.push(String(record.RECORDNO));
	}
	return seen;
}

const readFaults = FAULTS.filter((f) => f.operations.includes('read'));
const clientFor = (f: FaultCase) => fx.client(f.shortTimeout ? { timeoutMs: SHORT_TIMEOUT_MS } : {});
const midPaging = (f: FaultCase, times: number) => fx.sandbox.faults.add({ match: { functionName: 'readMore', fromRequest: 2 }, action: f.action, times });

describe('fault matrix: reads (Return All paging)', () => {
	it('reads more than a few pages, so faults land mid-paging', () => {
		expect(glEntryTotal(fx.sandbox)).toBeGreaterThan(PAGE_SIZE * 4);
	});

	const absorbed = readFaults.filter((f) => f.absorbed);
	it.each(absorbed.map((f) => [f.id, f] as const))('read completes once after one %s', async (_id, f) => {
		const total = glEntryTotal(fx.sandbox);
		midPaging(f, 1);
		const seen = await readAll(clientFor(f));
		expect(seen.length).toBe(total);
		expect(new Set(seen).size).toBe(total);
		expect(fx.sandbox.faults.pending()).toBe(0);
		// login + first page + readMores + the failed request (plus a re-login after expiry); a fault
		// that may have moved the cursor re-runs the query: the 2 pages delivered are read again.
		const pages = Math.ceil(total / PAGE_SIZE);
		const extra = (f.rerunsRead ? 2 : 0) + (f.id === 'session-expiry' ? 1 : 0);
		expect(fx.sandbox.stats.requests).toBe(1 + pages + 1 + extra);
	});

	// The gateway advanced the resultId cursor and the answer was lost: repeating the readMore would
	// return the NEXT page (one page silently skipped). The client re-runs the query instead.
	it('read completes once after one reset-after-commit (a lost readMore answer)', async () => {
		const total = glEntryTotal(fx.sandbox);
		midPaging(FAULTS.find((f) => f.id === 'reset-after-commit') as FaultCase, 1);
		const seen = await readAll(fx.client());
		expect(seen).toHaveLength(total);
		expect(new Set(seen).size).toBe(total);
		expect(fx.sandbox.stats.functions.readByQuery).toBe(2);
	});

	const reported = readFaults.filter((f) => !f.absorbed);
	it.each(reported.map((f) => [f.id, f] as const))('read fails plainly after one %s', async (_id, f) => {
		midPaging(f, 1);
		expectFailure(await failureOf(readAll(clientFor(f))), f.failure);
	});

	it.each(readFaults.map((f) => [f.id, f] as const))('read fails plainly when %s never stops', async (_id, f) => {
		midPaging(f, Infinity);
		expectFailure(await failureOf(readAll(clientFor(f))), f.failure);
	});
});

describe('a readMore is never repeated blindly: the query runs again and skips what was delivered', () => {
	/** A post that, on the `nth` readMore, lets the gateway run it once unseen, then sends it again:
	 * a lost answer without any transport error, visible only in the numremaining countdown. */
	function losingNthReadMore(nth: number, beforeRerun?: () => Promise<void>): HttpPost {
		const base = createNodeHttpPost();
		let readMores = 0;
		let readByQueries = 0;
		return async (request) => {
			if (request.body.includes('<readMore>') && ++readMores === nth) await base(request);
			if (request.body.includes('<readByQuery>') && ++readByQueries === 2 && beforeRerun) await beforeRerun();
			return await base(request);
		};
	}

	async function readFields(client: IntacctApi, fields: string[]): Promise<IntacctRecord[]> {
		const records: IntacctRecord[] = [];
		for await (const page of client.pages(readByQuery({ object: 'GLENTRY', fields, pageSize: PAGE_SIZE }))) records.push(...page);
		return records;
	}

	const addJournalEntry = async (): Promise<void> => {
		await fx.client().execute(journalEntryFunction(fx.master, fx.nextRef('rerun'), 0));
	};

	it('notices a skipped page from the numremaining countdown alone (no transport error) and re-reads', async () => {
		const total = glEntryTotal(fx.sandbox);
		const seen = await readAll(fx.client({ post: losingNthReadMore(2) }));
		expect(seen).toHaveLength(total);
		expect(new Set(seen).size).toBe(total);
		expect(fx.sandbox.stats.functions.readByQuery).toBe(2);
	});

	it('without RECORDNO in the fields, skips by position when the re-run matches as many records', async () => {
		const fields = ['ACCOUNTNO', 'TRX_AMOUNT', 'ENTRY_DATE'];
		const expected = await readFields(fx.client(), fields);
		fx.sandbox.faults.add({ match: { functionName: 'readMore', fromRequest: 2 }, action: { type: 'resetAfterCommit' }, times: 1 });
		const records = await readFields(fx.client(), fields);
		expect(records).toEqual(expected);
	});

	it('with RECORDNO, delivers every record once even when rows were added before the re-run', async () => {
		const before = glEntryTotal(fx.sandbox);
		const seen = await readAll(fx.client({ post: losingNthReadMore(2, addJournalEntry) }));
		expect(glEntryTotal(fx.sandbox)).toBe(before + 2);
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen).toHaveLength(before + 2);
	});

	it('without RECORDNO, fails plainly (never twice, never short) when the re-run matches a different number of records', async () => {
		const failure = await failureOf(readFields(fx.client({ post: losingNthReadMore(2, addJournalEntry) }), ['ACCOUNTNO', 'TRX_AMOUNT']));
		expect(failure.kind).toBe('result');
		expect(failure.message).toMatch(/matched \d+ records instead of \d+/);
		expect((failure as unknown as { description: string }).description).toMatch(/Include RECORDNO/);
		expectPlainMessage(failure);
	});
});
