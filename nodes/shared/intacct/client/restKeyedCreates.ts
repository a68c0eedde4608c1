/**
 * Creates of one REST object that each carry their own idempotency key (docs/rest-wire.md, "Creates
 * at volume over REST"). A batch request takes one Idempotency-Key for all its records, so keyed
 * documents travel as composite requests instead (POST /services/core/composite, 2 to 10
 * sub-requests, intacct-docs/rest/bulk-requests.md), each sub-request `POST /objects/<object>` with
 * its document's own `Idempotency-Key` in the sub-request's headers:
 *
 *  - chunks are cut by content (contentChunks.ts), so a re-run with documents more or fewer sends the
 *    same composite requests as before except around the change; a chunk of one goes as a single POST;
 *  - each composite carries an outer key made of its sub-keys: the same chunk again is answered from
 *    Intacct's replay (x-ia-idempotency-cached-date), and its documents are reported as duplicates;
 *  - sub-answers pair back by position; a refused sub-request fails its document only; the ones
 *    Intacct left unprocessed after it are sent again one by one under their own keys, and so are
 *    the documents of a composite refused as a whole (4xx: nothing ran);
 *  - a document created earlier but replayed inside a changed chunk shows no replay header of its
 *    own: its record's audit.createdDateTime (read back with restReadBack.ts, one query per 4,000
 *    keys) earlier than the server's clock before these writes went out (a Date header) says it was
 *    an earlier run's post. sendKeyed() leaves that read to its caller (the REST client reads the
 *    records' webURL in the same query); createKeyed() sends and reads.
 *
 * This relies on Intacct honouring Idempotency-Key in a sub-request's headers, which Sage's pages
 * imply but no recorded answer shows (docs/fidelity-rest.md); mode 'single' sends one request per
 * document under its key instead, safe whichever way Intacct behaves.
 */
import { createHash } from 'node:crypto';
import { IntacctError } from '../core/errors';
import { batchElementError, type JsonObject } from '../rest/restWire';
import { contentChunks } from './contentChunks';
import { readBack } from './restReadBack';

export type KeyedCreatesMode = 'composite' | 'single';
export const KEYED_CREATES_MODES: readonly KeyedCreatesMode[] = ['composite', 'single'];

export interface KeyedDocument {
	body: JsonObject;
	key: string;
}

export type KeyedOutcome = { ok: true; element: JsonObject; duplicate: boolean } | { ok: false; error: IntacctError };

/** What the REST client offers this module (RestIntacctClient). */
export interface KeyedCreateClient {
	request(
		method: 'POST',
		path: string,
		options: { body?: unknown; idempotencyKey?: string; entityId?: string },
	): Promise<{ status: number; result: unknown; meta: Record<string, unknown>; replayed: boolean }>;
	/** The server's clock (epoch ms, Date header) as of the latest answer; undefined when unknown. */
	serverTime(entityId: string, object: string): Promise<number | undefined>;
}

function asObject(value: unknown): JsonObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** The outer key of a composite request: its object and its sub-keys, in order. */
export function compositeKey(object: string, keys: readonly string[]): string {
	return `composite-${createHash('sha256').update(`${object}\n${keys.join('\n')}`).digest('hex')}`;
}

export interface KeyedCreateOptions {
	mode?: KeyedCreatesMode;
	entityId?: string;
	/** Check documents created inside changed composites against their audit time (default true). */
	readBack?: boolean;
}

/** What sendKeyed sent: the outcomes, and what tells an earlier run's posts among them (markEarlierPosts). */
export interface KeyedSending {
	outcomes: KeyedOutcome[];
	/** The server's clock before the writes went out; undefined: no check wanted or possible. */
	started?: number;
	/** Documents of composites Intacct ran (not replayed): an earlier run may have posted them. */
	unsure: number[];
}

/** Sends and reads back the audit times of the documents that may be an earlier run's posts. */
export async function createKeyed(client: KeyedCreateClient, object: string, documents: KeyedDocument[], options: KeyedCreateOptions = {}): Promise<KeyedOutcome[]> {
	const sending = await sendKeyed(client, object, documents, options);
	const keys = earlierPostKeys(sending);
	if (keys.length > 0) markEarlierPosts(sending, await readBack(client, object, keys, EARLIER_POST_FIELDS, options.entityId));
	return sending.outcomes;
}

/** The keys whose audit times markEarlierPosts needs (none when there is nothing to tell). */
export function earlierPostKeys(sending: KeyedSending): string[] {
	if (sending.started === undefined) return [];
	return sending.unsure.map((n) => sending.outcomes[n]).flatMap((o) => (o.ok ? [String(o.element.key ?? '')] : []));
}

