/**
 * IntacctApi over the REST API: the node's functions (readByQuery, read, readByName, query,
 * create, update, delete on the objects of records/restObjects.ts) run as REST calls, and the
 * records come back with the XML wire's field names, so every operation and output stays the same.
 * Tokens: fetched per entity (client credentials), refreshed when expired, re-fetched once when a
 * request meets 401 mid-run. Retries 429 (after Retry-After) and 5xx; writes only with an
 * Idempotency-Key. Requests in flight are capped per credential (the tier's concurrency).
 */
import type { BatchOptions, BatchOutcome, CostRecorder, IntacctApi, IntacctFunction, IntacctRecord, IntacctResult, PageOptions, RequestOptions, XmlObject } from '../core/types';
import { IntacctError } from '../core/errors';
import { lineMapping, restMapping, type RestFieldMapping, type RestObjectMapping } from '../records/restObjects';
import {
	type AccessToken,
	type JsonObject,
	type JsonValue,
	type RestCredentials,
	type RestHttp,
	type RestHttpRequest,
	batchElementError,
	clientCredentialsForm,
	readPayload,
	readTokenResponse,
	responseError,
	retryAfterMs,
	tokenErrorMessage,
	tokenUrl,
} from '../rest/restWire';
import { conditionsToFilters, isEveryField, passThroughMapping, queryFilterToCondition, selectFields, toRestBody, toXmlRecord, workflowOf } from '../rest/translate';
import { readObjectModel } from '../rest/objectModel';
import { decodeQueryCursor, dimensionsRecord, encodeQueryCursor, inspectRecord, isQueryCursor, lookupRecord, userDimensionMapping, userDimensionObject, type QueryCursor } from '../rest/restLookups';
import { cardReversal, legacyAsGeneric } from '../rest/legacyWrites';
import { namesUserDimension, respellUserDimensions, userDimensionFieldOfPath, userDimensionSpellings } from '../rest/userDimensions';
import { runAttachmentFunction } from './restAttachments';
import { explainRestFailure } from './restCredentialWords';
import { Semaphore } from './semaphore';
import { recordRestCall } from './costMeter';
import { backoffDelay, networkError } from './retryPolicy';
import { EARLIER_POST_FIELDS, earlierPostKeys, markEarlierPosts, sendKeyed, type KeyedCreatesMode, type KeyedSending } from './restKeyedCreates';
import { readBack } from './restReadBack';

/** Batch requests take up to 500 records (intacct-docs/rest/bulk-requests.md). */
export const MAX_REST_BATCH = 500;
/** The query service's page size used by pages(). */
export const REST_QUERY_PAGE = 1000;

export interface RestClientOptions {
	credentials: RestCredentials;
	http: RestHttp;
	/** A token source other than client credentials (n8n's OAuth2 authorization-code flow). */
	token?: (entityId: string) => Promise<AccessToken>;
	concurrency?: number;
	/** Counts requests and API transactions (the node's cost meter, costMeter.ts). */
	meter?: CostRecorder;
	maxRetries?: number;
	retryBaseDelayMs?: number;
	timeoutMs?: number;
	sleep?: (ms: number) => Promise<void>;
	now?: () => number;
	/**
	 * How creates that carry an idempotency key travel: composite requests of up to 10 documents, each
	 * under its own key (default), or one request per document (restKeyedCreates.ts).
	 */
	keyedCreates?: KeyedCreatesMode;
}

/** A request body sent as it is, with its content type (multipart/form-data of the bulk service). */
export interface RawBody {
	contentType: string;
	text: string;
	/** Records it carries (the cost meter counts one write per record). */
	objects?: number;
}

/** The keyed creates of one object as sent (restKeyedCreates.ts) and the functions they are, in order. */
interface KeyedGroup {
	sending: KeyedSending;
	valid: number[];
}

/** An aggregate of a `query` select: the XML output name (SUM.TRX_AMOUNT) and the REST field (sum:txnAmount). */
interface QueryAggregate {
	xml: string;
	rest: string;
}

interface Call {
	method: RestHttpRequest['method'];
	path: string;
	body?: unknown;
	/** A body sent as it is (multipart form of a bulk job), instead of JSON. */
	raw?: RawBody;
	entityId: string;
	idempotencyKey?: string;
	what: string;
	isWrite: boolean;
}

function str(value: unknown): string {
	return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value as number);
}

function asObject(value: unknown): JsonObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

function unsupported(fn: IntacctFunction, detail = ''): IntacctError {
	return new IntacctError({
		kind: 'validation',
		summary: `${fn.name}${detail ? ` ${detail}` : ''} is not available over the REST API in this node; use the Web Services (XML) credential for it`,
		functionName: fn.name,
	});
}

/** The field a record's link (RECORD_URL, REST's webURL) reads from; none for objects without one. */
function recordUrlField(mapping: RestObjectMapping): RestFieldMapping | undefined {
	return mapping.fields.find((f) => f.xml === 'RECORD_URL');
}

function mappingOf(fn: IntacctFunction, object: string): RestObjectMapping {
	if (object.includes('/') || object.includes('::')) return passThroughMapping(object.trim());
	const mapping = restMapping(object);
	if (!mapping) throw unsupported(fn, `of object ${object}`);
	return mapping;
}

export class RestIntacctClient implements IntacctApi {
	private readonly tokens = new Map<string, Promise<AccessToken>>();
	/** The dimension list per entity, read once per client (getDimensions and UDD objects use it). */
	private readonly dimensionLists = new Map<string, Promise<unknown>>();
	/** Per entity and line object, its user-defined dimensions from the model service (userDimensionFields). */
	private readonly lineDimensionFields = new Map<string, Promise<RestFieldMapping[]>>();
	private readonly semaphore: Semaphore;
	private readonly sleep: (ms: number) => Promise<void>;
	private readonly now: () => number;
	/** Requests sent and token requests made (benchmarks, tests). */
	readonly stats = { requests: 0, tokenRequests: 0 };
	/** The latest Date header of an answer received (the server's clock, epoch ms). */
	private serverClock: number | undefined;

