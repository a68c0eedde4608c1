/**
 * Draining the trigger event queue (docs/fidelity-webhooks.md, "nothing lost"): events webhook
 * delivery could not hand over while n8n was down come out here once, oldest first.
 *
 * Acknowledged only after the workflow has them, in two phases: a poll emits the new events and
 * records their IDs as pending in static data (n8n saves it as it starts the execution); the next
 * poll acknowledges them before listing again. An event listed again after a failed ack is found in
 * the idempotency ledger: acknowledged, not emitted twice. "Replay Since" forgets the ledger from a
 * date on, once per value, so events still queued come out again.
 */
import type { IDataObject, IHttpRequestOptions, IPollFunctions } from 'n8n-workflow';

import { ledgerFor, ledgerKey } from '../shared/intacct/client/idempotencyLedger';
import { recordRestCall } from '../shared/intacct/client/costMeter';
import { costMeterFor } from '../shared/intacct/n8n/costReport';
import { ackBody, EVENT_QUEUE_PATH, readQueueEvents, type QueueEvent } from '../shared/intacct/rest/eventQueue';

export const REST_CREDENTIAL = 'sageIntacctOAuth2Api';
const STATE_KEY = 'eventQueue';
export const DEFAULT_EVENTS_PER_POLL = 100;

interface DrainState {
	pendingAck: string[];
	ledger?: unknown;
	replayApplied?: string;
}

function readState(staticData: IDataObject): DrainState {
	const raw = staticData[STATE_KEY] as Partial<DrainState> | undefined;
	return {
		pendingAck: Array.isArray(raw?.pendingAck) ? raw.pendingAck.filter((id): id is string => typeof id === 'string') : [],
		ledger: raw?.ledger,
		replayApplied: typeof raw?.replayApplied === 'string' ? raw.replayApplied : undefined,
	};
}

async function restCall(ctx: IPollFunctions, options: Omit<IHttpRequestOptions, 'url'> & { path: string }): Promise<unknown> {
	const credentials = await ctx.getCredentials(REST_CREDENTIAL);
	const base = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	const { path, ...rest } = options;
	// Counted before it is sent: a call that fails may still have reached Intacct (costMeter.ts).
	recordRestCall(costMeterFor(ctx), rest.method ?? 'GET');
	return await ctx.helpers.httpRequestWithAuthentication.call(ctx, REST_CREDENTIAL, { ...rest, url: `${base}${EVENT_QUEUE_PATH}${path}`, json: true });
}

function item(event: QueueEvent): IDataObject {
	return {
		queueEventId: event.id,
		idempotencyKey: event.idempotencyKey,
		...(event.queuedAt !== undefined ? { queuedAt: event.queuedAt } : {}),
		...(event.context !== undefined ? { context: event.context as IDataObject } : {}),
		payload: event.payload as IDataObject,
	};
}

async function acknowledge(ctx: IPollFunctions, ids: string[]): Promise<void> {
	if (ids.length === 0) return;
	await restCall(ctx, { path: '/ack', method: 'POST', body: ackBody(ids), headers: { 'Content-Type': 'application/json' } });
}

export async function drainEventQueue(ctx: IPollFunctions, options: { eventsPerPoll: number; replaySince?: string }): Promise<IDataObject[]> {
	if (ctx.getMode() === 'manual') {
		// "Fetch test event": the oldest queued event, nothing acknowledged or remembered.
		const sample = readQueueEvents(await restCall(ctx, { path: '/list', method: 'GET', qs: { size: 1 } }));
		return sample.map(item);
	}
	const staticData = ctx.getWorkflowStaticData('node');
	const state = readState(staticData);
	const now = new Date();
	const ledger = ledgerFor(`${String(ctx.getWorkflow().id ?? '')}\u0000${ctx.getNode().id}\u0000queue`);
	ledger.load(state.ledger, now);
	if (options.replaySince && options.replaySince !== state.replayApplied) {
		const since = new Date(options.replaySince);
		if (!Number.isNaN(since.getTime())) ledger.forgetSince(since);
		state.replayApplied = options.replaySince;
	}

	// Phase two of the previous poll: its events reached the workflow, acknowledge them.
	await acknowledge(ctx, state.pendingAck);
	state.pendingAck = [];

	const events = readQueueEvents(await restCall(ctx, { path: '/list', method: 'GET', qs: { size: options.eventsPerPoll } }));
	const fresh: QueueEvent[] = [];
	const seenBefore: string[] = [];
	for (const event of events) {
		const key = ledgerKey(event.idempotencyKey);
		if (ledger.has(key, now)) seenBefore.push(event.id);
		else {
			ledger.add(key, now);
			fresh.push(event);
		}
	}
	// Emitted by an earlier poll whose acknowledgement did not arrive: acknowledge, do not emit again.
	await acknowledge(ctx, seenBefore);
	state.pendingAck = fresh.map((e) => e.id);
	state.ledger = ledger.toPersisted();
	staticData[STATE_KEY] = state as unknown as IDataObject;
	return fresh.map(item);
}
