/**
 * The poll trigger against the in-process sandbox: several polls with changes (and sandbox clock
 * moves) between them, a backlog larger than one page drained over several polls, the poll budget,
 * a change that becomes visible late inside the look-back window - nothing lost, nothing repeated.
 */
import { sandboxCredentialValues } from '../support/harness';
import { createPoller, type Poller } from './pollHost';
import { createJournalEntry, lineRecordNos, retitleJournalEntry, startGlSandbox, type GlSandbox } from './sandboxGl';

let gl: GlSandbox;
beforeEach(async () => {
	gl = await startGlSandbox();
});
afterEach(async () => {
	await gl.sandbox.close();
});

const second = 1000;
const minute = 60 * second;

function poller(parameters: Record<string, unknown>, budgetMs?: number): Promise<Poller> {
	return createPoller(parameters as never, sandboxCredentialValues(gl.credentials), budgetMs);
}

/** The sandbox's now as an ISO text without zone (the start date users type). */
function sandboxNowIso(offsetMs = 0): string {
	return new Date(gl.sandbox.clock.now().getTime() + offsetMs).toISOString().slice(0, 19);
}

it('starts from now, then reports each change once across polls', async () => {
	const trigger = await poller({ object: 'GLENTRY' });
	expect(await trigger.poll()).toBeNull(); // first activation: existing history is not replayed

	gl.sandbox.clock.advance(10 * second);
	const batch = await createJournalEntry(gl, 'Pantry restock');
	const lines = await lineRecordNos(gl, batch);
	const created = await trigger.poll();
	expect(created?.map((i) => [String(i.recordNo), i.changeType]).sort()).toEqual(lines.map((r) => [r, 'created']));
	// No journal: GLENTRY has no JOURNAL field on a real company (issue 11, item 3).
	expect(created?.[0]).toMatchObject({ journalEntryRecordNo: Number(batch) });
	expect(created?.[0]).not.toHaveProperty('journal');

	expect(await trigger.poll()).toBeNull(); // the look-back window is re-read, nothing repeats

	gl.sandbox.clock.advance(30 * second);
	await retitleJournalEntry(gl, batch, 'Pantry restock (Q4)');
	const updated = await trigger.poll();
	expect(updated?.map((i) => [String(i.recordNo), i.changeType]).sort()).toEqual(lines.map((r) => [r, 'updated']));

	gl.sandbox.clock.advance(10 * minute); // beyond the look-back window: still nothing new
	expect(await trigger.poll()).toBeNull();
});

it('drains a backlog bigger than a page over several polls, oldest first, without gaps or repeats', async () => {
	const startDate = sandboxNowIso(-1 * second);
	const batches: string[] = [];
	for (let i = 0; i < 6; i++) {
		gl.sandbox.clock.advance(2 * second);
		batches.push(await createJournalEntry(gl, `Backlog ${i}`));
	}
	const all = (await Promise.all(batches.map((b) => lineRecordNos(gl, b)))).flat();
	expect(all).toHaveLength(12);

	const trigger = await poller({ object: 'GLENTRY', startDate, options: { pageSize: 5, maxRecordsPerPoll: 7 } });
	const first = await trigger.poll();
	expect(first).toHaveLength(7);
	// A change while the backlog drains is reported too (after the rest, in WHENMODIFIED order).
	gl.sandbox.clock.advance(2 * second);
	await retitleJournalEntry(gl, batches[0], 'Backlog 0 (edited)');
	const second_ = await trigger.poll();
	const third = await trigger.poll();
	expect(await trigger.poll()).toBeNull();

	const emitted = [first, second_, third].flatMap((p) => p ?? []);
	const created = emitted.filter((i) => i.changeType === 'created').map((i) => String(i.recordNo));
	expect([...created].sort()).toEqual([...all].sort());
	expect(new Set(created).size).toBe(created.length);
	const edited = emitted.filter((i) => i.changeType === 'updated').map((i) => String(i.recordNo));
	expect(edited.sort()).toEqual((await lineRecordNos(gl, batches[0])).sort());
	const times = emitted.map((i) => String(i.whenModified));
	expect(times).toEqual([...times].sort());
});