	constructor(private readonly options: RestClientOptions) {
		this.semaphore = new Semaphore(options.concurrency ?? 2);
		this.sleep = options.sleep ?? (async () => {});
		this.now = options.now ?? (() => Date.now());
	}

	/** How creates with idempotency keys travel (RestClientOptions.keyedCreates). */
	get keyedCreates(): KeyedCreatesMode {
		return this.options.keyedCreates ?? 'composite';
	}

	private get base(): string {
		return this.options.credentials.baseUrl.replace(/\/+$/, '');
	}

	private get origin(): string {
		try {
			return new URL(this.base).origin;
		} catch {
			return '';
		}
	}

	private secrets(): string[] {
		return [this.options.credentials.clientSecret];
	}

	// ------------------------------------------------------------------ tokens

	private async fetchToken(entityId: string): Promise<AccessToken> {
		if (this.options.token) return await this.options.token(entityId);
		this.stats.tokenRequests++;
		const timeoutMs = this.options.timeoutMs ?? 300_000;
		let response;
		try {
			response = await this.options.http({
				method: 'POST',
				url: tokenUrl(this.base),
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				body: clientCredentialsForm(this.options.credentials, entityId),
				timeoutMs,
			});
		} catch (cause) {
			throw networkError(cause, timeoutMs).maskWith(this.secrets());
		}
		this.noteServerTime(response.headers);
		if (response.statusCode !== 200) {
			let data: unknown;
			try {
				data = JSON.parse(response.body) as unknown;
			} catch {
				data = undefined;
			}
			// The summary in plain words (which part of the credential to check), Intacct's own error after it.
			const refused = responseError(response, { what: 'the token request', secrets: this.secrets() });
			// Which part is wrong (authorisation, user, entity) when Intacct's code says so; a wrong secret
			// keeps tokenErrorMessage's words ("copy both again").
			const words = explainRestFailure(refused, this.options.credentials);
			throw new IntacctError({
				kind: refused.kind,
				summary: words.problem === 'unknown' || words.problem === 'secret' ? tokenErrorMessage({ response: { status: response.statusCode, data } }) : words.message,
				errors: refused.errors,
				httpStatus: refused.httpStatus,
				transient: refused.transient,
				functionName: 'the token request',
			}).maskWith(this.secrets());
		}
		return readTokenResponse(response, this.now(), { what: 'the token request', secrets: this.secrets() });
	}

	private async token(entityId: string, renew?: string): Promise<AccessToken> {
		let pending = this.tokens.get(entityId);
		if (pending) {
			const current = await pending.catch(() => undefined);
			if (current && current.accessToken !== renew && current.expiresAt > this.now()) return current;
		}
		pending = this.fetchToken(entityId);
		this.tokens.set(entityId, pending);
		pending.catch(() => this.tokens.delete(entityId));
		return await pending;
	}

	// ------------------------------------------------------------------ one call

	private entity(options?: RequestOptions): string {
		return options?.entityId ?? this.options.credentials.entityId ?? '';
	}

	/**
	 * A body naming a line's user-defined dimension (dimensions.nsp::<name>) with each name spelled as
	 * the company's dimension list spells it (rest/userDimensions.ts); the list is read once per entity.
	 * Without the list (refused, or no UDD endpoints) the body goes as built.
	 */
	private async withCompanySpelling(call: Call): Promise<Call> {
		if (call.body === undefined || !namesUserDimension(call.body)) return call;
		const spellings = await this.dimensionList(call.entityId).then(userDimensionSpellings, () => undefined);
		if (spellings === undefined || spellings.size === 0) return call;
		return { ...call, body: respellUserDimensions(call.body as JsonValue, spellings) };
	}

	private async send(given: Call): Promise<{ status: number; result: unknown; meta: Record<string, unknown>; replayed: boolean }> {
		const call = await this.withCompanySpelling(given);
		const maxRetries = this.options.maxRetries ?? 5;
		const baseDelay = this.options.retryBaseDelayMs ?? 1000;
		const timeoutMs = this.options.timeoutMs ?? 300_000;
		let retokened = false;
		for (let attempt = 0; ; attempt++) {
			const token = await this.token(call.entityId);
			const headers: Record<string, string> = { Accept: 'application/json' };
			// An empty token: n8n's OAuth2 machinery signs the request (authorization code).
			if (token.accessToken !== '') headers.Authorization = `Bearer ${token.accessToken}`;
			if (call.raw !== undefined) headers['Content-Type'] = call.raw.contentType;
			else if (call.body !== undefined) headers['Content-Type'] = 'application/json';
			if (call.idempotencyKey) headers['Idempotency-Key'] = call.idempotencyKey;
			const secrets = [...this.secrets(), token.accessToken, token.refreshToken];
			let response;
			try {
				this.stats.requests++;
				// Counted before it is sent: a call that fails may still have reached Intacct (costMeter.ts).
				if (this.options.meter) recordRestCall(this.options.meter, call.method, call.raw?.objects ?? (Array.isArray(call.body) ? call.body.length : 1));
				response = await this.semaphore.use(
					async () =>
						await this.options.http({
							method: call.method,
							url: `${this.base}${call.path}`,
							headers,
							body: call.raw !== undefined ? call.raw.text : call.body === undefined ? undefined : JSON.stringify(call.body),
							timeoutMs,
						}),
				);
			} catch (cause) {
				const failure = networkError(cause, timeoutMs).maskWith(secrets);
				const safe = !call.isWrite || call.idempotencyKey !== undefined || ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(failure.code ?? '');
				if (failure.transient && safe && attempt < maxRetries) {
					await this.sleep(backoffDelay(baseDelay, attempt));
					continue;
				}
				throw failure;
			}
			this.noteServerTime(response.headers);
			if (response.statusCode === 401 && !retokened) {
				// The token expired or was revoked mid-run: fetch a new one once and repeat (nothing ran).
				retokened = true;
				await this.token(call.entityId, token.accessToken);
				attempt--;
				continue;
			}
			if (response.statusCode >= 400) {
				const failure = responseError(response, { what: call.what, secrets });
				const safe = response.statusCode === 429 || !call.isWrite || call.idempotencyKey !== undefined;
				if (failure.transient && safe && attempt < maxRetries) {
					await this.sleep(retryAfterMs(response) ?? backoffDelay(baseDelay, attempt));
					continue;
				}
				throw failure;
			}
			const payload = readPayload(response, { what: call.what, secrets });
			// Intacct answers a repeated Idempotency-Key with the first answer and this header
			// (intacct-docs/rest/bulk-requests.md, "Preventing Duplicate Requests").
			const replayed = call.idempotencyKey !== undefined && (response.headers['x-ia-idempotency-cached-date'] ?? '') !== '';
			return { status: response.statusCode, ...payload, replayed };
		}
	}

