/**
 * Keyed documents cut into composite requests by their content, not by their position: a chunk
 * ends after a document whose key's hash meets the boundary condition (1 in `every`), or when it
 * reaches `max`. A re-run whose set gained or lost documents then forms the same chunks as the
 * earlier run everywhere but around the change (a boundary depends only on its own key), so the
 * unchanged chunks are the same composite requests again and are answered by Intacct's replay.
 * Pure: no clock, no I/O.
 */
import { createHash } from 'node:crypto';

/** Composite requests take 2 to 10 sub-requests (intacct-docs/rest/bulk-requests.md). */
export const MAX_COMPOSITE = 10;
/**
 * A boundary after about 1 document in 16: chunks of about 7.6 on average once the cap of 10 counts
 * (100 documents: 14 requests on average, 1 in 8 gave 18). A change moves the cuts up to the next
 * boundary, so a re-run with one document more or less sends about 16 documents in other chunks.
 */
export const BOUNDARY_EVERY = 16;

export function isBoundary(key: string, every = BOUNDARY_EVERY): boolean {
	return createHash('sha256').update(key).digest().readUInt32BE(0) % every === 0;
}

/** The documents' positions (in order) grouped into chunks of 1 to `max`. */
export function contentChunks(keys: readonly string[], max = MAX_COMPOSITE, every = BOUNDARY_EVERY): number[][] {
	const chunks: number[][] = [];
	let current: number[] = [];
	keys.forEach((key, i) => {
		current.push(i);
		if (current.length >= max || isBoundary(key, every)) {
			chunks.push(current);
			current = [];
		}
	});
	if (current.length > 0) chunks.push(current);
	return chunks;
}
