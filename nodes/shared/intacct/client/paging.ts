/**
 * Paging of readByQuery (readMore by resultId, §4.2-§4.3) and query (offset, §4.4). Generators, so
 * a consumer that stops iterating stops the requests too; `limit` trims the last page and shrinks
 * the page size so no more rows than needed travel.
 *
 * A readMore is not idempotent: the gateway moves the result set's cursor when it runs one. If its
 * answer is lost (reset, timeout, 5xx after the gateway ran it), sending the same readMore again
 * returns the NEXT page and one page would be silently missing. So a readMore is repeated only
 * after faults that prove it never ran (429, "too many operations", a session to renew); after
 * any fault that may have run it, after a gap in the `numremaining` countdown, and after an
 * expired or unknown resultId, the original readByQuery runs again and the records already
 * delivered are skipped:
 * - when every delivered record carried a RECORDNO: by RECORDNO (so nothing is delivered twice
 *   even when the rows changed meanwhile and the re-run's totalcount differs);
 * - otherwise by position, which assumes what Intacct does in practice: a result set's order is
 *   stable (by RECORDNO) from one run of the same query to the next. That is only trusted while the
 *   re-run's totalcount equals the first run's; if it differs, the read fails with a plain error
 *   instead of risking a duplicate or a gap.
 * `query` pages (keyset or offset) are independent queries, so their retries are safe (the client's).
 */
import type { IntacctFunction, IntacctRecord, IntacctResult, XmlObject } from '../core/types';
import { IntacctError } from '../core/errors';
import { MAX_QUERY_PAGE_SIZE, MAX_READ_BY_QUERY_PAGE_SIZE, keysetQuery, queryAfter, readMore } from '../xml/functions';
import { nothingRan } from './retryPolicy';
import { settle } from './settle';

/** Runs one function and returns its successful result (throws otherwise). */
export type ExecuteFunction = (fn: IntacctFunction) => Promise<IntacctResult>;

/** What readByQuery paging needs from the client. */
export interface ReadByQueryRunner {
	/** Runs a function with every retry the client allows (readByQuery: a repeat opens a fresh result set). */
	execute: ExecuteFunction;
	/** Runs a readMore, repeated only after faults proving it did not run (it moves a server cursor). */
	executeReadMore: ExecuteFunction;
	/** Re-runs of the query allowed in a row without a new record delivered (the client's maxRetries). */
	maxReruns: number;
	/** Waits before re-running after a transport fault (the client's back-off for attempt n, 0-based). */
	backOff: (attempt: number) => Promise<void>;
	log?: (message: string) => void;
}

/** Default page sizes: the largest the gateway allows, so the fewest round trips. */
export const DEFAULT_READ_BY_QUERY_PAGE_SIZE = MAX_READ_BY_QUERY_PAGE_SIZE;
export const DEFAULT_QUERY_PAGE_SIZE = MAX_QUERY_PAGE_SIZE;

function trim(records: IntacctRecord[], limit: number | undefined, delivered: number): IntacctRecord[] {
	return limit === undefined ? records : records.slice(0, limit - delivered);
}

