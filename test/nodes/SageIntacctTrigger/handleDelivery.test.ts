/**
 * handleDelivery's defences against guessing (issue 12 item 10): a configured access key too short
 * to be safe refuses every delivery, and repeated refusals are answered ever more slowly.
 */
import type { IDataObject } from 'n8n-workflow';
import { MIN_RUNTIME_ACCESS_KEY_LENGTH, refusalDelayMs } from '../../../nodes/SageIntacctTrigger/handleDelivery';
import { callWebhook, glEntryBody } from '../../trigger/webhookStub';

describe('handleDelivery', () => {
	it('refuses every delivery while the configured access key is too short, even the matching one', async () => {
		const shortKey = 'x'.repeat(MIN_RUNTIME_ACCESS_KEY_LENGTH - 1);
		const { status, sent, result } = await callWebhook({ body: { ...glEntryBody(), accessKey: shortKey }, parameters: { accessKey: shortKey } });
		expect(status).toBe(401);
		expect(JSON.stringify(sent)).toMatch(/too short to be safe \(15 characters\)/);
		expect(result.workflowData).toBeUndefined();
		const long = 'y'.repeat(MIN_RUNTIME_ACCESS_KEY_LENGTH);
		const accepted = await callWebhook({ body: { ...glEntryBody(), accessKey: long }, parameters: { accessKey: long }, staticData: {} as IDataObject });
		expect(accepted.result.workflowData).toBeDefined();
	});

	it('answers the first refusals of a minute at once, then waits longer each time, up to 5 s', () => {
		const node = `wf-test-${Math.random()}`;
		const t0 = 1_000_000;
		const delays = Array.from({ length: 12 }, (_, i) => refusalDelayMs(node, t0 + i));
		expect(delays.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
		expect(delays.slice(5, 10)).toEqual([250, 500, 1000, 2000, 4000]);
		expect(delays.slice(10)).toEqual([5000, 5000]);
		// a new minute starts over; another node is counted apart
		expect(refusalDelayMs(node, t0 + 61_000)).toBe(0);
		expect(refusalDelayMs(`${node}-other`, t0)).toBe(0);
	});
});
