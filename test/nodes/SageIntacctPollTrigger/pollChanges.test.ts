/**
 * pollChanges.ts against the in-process sandbox over real HTTP: what one poll reads (the newest
 * record, changes since the cursor, oldest first), how it starts (from now, or from a start date),
 * where it stops (record cap, fetch budget) and that the next poll continues without a gap or a
 * repeat. The node around it (parameters, n8n's poll engine) is covered by test/trigger/poll.sandbox.test.ts.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { changeKind, latestRecord, pollChanges, scopeOf, type PollSettings } from '../../../nodes/SageIntacctPollTrigger/pollChanges';
import { intacctTimestampFromMs, intacctTimestampMs } from '../../../nodes/shared/intacct/records/dates';
import { readByQuery } from '../../../nodes/shared/intacct/xml/functions';
import { createJournalEntry, lineRecordNos, retitleJournalEntry, startGlSandbox, type GlSandbox } from '../../trigger/sandboxGl';

let gl: GlSandbox;
beforeEach(async () => {
	gl = await startGlSandbox();
});
afterEach(async () => {
	await gl.sandbox.close();
});

const second = 1000;

function settings(overrides: Partial<PollSettings> = {}): PollSettings {
	return {
		object: 'GLENTRY',
		fields: ['RECORDNO', 'WHENCREATED', 'WHENMODIFIED', 'BATCHNO', 'ACCOUNTNO'],
		changes: 'createdOrUpdated',
		lookBackMs: 60 * second,
		maxRecords: 1000,
		pageSize: 100,
		fetchBudgetMs: 60 * second,
		...overrides,
	};
}

/** The only part of IPollFunctions pollChanges uses: the node's static data, kept across polls. */
function pollContext(): { ctx: IPollFunctions; staticData: IDataObject } {
	const staticData: IDataObject = {};
	return { ctx: { getWorkflowStaticData: () => staticData } as unknown as IPollFunctions, staticData };
}

const sandboxNow = (offsetMs = 0): string => intacctTimestampFromMs(gl.sandbox.clock.now().getTime() + offsetMs);

const ids = (records: Array<{ record: Record<string, unknown> }>): string[] => records.map((r) => String(r.record.RECORDNO));

/** The lines of these journal entries in WHENMODIFIED, RECORDNO order, as the sandbox holds them. */
async function linesInOrder(batches: string[]): Promise<string[]> {
	const result = await gl.client.execute(
		readByQuery({ object: 'GLENTRY', fields: ['RECORDNO', 'WHENMODIFIED'], query: `BATCHNO IN (${batches.map((b) => `'${b}'`).join(',')})` }),
	);
	return result.records
		.map((r) => ({ no: Number(r.RECORDNO), at: intacctTimestampMs(String(r.WHENMODIFIED)) ?? 0 }))
		.sort((a, b) => a.at - b.at || a.no - b.no)
		.map((r) => String(r.no));
}

async function createSpaced(count: number): Promise<string[]> {
	const batches: string[] = [];
	for (let i = 0; i < count; i++) {
		gl.sandbox.clock.advance(2 * second);
		batches.push(await createJournalEntry(gl, `Entry ${i}`));
	}
	return batches;
}

describe('changeKind', () => {
	it('is created when WHENCREATED equals WHENMODIFIED, else updated', () => {
		expect(changeKind({ WHENCREATED: '06/01/2026 10:00:00', WHENMODIFIED: '06/01/2026 10:00:00' })).toBe('created');
		expect(changeKind({ WHENCREATED: '06/01/2026 10:00:00', WHENMODIFIED: '06/01/2026 10:00:05' })).toBe('updated');
		expect(changeKind({ WHENMODIFIED: '06/01/2026 10:00:05' })).toBe('updated');
	});
});

describe('scopeOf', () => {
	it('changes with the object, the fields or the start date, not with the other settings', () => {
		const base = scopeOf(settings());
		expect(scopeOf(settings({ maxRecords: 5, changes: 'updated', pageSize: 10 }))).toBe(base);
		expect(scopeOf(settings({ object: 'GLBATCH' }))).not.toBe(base);
		expect(scopeOf(settings({ fields: ['RECORDNO', 'WHENMODIFIED'] }))).not.toBe(base);
		expect(scopeOf(settings({ startAt: '01/01/2026 00:00:00' }))).not.toBe(base);
	});
});

describe('latestRecord', () => {
	it('is the most recently modified line in the company', async () => {
		const [, newest] = await createSpaced(2);
		const expected = (await linesInOrder([newest])).pop();
		const latest = await latestRecord(gl.client, settings());
		expect(String(latest?.RECORDNO)).toBe(expected);
		expect(String(latest?.BATCHNO)).toBe(newest);
	});
});

