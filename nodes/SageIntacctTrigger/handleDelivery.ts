/**
 * What the trigger does with one POST from Intacct, in order:
 *   signed webhook delivery: signature, claims and body hash over the raw bytes (401)
 *   -> body is JSON (400) -> template mode: access key (401) -> template filled in (400)
 *   -> duplicate delivery by idempotency key, kept 24 h+ in static data (200, no run)
 *   -> optional enrichment -> event and filters (200, no run) -> remember the delivery -> one run.
 * Rejections are written to the response object with `noWebhookResponse`, so n8n sends nothing else
 * and no execution starts (n8n's webhook response mode `noWebhookResponse`).
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { toN8nError } from '../shared/intacct/n8n/errors';

import { accessKeyMatches, presentedAccessKey, webhookDeliveryProblem, type AccessKeyLocation } from './authenticity';
import { bodyObject, parseDelivery, type Delivery } from './delivery';
import { ledgerFor, ledgerKey, persistedSummary } from '../shared/intacct/client/idempotencyLedger';
import { alreadySeen, deliveryKey, idempotencyKey } from './deliveryDedupe';
import { signedDeliveryProblem } from './signedDelivery';
import { readTriggerSecrets, type DeliveryMode } from './triggerSecrets';
import { recentDeliveriesFor } from './recentDeliveries';
import type { GlEntryEvent } from './documentTemplate';
import { fetchEntryAndBatch, type Enrichment } from './enrichment';
import { failedFilter, needsJournal } from './entryFilters';
import { glEntryItem, recordText } from '../shared/intacct/records/glEntryItem';

export interface TriggerSettings {
	deliveryMode: DeliveryMode;
	accessKey: string;
	accessKeyLocation: AccessKeyLocation;
	perEventTriggers: boolean;
	events: GlEntryEvent[];
	userDimension: string;
	enrich: boolean;
	filters: IDataObject;
	includeRaw: boolean;
	webhookDeliveryClientId: string;
}

export function readSettings(ctx: IWebhookFunctions): TriggerSettings {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	return {
		deliveryMode: ctx.getNodeParameter('deliveryMode', 'template') === 'webhookDelivery' ? 'webhookDelivery' : 'template',
		accessKey: String(ctx.getNodeParameter('accessKey', '')),
		accessKeyLocation: ctx.getNodeParameter('accessKeyLocation', 'body') as AccessKeyLocation,
		perEventTriggers: ctx.getNodeParameter('intacctTriggers', 'onePerEvent') !== 'oneForAllEvents',
		events: ctx.getNodeParameter('events', ['created', 'updated', 'deleted']) as GlEntryEvent[],
		userDimension: String(ctx.getNodeParameter('userDimension', '')),
		enrich: ctx.getNodeParameter('enrich', false) === true,
		filters: ctx.getNodeParameter('filters', {}) as IDataObject,
		includeRaw: options.includeRaw === true,
		webhookDeliveryClientId: typeof options.webhookDeliveryClientId === 'string' ? options.webhookDeliveryClientId : '',
	};
}

function reject(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

/** Refused deliveries per trigger node in the current minute (this process), to slow down guessing. */
const refusals = new Map<string, { windowStart: number; count: number }>();
/** Refusals per minute answered at once; after that each waits longer, up to 5 s. */
const FREE_REFUSALS = 5;
const MAX_REFUSAL_DELAY_MS = 5_000;

/** How long to hold a 401: nothing for the first few in a minute (a misconfigured trigger is told at
 * once), then 250 ms doubling to 5 s, so guessing an access key costs time. */
export function refusalDelayMs(nodeKey: string, now: number): number {
	const current = refusals.get(nodeKey);
	const entry = current === undefined || now - current.windowStart > 60_000 ? { windowStart: now, count: 0 } : current;
	entry.count++;
	refusals.set(nodeKey, entry);
	if (refusals.size > 1000) refusals.delete(refusals.keys().next().value as string);
	if (entry.count <= FREE_REFUSALS) return 0;
	return Math.min(MAX_REFUSAL_DELAY_MS, 250 * 2 ** (entry.count - FREE_REFUSALS - 1));
}