	/** Keeps the latest Date header of the answers (the server's clock). */
	private noteServerTime(headers: Record<string, string | string[] | undefined>): void {
		const date = headers.date;
		const at = Date.parse(Array.isArray(date) ? (date[0] ?? '') : (date ?? ''));
		if (Number.isFinite(at)) this.serverClock = Math.max(this.serverClock ?? at, at);
	}

	/**
	 * The server's clock as of the latest answer received (epoch ms, its Date header: the token answer,
	 * a read, an earlier run's writes), else as one read of `object` answers it now. Taken before a
	 * run's writes go out, it is no later than their arrival and no earlier than anything the client
	 * wrote before (restKeyedCreates.ts tells an earlier run's records from this run's by it).
	 */
	async serverTime(entityId: string, object: string): Promise<number | undefined> {
		// The token answer comes from the same server (client credentials); an authorization-code token has none.
		if (this.serverClock === undefined) await this.token(entityId);
		if (this.serverClock === undefined) {
			await this.send({ method: 'POST', path: '/services/core/query', body: { object, fields: ['key'], start: 1, size: 1 }, entityId, what: `the server time (query of ${object})`, isWrite: false });
		}
		return this.serverClock;
	}

	// ------------------------------------------------------------------ functions

	private result(fn: IntacctFunction, records: IntacctRecord[], extra: Partial<IntacctResult> = {}): IntacctResult {
		return { status: 'success', function: fn.name, controlId: fn.controlId ?? '', records, errors: [], count: records.length, ...extra };
	}

	private async get(mapping: RestObjectMapping, key: string, entityId: string, fields: string[]): Promise<IntacctRecord | undefined> {
		const selected = selectFields(mapping, fields);
		const found = await this.send({ method: 'GET', path: `/objects/${mapping.rest}/${encodeURIComponent(key)}`, entityId, what: `GET ${mapping.rest} ${key}`, isWrite: false }).catch(
			(error: unknown) => {
				// A key that does not exist is no record (like the XML read), not a failure.
				if (error instanceof IntacctError && error.httpStatus === 404) return undefined;
				return Promise.reject(error as Error);
			},
		);
		return found === undefined ? undefined : toXmlRecord(mapping, asObject(found.result), selected, this.origin);
	}

	private async queryPage(
		mapping: RestObjectMapping,
		fields: string[],
		condition: string,
		entityId: string,
		start: number,
		size: number,
		orderBy?: JsonObject[],
		aggregates: QueryAggregate[] = [],
	): Promise<{ records: IntacctRecord[]; total: number; next?: number }> {
		const grouped = aggregates.length > 0;
		// With aggregates the plain fields are the groups (none: one row of totals).
		let selected = grouped && fields.every((f) => f.trim() === '') ? [] : selectFields(mapping, fields);
		// Every field of a line: also the user-defined dimensions the company's line has, as the XML read gives them.
		if (!grouped && mapping.userDimensions === true && isEveryField(selected)) selected = [...selected, ...(await this.userDimensionFields(mapping, entityId))];
		const { filters, filterExpression } = conditionsToFilters(mapping, condition);
		const order = orderBy ?? (grouped ? selected.map((f) => ({ [f.rest]: 'asc' }) as JsonObject) : [{ key: 'asc' }]);
		const body: JsonObject = { object: mapping.rest, fields: [...selected.map((f) => f.rest), ...aggregates.map((a) => a.rest)], start, size };
		if (order.length > 0) body.orderBy = order;
		if (filters.length > 0) body.filters = filters;
		if (filterExpression) body.filterExpression = filterExpression;
		const { result, meta } = await this.send({ method: 'POST', path: '/services/core/query', body, entityId, what: `query of ${mapping.rest}`, isWrite: false });
		const rows = Array.isArray(result) ? result : [];
		const next = Number(meta.next);
		const records = rows.map((row) => {
			const record = toXmlRecord(mapping, asObject(row), selected, this.origin);
			// The XML gateway names an aggregate SUM.TRX_AMOUNT (one element); REST labels it sum:txnAmount.
			for (const a of aggregates) {
				const value = asObject(row)[a.rest];
				record[a.xml] = value === null || value === undefined ? '' : str(value);
			}
			return record;
		});
		return { records, total: Number(meta.totalCount ?? rows.length), next: Number.isFinite(next) && next > 0 ? next : undefined };
	}

	/** A line object's user-defined dimensions as GLDIM<NAME> fields at the paths the company's model
	 * spells (dimensions.nsp::<name>.key), read once per client, entity and object; none when the
	 * model service is refused (the read goes on with the mapped fields). */
	private async userDimensionFields(mapping: RestObjectMapping, entityId: string): Promise<RestFieldMapping[]> {
		const cacheKey = `${entityId}|${mapping.rest}`;
		let fields = this.lineDimensionFields.get(cacheKey);
		if (fields === undefined) {
			fields = this.send({ method: 'GET', path: `/services/core/model?name=${encodeURIComponent(mapping.rest)}`, entityId, what: `the model of ${mapping.rest}`, isWrite: false }).then(
				({ result }) =>
					readObjectModel(result).fields.flatMap((f) => {
						const xml = userDimensionFieldOfPath(f.path);
						return xml === undefined ? [] : [{ xml, rest: f.path }];
					}),
				() => {
					// Asked again by the next read; this one goes on without the UDDs.
					this.lineDimensionFields.delete(cacheKey);
					return [];
				},
			);
			this.lineDimensionFields.set(cacheKey, fields);
		}
		return await fields;
	}