describe('pollChanges', () => {
	it('first poll without a start date emits nothing and remembers where Intacct is; later polls emit each change once', async () => {
		await createSpaced(2);
		const { ctx, staticData } = pollContext();
		expect(await pollChanges(ctx, gl.client, settings())).toEqual([]);
		const latest = await latestRecord(gl.client, settings());
		expect(staticData.cursor).toBe(latest?.WHENMODIFIED);
		expect(staticData.scope).toBe(scopeOf(settings()));

		const [fresh] = await createSpaced(1);
		const firstPoll = await pollChanges(ctx, gl.client, settings());
		expect(ids(firstPoll)).toEqual(await linesInOrder([fresh]));
		expect(firstPoll.every((c) => c.change === 'created')).toBe(true);
		expect(await pollChanges(ctx, gl.client, settings())).toEqual([]); // the look-back window is re-read, nothing repeats

		gl.sandbox.clock.advance(5 * second);
		await retitleJournalEntry(gl, fresh, 'Entry renamed');
		const updates = await pollChanges(ctx, gl.client, settings());
		expect(ids(updates).sort()).toEqual(await lineRecordNos(gl, fresh));
		expect(updates.every((c) => c.change === 'updated')).toBe(true);
	});

	it('with a start date emits everything modified since, oldest first, with its record fields', async () => {
		const startAt = sandboxNow(1 * second);
		const batches = await createSpaced(3);
		const { ctx } = pollContext();
		const changes = await pollChanges(ctx, gl.client, settings({ startAt }));
		expect(ids(changes)).toEqual(await linesInOrder(batches));
		expect(new Set(changes.map((c) => String(c.record.BATCHNO)))).toEqual(new Set(batches));
		expect(Object.keys(changes[0].record).sort()).toEqual(expect.arrayContaining(['ACCOUNTNO', 'BATCHNO', 'RECORDNO', 'WHENCREATED', 'WHENMODIFIED']));
	});

	it('"updated" only: created lines are skipped but passed, so only their later updates come out', async () => {
		const startAt = sandboxNow(1 * second);
		const [batch] = await createSpaced(1);
		const { ctx } = pollContext();
		const only = settings({ startAt, changes: 'updated' });
		expect(await pollChanges(ctx, gl.client, only)).toEqual([]);
		gl.sandbox.clock.advance(5 * second);
		await retitleJournalEntry(gl, batch, 'Renamed');
		const updates = await pollChanges(ctx, gl.client, only);
		expect(ids(updates).sort()).toEqual(await lineRecordNos(gl, batch));
		expect(updates.every((c) => c.change === 'updated')).toBe(true);
	});

	it('stops at the record cap and the next polls continue where it stopped: no gap, no repeat', async () => {
		const startAt = sandboxNow(1 * second);
		const batches = await createSpaced(4); // 8 lines
		const { ctx } = pollContext();
		const capped = settings({ startAt, maxRecords: 3 });
		const polls: string[][] = [];
		for (let i = 0; i < 5; i++) polls.push(ids(await pollChanges(ctx, gl.client, capped)));
		expect(polls.map((p) => p.length)).toEqual([3, 3, 2, 0, 0]);
		expect(polls.flat()).toEqual(await linesInOrder(batches));
	});

	it('with its fetch budget spent stops after the first page and leaves the rest to the next poll', async () => {
		const startAt = sandboxNow(1 * second);
		const batches = await createSpaced(3); // 6 lines
		const { ctx } = pollContext();
		const hurried = settings({ startAt, pageSize: 2, fetchBudgetMs: 0 });
		const polls: string[][] = [];
		for (let i = 0; i < 4; i++) polls.push(ids(await pollChanges(ctx, gl.client, hurried)));
		expect(polls.map((p) => p.length)).toEqual([2, 2, 2, 0]);
		expect(polls.flat()).toEqual(await linesInOrder(batches));
	});

	it('starts over when the scope changes (other fields): the old cursor is not reused', async () => {
		await createSpaced(1);
		const { ctx, staticData } = pollContext();
		const startAt = sandboxNow(-60 * second);
		expect((await pollChanges(ctx, gl.client, settings({ startAt }))).length).toBeGreaterThan(0);
		const narrower = settings({ fields: ['RECORDNO', 'WHENCREATED', 'WHENMODIFIED'] });
		expect(await pollChanges(ctx, gl.client, narrower)).toEqual([]); // no start date: from now
		expect(staticData.scope).toBe(scopeOf(narrower));
	});

	it('at the top level also sees lines private to an entity (query showprivate, docs/protocol.md §8)', async () => {
		const startAt = sandboxNow(1 * second);
		gl.sandbox.clock.advance(2 * second);
		const inEntity = await createJournalEntry(
			gl,
			'Entity 200 entry',
			[
				{ account: '6000', trType: 1, amount: '40.00', location: '210' },
				{ account: '1000', trType: -1, amount: '40.00', location: '210' },
			],
			'200',
		);
		const { ctx } = pollContext();
		const changes = await pollChanges(ctx, gl.client, settings({ startAt }));
		expect(ids(changes).sort()).toEqual(await lineRecordNos(gl, inEntity));
	});
});
