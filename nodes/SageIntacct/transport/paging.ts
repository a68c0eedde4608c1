/**
 * Paging of readByQuery (readMore by resultId, §4.2-§4.3) and query (offset, §4.4). Generators, so
 * a consumer that stops iterating stops the requests too; `limit` trims the last page and shrinks
 * the page size so no more rows than needed travel.
 */
import type { IntacctFunction, IntacctRecord, IntacctResult } from './types';
import { MAX_QUERY_PAGE_SIZE, MAX_READ_BY_QUERY_PAGE_SIZE, readMore } from './functions';

/** Runs one function and returns its successful result (throws otherwise). */
export type ExecuteFunction = (fn: IntacctFunction) => Promise<IntacctResult>;

/** Default page sizes: the largest the gateway allows, so the fewest round trips. */
export const DEFAULT_READ_BY_QUERY_PAGE_SIZE = MAX_READ_BY_QUERY_PAGE_SIZE;
export const DEFAULT_QUERY_PAGE_SIZE = MAX_QUERY_PAGE_SIZE;

function trim(records: IntacctRecord[], limit: number | undefined, delivered: number): IntacctRecord[] {
	return limit === undefined ? records : records.slice(0, limit - delivered);
}

export async function* readByQueryPages(execute: ExecuteFunction, fn: IntacctFunction, limit?: number): AsyncGenerator<IntacctRecord[]> {
	const size = Math.min(Number(fn.body.pagesize ?? DEFAULT_READ_BY_QUERY_PAGE_SIZE), limit ?? Infinity);
	let result = await execute({ ...fn, body: { ...fn.body, pagesize: size } });
	let delivered = 0;
	for (;;) {
		const page = trim(result.records, limit, delivered);
		delivered += page.length;
		if (page.length > 0) yield page;
		const more = (result.numRemaining ?? 0) > 0 && !!result.resultId && result.records.length > 0;
		if (!more || (limit !== undefined && delivered >= limit)) return;
		result = await execute(readMore(result.resultId as string));
	}
}

export async function* queryPages(execute: ExecuteFunction, fn: IntacctFunction, limit?: number): AsyncGenerator<IntacctRecord[]> {
	const pageSize = Number(fn.body.pagesize ?? DEFAULT_QUERY_PAGE_SIZE);
	let offset = Number(fn.body.offset ?? 0);
	let delivered = 0;
	for (;;) {
		const size = limit === undefined ? pageSize : Math.min(pageSize, limit - delivered);
		const result = await execute({ ...fn, body: { ...fn.body, pagesize: size, offset } });
		const page = trim(result.records, limit, delivered);
		delivered += page.length;
		if (page.length > 0) yield page;
		// Each offset page is a fresh query (§4.4): advance by what this page held.
		offset += result.records.length;
		const more = (result.numRemaining ?? 0) > 0 && result.records.length > 0;
		if (!more || (limit !== undefined && delivered >= limit)) return;
	}
}
