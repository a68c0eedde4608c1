/**
 * The poll trigger's monthly estimate, counted the way the cost meter counts (client/costMeter.ts):
 * each poll is one `query` read call per page of up to 2,000 changed records (keyset pages); the
 * session is reused from poll to poll, so sign-ins add about one per session lifetime, not per poll.
 */
import { MAX_QUERY_PAGE_SIZE } from '../shared/intacct/xml/functions';

const MINUTES_PER_MONTH = 30 * 24 * 60;

/** Read calls of one poll that finds `changed` records (at least one call, even when nothing changed). */
export function readsPerPoll(changed: number, pageSize = MAX_QUERY_PAGE_SIZE): number {
	return Math.max(1, Math.ceil(changed / pageSize));
}

/** API transactions a month of polling every `minutes` with `changed` records per poll. */
export function monthlyTransactions(minutes: number, changed = 0, pageSize = MAX_QUERY_PAGE_SIZE): number {
	return Math.round((MINUTES_PER_MONTH / minutes) * readsPerPoll(changed, pageSize));
}

export function pollCostNotice(): string {
	const n = (minutes: number): string => monthlyTransactions(minutes).toLocaleString('en-US');
	return (
		`Every poll is at least one API transaction (one read per page of ${MAX_QUERY_PAGE_SIZE.toLocaleString('en-US')} changed records), billed against your company's monthly volume ` +
		`(Performance Tier 1 includes 100,000 for all integrations together). Polling every minute costs about ${n(1)} transactions a month, ` +
		`every 5 minutes about ${n(5)}, every 15 minutes about ${n(15)}, hourly about ${n(60)}. Each poll's count is in n8n's log. ` +
		'For instant GL entry events without polling, use the Sage Intacct Trigger (Intacct pushes each change).'
	);
}
