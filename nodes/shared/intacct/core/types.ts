/**
 * Public contract of the Sage Intacct XML client (no n8n UI code here).
 *
 * Data flows one way: an operation builds IntacctFunction values (plain data), the client wraps them
 * in envelopes, sends them (batched, idempotent, retried), and hands back IntacctResult values or
 * throws IntacctError. See docs/protocol.md for the protocol.
 */

/** The `sageIntacctApi` credential's fields (names are public interface). */
export interface IntacctCredentials {
	companyId: string;
	/** Entity (location entity) ID; empty = top level. */
	entityId?: string;
	senderId: string;
	senderPassword: string;
	userId: string;
	userPassword: string;
	/** Gateway URL, default https://api.intacct.com/ia/xml/xmlgw.phtml */
	endpointUrl: string;
	/** A session already opened for these credentials and this Entity ID (the credential's
	 * preAuthentication stores one). The client adopts it instead of signing in when it has no session
	 * of its own; if Intacct no longer accepts it, the client signs in again. */
	sessionId?: string;
	/** Where that session's requests go (getAPISession's <endpoint>); default endpointUrl. */
	sessionEndpoint?: string;
}

/** One HTTP POST of an XML document. Implemented with n8n's request helper in the node, with
 * node:http in tests, benchmarks and the sandbox tooling. */
export interface HttpPostRequest {
	url: string;
	body: string;
	headers: Record<string, string>;
	timeoutMs: number;
}

export interface HttpPostResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/**
 * Sends one request. Must resolve for every HTTP status (4xx/5xx included) and reject only when no
 * HTTP response arrived; the rejection's `code` (ECONNRESET, ETIMEDOUT, ECONNREFUSED, ENOTFOUND...)
 * tells the client which network fault it was.
 */
export type HttpPost = (request: HttpPostRequest) => Promise<HttpPostResponse>;

/** An XML element value as plain data: strings/numbers/booleans become text, objects become child
 * elements in key order, arrays repeat the element. `null`/`undefined` children are omitted; an
 * empty string writes an empty element. Attributes go in `$attributes`. */
export type XmlValue = string | number | boolean | null | undefined | XmlObject | XmlValue[];
export interface XmlObject {
	$attributes?: Record<string, string>;
	[element: string]: XmlValue | Record<string, string> | undefined;
}

/** One `<function>`: its element name and its children. A function is data, not a class. */
export interface IntacctFunction {
	/** Element name inside <function>: readByQuery, readMore, query, read, readByName, create,
	 * update, delete, lookup, inspect, getAPISession, create_bill, create_gltransaction, ... */
	name: string;
	/** The function's `controlid` attribute. Default: a random UUID. Writes that must be idempotent
	 * set a stable one (derived from workflow/node/item or a user key). 1-256 characters. */
	controlId?: string;
	/** Attributes on the function's own element (e.g. `key` on delete_bill, `detail` on inspect). */
	attributes?: Record<string, string>;
	/** Children of the function's element, written in key order. */
	body: XmlObject;
	/** True for create/update/delete and legacy writes: retried only when the request is idempotent. */
	isWrite?: boolean;
}

/** A record as returned in <data>: field name -> text, or nested record(s) (e.g. GLBATCH ENTRIES).
 * A nested element that repeats becomes an array (a single one stays a record: normalise with
 * responseReader's asRecords()); element attributes sit under `$attributes`, and the text of an
 * element that also has attributes or repeats sits under `#text` (read it with fieldText()). */
export type IntacctFieldValue = string | IntacctRecord | IntacctRecord[];
export interface IntacctRecord {
	[field: string]: IntacctFieldValue;
}

/** One <error> of an <errormessage> chain, in Intacct's own words. */
export interface IntacctErrorDetail {
	errorNo: string;
	description: string;
	description2: string;
	correction: string;
}

export type IntacctResultStatus = 'success' | 'failure' | 'aborted';

/** One <result>, normalised: lists are always arrays, attributes are numbers where numeric. */
export interface IntacctResult {
	status: IntacctResultStatus;
	function: string;
	controlId: string;
	/** <data listtype> (the object name as the gateway wrote it) */
	listType?: string;
	count?: number;
	totalCount?: number;
	numRemaining?: number;
	/** readByQuery/readMore paging handle */
	resultId?: string;
	/** query paging offset */
	offset?: number;
	/** legacy writes (create_bill, create_gltransaction) return the new record key */
	key?: string;
	/** The children of <data>, whatever their element name (upper or lower case), always an array. */
	records: IntacctRecord[];
	errors: IntacctErrorDetail[];
	/** True when Intacct did not run the function because a function with this controlId already ran
	 * (uniqueid=true, §7): the record exists, but its key is not returned - look it up. */
	duplicate?: boolean;
	/** The <result> had no <status> element (read as a failure; see responseReader's uniqueIdAnswer). */
	statusMissing?: boolean;
	/** The request carrying this function was sent more than once (a retry after a fault): a failure
	 * may then hide an earlier attempt that ran, so writers look the record up before reporting it. */
	retried?: boolean;
}