async function unauthorized(ctx: IWebhookFunctions, message: string): Promise<IWebhookResponseData> {
	const nodeKey = `${String(ctx.getWorkflow().id ?? '')}\u0000${ctx.getNode().id}`;
	const delay = refusalDelayMs(nodeKey, Date.now());
	if (delay > 0) await sleep(delay);
	return reject(ctx, 401, message);
}

/** Deliveries are refused outright while the configured access key is shorter than this (the
 * credential test asks for 32 or more): a short key is a guessable one. */
export const MIN_RUNTIME_ACCESS_KEY_LENGTH = 16;

/** Without a literal event in the template: not found by a read that could see it = deleted; same
 * create and modify time = created. A read that failed never gets here (it throws: HTTP 5xx, retried). */
function inferEvent(record: Record<string, string>, enrichment: Enrichment | undefined): GlEntryEvent {
	if (enrichment && enrichment.notFound === true) return 'deleted';
	const created = record.WHENCREATED ?? '';
	return created !== '' && created === record.WHENMODIFIED ? 'created' : 'updated';
}

/** Static data field of the idempotency ledger (nodes/shared/intacct/client/idempotencyLedger.ts). */
export const LEDGER_STATIC_KEY = 'deliveryLedger';

export async function handleDelivery(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = readSettings(ctx);
	const request = ctx.getRequestObject();
	const headers = ctx.getHeaderData();
	const now = new Date();
	const secrets = await readTriggerSecrets(ctx, settings.deliveryMode, settings.accessKey);

	// Signed delivery: verified over the exact bytes received, before the body is even parsed.
	if (settings.deliveryMode === 'webhookDelivery') {
		const problem = signedDeliveryProblem(headers, request.rawBody, secrets.clientSecret, now);
		if (problem) return await unauthorized(ctx, `Unauthorized: ${problem}`);
	}

	const parsedBody = bodyObject(ctx.getBodyData(), request.rawBody);
	if (parsedBody.problem !== undefined) return reject(ctx, 400, parsedBody.problem);
	const body = parsedBody.value;

	// Template mode: the access key, before anything about the content is revealed.
	if (settings.deliveryMode === 'template') {
		const rawKey = body.accessKey;
		const presented = presentedAccessKey(
			settings.accessKeyLocation,
			typeof rawKey === 'string' ? rawKey : undefined,
			headers,
			ctx.getQueryData() as Record<string, unknown>,
		);
		if (secrets.accessKey !== '' && secrets.accessKey.length < MIN_RUNTIME_ACCESS_KEY_LENGTH) {
			return reject(ctx, 401, `Unauthorized: this trigger's access key is too short to be safe (${secrets.accessKey.length} characters); set one of 32 or more random characters in the trigger's credential and in Intacct`);
		}
		if (!accessKeyMatches(secrets.accessKey, presented)) {
			return await unauthorized(ctx, 'Unauthorized: missing or wrong access key');
		}
	}
	// Template mode with the old Early Adopter client ID option: an extra check on top of the key.
	if (settings.deliveryMode === 'template' && settings.webhookDeliveryClientId.trim() !== '') {
		const problem = webhookDeliveryProblem(headers, settings.webhookDeliveryClientId);
		if (problem) return await unauthorized(ctx, `Unauthorized: ${problem}`);
	}

	const parsed = parseDelivery(body);
	if (parsed.problem !== undefined) return reject(ctx, 400, parsed.problem);
	const delivery = parsed.value;

	const idemKey = idempotencyKey(headers);
	const key = deliveryKey(idemKey, [
		delivery.object,
		delivery.record.RECORDNO,
		delivery.event ?? '',
		// Without a modified time (a hand-written template) a second, different update of the same
		// record must not look like a retry of the first: the whole record tells them apart.
		delivery.record.WHENMODIFIED ?? `content:${JSON.stringify(Object.entries(delivery.record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`,
	]);
	const staticData = ctx.getWorkflowStaticData('node');
	const nodeKey = `${String(ctx.getWorkflow().id ?? '')}\u0000${ctx.getNode().id}`;
	const recent = recentDeliveriesFor(String(ctx.getWorkflow().id ?? ''), ctx.getNode().id);
	const ledger = ledgerFor(nodeKey);
	const loaded = persistedSummary(staticData[LEDGER_STATIC_KEY]);
	ledger.load(staticData[LEDGER_STATIC_KEY], now);
	const entry = ledgerKey(key);
	const state = recent.state(key);
	// What this request saw and decided, at debug level: how static data travels between n8n
	// processes is only observable this way (docs/e2e.md, queue mode).
	const trace = (decision: string): void =>
		ctx.logger.debug(`Sage Intacct Trigger delivery ${entry}: static data ledger ${loaded.rev} (${loaded.keys} keys), this process ${ledger.size} keys: ${decision}`, { workflowId: String(ctx.getWorkflow().id ?? '') });
	// Same answer as the first time (200), no second run (the reference's idempotency handling).
	if (state === 'finished' || ledger.has(entry, now) || alreadySeen(staticData, key)) {
		trace(`duplicate (${state === 'finished' ? 'this process' : 'ledger'})`);
		return { webhookResponse: { message: 'Duplicate delivery ignored' } };
	}
	// The first copy is still being handled (enrichment call under way): answer with a status Intacct
	// retries (§9.2) rather than 200, in case that first copy fails.
	if (state === 'inFlight' || !recent.begin(key)) {
		trace('in flight here, 503');
		return reject(ctx, 503, 'The same delivery is being processed; retry later');
	}
	try {
		const json = await acceptDelivery(ctx, settings, delivery, idemKey);
		if (json === undefined) {
			recent.abandon(key);
			trace('filtered out');
			return {};
		}
		recent.finish(key);
		ledger.add(entry, now);
		const persisted = ledger.toPersisted();
		staticData[LEDGER_STATIC_KEY] = persisted as unknown as IDataObject;
		trace(`new, execution started, static data ledger set to ${persisted.rev} (${persistedSummary(persisted).keys} keys)`);
		return { workflowData: [ctx.helpers.returnJsonArray([json])] };
	} catch (error) {
		recent.abandon(key);
		throw toN8nError(ctx.getNode(), error);
	}
}

