/**
 * IntacctClient: sessions, envelopes, retries, concurrency, batching and paging over one HttpPost.
 * Protocol references are to docs/protocol.md.
 */
import { randomUUID } from 'crypto';
import { sleep as n8nSleep } from 'n8n-workflow';
import type {
	BatchOptions,
	BatchOutcome,
	CostRecorder,
	HttpPost,
	HttpPostResponse,
	IntacctApi,
	IntacctClientOptions,
	IntacctCredentials,
	IntacctFunction,
	IntacctRecord,
	IntacctResult,
	PageOptions,
	RequestOptions,
} from '../core/types';
// validationError under its old local name: the lines using it include executeMany (write path).
import { IntacctError, validationError as invalid } from '../core/errors';
import { asError, isHttpUrl, missingResult, resultError, ROLLBACK_ERROR, signInAdviceFor, validateCredentials } from './clientErrors';
import { getAPISession } from '../xml/functions';
import { DEFAULT_QUERY_PAGE_SIZE, DEFAULT_READ_BY_QUERY_PAGE_SIZE, queryPages, readByQueryPages } from './paging';
import { writeRequest, writeSignInRequest, type EnvelopeAuthentication } from '../xml/requestWriter';
import {
	fieldText,
	isInvalidSessionError,
	isTransientErrorChain,
	readResponse,
	uniqueIdAnswer,
	type AuthenticationBlock,
} from '../xml/responseReader';
import { backoffDelay, networkError, shouldRetry } from './retryPolicy';
import { maskSecrets } from '../core/secretMasking';
import type { Semaphore } from './semaphore';
import { CREDENTIAL_SESSION_CONTROL_ID, isCredentialSessionHandoff } from './credentialSession';
import { knownSessionIds, refuseSession, rememberSession, requestSlots, sessionEntry, sessionKey, type CachedSession } from './sessionCache';
import { settle, type Settled } from './settle';
import { recordFunctions, type CallKind } from './costMeter';
import { takeCredentialSignIns } from './signInReporter';

export const CLIENT_DEFAULTS = {
	concurrency: 2,
	maxRetries: 5,
	retryBaseDelayMs: 1000,
	timeoutMs: 300_000,
	batchSize: 50,
	/** Largest pages the gateway allows (§4.2, §4.4): fewest round trips. */
	readByQueryPageSize: DEFAULT_READ_BY_QUERY_PAGE_SIZE,
	queryPageSize: DEFAULT_QUERY_PAGE_SIZE,
} as const;

type PreparedFunction = IntacctFunction & { controlId: string };

/** Added to a function still "in process" when the client stops asking (it is not a duplicate). */
const STILL_IN_PROCESS_ERROR = {
	errorNo: '',
	description: 'Still in process',
	description2: 'Intacct was still running an earlier request with this control ID when the client stopped asking; whether it posted is not known yet.',
	correction: 'Run the workflow again later: the same idempotency key then reports the record if it was posted, or posts it once if not.',
};

export class IntacctClient implements IntacctApi {
	private readonly credentials: IntacctCredentials;
	private readonly post: HttpPost;
	private readonly maxRetries: number;
	private readonly retryBaseDelayMs: number;
	private readonly timeoutMs: number;
	private readonly sleep: (ms: number) => Promise<void>;
	private readonly logger?: (message: string) => void;
	private readonly slots: Semaphore;
	/** Sign-ins started ahead of the requests (warmUp), per entity. */
	private readonly warmUps = new Map<string, Promise<Settled<void>>>();
	private readonly meter?: CostRecorder;

	constructor(options: IntacctClientOptions) {
		validateCredentials(options.credentials);
		this.credentials = { ...options.credentials, entityId: (options.credentials.entityId ?? '').trim() };
		this.post = options.post;
		this.maxRetries = options.maxRetries ?? CLIENT_DEFAULTS.maxRetries;
		this.retryBaseDelayMs = options.retryBaseDelayMs ?? CLIENT_DEFAULTS.retryBaseDelayMs;
		this.timeoutMs = options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs;
		this.sleep = options.sleep ?? n8nSleep;
		this.logger = options.log;
		this.slots = requestSlots(this.credentials, options.concurrency ?? CLIENT_DEFAULTS.concurrency);
		this.meter = options.meter;
	}