/** The fields markEarlierPosts reads. */
export const EARLIER_POST_FIELDS = ['key', 'audit.createdDateTime'];

export async function sendKeyed(client: KeyedCreateClient, object: string, documents: KeyedDocument[], options: KeyedCreateOptions = {}): Promise<KeyedSending> {
	const outcomes = new Array<KeyedOutcome>(documents.length);
	const path = `/objects/${object}`;
	const entityId = options.entityId;
	const single = async (n: number): Promise<void> => {
		try {
			const { result, replayed } = await client.request('POST', path, { body: documents[n].body, idempotencyKey: documents[n].key, entityId });
			outcomes[n] = { ok: true, element: asObject(result), duplicate: replayed };
		} catch (error) {
			outcomes[n] = { ok: false, error: error as IntacctError };
		}
	};
	if (options.mode === 'single' || documents.length === 1) {
		await Promise.all(documents.map(async (_, n) => await single(n)));
		return { outcomes, unsure: [] };
	}
	// The server's time before these writes go out, for telling an earlier run's record from ours.
	const started = options.readBack === false ? undefined : await client.serverTime(entityId ?? '', object).catch(() => undefined);
	const unsure: number[] = [];
	const chunks = contentChunks(documents.map((d) => d.key));
	await Promise.all(
		chunks.map(async (chunk) => {
			if (chunk.length === 1) return await single(chunk[0]);
			const subRequests = chunk.map((n) => ({ method: 'POST', path, body: documents[n].body, headers: { 'Idempotency-Key': documents[n].key } }));
			let answer: { result: unknown; replayed: boolean };
			try {
				answer = await client.request('POST', '/services/core/composite', { body: subRequests, idempotencyKey: compositeKey(object, chunk.map((n) => documents[n].key)), entityId });
			} catch (error) {
				// Refused as a whole (nothing ran: e.g. 409, the outer key used with another chunk's body):
				// each document alone under its own key, which replays, posts or is refused for itself.
				if (refusedAsAWhole(error)) await Promise.all(chunk.map(async (n) => await single(n)));
				else for (const n of chunk) outcomes[n] = { ok: false, error: error as IntacctError };
				return;
			}
			const entries = Array.isArray(answer.result) ? answer.result : [];
			const again: number[] = [];
			let stopped = false;
			chunk.forEach((n, position) => {
				const entry = asObject(entries[position]);
				// Intacct stops at the first failure: what follows it (or is missing) was not processed.
				if (stopped || entries[position] === undefined) {
					again.push(n);
					return;
				}
				const status = Number(entry['ia::status'] ?? 200);
				const what = `create ${object} (document ${n + 1}, Idempotency-Key ${documents[n].key})`;
				const error = batchElementError(entry, { what, secrets: [] }) ?? (status >= 300 ? new IntacctError({ kind: 'result', summary: `Intacct refused ${what} with HTTP ${status}`, httpStatus: status, functionName: what }) : undefined);
				if (error) {
					stopped = true;
					outcomes[n] = { ok: false, error };
					return;
				}
				outcomes[n] = { ok: true, element: asObject(entry['ia::result']), duplicate: answer.replayed };
				if (!answer.replayed) unsure.push(n);
			});
			await Promise.all(again.map(async (n) => await single(n)));
		}),
	);
	return { outcomes, started, unsure };
}

/** A composite Intacct refused before running any sub-request: a 4xx answer other than 401 and 429. */
function refusedAsAWhole(error: unknown): boolean {
	const status = error instanceof IntacctError ? (error.httpStatus ?? 0) : 0;
	return status >= 400 && status < 500 && status !== 401 && status !== 429;
}

/**
 * Documents of composites Intacct ran (not replayed) whose records were created before `started`
 * (server clock, whole seconds as audit.createdDateTime has them) were replayed inside the composite:
 * an earlier run posted them. A record created in the same second as `started` counts as this run's
 * (a re-run within a second of the earlier run's last post may report it so); a record the read-back
 * lacks (the read failed) leaves its flag as it is (the document is posted either way).
 */
export function markEarlierPosts(sending: KeyedSending, rows: ReadonlyMap<string, JsonObject>): void {
	const { outcomes, started } = sending;
	if (started === undefined) return;
	const startSecond = Math.floor(started / 1000);
	for (const n of sending.unsure) {
		const outcome = outcomes[n];
		if (!outcome.ok) continue;
		const record = rows.get(String(outcome.element.key ?? ''));
		if (record === undefined) continue;
		const audit = asObject(record.audit);
		const created = Date.parse(String(record['audit.createdDateTime'] ?? audit.createdDateTime ?? ''));
		if (Number.isFinite(created) && Math.floor(created / 1000) < startSecond) outcomes[n] = { ...outcome, duplicate: true };
	}
}
