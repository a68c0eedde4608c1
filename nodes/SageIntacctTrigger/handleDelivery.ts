/**
 * What the trigger does with one POST from Intacct, in order:
 *   body is JSON (400) -> access key / webhook delivery (401) -> template filled in (400)
 *   -> duplicate delivery? (200, no run) -> optional enrichment -> event and filters (200, no run)
 *   -> remember the delivery -> one item, one execution.
 * Rejections are written to the response object with `noWebhookResponse`, so n8n sends nothing else
 * and no execution starts (n8n-nodes.md §4.1).
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { toN8nError } from '../shared/intacct/n8n/errors';

import { accessKeyMatches, presentedAccessKey, webhookDeliveryProblem, type AccessKeyLocation } from './authenticity';
import { bodyObject, parseDelivery, type Delivery } from './delivery';
import { alreadySeen, deliveryKey, idempotencyKey, remember } from './deliveryDedupe';
import { recentDeliveriesFor } from './recentDeliveries';
import type { GlEntryEvent } from './documentTemplate';
import { fetchEntryAndBatch, type Enrichment } from './enrichment';
import { failedFilter, needsJournal } from './entryFilters';
import { glEntryItem, recordText } from '../shared/intacct/records/glEntryItem';

export interface TriggerSettings {
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

/** Without a literal event in the template: not found by the API = deleted; same create and modify time = created. */
function inferEvent(record: Record<string, string>, enrichment: Enrichment | undefined): GlEntryEvent {
	if (enrichment && !enrichment.entry) return 'deleted';
	const created = record.WHENCREATED ?? '';
	return created !== '' && created === record.WHENMODIFIED ? 'created' : 'updated';
}

export async function handleDelivery(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = readSettings(ctx);
	const request = ctx.getRequestObject();
	const headers = ctx.getHeaderData();

	const parsedBody = bodyObject(ctx.getBodyData(), request.rawBody);
	if (parsedBody.problem !== undefined) return reject(ctx, 400, parsedBody.problem);
	const body = parsedBody.value;

	// Authenticity before anything about the content is revealed.
	const rawKey = body.accessKey;
	const presented = presentedAccessKey(
		settings.accessKeyLocation,
		typeof rawKey === 'string' ? rawKey : undefined,
		headers,
		ctx.getQueryData() as Record<string, unknown>,
	);
	if (!accessKeyMatches(settings.accessKey, presented)) {
		return reject(ctx, 401, 'Unauthorized: missing or wrong access key');
	}
	if (settings.webhookDeliveryClientId.trim() !== '') {
		const problem = webhookDeliveryProblem(headers, settings.webhookDeliveryClientId);
		if (problem) return reject(ctx, 401, `Unauthorized: ${problem}`);
	}

	const parsed = parseDelivery(body);
	if (parsed.problem !== undefined) return reject(ctx, 400, parsed.problem);
	const delivery = parsed.value;

	const idemKey = idempotencyKey(headers);
	const key = deliveryKey(idemKey, [
		delivery.object,
		delivery.record.RECORDNO,
		delivery.event ?? '',
		delivery.record.WHENMODIFIED ?? '',
	]);
	const staticData = ctx.getWorkflowStaticData('node');
	const recent = recentDeliveriesFor(String(ctx.getWorkflow().id ?? ''), ctx.getNode().id);
	const state = recent.state(key);
	if (state === 'finished' || alreadySeen(staticData, key)) return { webhookResponse: { message: 'Duplicate delivery ignored' } };
	// The first copy is still being handled (enrichment call under way): answer with a status Intacct
	// retries (§9.2) rather than 200, in case that first copy fails.
	if (state === 'inFlight' || !recent.begin(key)) return reject(ctx, 503, 'The same delivery is being processed; retry later');
	try {
		const json = await acceptDelivery(ctx, settings, delivery, idemKey);
		if (json === undefined) {
			recent.abandon(key);
			return {};
		}
		recent.finish(key);
		remember(staticData, key);
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
