/**
 * Fault matrix, reads: getMany Return All paging (readByQuery + readMore through client.pages())
 * with a fault injected on the 2nd readMore (mid-paging). Either every GL entry arrives exactly
 * once, or the read fails with Intacct's code / a plain message.
 */
import { readByQuery } from '../../nodes/SageIntacct/transport/functions';
import type { IntacctApi } from '../../nodes/SageIntacct/transport/types';
import { FAULTS, type FaultCase } from './faultMatrix';
import { expectFailure, failureOf, glEntryTotal, resetFixture, SHORT_TIMEOUT_MS, startFixture, type Fixture } from './support';

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

	// Known bug (see docs/resilience.md): covered by the test.failing below.
	const absorbed = readFaults.filter((f) => f.absorbed && f.id !== 'reset-after-commit');
	it.each(absorbed.map((f) => [f.id, f] as const))('read completes once after one %s', async (_id, f) => {
		const total = glEntryTotal(fx.sandbox);
		midPaging(f, 1);
		const seen = await readAll(clientFor(f));
		expect(seen.length).toBe(total);
		expect(new Set(seen).size).toBe(total);
		expect(fx.sandbox.faults.pending()).toBe(0);
		// login + first page + readMores + the one retried request (plus a re-login after expiry)
		const pages = Math.ceil(total / PAGE_SIZE);
		expect(fx.sandbox.stats.requests).toBe(1 + pages + 1 + (f.id === 'session-expiry' ? 1 : 0));
	});

	// BUG (client paging, nodes/SageIntacct/transport/client.ts readByQueryPages): the gateway
	// advanced the resultId cursor, the answer was lost, the retried readMore returns the NEXT page:
	// one page of records is silently skipped and the read "succeeds".
	test.failing('read completes once after one reset-after-commit (a lost readMore answer)', async () => {
		const total = glEntryTotal(fx.sandbox);
		midPaging(FAULTS.find((f) => f.id === 'reset-after-commit') as FaultCase, 1);
		const seen = await readAll(fx.client());
		expect(new Set(seen).size).toBe(total);
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