	private async dimensionList(entityId: string): Promise<unknown> {
		let list = this.dimensionLists.get(entityId);
		if (list === undefined) {
			list = this.send({ method: 'GET', path: '/services/company-config/dimensions/list', entityId, what: 'the dimension list', isWrite: false }).then((r) => r.result);
			this.dimensionLists.set(entityId, list);
			list.catch(() => this.dimensionLists.delete(entityId));
		}
		return await list;
	}

	/**
	 * The mapping of an object the node names. One the tables lack may be a user-defined dimension
	 * (FUNDINGSOURCE): its records are the platform object the dimension list names.
	 */
	private async mappingFor(fn: IntacctFunction, object: string, entityId: string): Promise<RestObjectMapping> {
		const name = object.trim();
		if (name === '' || name.includes('/') || name.includes('::') || restMapping(name) !== undefined) return mappingOf(fn, name);
		const rest = userDimensionObject(await this.dimensionList(entityId), name);
		if (rest === undefined) throw unsupported(fn, `of object ${name}`);
		return userDimensionMapping(name, rest);
	}

	/** One page of a readByQuery (first or later): its resultId carries the next start while rows remain
	 * (and the REST object a UDD name resolved to, so later pages ask nothing else). */
	private async queryFrom(fn: IntacctFunction, cursor: QueryCursor, entityId: string): Promise<IntacctResult> {
		const mapping = cursor.rest !== undefined ? userDimensionMapping(cursor.object, cursor.rest) : await this.mappingFor(fn, cursor.object, entityId);
		const page = await this.queryPage(mapping, cursor.fields.split(','), cursor.query, entityId, cursor.start, cursor.size);
		const read = cursor.start - 1 + page.records.length;
		const numRemaining = Math.max(0, page.total - read);
		const resolved = mapping.passThrough === true || restMapping(cursor.object) !== undefined ? {} : { rest: mapping.rest };
		const resultId = numRemaining > 0 && page.records.length > 0 ? encodeQueryCursor({ ...cursor, ...resolved, start: page.next ?? read + 1 }) : undefined;
		return this.result(fn, page.records, { listType: mapping.xmlObject, totalCount: page.total, numRemaining, resultId });
	}

	private fieldList(fn: IntacctFunction): string[] {
		const fields = fn.body.fields;
		return str(fields).split(',');
	}

	private keysOf(fn: IntacctFunction): string[] {
		return str(fn.body.keys)
			.split(',')
			.map((k) => k.trim())
			.filter((k) => k !== '');
	}

	private writeTarget(fn: IntacctFunction): { mapping: RestObjectMapping; body: XmlObject } {
		const entries = Object.entries(fn.body).filter(([k]) => k !== '$attributes');
		if (entries.length !== 1) throw unsupported(fn);
		const [object, body] = entries[0];
		return { mapping: mappingOf(fn, object), body: body as XmlObject };
	}