it('stops at the poll budget after one page and continues next time', async () => {
	const startDate = sandboxNowIso(-1 * second);
	for (let i = 0; i < 3; i++) {
		gl.sandbox.clock.advance(second);
		await createJournalEntry(gl, `Budget ${i}`);
	}
	const trigger = await poller({ object: 'GLENTRY', startDate, options: { pageSize: 2 } }, 0);
	const polls: number[] = [];
	for (let p = 0; p < 5; p++) polls.push((await trigger.poll())?.length ?? 0);
	expect(polls).toEqual([2, 2, 2, 0, 0]);
});

it('catches a change that became visible late, inside the look-back window', async () => {
	const trigger = await poller({ object: 'GLENTRY', lookBackMinutes: 5 });
	expect(await trigger.poll()).toBeNull();
	gl.sandbox.clock.advance(2 * minute);
	const onTime = await createJournalEntry(gl, 'On time');
	expect((await trigger.poll())?.length).toBe(2);
	// A transaction stamped 1 minute earlier than the last change seen commits only now.
	gl.sandbox.clock.advance(-1 * minute);
	const late = await createJournalEntry(gl, 'Committed late');
	gl.sandbox.clock.advance(1 * minute);
	const caught = await trigger.poll();
	expect(caught?.map((i) => String(i.recordNo)).sort()).toEqual((await lineRecordNos(gl, late)).sort());
	expect(await trigger.poll()).toBeNull();
	expect(onTime).not.toBe(late);
});

it('fetch test event returns the latest record and leaves the cursor alone', async () => {
	const trigger = await poller({ object: 'GLENTRY' });
	gl.sandbox.clock.advance(5 * second);
	const batch = await createJournalEntry(gl, 'Sample me');
	const sample = await trigger.fetchTestEvent();
	expect(sample).toHaveLength(1);
	expect((await lineRecordNos(gl, batch))).toContain(String(sample[0].recordNo));
	expect(trigger.staticData().cursor).toBeUndefined();
});

it('watches other objects too (GLBATCH) with the fields asked for', async () => {
	const trigger = await poller({ object: 'GLBATCH', fields: 'BATCH_TITLE, JOURNAL', options: { simplify: false } });
	expect(await trigger.poll()).toBeNull();
	gl.sandbox.clock.advance(5 * second);
	const batch = await createJournalEntry(gl, 'Header only');
	const items = await trigger.poll();
	expect(items).toEqual([expect.objectContaining({ changeType: 'created', RECORDNO: batch, BATCH_TITLE: 'Header only', JOURNAL: 'GJ' })]);
});

it('reports only updates when asked, and still moves past the new records', async () => {
	const trigger = await poller({ object: 'GLENTRY', changes: 'updated' });
	expect(await trigger.poll()).toBeNull();
	gl.sandbox.clock.advance(5 * second);
	const batch = await createJournalEntry(gl, 'Created, not reported');
	expect(await trigger.poll()).toBeNull();
	gl.sandbox.clock.advance(5 * second);
	await retitleJournalEntry(gl, batch, 'Now updated');
	const items = await trigger.poll();
	expect(items?.map((i) => i.changeType)).toEqual(['updated', 'updated']);
});

it('starts over when the object changes', async () => {
	const trigger = await poller({ object: 'GLENTRY' });
	expect(await trigger.poll()).toBeNull();
	const cursor = trigger.staticData().cursor;
	expect(typeof cursor).toBe('string');
	trigger.node.parameters.object = 'GLBATCH';
	expect(await trigger.poll()).toBeNull();
	expect(String(trigger.staticData().scope)).toMatch(/^GLBATCH\|/);
});

it('sees entries created inside an entity when polling at the top level', async () => {
	const trigger = await poller({ object: 'GLENTRY' });
	expect(await trigger.poll()).toBeNull();
	gl.sandbox.clock.advance(5 * second);
	const batch = await createJournalEntry(gl, 'East entity entry', undefined, '100');
	const items = await trigger.poll();
	expect(items?.map((i) => String(i.recordNo)).sort()).toEqual((await lineRecordNos(gl, batch)).sort());
	// GLENTRY has no MEGAENTITYID: the entity shows through the line's location (under entity 100).
	expect(JSON.stringify(items?.[0])).toMatch(/"locationId":"1\d\d"/);
});

it('fails with an n8n error naming Intacct\'s complaint for an unknown object', async () => {
	const trigger = await poller({ object: 'NOSUCHOBJECT', startDate: sandboxNowIso() });
	await expect(trigger.poll()).rejects.toMatchObject({ name: 'NodeApiError', message: expect.stringMatching(/NOSUCHOBJECT|object/i) });
});