	/** Every secret this client knows: passwords and the session IDs it (or its cache) held. */
	secrets(): string[] {
		const own = this.credentials.sessionId ? [this.credentials.sessionId] : [];
		return [this.credentials.senderPassword, this.credentials.userPassword, ...own, ...knownSessionIds(this.credentials)];
	}

	private log(message: string): void {
		if (this.logger) this.logger(maskSecrets(message, this.secrets()));
	}

	/** One request reported to the cost meter, with its transactions of one kind. */
	private countCall(kind: CallKind, transactions: number): void {
		if (!this.meter) return;
		this.meter.request();
		this.meter.add(kind, transactions);
	}

	/** Sign-ins the credential made inside this client's HTTP calls (n8n's preAuthentication). */
	private countCredentialSignIns(): void {
		const signIns = takeCredentialSignIns(this.credentials);
		for (let i = 0; i < signIns; i++) this.countCall('signIn', 1);
	}

	/** One request of functions: each read is a transaction, each write one per object (costMeter.ts). */
	private countFunctions(functions: IntacctFunction[]): void {
		if (this.meter) recordFunctions(this.meter, functions);
	}

	private entityOf(options?: RequestOptions): string {
		return (options?.entityId ?? this.credentials.entityId ?? '').trim();
	}

	// ---- HTTP -------------------------------------------------------------------------------

	private async send(url: string, body: string, what: string): Promise<HttpPostResponse> {
		return await this.slots.use(async () => {
			this.log(`POST ${url} (${what})`);
			const outcome = await settle(
				this.post({
					url,
					body,
					headers: { 'Content-Type': 'application/xml; charset=utf-8', Accept: 'text/xml, application/xml' },
					timeoutMs: this.timeoutMs,
				}),
			);
			this.countCredentialSignIns();
			if (!outcome.ok) {
				// The credential answered our sign-in with its own session (credentialSession.ts).
				if (isCredentialSessionHandoff(outcome.error)) throw outcome.error;
				throw networkError(outcome.error, this.timeoutMs);
			}
			this.log(`HTTP ${outcome.value.statusCode} from ${url} (${what})`);
			return outcome.value;
		});
	}

	/** Runs `attempt` until it succeeds, a fault is not worth retrying, or retries run out. */
	private async withRetries<T>(
		attempt: () => Promise<T>,
		retryable: (error: IntacctError) => boolean,
		refused: (value: T) => boolean = () => false,
	): Promise<T> {
		for (let n = 0; ; n++) {
			const outcome = await settle(attempt());
			if (!outcome.ok) {
				const { error } = outcome;
				if (!(error instanceof IntacctError)) throw asError(error);
				if (n < this.maxRetries && retryable(error)) {
					const delay = backoffDelay(this.retryBaseDelayMs, n);
					this.log(`retrying in ${delay} ms after: ${error.message}`);
					await this.sleep(delay);
					continue;
				}
				throw error.addHint(signInAdviceFor(error)).maskWith(this.secrets());
			}
			const value = outcome.value;
			// Every function refused with "too many operations": nothing ran, so try again later.
			if (n < this.maxRetries && refused(value)) {
				const delay = backoffDelay(this.retryBaseDelayMs, n);
				this.log(`retrying in ${delay} ms: Intacct refused every function for now`);
				await this.sleep(delay);
				continue;
			}
			return value;
		}
	}

	// ---- sessions (§2) ------------------------------------------------------------------------

	private renewAfter(auth: AuthenticationBlock | undefined): number | undefined {
		if (!auth?.sessionTimestamp || !auth.sessionTimeout) return undefined;
		// Durations come from the gateway's clock; the deadline is set on ours (clocks may differ).
		const lifetime = Date.parse(auth.sessionTimeout) - Date.parse(auth.sessionTimestamp);
		if (!Number.isFinite(lifetime) || lifetime <= 0) return undefined;
		return Date.now() + lifetime - Math.min(60_000, lifetime / 10);
	}