/** Enrichment, event and filters: the item to emit, or undefined when the delivery is filtered out. */
async function acceptDelivery(
	ctx: IWebhookFunctions,
	settings: TriggerSettings,
	delivery: Delivery,
	idemKey: string | undefined,
): Promise<IDataObject | undefined> {
	// A per-event template names its event: filter before spending an API call on enrichment.
	if (delivery.event && !settings.events.includes(delivery.event)) return undefined;

	let record = delivery.record;
	let enrichment: Enrichment | undefined;
	// GLENTRY has no JOURNAL field: a journal filter reads the entry's GLBATCH (docs/fidelity.md).
	const journalWanted = needsJournal(settings.filters);
	if ((settings.enrich || journalWanted) && delivery.event !== 'deleted') {
		// On failure n8n answers 500 and Intacct retries the delivery later (§9.2); the caller forgets the key.
		enrichment = await fetchEntryAndBatch(ctx, delivery.record.RECORDNO, delivery.record.BATCHNO);
		if (enrichment.entry) record = { ...record, ...recordText(enrichment.entry) };
		const journal = enrichment.batch?.JOURNAL;
		if (typeof journal === 'string') record = { ...record, JOURNAL: journal };
	}
	const event = delivery.event ?? inferEvent(record, enrichment);
	if (!settings.events.includes(event)) return undefined;
	if (failedFilter(record, settings.filters, settings.userDimension) !== undefined) return undefined;

	const json: IDataObject = { event, object: delivery.object, ...glEntryItem(record, settings.userDimension) };
	if (record.JOURNAL !== undefined) json.journal = record.JOURNAL;
	if (!delivery.event) json.eventInferred = true;
	if (idemKey !== undefined) json.deliveryId = idemKey;
	if (enrichment?.batch) json.batch = enrichment.batchItem;
	if (settings.includeRaw) {
		json.raw = delivery.raw;
		if (enrichment?.entry) json.rawEntry = enrichment.entry;
		if (enrichment?.batch) json.rawBatch = enrichment.batch;
	}
	return json;
}