/** A record's RECORDNO when the caller's fields include it (plain text), else undefined. */
function recordKey(record: IntacctRecord): string | undefined {
	const value = record.RECORDNO;
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Why the current result set cannot be continued, and whether to back off before re-running. */
interface Interruption {
	error: IntacctError;
	backOff: boolean;
}

/** An unknown or expired resultId, or a result set that lost rows ("ResultID … fewer remaining records"). */
function isLostResultSet(error: IntacctError): boolean {
	return error.kind === 'result' && error.errors.some((e) => /result ?id/i.test(`${e.description} ${e.description2} ${e.correction}`));
}

/** A fault after which the readMore may have run (so its page may be lost): re-run, do not repeat it. */
function mayHaveRun(error: IntacctError): boolean {
	return (error.kind === 'network' || error.kind === 'http') && error.transient && !nothingRan(error);
}

function countdownGap(expected: number, reported: number): IntacctError {
	return new IntacctError({
		kind: 'result',
		summary: `Intacct's readMore answer does not follow on from the previous page (expected ${expected} records remaining, it reported ${reported})`,
		functionName: 'readMore',
		hint: 'Records may have changed while they were read; run the read again.',
	});
}

function changedWhileRead(before: number | undefined, now: number | undefined): IntacctError {
	return new IntacctError({
		kind: 'result',
		summary:
			`The read was interrupted and, when the query ran again, it matched ${now ?? 'an unknown number of'} records instead of ${before ?? 'an unknown number'}; ` +
			'without RECORDNO in the fields the records already returned cannot be told apart, so the read stopped rather than return some twice or miss some',
		functionName: 'readByQuery',
		hint: 'Include RECORDNO in the fields (it lets the read resume safely), or run it again.',
	});
}

export async function* readByQueryPages(runner: ReadByQueryRunner, fn: IntacctFunction, limit?: number): AsyncGenerator<IntacctRecord[]> {
	const size = Math.min(Number(fn.body.pagesize ?? DEFAULT_READ_BY_QUERY_PAGE_SIZE), limit ?? Infinity);
	const first: IntacctFunction = { ...fn, body: { ...fn.body, pagesize: size } };
	// What was delivered: how many, and their RECORDNOs while every one had one.
	let delivered = 0;
	let keyed = true;
	const seen = new Set<string>();
	let firstTotal: number | undefined;
	let sameTotals = true;
	let rerunsWithoutProgress = 0;
	for (let run = 0; ; run++) {
		let result = await runner.execute(first);
		let skip = 0;
		let byKey = false;
		if (run === 0) firstTotal = result.totalCount;
		else if (delivered > 0) {
			sameTotals = sameTotals && result.totalCount !== undefined && result.totalCount === firstTotal;
			if (keyed) byKey = true;
			else if (sameTotals) skip = delivered;
			else throw changedWhileRead(firstTotal, result.totalCount);
		}
		let interruption: Interruption | undefined;
		for (;;) {
			const fresh: IntacctRecord[] = [];
			for (const record of result.records) {
				if (skip > 0) {
					skip--;
					continue;
				}
				const key = recordKey(record);
				if (byKey && key !== undefined && seen.has(key)) continue;
				if (key === undefined) keyed = false;
				else if (keyed) seen.add(key);
				fresh.push(record);
			}
			const page = trim(fresh, limit, delivered);
			delivered += page.length;
			if (page.length > 0) {
				rerunsWithoutProgress = 0;
				yield page;
			}
			if (limit !== undefined && delivered >= limit) return;
			const remaining = result.numRemaining ?? 0;
			if (remaining <= 0 || !result.resultId || result.records.length === 0) return;
			const outcome = await settle(runner.executeReadMore(readMore(result.resultId)));
			if (!outcome.ok) {
				const { error } = outcome;
				if (!(error instanceof IntacctError)) throw error;
				if (isLostResultSet(error)) interruption = { error, backOff: false };
				else if (mayHaveRun(error)) interruption = { error, backOff: true };
				else throw error;
				break;
			}
			const next = outcome.value;
			// numremaining counts down by exactly the rows of each page; a larger step is a lost page.
			const expected = remaining - next.records.length;
			if (next.numRemaining !== undefined && next.numRemaining !== expected) {
				interruption = { error: countdownGap(expected, next.numRemaining), backOff: false };
				break;
			}
			result = next;
		}
		if (rerunsWithoutProgress >= runner.maxReruns) {
			throw interruption.error.addHint(`The query was run again ${rerunsWithoutProgress} times from the start and was interrupted each time.`);
		}
		runner.log?.(`running the ${fn.name} again from the start (${delivered} records already delivered are skipped) after: ${interruption.error.message}`);
		if (interruption.backOff) await runner.backOff(rerunsWithoutProgress);
		rerunsWithoutProgress++;
	}
}

/**
 * Pages a `query`. Keyset paging when the query allows it (xml/functions.ts keysetQuery: RECORDNO
 * selected, plain fields): each next page asks for the rows after the last one returned in a total
 * order ending in RECORDNO, so rows inserted or changed while paging are neither skipped nor repeated
 * (offsets would shift: §4.4's note), and every page is an independent read whose retry is safe.
 * Otherwise offset paging, as Intacct documents it. A key value missing from a record (never for
 * RECORDNO; possible for an empty sort field) continues by offset from the last keyset page.
 */
export async function* queryPages(execute: ExecuteFunction, fn: IntacctFunction, limit?: number): AsyncGenerator<IntacctRecord[]> {
	const pageSize = Number(fn.body.pagesize ?? DEFAULT_QUERY_PAGE_SIZE);
	const sizeFor = (delivered: number): number => (limit === undefined ? pageSize : Math.min(pageSize, limit - delivered));
	const keyset = keysetQuery(fn, sizeFor(0));
	// The query pages are cut from (a keyset page, or `fn` itself) and the offset within it.
	let base: IntacctFunction = keyset ?? fn;
	let offset = keyset ? 0 : Number(fn.body.offset ?? 0);
	let delivered = 0;
	for (;;) {
		const size = sizeFor(delivered);
		const body: XmlObject = { ...base.body, pagesize: size };
		if (offset > 0 || base.body.offset !== undefined) body.offset = offset;
		const result = await execute({ ...base, body });
		const page = trim(result.records, limit, delivered);
		delivered += page.length;
		if (page.length > 0) yield page;
		const more = (result.numRemaining ?? 0) > 0 && result.records.length > 0;
		if (!more || (limit !== undefined && delivered >= limit)) return;
		const next = keyset ? queryAfter(keyset, result.records[result.records.length - 1], sizeFor(delivered)) : undefined;
		if (next) {
			base = next;
			offset = 0;
		} else {
			// Each offset page is a fresh query (§4.4): advance by what this page held.
			offset += result.records.length;
		}
	}
}