/** Where a failure happened. */
export type IntacctErrorKind =
	| 'control' // control/status = failure: nothing ran (bad XML, bad sender credentials, gateway)
	| 'authentication' // operation/authentication/status = failure: nothing ran (login, session, entity)
	| 'result' // one function failed (or was aborted by a transaction)
	| 'duplicate' // a uniqueid repeat of a function that already completed
	| 'http' // HTTP-level gateway error: 429 GW-0010, 400 GW-0011, 401, 5xx, 524, HTML bodies
	| 'network' // no HTTP response: reset, refused, timeout
	| 'parse' // a response that is not the XML the gateway promises
	| 'validation'; // rejected locally before anything was sent

export interface RequestOptions {
	/** undefined: the credential's Entity ID; '' : top level; otherwise that entity. */
	entityId?: string;
	/** operation transaction="true": all functions of the request commit or none. */
	transaction?: boolean;
	/** uniqueid=true with stable function controlIds: writes may then be retried safely. */
	idempotent?: boolean;
}

export interface BatchOptions extends RequestOptions {
	/** Functions per request (default 50). */
	batchSize?: number;
}

export interface PageOptions extends RequestOptions {
	/** Stop after this many records (the last page is trimmed). Default: no limit. */
	limit?: number;
}

/** Outcome of one function in a batch: its result, or the error that function (or its request) met. */
export type BatchOutcome =
	| { ok: true; result: IntacctResult }
	| { ok: false; error: IntacctErrorLike; /** sent more than once (see IntacctResult.retried) */ retried?: boolean };

/** Shape every client error has (implemented by the IntacctError class in errors.ts). */
export interface IntacctErrorLike extends Error {
	kind: IntacctErrorKind;
	/** Intacct's error chain (empty for network faults). */
	errors: IntacctErrorDetail[];
	functionName?: string;
	controlId?: string;
	httpStatus?: number;
	/** Whether retrying later may succeed (429, 5xx, resets, "too many operations"). */
	transient: boolean;
}

/** What a client reports its calls to (client/costMeter.ts): wire-neutral, so the XML and REST clients share it. */
export interface CostRecorder {
	/** One HTTP request went out. */
	request(): void;
	/** API transactions of one kind: a sign-in, a read call, or objects written. */
	add(kind: 'signIn' | 'read' | 'write', transactions?: number): void;
}

export interface IntacctClientOptions {
	credentials: IntacctCredentials;
	post: HttpPost;
	/** Requests in flight per credential (company+user+sender); default 2 (Intacct standard tier). */
	concurrency?: number;
	/** Retries of transient faults; default 5 (backoff 1, 2, 4, 8, 16 s like the official SDK). */
	maxRetries?: number;
	/** Base of the exponential backoff in ms; default 1000. Tests set it small. */
	retryBaseDelayMs?: number;
	/** Per-request timeout in ms; default 300000. */
	timeoutMs?: number;
	/** Sleeps between retries; default a timer-based sleep (n8n-workflow's `sleep` in the node). */
	sleep?: (ms: number) => Promise<void>;
	/** Optional debug log; receives texts already masked (no password, no session ID). */
	log?: (message: string) => void;
	/** Counts the API transactions of every request sent (client/costMeter.ts). */
	meter?: CostRecorder;
}

/** The client's public surface (implemented by IntacctClient in client.ts). */
export interface IntacctApi {
	/** Runs one function; throws IntacctErrorLike unless its result is `success`. */
	execute(fn: IntacctFunction, options?: RequestOptions): Promise<IntacctResult>;
	/** Runs functions in one request; per-function failures come back as results (status failure/aborted);
	 * control/authentication/HTTP failures throw. */
	executeBatch(fns: IntacctFunction[], options?: RequestOptions): Promise<IntacctResult[]>;
	/** Runs any number of functions in requests of `batchSize`, concurrently up to the cap, and returns
	 * one outcome per function in input order. One failing never fails the others unless
	 * `transaction` was asked for (then the whole request's functions fail together). */
	executeMany(fns: IntacctFunction[], options?: BatchOptions): Promise<BatchOutcome[]>;
	/** Pages a readByQuery (readMore by resultId) or query (offset) function to the end, or until
	 * `limit`, or until the caller stops iterating. Yields one page of records at a time. A readMore
	 * is never repeated after a fault that may have run it (it moves the gateway's cursor): the
	 * readByQuery runs again and the records already yielded are skipped (see paging.ts). */
	pages(fn: IntacctFunction, options?: PageOptions): AsyncIterable<IntacctRecord[]>;
	/** Signs in for `options.entityId` unless a usable session exists (nothing else is sent), so a
	 * caller can overlap the sign-in with its own work; a failed sign-in rejects as a request's would. */
	openSession?(options?: RequestOptions): Promise<void>;
	/** Starts this entity's sign-in ahead of the requests that will need it (once per client). */
	warmUp?(options?: RequestOptions): void;
}
