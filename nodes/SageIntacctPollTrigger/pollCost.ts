/**
 * The poll trigger's monthly estimates, counted by the cost meter itself (client/costMeter.ts): the
 * requests one poll sends are fed to a CostMeter exactly as the client and the event-queue drain
 * feed it while they run, so the panel and each poll's logged count cannot disagree on the rules.
 * Changed records: one `query` page (a read) per up to 2,000 changed records, at least one per poll.
 * Event queue: one list (a read) per poll, one acknowledgement (a write) when the last poll emitted.
 * The session is reused from poll to poll (sliding expiry), so sign-ins are not a per-poll cost.
 */
import { MAX_QUERY_PAGE_SIZE } from '../shared/intacct/xml/functions';
import { CostMeter, recordFunctions, recordRestCall } from '../shared/intacct/client/costMeter';
import { changedSince, type PollSettings } from './pollChanges';

const MINUTES_PER_MONTH = 30 * 24 * 60;

/** A typical poll's settings for the estimate (only the page function's shape matters). */
const ESTIMATE_SETTINGS: PollSettings = {
	object: 'GLENTRY',
	fields: ['RECORDNO', 'WHENMODIFIED'],
	changes: 'createdOrUpdated',
	lookBackMs: 0,
	maxRecords: Number.MAX_SAFE_INTEGER,
	pageSize: MAX_QUERY_PAGE_SIZE,
	fetchBudgetMs: 0,
};

/** The meter's count of one Changed Records poll that reads `changed` records. */
export function recordsPollCost(changed: number, pageSize = MAX_QUERY_PAGE_SIZE): CostMeter {
	const meter = new CostMeter();
	const pages = Math.max(1, Math.ceil(changed / pageSize));
	for (let page = 0; page < pages; page++) recordFunctions(meter, [changedSince(ESTIMATE_SETTINGS, '01/01/2026 00:00:00', pageSize)]);
	return meter;
}

/** The meter's count of one Event Queue poll; `acknowledges` when the previous poll emitted events. */
export function eventQueuePollCost(acknowledges: boolean): CostMeter {
	const meter = new CostMeter();
	if (acknowledges) recordRestCall(meter, 'POST');
	recordRestCall(meter, 'GET');
	return meter;
}

/** Read calls of one poll that finds `changed` records (at least one call, even when nothing changed). */
export function readsPerPoll(changed: number, pageSize = MAX_QUERY_PAGE_SIZE): number {
	return recordsPollCost(changed, pageSize).snapshot().read;
}

/** API transactions a month of polling every `minutes`, each poll costing `perPoll`. */
function monthly(minutes: number, perPoll: number): number {
	return Math.round((MINUTES_PER_MONTH / minutes) * perPoll);
}

/** API transactions a month of polling every `minutes` with `changed` records per poll. */
export function monthlyTransactions(minutes: number, changed = 0, pageSize = MAX_QUERY_PAGE_SIZE): number {
	return monthly(minutes, recordsPollCost(changed, pageSize).total());
}

function intervals(perPoll: number): string {
	const n = (minutes: number): string => monthly(minutes, perPoll).toLocaleString('en-US');
	return `Polling every minute costs about ${n(1)} transactions a month, every 5 minutes about ${n(5)}, every 15 minutes about ${n(15)}, hourly about ${n(60)}.`;
}

export function pollCostNotice(): string {
	return (
		`Every poll is at least one API transaction (one read per page of ${MAX_QUERY_PAGE_SIZE.toLocaleString('en-US')} changed records), billed against your company's monthly volume ` +
		`(Performance Tier 1 includes 100,000 for all integrations together). ${intervals(recordsPollCost(0).total())} Each poll's count is in n8n's log. ` +
		'For instant GL entry events without polling, use the Sage Intacct Trigger (Intacct pushes each change).'
	);
}

/** The event queue's cost sentence: an idle queue costs the list only. */
export function eventQueueCostNotice(): string {
	const idle = eventQueuePollCost(false).total();
	const busy = eventQueuePollCost(true).total();
	return (
		`Cost: ${idle} API transaction per poll (the list), ${busy} after a poll that emitted events (the list and the acknowledgement). ` +
		`${intervals(idle)} Each poll's count is in n8n's log.`
	);
}
