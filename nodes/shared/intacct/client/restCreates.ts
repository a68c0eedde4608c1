/**
 * Many records of one REST object created, each outcome paired back to its record, by one of the
 * two ways Sage's reference offers (intacct-docs/rest/bulk-requests.md; docs/rest-wire.md "Creates at
 * volume"):
 *
 *   batch  POST /objects/<object> with a JSON array of up to 500 records per request, the answer's
 *          elements in the records' order; batches run side by side up to the client's concurrency.
 *   bulk   the asynchronous bulk service: POST /services/bulk/job/create (multipart: ia::requestBody
 *          and the JSON file of every record), GET /services/bulk/job/status?jobId= until completed,
 *          then the result file (…&download=true), one element per record in order.
 *
 * `auto` picks bulk from BULK_FROM_RECORDS records (measured: docs/benchmarks-rest.md). Idempotent on
 * re-run: records with their own keys go as composite requests, each record under its own key
 * (restKeyedCreates.ts), or one request per record (the client's keyedCreates 'single'). A bulk job
 * takes one Idempotency-Key for all its records, so a re-run with another set of records would be a
 * new job posting them all again: Send As Bulk Job with keys is refused before anything is sent.
 */
import { createHash } from 'crypto';
import { IntacctError } from '../core/errors';
import { batchElementError, type JsonObject, type JsonValue } from '../rest/restWire';
import { MAX_REST_BATCH, type RestIntacctClient } from './restClient';
import { createKeyed, type KeyedCreatesMode } from './restKeyedCreates';

/**
 * From this many records `auto` would use the bulk service. Measured (docs/benchmarks-rest.md, "Batch
 * or bulk"): batch requests finished first at every size tried (100 to 30,000 records at the bench's
 * 100 ms latency): the job's records cost the server the same work, and polling adds its wait. So
 * `auto` sends batch requests; the bulk service is chosen explicitly (Send As: Bulk Job), where 3
 * requests instead of one per 500 records matter more than minutes (a tight request rate limit).
 */
export const BULK_FROM_RECORDS = Number.POSITIVE_INFINITY;

export type CreateWay = 'auto' | 'batch' | 'bulk';

export interface CreateRecordsOptions {
	way?: CreateWay;
	/** A stable key per record (same order as the records); undefined: no idempotency key is sent. */
	keys?: Array<string | undefined>;
	entityId?: string;
	/** Records per batch request (at most 500). */
	batchSize?: number;
	/** How keyed records travel; default: the client's (RestIntacctClient.keyedCreates). */
	keyedCreates?: KeyedCreatesMode;
	/** First wait before polling a bulk job (ms); grows by half each poll up to maxPollMs. */
	pollMs?: number;
	maxPollMs?: number;
	/** Gives up polling after this long (ms) and fails every record with the job's ID. */
	maxWaitMs?: number;
}

export type RecordOutcome = { ok: true; record: JsonObject } | { ok: false; error: IntacctError };

export interface CreateRecordsResult {
	way: 'batch' | 'bulk';
	outcomes: RecordOutcome[];
	/** The bulk job's ID (bulk only). */
	jobId?: string;
}

