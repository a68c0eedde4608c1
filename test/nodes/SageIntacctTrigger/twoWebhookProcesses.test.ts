/**
 * Two n8n webhook processes (queue mode) as two module instances of the trigger, sharing the
 * workflow's static data the way n8n 2.41 does: loaded from the database when a request arrives,
 * saved whole after the webhook answered. A copy that reaches the second process after the first
 * process answered is a duplicate: the package's side of cross-process deduplication holds when
 * static data round-trips. (The queue e2e measured that it does not in real n8n 2.41; README, queue
 * mode, and docs/e2e.md.)
 */
jest.mock('../../../nodes/SageIntacctTrigger/enrichment', () => ({ fetchEntryAndBatch: jest.fn(async () => ({})) }));
import type { IDataObject } from 'n8n-workflow';

type Stub = typeof import('../../trigger/webhookStub');

/** A fresh module registry: the trigger's in-memory registries and ledgers of another process. */
async function webhookProcess(): Promise<Stub> {
	let stub: Stub | undefined;
	await jest.isolateModulesAsync(async () => {
		stub = await import('../../trigger/webhookStub');
	});
	if (stub === undefined) throw new Error('stub not loaded');
	return stub;
}

it('a copy on the other webhook process after the first answered starts nothing', async () => {
	const first = await webhookProcess();
	const second = await webhookProcess();
	let database = '{}';
	/** One request: load static data, run the webhook, save static data; true when it started a run. */
	const deliver = async (process: Stub, key: string): Promise<boolean> => {
		const staticData = JSON.parse(database) as IDataObject;
		const { result } = await process.callWebhook({ body: process.glEntryBody(), headers: { 'idempotency-key': key }, staticData, workflowId: 'wf-queue' });
		database = JSON.stringify(staticData);
		return result.workflowData !== undefined;
	};
	expect(await deliver(first, 'evt-1')).toBe(true);
	expect(await deliver(second, 'evt-1')).toBe(false);
	expect(await deliver(second, 'evt-2')).toBe(true);
	expect(await deliver(first, 'evt-2')).toBe(false);
	// Each process keeps the other's keys after merging: a third copy on either is a duplicate.
	expect(await deliver(first, 'evt-1')).toBe(false);
	expect(await deliver(second, 'evt-2')).toBe(false);
});