	async execute(fn: IntacctFunction, options?: RequestOptions): Promise<IntacctResult> {
		const entityId = this.entity(options);
		switch (fn.name) {
			case 'read': {
				const mapping = await this.mappingFor(fn, str(fn.body.object), entityId);
				const records: IntacctRecord[] = [];
				for (const key of this.keysOf(fn)) {
					const record = await this.get(mapping, key, entityId, this.fieldList(fn));
					if (record) records.push(record);
				}
				return this.result(fn, records, { listType: mapping.xmlObject });
			}
			case 'readByName': {
				const mapping = await this.mappingFor(fn, str(fn.body.object), entityId);
				const idField = mapping.idXml ?? mapping.keyXml;
				const keys = this.keysOf(fn).map((k) => `'${k.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
				const page = await this.queryPage(mapping, this.fieldList(fn), `${idField} IN (${keys.join(',')})`, entityId, 1, Math.max(1, keys.length));
				return this.result(fn, page.records, { listType: mapping.xmlObject });
			}
			case 'readByQuery':
				return await this.queryFrom(fn, { object: str(fn.body.object), fields: str(fn.body.fields), query: str(fn.body.query), size: Number(fn.body.pagesize ?? 100), start: 1 }, entityId);
			case 'readMore': {
				const token = str(fn.body.resultId);
				if (!isQueryCursor(token)) throw unsupported(fn, 'of a result that did not come from the REST API');
				return await this.queryFrom(fn, decodeQueryCursor(token), entityId);
			}
			case 'lookup':
			case 'inspect': {
				const mapping = await this.mappingFor(fn, str(fn.body.object), entityId);
				const { result } = await this.send({ method: 'GET', path: `/services/core/model?name=${encodeURIComponent(mapping.rest)}`, entityId, what: `the model of ${mapping.rest}`, isWrite: false });
				const model = readObjectModel(result).fields;
				return this.result(fn, [fn.name === 'lookup' ? lookupRecord(mapping, model) : inspectRecord(mapping, model)]);
			}
			case 'getDimensions':
				return this.result(fn, [dimensionsRecord(await this.dimensionList(entityId))]);
			case 'create':
			case 'update':
			case 'create_invoice':
			case 'update_invoice':
			case 'record_deposit':
			case 'record_cctransaction': {
				const [outcome] = await this.executeMany([fn], options);
				if (!outcome.ok) throw outcome.error;
				return outcome.result;
			}
			case 'delete': {
				const mapping = mappingOf(fn, str(fn.body.object));
				for (const key of this.keysOf(fn)) {
					await this.send({ method: 'DELETE', path: `/objects/${mapping.rest}/${encodeURIComponent(key)}`, entityId, what: `DELETE ${mapping.rest} ${key}`, isWrite: true, idempotencyKey: fn.controlId });
				}
				return this.result(fn, []);
			}
			case 'reverse_cctransaction':
				return await this.reverseCardTransaction(fn, entityId);
			default: {
				// Legacy functions with a REST workflow (reverse_appayment -> /workflows/accounts-payable/payment/reverse).
				const workflow = workflowOf(fn);
				if (workflow) {
					const { result } = await this.send({ method: 'POST', path: workflow.path, body: workflow.body, entityId, what: `POST ${workflow.path}`, isWrite: true, idempotencyKey: fn.controlId });
					// The workflow answers the record it acted on ({ key, state }), not a new record: no key.
					return this.result(fn, [{ RECORDNO: str(asObject(result).key), STATE: str(asObject(result).state) }]);
				}
				// create_supdoc, create_supdocfolder, get / get_list of supdoc and supdocfolder (restAttachments.ts).
				const legacy = await runAttachmentFunction(fn, async (method, path, o) => await this.request(method, path, { ...o, entityId: o.entityId ?? entityId }), entityId);
				if (legacy) return legacy;
				throw unsupported(fn);
			}
		}
	}

	/** reverse_cctransaction as POST /workflows/cash-management/credit-card-txn/reverse (cash-management.md); the answer names the reversal. */
	private async reverseCardTransaction(fn: IntacctFunction, entityId: string): Promise<IntacctResult> {
		const body = cardReversal(fn);
		if (!body) throw unsupported(fn);
		const path = '/workflows/cash-management/credit-card-txn/reverse';
		const { result } = await this.send({ method: 'POST', path, body, entityId, what: `reverse cash-management/credit-card-txn ${body.key}`, isWrite: true, idempotencyKey: fn.controlId });
		const key = str(asObject(result).key);
		return this.result(fn, key === '' ? [] : [{ RECORDNO: key }], key === '' ? {} : { key });
	}

	async executeBatch(fns: IntacctFunction[], options?: RequestOptions): Promise<IntacctResult[]> {
		const outcomes = await this.executeMany(fns, options);
		return outcomes.map((o, i) =>
			o.ok ? o.result : { status: 'failure', function: fns[i].name, controlId: fns[i].controlId ?? '', records: [], errors: o.error.errors },
		);
	}

	/**
	 * Creates of one object go out as batch requests of up to 500 records (one POST with a JSON
	 * array; the answer's elements pair back to the items in order), or, when they carry control IDs,
	 * as composite requests with each document under its own Idempotency-Key (restKeyedCreates.ts);
	 * updates and other functions run one by one.
	 */
	async executeMany(given: IntacctFunction[], options?: BatchOptions): Promise<BatchOutcome[]> {
		const entityId = this.entity(options);
		const outcomes: BatchOutcome[] = new Array<BatchOutcome>(given.length);
		const creates = new Map<string, number[]>();
		const others: number[] = [];
		// Legacy writes (create_invoice, record_deposit, ...) run as the generic writes of their objects.
		const fns = given.map((fn, i) => {
			try {
				return legacyAsGeneric(fn) ?? fn;
			} catch (error) {
				outcomes[i] = { ok: false, error: error as IntacctError };
				return fn;
			}
		});
		fns.forEach((fn, i) => {
			if (outcomes[i] !== undefined) return;
			if (fn.name === 'create') {
				try {
					const { mapping } = this.writeTarget(fn);
					const list = creates.get(mapping.xmlObject) ?? [];
					list.push(i);
					creates.set(mapping.xmlObject, list);
				} catch (error) {
					outcomes[i] = { ok: false, error: error as IntacctError };
				}
			} else others.push(i);
		});
		const size = Math.min(MAX_REST_BATCH, Math.max(1, options?.batchSize ?? MAX_REST_BATCH));
		const work: Array<Promise<void>> = [];
		for (const indexes of creates.values()) work.push(this.createObject(given, fns, indexes, size, entityId, outcomes));
		for (const i of others) {
			work.push(
				(async () => {
					try {
						outcomes[i] = { ok: true, result: fns[i].name === 'update' ? await this.update(fns[i], entityId) : await this.execute(fns[i], options) };
					} catch (error) {
						outcomes[i] = { ok: false, error: error as IntacctError };
					}
				})(),
			);
		}
		await Promise.all(work);
		await this.linkUpdates(given, fns, others, entityId, outcomes);
		return outcomes;
	}

	/** The REST bodies of creates of one object (defaults and the bill's currency filled in); refused ones get their outcome. */
	private async prepareCreates(fns: IntacctFunction[], indexes: number[], entityId: string, outcomes: BatchOutcome[]): Promise<{ mapping: RestObjectMapping; bodies: JsonObject[]; valid: number[] } | undefined> {
		const bodies: JsonObject[] = [];
		const valid: number[] = [];
		let mapping: RestObjectMapping | undefined;
		for (const i of indexes) {
			try {
				const target = this.writeTarget(fns[i]);
				mapping = target.mapping;
				bodies.push(toRestBody(target.mapping, target.body, `create ${target.mapping.xmlObject} (function ${i})`));
				valid.push(i);
			} catch (error) {
				outcomes[i] = { ok: false, error: error as IntacctError };
			}
		}
		if (!mapping || valid.length === 0) return undefined;
		const defaults = mapping.createDefaults;
		if (defaults) for (const b of bodies) for (const [path, value] of Object.entries(defaults)) if (b[path] === undefined) b[path] = value;
		if (mapping.xmlObject === 'APBILL' && bodies.some((b) => asObject(b.currency).txnCurrency === undefined)) {
			// REST requires a bill's transaction currency; the XML gateway defaults it to the base currency.
			try {
				const base = await this.baseCurrency(entityId);
				for (const b of bodies) b.currency = { txnCurrency: base, ...asObject(b.currency) };
			} catch (error) {
				for (const i of valid) outcomes[i] = { ok: false, error: error as IntacctError };
				return undefined;
			}
		}
		return { mapping, bodies, valid };
	}

	/**
	 * The creates of one object: keyed ones as composite requests (every document under its own key),
	 * the others as batch requests, then one read-back of the created records (restReadBack.ts, one
	 * query per 4,000) for what REST's create answer lacks: the RECORD_URL the XML gateway answers a
	 * generic create with (REST's webURL) and the audit times that tell an earlier run's posts.
	 */
	private async createObject(given: IntacctFunction[], fns: IntacctFunction[], indexes: number[], size: number, entityId: string, outcomes: BatchOutcome[]): Promise<void> {
		// A batch takes one Idempotency-Key: keyed by its members' keys, a re-run's batch with one
		// item more or less is a new key and Intacct would post the repeated items again. Keyed
		// creates go as composite requests instead, every document under its own key.
		const keyed = indexes.filter((i) => fns[i].controlId !== undefined);
		const unkeyed = indexes.filter((i) => fns[i].controlId === undefined);
		const elements = new Map<number, JsonObject>();
		const sent: Array<Promise<KeyedGroup | undefined>> = [];
		if (keyed.length > 0) sent.push(this.createKeyedGroup(fns, keyed, entityId, outcomes, elements));
		for (let from = 0; from < unkeyed.length; from += size) sent.push(this.createBatch(fns, unkeyed.slice(from, from + size), entityId, outcomes, elements).then(() => undefined));
		const group = (await Promise.all(sent))[0];
		let mapping: RestObjectMapping;
		try {
			mapping = this.writeTarget(fns[indexes[0]]).mapping;
		} catch {
			return;
		}
		// Only generic creates: the legacy ones (create_invoice, record_deposit, ...) answer <key> alone over XML.
		const urlField = recordUrlField(mapping);
		const linked = urlField === undefined ? [] : [...elements.keys()].filter((i) => given[i].name === 'create');
		const earlier = group === undefined ? [] : earlierPostKeys(group.sending);
		const keys = [...linked.map((i) => str(elements.get(i)?.key)), ...earlier];
		const fields = [...(linked.length > 0 && urlField ? [urlField.rest] : []), ...(earlier.length > 0 ? EARLIER_POST_FIELDS : [])];
		const rows = keys.length > 0 ? await readBack(this, mapping.rest, keys, fields, entityId) : new Map<string, JsonObject>();
		if (group !== undefined) {
			markEarlierPosts(group.sending, rows);
			group.valid.forEach((i, n) => {
				const outcome = group.sending.outcomes[n];
				if (outcome.ok) outcomes[i] = { ok: true, result: this.created(fns[i], mapping, outcome.element, outcome.duplicate) };
			});
		}
		this.addRecordUrls(mapping, linked.map((i) => [i, str(elements.get(i)?.key)]), rows, outcomes);
	}

	/**
	 * RECORD_URL on the answers of generic writes (create, update) from the read-back's rows: as a
	 * read of the record gives it (absolute against the REST host). The one rule for a read-back that
	 * failed or missed a record: the write stays successful and its answer has no RECORD_URL (the
	 * record exists whichever way the read went; an empty link would look like Intacct's answer).
	 */
	private addRecordUrls(mapping: RestObjectMapping, written: Array<[number, string]>, rows: Map<string, JsonObject>, outcomes: BatchOutcome[]): void {
		const urlField = recordUrlField(mapping);
		if (urlField === undefined) return;
		for (const [i, key] of written) {
			const outcome = outcomes[i];
			const row = rows.get(key);
			if (outcome === undefined || !outcome.ok || row === undefined) continue;
			const url = toXmlRecord(mapping, row, [urlField], this.origin).RECORD_URL;
			if (typeof url === 'string' && url !== '') outcome.result.records = outcome.result.records.map((r) => ({ ...r, RECORD_URL: url }));
		}
	}

	/**
	 * The generic updates that succeeded, read back after all PATCHes: one query per object per
	 * 4,000 keys (restReadBack.ts) for the RECORD_URL the XML gateway answers an update with.
	 * update_invoice (a legacy update) answers <key> alone over XML, so it reads nothing back.
	 */
	private async linkUpdates(given: IntacctFunction[], fns: IntacctFunction[], indexes: number[], entityId: string, outcomes: BatchOutcome[]): Promise<void> {
		const groups = new Map<string, { mapping: RestObjectMapping; url: string; written: Array<[number, string]> }>();
		for (const i of indexes) {
			const outcome = outcomes[i];
			if (given[i].name !== 'update' || outcome === undefined || !outcome.ok) continue;
			const { mapping } = this.writeTarget(fns[i]);
			const url = recordUrlField(mapping)?.rest;
			const key = str(outcome.result.key);
			if (url === undefined || key === '') continue;
			const group = groups.get(mapping.rest) ?? { mapping, url, written: [] };
			group.written.push([i, key]);
			groups.set(mapping.rest, group);
		}
		await Promise.all(
			[...groups.values()].map(async ({ mapping, url, written }) => {
				const rows = await readBack(this, mapping.rest, written.map(([, key]) => key), [url], entityId);
				this.addRecordUrls(mapping, written, rows, outcomes);
			}),
		);
	}

	/** A create's answer as the XML gateway's: RECORDNO, the business ID of master data (REST's id), then RECORD_URL once read back. */
	private created(fn: IntacctFunction, mapping: RestObjectMapping, element: unknown, duplicate: boolean): IntacctResult {
		const answer = asObject(element);
		const key = str(answer.key);
		const record: IntacctRecord = { RECORDNO: key };
		const id = str(answer.id);
		if (fn.name === 'create' && mapping.idXml !== undefined && id !== '') record[mapping.idXml] = id;
		return this.result(fn, [record], { key, listType: mapping.xmlObject, ...(duplicate ? { duplicate: true } : {}) });
	}

	/** Creates without control IDs: one batch request (or a single POST for one). */
	private async createBatch(fns: IntacctFunction[], indexes: number[], entityId: string, outcomes: BatchOutcome[], elements: Map<number, JsonObject>): Promise<void> {
		const prepared = await this.prepareCreates(fns, indexes, entityId, outcomes);
		if (!prepared) return;
		const { mapping, bodies, valid } = prepared;
		const single = valid.length === 1;
		try {
			const { result } = await this.send({ method: 'POST', path: `/objects/${mapping.rest}`, body: single ? bodies[0] : bodies, entityId, what: `create ${mapping.rest}`, isWrite: true });
			const answers = single ? [result] : Array.isArray(result) ? result : [];
			valid.forEach((i, n) => {
				const element = answers[n];
				const error = batchElementError(element, { what: `create ${mapping.rest} (item ${n + 1} of the batch)`, secrets: this.secrets() });
				if (!error) elements.set(i, asObject(element));
				outcomes[i] = error ? { ok: false, error } : { ok: true, result: this.created(fns[i], mapping, element, false) };
			});
		} catch (error) {
			for (const i of valid) outcomes[i] = { ok: false, error: error as IntacctError };
		}
	}

	/** Creates with control IDs: every document under its own Idempotency-Key (restKeyedCreates.ts); the read-back is the caller's. */
	private async createKeyedGroup(fns: IntacctFunction[], indexes: number[], entityId: string, outcomes: BatchOutcome[], elements: Map<number, JsonObject>): Promise<KeyedGroup | undefined> {
		const prepared = await this.prepareCreates(fns, indexes, entityId, outcomes);
		if (!prepared) return undefined;
		const { mapping, bodies, valid } = prepared;
		const documents = valid.map((i, n) => ({ body: bodies[n], key: fns[i].controlId ?? '' }));
		const sending = await sendKeyed(this, mapping.rest, documents, { mode: this.options.keyedCreates, entityId });
		valid.forEach((i, n) => {
			const outcome = sending.outcomes[n];
			if (outcome.ok) elements.set(i, outcome.element);
			outcomes[i] = outcome.ok ? { ok: true, result: this.created(fns[i], mapping, outcome.element, outcome.duplicate) } : { ok: false, error: outcome.error.maskWith(this.secrets()) };
		});
		return { sending, valid };
	}

	private readonly baseCurrencies = new Map<string, Promise<string>>();

	/** The base currency of the company (or entity): read once from a GL line, as the XML gateway would default it. */
	private async baseCurrency(entityId: string): Promise<string> {
		let pending = this.baseCurrencies.get(entityId);
		if (!pending) {
			pending = this.send({
				method: 'POST',
				path: '/services/core/query',
				body: { object: 'general-ledger/journal-entry-line', fields: ['currency.baseCurrency'], size: 1 },
				entityId,
				what: 'the base currency query',
				isWrite: false,
			}).then(({ result }) => {
				const row = asObject(Array.isArray(result) ? result[0] : undefined);
				const currency = str(row['currency.baseCurrency']);
				if (currency === '') throw new IntacctError({ kind: 'validation', summary: 'The bill has no currency and the company\'s base currency could not be read: set Currency on the bill' });
				return currency;
			});
			this.baseCurrencies.set(entityId, pending);
			pending.catch(() => this.baseCurrencies.delete(entityId));
		}
		return await pending;
	}

	private async update(fn: IntacctFunction, entityId: string): Promise<IntacctResult> {
		const { mapping, body } = this.writeTarget(fn);
		const key = await this.keyForUpdate(mapping, body, entityId);
		const json = toRestBody(mapping, await this.withLineKeys(mapping, body, key, entityId), `update ${mapping.xmlObject} ${key}`);
		const { result } = await this.send({ method: 'PATCH', path: `/objects/${mapping.rest}/${encodeURIComponent(key)}`, body: json, entityId, what: `update ${mapping.rest} ${key}`, isWrite: true, idempotencyKey: fn.controlId });
		const answer = asObject(result);
		const updated = str(answer.key) || key;
		// As the XML gateway answers a generic update: RECORDNO, the business ID of master data (REST's id), then RECORD_URL once read back.
		const record: IntacctRecord = { RECORDNO: updated };
		const id = str(answer.id);
		if (mapping.idXml !== undefined && id !== '') record[mapping.idXml] = id;
		return this.result(fn, [record], { key: updated, listType: mapping.xmlObject });
	}

	/**
	 * Lines an update changes by number (LINE_NO, as update_invoice's line_num) named by their keys,
	 * which a REST PATCH of the owner takes: the owner's lines are read once (query by owner key).
	 */
	private async withLineKeys(mapping: RestObjectMapping, body: XmlObject, key: string, entityId: string): Promise<XmlObject> {
		const lines = mapping.lines;
		const lineMap = lineMapping(mapping);
		const container = lines ? asObject(body[lines.xmlCollection]) : {};
		const given = lines ? container[lines.xmlLine] : undefined;
		const list = (Array.isArray(given) ? given : given === undefined ? [] : [given]).map((l) => asObject(l) as XmlObject);
		if (!lines?.ownerKeyXml || !lineMap || !list.some((l) => l.LINE_NO !== undefined)) return body;
		const page = await this.queryPage(lineMap, [lineMap.keyXml, 'LINE_NO'], `${lines.ownerKeyXml} = '${key}'`, entityId, 1, REST_QUERY_PAGE);
		const keyOf = new Map(page.records.map((r) => [str(r.LINE_NO), str(r[lineMap.keyXml])]));
		const keyed = list.map((line) => {
			if (line.LINE_NO === undefined) return line;
			const { LINE_NO: lineNo, ...fields } = line;
			const lineKey = keyOf.get(str(lineNo));
			if (lineKey === undefined) throw new IntacctError({ kind: 'validation', summary: `update ${mapping.xmlObject} ${key}: it has no line ${str(lineNo)} to change` });
			return { [lineMap.keyXml]: lineKey, ...fields } as XmlObject;
		});
		return { ...body, [lines.xmlCollection]: { [lines.xmlLine]: keyed } };
	}

	/**
	 * The REST key (RECORDNO) of the record an update names: the key itself, or the record found by
	 * its business ID (an XML update may name a vendor by VENDORID; REST PATCHes by key only).
	 */
	private async keyForUpdate(mapping: RestObjectMapping, body: XmlObject, entityId: string): Promise<string> {
		const key = str(body[mapping.keyXml]);
		if (key !== '') return key;
		const id = mapping.idXml ? str(body[mapping.idXml]) : '';
		if (id === '') throw new IntacctError({ kind: 'validation', summary: `update ${mapping.xmlObject} needs ${mapping.keyXml}` });
		const quoted = `'${id.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
		const page = await this.queryPage(mapping, [mapping.keyXml], `${mapping.idXml} = ${quoted}`, entityId, 1, 1);
		const found = str(page.records[0]?.[mapping.keyXml]);
		if (found === '') {
			throw new IntacctError({ kind: 'result', summary: `Intacct has no ${mapping.xmlObject} with ${mapping.idXml} ${id} to update`, functionName: `update ${mapping.rest}` });
		}
		return found;
	}

	/** The `query` function (fields, filter tree, order) as the query service's fields, condition and orderBy. */
	private queryParts(fn: IntacctFunction, mapping: RestObjectMapping): { fields: string[]; condition: string; orderBy?: JsonObject[]; aggregates: QueryAggregate[] } {
		if (fn.name === 'readByQuery') return { fields: this.fieldList(fn), condition: str(fn.body.query), aggregates: [] };
		const select = asObject(fn.body.select);
		const listOf = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map(str).filter((v) => v.trim() !== '');
		const fields = listOf(select.field);
		// query-service.md "Aggregate Functions": "sum:field" in fields; the plain fields group the rows.
		const aggregates: QueryAggregate[] = [];
		for (const kind of Object.keys(select)) {
			if (kind === 'field' || select[kind] === undefined || select[kind] === null) continue;
			if (!['count', 'sum', 'avg', 'min', 'max'].includes(kind)) throw unsupported(fn, `with ${kind}`);
			for (const xml of listOf(select[kind])) {
				const field = selectFields(mapping, [xml])[0];
				aggregates.push({ xml: `${kind.toUpperCase()}.${xml.trim().toUpperCase()}`, rest: `${kind}:${field.rest}` });
			}
		}
		const condition = fn.body.filter ? queryFilterToCondition(fn.body.filter as XmlObject) : '';
		const orders = asObject(fn.body.orderby).order;
		const orderBy = (Array.isArray(orders) ? orders : orders ? [orders] : []).map((o) => {
			const order = asObject(o);
			const field = selectFields(mapping, [str(order.field)])[0];
			return { [field.rest]: order.descending !== undefined ? 'desc' : 'asc' } as JsonObject;
		});
		return { fields, condition, orderBy: orderBy.length > 0 ? orderBy : undefined, aggregates };
	}

	async *pages(fn: IntacctFunction, options?: PageOptions): AsyncIterable<IntacctRecord[]> {
		if (fn.name !== 'readByQuery' && fn.name !== 'query') throw unsupported(fn, '(paged)');
		const entityId = this.entity(options);
		const mapping = await this.mappingFor(fn, str(fn.body.object), entityId);
		const parts = this.queryParts(fn, mapping);
		const limit = options?.limit;
		const size = Math.max(1, Math.min(REST_QUERY_PAGE, Number(fn.body.pagesize ?? REST_QUERY_PAGE), limit ?? REST_QUERY_PAGE));
		// (readByQuery and query both page by the query service's start/size)
		let start: number | undefined = 1;
		let seen = 0;
		while (start !== undefined) {
			const page = await this.queryPage(mapping, parts.fields, parts.condition, entityId, start, size, parts.orderBy, parts.aggregates);
			const records = limit !== undefined ? page.records.slice(0, Math.max(0, limit - seen)) : page.records;
			seen += records.length;
			if (records.length > 0) yield records;
			if (limit !== undefined && seen >= limit) return;
			start = page.next;
		}
	}

	/**
	 * One REST call in the signed-in session (any service or object path under the API base, e.g.
	 * /services/delivery/event/list): the same tokens, retries and masking as the node's functions.
	 * Writes are retried only with an idempotency key.
	 */
	async request(
		method: RestHttpRequest['method'],
		path: string,
		options: { query?: Record<string, string | number>; body?: unknown; raw?: RawBody; idempotencyKey?: string; entityId?: string } = {},
	): Promise<{ status: number; result: unknown; meta: Record<string, unknown>; replayed: boolean }> {
		const relative = `/${path.trim().replace(/^\/+/, '')}`;
		const query = Object.entries(options.query ?? {})
			.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
			.join('&');
		return await this.send({
			method,
			path: query === '' ? relative : `${relative}${relative.includes('?') ? '&' : '?'}${query}`,
			body: options.body,
			raw: options.raw,
			entityId: options.entityId ?? this.options.credentials.entityId ?? '',
			what: `${method} ${relative}`,
			isWrite: method !== 'GET',
			idempotencyKey: options.idempotencyKey,
		});
	}

	/** Starts this entity's token request while the items are still being prepared (as the XML
	 * client's sign-in does); a failure surfaces at the first real call, which asks again. */
	warmUp(options?: RequestOptions): void {
		const entityId = this.entity(options);
		if (this.tokens.has(entityId)) return;
		this.token(entityId).catch(() => undefined);
	}

	/** Waits with the client's sleep (n8n's `sleep` in the node): polling a bulk job's status. */
	async pause(ms: number): Promise<void> {
		await this.sleep(ms);
	}

	async openSession(options?: RequestOptions): Promise<void> {
		await this.token(this.entity(options));
	}
}
