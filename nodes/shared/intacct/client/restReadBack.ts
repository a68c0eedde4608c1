/**
 * Records just created over REST read back by key: one query-service call per READ_BACK_KEYS keys
 * (`filters: [{ $in: { key: [...] } }]`), the fields the caller names. A create's answer carries
 * key, id and href only, so what the XML gateway answers a create with (RECORD_URL: REST's webURL)
 * and the audit times that tell an earlier run's post from ours (restKeyedCreates.ts) come from here,
 * in one read for both. A read that fails leaves its keys out of the answer: the records are created
 * whichever way the read goes, so callers report them without what the read would have added.
 */
import type { JsonObject } from '../rest/restWire';

/** The query service returns at most 4,000 records a page (intacct-docs/rest/query-service.md). */
export const READ_BACK_KEYS = 4000;

/** What the REST client offers this module (RestIntacctClient.request). */
export interface ReadBackClient {
	request(method: 'POST', path: string, options: { body?: unknown; entityId?: string }): Promise<{ result: unknown }>;
}

function asObject(value: unknown): JsonObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** The rows of `object` with these keys (`key` is always asked), by key; keys of a failed read are absent. */
export async function readBack(client: ReadBackClient, object: string, keys: readonly string[], fields: readonly string[], entityId?: string): Promise<Map<string, JsonObject>> {
	const distinct = [...new Set(keys.filter((k) => k !== ''))];
	const asked = ['key', ...fields.filter((f) => f !== 'key')];
	const rows = new Map<string, JsonObject>();
	const slices: string[][] = [];
	for (let from = 0; from < distinct.length; from += READ_BACK_KEYS) slices.push(distinct.slice(from, from + READ_BACK_KEYS));
	await Promise.all(
		slices.map(async (slice) => {
			let result: unknown;
			try {
				({ result } = await client.request('POST', '/services/core/query', { body: { object, fields: asked, filters: [{ $in: { key: slice } }], start: 1, size: READ_BACK_KEYS }, entityId }));
			} catch {
				return;
			}
			for (const row of Array.isArray(result) ? result : []) {
				const record = asObject(row);
				const key = record.key;
				if (typeof key === 'string' || typeof key === 'number') rows.set(String(key), record);
			}
		}),
	);
	return rows;
}