	/** The credential's own session for this entity, unless Intacct already refused it. */
	private credentialSession(entityId: string, refused: string[]): CachedSession | undefined {
		const sessionId = (this.credentials.sessionId ?? '').trim();
		if (!sessionId || entityId !== this.credentials.entityId || refused.includes(sessionId)) return undefined;
		const endpoint = (this.credentials.sessionEndpoint ?? '').trim();
		return { sessionId, endpoint: isHttpUrl(endpoint) ? endpoint : this.credentials.endpointUrl };
	}

	private async login(entityId: string): Promise<CachedSession> {
		const entry = sessionEntry(sessionKey(this.credentials, entityId));
		// In n8n, the credential may answer this sign-in with the session its preAuthentication just
		// opened (credentialSession.ts): one sign-in per execution instead of two. Never once a
		// session was refused here: then only a real sign-in helps.
		const handOff = entityId === this.credentials.entityId && entry.refusedSessionIds.length === 0;
		const outcome = await settle(this.signIn(entityId, handOff));
		if (outcome.ok) return outcome.value;
		const { error } = outcome;
		if (isCredentialSessionHandoff(error) && error.sessionId.trim() !== '' && !entry.refusedSessionIds.includes(error.sessionId)) {
			this.log('using the session the credential opened (no second sign-in)');
			// A sign-in the credential's preAuthentication made for it was reported by the credential (signInReporter.ts).
			const endpoint = error.endpoint.trim();
			return { sessionId: error.sessionId, endpoint: isHttpUrl(endpoint) ? endpoint : this.credentials.endpointUrl };
		}
		if (isCredentialSessionHandoff(error)) return await this.signIn(entityId, false);
		throw error;
	}

	private async signIn(entityId: string, handOff: boolean): Promise<CachedSession> {
		const functionControlId = handOff ? CREDENTIAL_SESSION_CONTROL_ID : randomUUID();
		const xml = writeSignInRequest(this.credentials, { requestControlId: randomUUID(), functionControlId }, entityId);
		// Not retried here: the request that needed the session retries as a whole (no nested loops).
		const fn: PreparedFunction = { ...getAPISession(), controlId: functionControlId };
		const sent = await settle(this.send(this.credentials.endpointUrl, xml, 'getAPISession login'));
		// A sign-in the credential answers with its own session (handoff) is counted by login().
		if (sent.ok || !isCredentialSessionHandoff(sent.error)) this.countCall('signIn', 1);
		if (!sent.ok) throw sent.error;
		const parsed = readResponse(sent.value);
		const result = parsed.results[0];
		if (!result || result.status !== 'success') {
			throw resultError(result ?? missingResult(fn, false)).addHint('Intacct could not open an API session for this user.');
		}
		const api: IntacctRecord = result.records[0] ?? {};
		const sessionId = fieldText(api.sessionid) ?? '';
		if (!sessionId) throw new IntacctError({ kind: 'parse', summary: 'Intacct answered getAPISession without a session ID' });
		const endpoint = fieldText(api.endpoint)?.trim() ?? '';
		return {
			sessionId,
			endpoint: isHttpUrl(endpoint) ? endpoint : this.credentials.endpointUrl,
			renewAfterMs: this.renewAfter(parsed.authentication),
		};
	}

	private async session(entityId: string): Promise<CachedSession> {
		const entry = sessionEntry(sessionKey(this.credentials, entityId));
		const cached = entry.session;
		if (cached && (cached.renewAfterMs === undefined || Date.now() < cached.renewAfterMs)) return cached;
		// Nothing cached for this key: adopt the session the credential supplies (a stale one costs
		// one "Invalid session" answer, then sendWithSession signs in again).
		const supplied = cached ? undefined : this.credentialSession(entityId, entry.refusedSessionIds);
		if (supplied) {
			rememberSession(entry, supplied);
			return supplied;
		}
		if (!entry.login) {
			entry.login = this.login(entityId)
				.then((session) => {
					rememberSession(entry, session);
					return session;
				})
				.finally(() => {
					entry.login = undefined;
				});
		}
		return await entry.login;
	}

