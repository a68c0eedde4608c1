/**
 * Fault matrix, writes through the client: a single idempotent create (client.execute) and a batch
 * of 10 creates in requests of 4 (client.executeMany, the fault on the 2nd request). Afterwards the
 * sandbox holds every journal entry exactly once (absorbed faults), or the failed ones not at all
 * (reported faults), never twice.
 */
import { FAULTS, type FaultCase } from './faultMatrix';
import {
	expectFailure,
	expectPlainMessage,
	failureOf,
	journalEntryFunction,
	resetFixture,
	SHORT_TIMEOUT_MS,
	startFixture,
	storedPerReference,
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

const clientFor = (f: FaultCase) => fx.client(f.shortTimeout ? { timeoutMs: SHORT_TIMEOUT_MS } : {});

const writeFaults = (op: 'singleWrite' | 'batchWrite') => FAULTS.filter((f) => f.operations.includes(op));

describe('fault matrix: single write (idempotent create)', () => {
	const single = writeFaults('singleWrite');

	it.each(single.filter((f) => f.absorbed && f.id !== 'reset-after-commit').map((f) => [f.id, f] as const))(
		'posts once after one %s',
		async (_id, f) => {
			const ref = fx.nextRef(f.id);
			fx.sandbox.faults.add({ match: { functionName: 'create' }, action: f.action, times: 1 });
			const result = await clientFor(f).execute(journalEntryFunction(fx.master, ref, 0), { idempotent: true });
			expect(result.status).toBe('success');
			expect(result.records).toHaveLength(1);
			expect(storedPerReference(fx.sandbox, ref, 1)).toEqual([1]);
		},
	);

	it('after a reset once the write committed: the retry is refused as a duplicate, the entry exists once', async () => {
		const ref = fx.nextRef('reset-after-commit');
		fx.sandbox.faults.add({ match: { functionName: 'create' }, action: { type: 'resetAfterCommit' }, times: 1 });
		const error = await failureOf(fx.client().execute(journalEntryFunction(fx.master, ref, 0), { idempotent: true }));
		expect(error.kind).toBe('duplicate');
		expect(error.errors[0].errorNo).toBe('XL03000002');
		expect(error.controlId).toBe(`${ref}-0`);
		expectPlainMessage(error);
		expect(storedPerReference(fx.sandbox, ref, 1)).toEqual([1]);
		expect(fx.sandbox.stats.functions.create).toBe(2);
	});

	it.each(single.filter((f) => !f.absorbed).map((f) => [f.id, f] as const))('fails plainly after one %s, nothing stored', async (_id, f) => {
		const ref = fx.nextRef(f.id);
		fx.sandbox.faults.add({ match: { functionName: 'create' }, action: f.action, times: 1 });
		expectFailure(await failureOf(clientFor(f).execute(journalEntryFunction(fx.master, ref, 0), { idempotent: true })), f.failure);
		expect(storedPerReference(fx.sandbox, ref, 1)).toEqual([0]);
	});

	it.each(single.map((f) => [f.id, f] as const))('fails plainly when %s never stops; never stored twice', async (_id, f) => {
		const ref = fx.nextRef(f.id);
		fx.sandbox.faults.add({ match: { functionName: 'create' }, action: f.action, times: Infinity });
		expectFailure(await failureOf(clientFor(f).execute(journalEntryFunction(fx.master, ref, 0), { idempotent: true })), f.failure);
		// Only a reset AFTER commit leaves the (single) entry behind; every other fault stops it at the door.
		expect(storedPerReference(fx.sandbox, ref, 1)).toEqual([f.id === 'reset-after-commit' ? 1 : 0]);
	});
});

// A sub-second timeout once read "did not answer within 0 s" (rounded to whole seconds).
test('a timeout says how long the client waited', async () => {
	fx.sandbox.faults.add({ match: { functionName: 'create' }, action: { type: 'hang' }, times: Infinity });
	const error = await failureOf(fx.client({ timeoutMs: SHORT_TIMEOUT_MS, maxRetries: 0 }).execute(journalEntryFunction(fx.master, fx.nextRef('t'), 0)));
	expect(error.message).toMatch(/did not answer within 400 ms/);
});

describe('fault matrix: batched writes (10 creates, 4 per request, fault on the 2nd request)', () => {
	const batch = writeFaults('batchWrite');
	const N = 10;
	// The faulted request is the one carrying item 4 (matched by content: with 2 requests in flight,
// which batch reaches the gateway second is not fixed).
const SECOND_REQUEST = [4, 5, 6, 7];

	async function postBatch(f: FaultCase, times: number, ref: string) {
		// The request carrying item 4 and, for a fault that never stops, the one carrying item 8 too:
		// matched by content, since which batch reaches the gateway second is not fixed.
		for (const item of times === Infinity ? [4, 8] : [4]) {
			fx.sandbox.faults.add({ match: { functionName: 'create', bodyContains: `>${ref}-${item}<` }, action: f.action, times });
		}
		const fns = Array.from({ length: N }, (_, i) => journalEntryFunction(fx.master, ref, i));
		return await clientFor(f).executeMany(fns, { idempotent: true, batchSize: 4 });
	}

	it.each(batch.filter((f) => f.absorbed).map((f) => [f.id, f] as const))('every entry exactly once after one %s', async (_id, f) => {
		const ref = fx.nextRef(f.id);
		const outcomes = await postBatch(f, 1, ref);
		expect(outcomes).toHaveLength(N);
		const kinds = outcomes.map((o) => (o.ok ? 'ok' : o.error.kind));
		// A lost answer after commit comes back as duplicates of the 2nd request (the node looks those up).
		const expected = Array.from({ length: N }, (_, i) => (f.id === 'reset-after-commit' && SECOND_REQUEST.includes(i) ? 'duplicate' : 'ok'));
		expect(kinds).toEqual(expected);
		expect(storedPerReference(fx.sandbox, ref, N)).toEqual(Array(N).fill(1));
	});

	it.each(batch.filter((f) => !f.absorbed).map((f) => [f.id, f] as const))(
		'only the 2nd request fails, plainly, after one %s; the rest is stored once',
		async (_id, f) => {
			const ref = fx.nextRef(f.id);
			const outcomes = await postBatch(f, 1, ref);
			outcomes.forEach((o, i) => {
				expect(o.ok).toBe(!SECOND_REQUEST.includes(i));
				if (!o.ok) expectFailure(o.error, f.failure);
			});
			expect(storedPerReference(fx.sandbox, ref, N)).toEqual(Array.from({ length: N }, (_, i) => (SECOND_REQUEST.includes(i) ? 0 : 1)));
		},
	);

	it.each(batch.map((f) => [f.id, f] as const))('when %s never stops: the 1st request is stored once, the others fail plainly', async (_id, f) => {
		const ref = fx.nextRef(f.id);
		const outcomes = await postBatch(f, Infinity, ref);
		outcomes.forEach((o, i) => {
			expect(o.ok).toBe(i < 4);
			if (!o.ok) expectFailure(o.error, f.failure);
		});
		// A reset after commit stores what it received, once; other faults stop requests 2 and 3 at the door.
		const stored = storedPerReference(fx.sandbox, ref, N);
		expect(stored).toEqual(Array.from({ length: N }, (_, i) => (i < 4 || f.id === 'reset-after-commit' ? 1 : 0)));
	});
});

/**
 * The first attempt still running when the client retries (issue 12 item 2): the write is held
 * 1.2 s inside the gateway (its control ID claimed), the client gives up after 400 ms and asks
 * again with the same key. Intacct answers "in process"; the client waits and asks again until
 * the first attempt is done, then reads the answer as "already ran". Never a second entry, never a
 * duplicate reported for something that did not post.
 */
describe('fault matrix: the first attempt still in process when the client retries', () => {
	const slow = { type: 'latency', ms: 1200 } as const;

	it('single write: the retry waits for the first attempt; the entry exists once', async () => {
		const ref = fx.nextRef('in-process');
		fx.sandbox.faults.add({ match: { functionName: 'create' }, action: slow, times: 1 });
		const logged: string[] = [];
		const client = fx.client({ timeoutMs: SHORT_TIMEOUT_MS, retryBaseDelayMs: 150, log: (m: string) => void logged.push(m) });
		const outcome = await client.execute(journalEntryFunction(fx.master, ref, 0), { idempotent: true }).then(
			() => 'ok',
			(error: { kind?: string }) => error.kind,
		);
		// The first attempt committed: the answer is either the record or "already ran" (the node then looks it up).
		expect(['ok', 'duplicate']).toContain(outcome);
		expect(logged.some((m) => /still in process at Intacct/.test(m))).toBe(true);
		expect(storedPerReference(fx.sandbox, ref, 1)).toEqual([1]);
	});

	it('batch: only the held request waits; every entry exists once', async () => {
		const ref = fx.nextRef('in-process-batch');
		fx.sandbox.faults.add({ match: { functionName: 'create', bodyContains: `>${ref}-4<` }, action: slow, times: 1 });
		const fns = Array.from({ length: 10 }, (_, i) => journalEntryFunction(fx.master, ref, i));
		const logged: string[] = [];
		const outcomes = await fx.client({ timeoutMs: SHORT_TIMEOUT_MS, retryBaseDelayMs: 150, log: (m: string) => void logged.push(m) }).executeMany(fns, { idempotent: true, batchSize: 4 });
		outcomes.forEach((o, i) => {
			if (o.ok) return;
			expect(o.error.kind).toBe('duplicate');
			expect([4, 5, 6, 7]).toContain(i);
		});
		expect(logged.some((m) => /still in process at Intacct/.test(m))).toBe(true);
		expect(storedPerReference(fx.sandbox, ref, 10)).toEqual(Array(10).fill(1));
	});
});
