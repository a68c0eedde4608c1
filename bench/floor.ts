/**
 * The round-trip floor: the least time any client could need when every HTTP request costs
 * `latencyMs` and the company allows `concurrency` requests in flight (Intacct standard tier: 2,
 * shared docs §4.7).
 *
 *   requests   = sessions + ceil(items / batchSize)
 *   roundTrips = sessions + ceil(ceil(items / batchSize) / concurrency)
 *   floorMs    = roundTrips × latencyMs
 *
 * `sessions` is the getAPISession sign-in (1; it must finish before anything else can be sent).
 * A per-item loop is the same formula with batchSize 1 and concurrency 1.
 * Reads page sequentially (each readMore needs the previous page's resultId):
 *   requests = roundTrips = sessions + ceil(records / pageSize).
 */
export interface Floor {
	requests: number;
	roundTrips: number;
	ms: number;
}

export function writeFloor(items: number, batchSize: number, concurrency: number, latencyMs: number, sessions = 1): Floor {
	const batches = Math.ceil(items / Math.max(1, batchSize));
	const roundTrips = sessions + Math.ceil(batches / Math.max(1, concurrency));
	return { requests: sessions + batches, roundTrips, ms: roundTrips * latencyMs };
}

export function readFloor(records: number, pageSize: number, latencyMs: number, sessions = 1): Floor {
	const pages = Math.max(1, Math.ceil(records / Math.max(1, pageSize)));
	return { requests: sessions + pages, roundTrips: sessions + pages, ms: (sessions + pages) * latencyMs };
}