	private dropSession(entityId: string, sessionId: string): void {
		refuseSession(sessionEntry(sessionKey(this.credentials, entityId)), sessionId);
	}

	private touchSession(entityId: string, sessionId: string, auth: AuthenticationBlock | undefined): void {
		const entry = sessionEntry(sessionKey(this.credentials, entityId));
		const renewAfterMs = this.renewAfter(auth);
		// Sliding expiry (§2.2): every answer pushes the deadline out again.
		if (entry.session?.sessionId === sessionId && renewAfterMs !== undefined) entry.session.renewAfterMs = renewAfterMs;
	}

	// ---- requests -----------------------------------------------------------------------------

	private envelope(
		functions: PreparedFunction[],
		authentication: EnvelopeAuthentication,
		flags: { uniqueId: boolean; transaction: boolean },
	) {
		return {
			senderId: this.credentials.senderId,
			senderPassword: this.credentials.senderPassword,
			controlId: randomUUID(),
			uniqueId: flags.uniqueId,
			transaction: flags.transaction,
			authentication,
			functions,
		};
	}

	/** One request over the cached session; on "Invalid session" signs in again and resends once. */
	private async sendWithSession(
		functions: PreparedFunction[],
		entityId: string,
		flags: { uniqueId: boolean; transaction: boolean },
		onSend: () => void,
	) {
		for (let relogin = 0; ; relogin++) {
			const session = await this.session(entityId);
			onSend();
			const xml = writeRequest(this.envelope(functions, { kind: 'session', sessionId: session.sessionId }, flags));
			this.countFunctions(functions);
			const outcome = await settle(
				this.send(session.endpoint, xml, functions.map((f) => f.name).join(',')).then(readResponse),
			);
			if (outcome.ok) {
				this.touchSession(entityId, session.sessionId, outcome.value.authentication);
				return outcome.value.results;
			}
			const { error } = outcome;
			if (relogin === 0 && error instanceof IntacctError && isInvalidSessionError(error)) {
				this.log('session no longer valid; signing in again');
				this.dropSession(entityId, session.sessionId);
				continue;
			}
			throw asError(error);
		}
	}

	private prepare(fns: IntacctFunction[]): { prepared: PreparedFunction[]; callerControlIds: boolean } {
		if (fns.length === 0) throw invalid('No Intacct functions to run');
		return {
			prepared: fns.map((f) => ({ ...f, controlId: f.controlId ?? randomUUID() })),
			callerControlIds: fns.every((f) => f.controlId !== undefined && f.controlId !== ''),
		};
	}

	private maskResult(result: IntacctResult): IntacctResult {
		if (result.errors.length === 0) return result;
		const secrets = this.secrets();
		return {
			...result,
			errors: result.errors.map((e) => ({
				errorNo: maskSecrets(e.errorNo, secrets),
				description: maskSecrets(e.description, secrets),
				description2: maskSecrets(e.description2, secrets),
				correction: maskSecrets(e.correction, secrets),
			})),
		};
	}

	async executeBatch(fns: IntacctFunction[], options: RequestOptions = {}): Promise<IntacctResult[]> {
		return await this.runBatch(fns, options, true);
	}

	/**
	 * `repeatable` false: the functions change state on the gateway even though they write nothing
	 * (readMore moves a cursor), so they are repeated only after faults proving nothing ran.
	 */
	private async runBatch(fns: IntacctFunction[], options: RequestOptions, repeatable: boolean): Promise<IntacctResult[]> {
		const { prepared, callerControlIds } = this.prepare(fns);
		const flags = { uniqueId: options.idempotent === true, transaction: options.transaction === true };
		// §7: a write may be repeated only when the gateway will refuse the repeat (uniqueid with
		// the caller's stable control IDs), or when the fault proves nothing ran (retryPolicy).
		const idempotent = repeatable && flags.uniqueId && callerControlIds;
		const first = await this.sendPrepared(prepared, options, flags, repeatable, idempotent);
		if (!idempotent) return first.results;
		return await this.settleUniqueIdAnswers(prepared, first, options, flags);
	}