function sha(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

function asObject(value: unknown): JsonObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

function outcomeOf(element: unknown, what: string): RecordOutcome {
	const error = batchElementError(element, { what, secrets: [] });
	if (error) return { ok: false, error };
	const wrapped = asObject(element);
	// A bulk result element wraps the record as ia::result; a batch element is the record itself.
	const record = wrapped['ia::result'] !== undefined ? asObject(wrapped['ia::result']) : wrapped;
	return { ok: true, record };
}

export function chooseWay(way: CreateWay, records: number): 'batch' | 'bulk' {
	if (way !== 'auto') return way;
	return records >= BULK_FROM_RECORDS ? 'bulk' : 'batch';
}

/** Why Send As Bulk Job is refused for records with their own keys (before anything is sent). */
export const BULK_WITH_KEYS =
	"Send As: Bulk Job takes one Idempotency-Key for the whole job, so a re-run holding one record more or less would be a new job and post every record again; with an Idempotency Key per item use Send As: Auto or Batch Requests (each record under its own key), or clear the Idempotency Key";

function hasKeys(options: CreateRecordsOptions): boolean {
	return (options.keys ?? []).some((k) => k !== undefined && k !== '');
}

export async function createRecords(client: RestIntacctClient, object: string, records: JsonObject[], options: CreateRecordsOptions = {}): Promise<CreateRecordsResult> {
	if (records.length === 0) return { way: 'batch', outcomes: [] };
	if (options.way === 'bulk' && hasKeys(options)) {
		const error = new IntacctError({ kind: 'validation', summary: BULK_WITH_KEYS });
		return { way: 'bulk', outcomes: records.map(() => ({ ok: false, error })) };
	}
	// Keyed records never go to a bulk job by themselves (auto): one key per job is no per-record key.
	const way = hasKeys(options) ? 'batch' : chooseWay(options.way ?? 'auto', records.length);
	return way === 'bulk' ? await bulkCreate(client, object, records, options) : { way, outcomes: await batchCreate(client, object, records, options) };
}

async function batchCreate(client: RestIntacctClient, object: string, records: JsonObject[], options: CreateRecordsOptions): Promise<RecordOutcome[]> {
	// Records with their own keys each keep their key (restKeyedCreates.ts): a batch takes one
	// Idempotency-Key, and a key made of its members' keys is new whenever a re-run's batch holds one
	// record more or less, so the earlier records would be created again (docs/rest-wire.md).
	const keys = options.keys ?? [];
	const keyedAt = records.map((_, n) => n).filter((n) => keys[n] !== undefined && keys[n] !== '');
	const unkeyed = records.map((_, n) => n).filter((n) => keys[n] === undefined || keys[n] === '');
	const outcomes = new Array<RecordOutcome>(records.length);
	const batches: Array<Promise<void>> = [];
	if (keyedAt.length > 0) {
		batches.push(
			(async () => {
				const documents = keyedAt.map((n) => ({ body: records[n], key: keys[n] ?? '' }));
				const results = await createKeyed(client, object, documents, { mode: options.keyedCreates ?? client.keyedCreates, entityId: options.entityId, readBack: false });
				keyedAt.forEach((n, m) => {
					const result = results[m];
					outcomes[n] = result.ok ? { ok: true, record: result.element } : { ok: false, error: result.error };
				});
			})(),
		);
	}
	const size = Math.min(MAX_REST_BATCH, Math.max(1, options.batchSize ?? MAX_REST_BATCH));
	for (let at = 0; at < unkeyed.length; at += size) {
		const positions = unkeyed.slice(at, at + size);
		const slice = positions.map((n) => records[n]);
		const single = slice.length === 1;
		batches.push(
			(async () => {
				try {
					const { result } = await client.request('POST', `/objects/${object}`, { body: single ? slice[0] : slice, entityId: options.entityId });
					const elements = single ? [result] : Array.isArray(result) ? result : [];
					positions.forEach((n, m) => {
						outcomes[n] = outcomeOf(elements[m], `create ${object} (record ${n + 1})`);
					});
				} catch (error) {
					for (const n of positions) outcomes[n] = { ok: false, error: error as IntacctError };
				}
			})(),
		);
	}
	await Promise.all(batches);
	return outcomes;
}

/** multipart/form-data of a bulk job; the boundary derives from the content, so a repeat is byte-identical. */
export function bulkJobForm(requestBody: JsonObject, file: JsonValue[]): { contentType: string; text: string } {
	const parts: Array<[string, string, string | undefined]> = [
		['ia::requestBody', JSON.stringify(requestBody), undefined],
		['file', JSON.stringify(file), String(requestBody.jobFile)],
	];
	const boundary = `ia-bulk-${sha(parts.map((p) => p[1]).join('\n')).slice(0, 32)}`;
	const text =
		parts
			.map(([name, value, filename]) => {
				const disposition = `Content-Disposition: form-data; name="${name}"${filename !== undefined ? `; filename="${filename}"` : ''}`;
				const type = filename !== undefined ? '\r\nContent-Type: application/json' : '';
				return `--${boundary}\r\n${disposition}${type}\r\n\r\n${value}\r\n`;
			})
			.join('') + `--${boundary}--\r\n`;
	return { contentType: `multipart/form-data; boundary=${boundary}`, text };
}

async function bulkCreate(client: RestIntacctClient, object: string, records: JsonObject[], options: CreateRecordsOptions): Promise<CreateRecordsResult> {
	const failAll = (error: IntacctError, jobId?: string): CreateRecordsResult => ({ way: 'bulk', jobId, outcomes: records.map(() => ({ ok: false, error })) });
	const requestBody: JsonObject = { objectName: object, operation: 'create', jobFile: 'records.json', fileContentType: 'json' };
	const form = bulkJobForm(requestBody, records);
	let jobId: string;
	try {
		// No Idempotency-Key: records with keys never come here (createRecords refuses them).
		const { result } = await client.request('POST', '/services/bulk/job/create', { raw: { ...form, objects: records.length }, entityId: options.entityId });
		jobId = String(asObject(result).jobId ?? '');
		if (jobId === '') throw new IntacctError({ kind: 'result', summary: `The bulk service answered without a jobId for ${object}` });
	} catch (error) {
		return failAll(error as IntacctError);
	}
	let wait = Math.max(1, options.pollMs ?? 1000);
	let waited = 0;
	const maxWait = options.maxWaitMs ?? 6 * 60 * 60 * 1000;
	for (;;) {
		await client.pause(wait);
		waited += wait;
		let status: string;
		try {
			const { result } = await client.request('GET', '/services/bulk/job/status', { query: { jobId }, entityId: options.entityId });
			status = String(asObject(result).status ?? '');
		} catch (error) {
			return failAll(error as IntacctError, jobId);
		}
		if (status === 'completed') break;
		if (status === 'failed') return failAll(new IntacctError({ kind: 'result', summary: `Intacct's bulk job ${jobId} for ${object} failed; no record of it is confirmed created` }), jobId);
		if (waited >= maxWait) {
			return failAll(new IntacctError({ kind: 'result', summary: `Intacct's bulk job ${jobId} for ${object} was still ${status || 'running'} after ${Math.round(waited / 1000)} s; check it with GET /services/bulk/job/status?jobId=${jobId}` }), jobId);
		}
		wait = Math.min(options.maxPollMs ?? 15_000, Math.ceil(wait * 1.5));
	}
	try {
		const { result } = await client.request('GET', '/services/bulk/job/status', { query: { jobId, download: 'true' }, entityId: options.entityId });
		const elements = Array.isArray(result) ? result : [];
		return { way: 'bulk', jobId, outcomes: records.map((_, n) => (n < elements.length ? outcomeOf(elements[n], `create ${object} (record ${n + 1}, bulk job ${jobId})`) : { ok: false, error: new IntacctError({ kind: 'result', summary: `Intacct's bulk job ${jobId} result has no element for record ${n + 1}` }) })) };
	} catch (error) {
		return failAll(error as IntacctError, jobId);
	}
}