	/** Sends the functions (with retries) and pairs the answers to them by control ID. */
	private async sendPrepared(
		prepared: PreparedFunction[],
		options: RequestOptions,
		flags: { uniqueId: boolean; transaction: boolean },
		repeatable: boolean,
		idempotent: boolean,
	): Promise<{ results: IntacctResult[]; retried: boolean }> {
		const hasWrites = !repeatable || prepared.some((f) => f.isWrite === true);
		const entityId = this.entityOf(options);
		await this.afterWarmUp(entityId);
		// Whether this attempt got as far as sending the functions (a failed login sent no write).
		let sent = false;
		let sends = 0;
		const results = await this.withRetries(
			async () => {
				sent = false;
				return await this.sendWithSession(prepared, entityId, flags, () => {
					sent = true;
					sends++;
				});
			},
			(error) => shouldRetry(error, hasWrites && sent, idempotent),
			(rs) => rs.length > 0 && rs.every((r) => r.status !== 'success' && isTransientErrorChain(r.errors)),
		);
		const byControlId = new Map(results.map((r) => [r.controlId, r]));
		const retried = sends > 1;
		return {
			retried,
			results: prepared.map((f) => {
				const result = this.maskResult(byControlId.get(f.controlId) ?? missingResult(f, flags.transaction));
				return retried ? { ...result, retried } : result;
			}),
		};
	}

	/**
	 * uniqueid answers for this request's own control IDs (§7, responseReader's uniqueIdAnswer):
	 * "already ran" becomes a duplicate; "in process" (the first request still running) is neither
	 * success nor duplicate: those functions are asked again, with the same control IDs, after a
	 * back-off, until Intacct answers something else or the retries run out (then a failure that
	 * says so, never a duplicate).
	 */
	private async settleUniqueIdAnswers(
		prepared: PreparedFunction[],
		first: { results: IntacctResult[]; retried: boolean },
		options: RequestOptions,
		flags: { uniqueId: boolean; transaction: boolean },
	): Promise<IntacctResult[]> {
		const results = first.results.map((r) => (uniqueIdAnswer(r) === 'completed' ? { ...r, duplicate: true } : r));
		for (let n = 0; ; n++) {
			const waiting = prepared.filter((_f, i) => uniqueIdAnswer(results[i]) === 'inProcess');
			if (waiting.length === 0) return results;
			if (n >= this.maxRetries) {
				return results.map((r) =>
					uniqueIdAnswer(r) === 'inProcess'
						? { ...r, errors: [...r.errors, STILL_IN_PROCESS_ERROR] }
						: r,
				);
			}
			const delay = backoffDelay(this.retryBaseDelayMs, n);
			this.log(`${waiting.length} function(s) still in process at Intacct; asking again in ${delay} ms`);
			await this.sleep(delay);
			const again = await this.sendPrepared(waiting, options, flags, true, true);
			for (const [j, fn] of waiting.entries()) {
				const i = prepared.indexOf(fn);
				const answer = again.results[j];
				results[i] = { ...(uniqueIdAnswer(answer) === 'completed' ? { ...answer, duplicate: true } : answer), retried: true };
			}
		}
	}

	async execute(fn: IntacctFunction, options: RequestOptions = {}): Promise<IntacctResult> {
		return await this.executeOne(fn, options, true);
	}

	private async executeOne(fn: IntacctFunction, options: RequestOptions, repeatable: boolean): Promise<IntacctResult> {
		const [result] = await this.runBatch([fn], options, repeatable);
		if (result.status !== 'success') throw resultError(result);
		return result;
	}

	async executeMany(fns: IntacctFunction[], options: BatchOptions = {}): Promise<BatchOutcome[]> {
		const batchSize = options.batchSize ?? CLIENT_DEFAULTS.batchSize;
		if (!Number.isInteger(batchSize) || batchSize < 1) throw invalid(`batchSize must be a positive integer (got ${batchSize})`);
		if (fns.length === 0) return [];
		const chunks: IntacctFunction[][] = [];
		for (let i = 0; i < fns.length; i += batchSize) chunks.push(fns.slice(i, i + batchSize));
		// Every chunk starts at once; the credential's semaphore keeps requests within the cap.
		const outcomes = await Promise.all(chunks.map(async (chunk) => await this.runChunk(chunk, options)));
		return outcomes.flat();
	}

	private async runChunk(chunk: IntacctFunction[], options: RequestOptions): Promise<BatchOutcome[]> {
		const outcome = await settle(this.executeBatch(chunk, options));
		if (!outcome.ok) {
			// Control, authentication, HTTP and network failures: this request's functions only.
			if (!(outcome.error instanceof IntacctError)) throw asError(outcome.error);
			const failure = outcome.error;
			// No answer (network, HTTP): whether an earlier attempt ran is not known.
			const unsure = failure.kind === 'network' || failure.kind === 'http' ? { retried: true } : {};
			return chunk.map(() => ({ ok: false, error: failure, ...unsure }));
		}
		const results = outcome.value;
		const rolledBack = options.transaction === true && results.some((r) => r.status !== 'success');
		return results.map((result): BatchOutcome => {
			if (result.status === 'success' && !rolledBack) return { ok: true, result };
			const retried = result.retried === true ? { retried: true } : {};
			if (result.status === 'success') {
				return { ok: false, error: resultError({ ...result, status: 'aborted', errors: [ROLLBACK_ERROR] }), ...retried };
			}
			return { ok: false, error: resultError(result), ...retried };
		});
	}

	/**
	 * Opens (or finds) the session the next requests for this entity will use, without sending
	 * anything else: a caller that knows requests will follow (the node while it prepares a write)
	 * signs in meanwhile. Retried like the sign-in of a request (nothing ran, so transient faults
	 * are retried); a failure is thrown as that request would have met it.
	 */
	/**
	 * Starts the sign-in for this entity now, once per client, without waiting for it (the node calls
	 * it as soon as it knows a write will follow, so the sign-in overlaps the validation of the other
	 * items). Requests for that entity wait for it; if it failed, they fail with its error instead of
	 * signing in a second time with the same credentials.
	 */
	warmUp(options: RequestOptions = {}): void {
		const entityId = this.entityOf(options);
		if (!this.warmUps.has(entityId)) this.warmUps.set(entityId, settle(this.openSession({ entityId })));
	}

	private async afterWarmUp(entityId: string): Promise<void> {
		const warmUp = this.warmUps.get(entityId);
		if (!warmUp) return;
		const outcome = await warmUp;
		if (!outcome.ok) throw asError(outcome.error);
	}

	async openSession(options: RequestOptions = {}): Promise<void> {
		const entityId = this.entityOf(options);
		await this.withRetries(
			async () => await this.session(entityId),
			(error) => shouldRetry(error, false, false),
		);
	}

	// ---- paging (§4.2-§4.4) --------------------------------------------------------------------

	async *pages(fn: IntacctFunction, options: PageOptions = {}): AsyncIterable<IntacctRecord[]> {
		const { limit, ...requestOptions } = options;
		if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw invalid(`limit must be a whole number of 0 or more (got ${limit})`);
		if (limit === 0) return;
		const execute = async (page: IntacctFunction): Promise<IntacctResult> => await this.execute(page, requestOptions);
		if (fn.name === 'readByQuery') {
			yield* readByQueryPages(
				{
					execute,
					executeReadMore: async (next) => await this.executeOne(next, requestOptions, false),
					maxReruns: this.maxRetries,
					backOff: async (attempt) => await this.sleep(backoffDelay(this.retryBaseDelayMs, attempt)),
					log: (message) => this.log(message),
				},
				fn,
				limit,
			);
		}
		else if (fn.name === 'query') yield* queryPages(execute, fn, limit);
		else throw invalid(`Only readByQuery and query can be paged (got ${fn.name})`);
	}
}
