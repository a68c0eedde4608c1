/**
 * The REST wire (docs/rest-wire.md): one HTTP seam for any method, the OAuth 2.0 token request
 * (client credentials with the user written userId@companyId[|entityId]), and the reading of
 * `ia::result` / `ia::meta` / `ia::error` payloads into results and IntacctError. Secrets never
 * enter an error: the token and client secret are masked from every text this module produces.
 */
import type { HttpPostResponse, IntacctErrorDetail } from '../core/types';
import { IntacctError } from '../core/errors';

export const DEFAULT_REST_BASE_URL = 'https://api.intacct.com/ia/api/v1';

export interface RestHttpRequest {
	method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
	url: string;
	headers: Record<string, string>;
	/** JSON text or form text; undefined for GET/DELETE. */
	body?: string;
	timeoutMs: number;
}

/** Sends one request; resolves for every HTTP status and rejects (with a `code`) only when no
 * answer arrived, like HttpPost. */
export type RestHttp = (request: RestHttpRequest) => Promise<HttpPostResponse>;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface RestCredentials {
	clientId: string;
	clientSecret: string;
	companyId: string;
	userId: string;
	/** '' = top level. */
	entityId?: string;
	/** e.g. https://api.intacct.com/ia/api/v1 */
	baseUrl: string;
}

/** The user of a client-credentials grant: userId@companyId, or userId@companyId|entityId. */
export function grantUsername(credentials: Pick<RestCredentials, 'userId' | 'companyId' | 'entityId'>, entityId = credentials.entityId ?? ''): string {
	const user = `${credentials.userId.trim()}@${credentials.companyId.trim()}`;
	return entityId.trim() === '' ? user : `${user}|${entityId.trim()}`;
}

/**
 * Why a token request failed, in words, from the HTTP status and the OAuth error code only (never
 * from the request, which carries the client secret). Accepts n8n's HTTP errors and plain answers.
 */
export function tokenErrorMessage(error: unknown): string {
	const e = error as { response?: { status?: unknown; data?: unknown }; httpCode?: unknown; cause?: { response?: { status?: unknown; data?: unknown } } };
	const response = e?.response ?? e?.cause?.response;
	const status = Number(response?.status ?? e?.httpCode);
	const data = response?.data as { error?: unknown } | undefined;
	const code = typeof data?.error === 'string' ? data.error : '';
	if (status === 401 || code === 'invalid_client') {
		return 'Sage Intacct refused the client ID or client secret (invalid_client): copy both again from your REST client application';
	}
	if (status === 400) {
		return `Sage Intacct refused the token request${code ? ` (${code})` : ''}: check the company ID, user ID and entity ID, and that the client application is authorized for that company (Company > Setup > Company > Security > Authorized Client Applications)`;
	}
	return Number.isFinite(status) && status > 0
		? `Sage Intacct's token endpoint answered HTTP ${status}`
		: "Could not reach Sage Intacct's token endpoint: check the REST API Base URL of the credential";
}

export function tokenUrl(baseUrl: string): string {
	return `${baseUrl.replace(/\/+$/, '')}/oauth2/token`;
}

/** The form of a client-credentials token request. */
export function clientCredentialsForm(credentials: RestCredentials, entityId?: string): string {
	return new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: credentials.clientId.trim(),
		client_secret: credentials.clientSecret,
		username: grantUsername(credentials, entityId),
	}).toString();
}

export interface AccessToken {
	accessToken: string;
	/** Epoch ms after which the token is not used any more (a minute before Intacct's expiry). */
	expiresAt: number;
	refreshToken?: string;
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
	return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value as string | number);
}

/** An `ia::error` (or OAuth error) object as Intacct's error chain: the error first, then each detail. */
export function errorDetails(error: unknown): IntacctErrorDetail[] {
	if (!isObject(error)) return [];
	const chain: IntacctErrorDetail[] = [];
	const code = str(error.code ?? error.error);
	const message = str(error.message ?? error.error_description);
	if (code !== '' || message !== '') chain.push({ errorNo: code, description: message, description2: error.supportId ? `[Support ID: ${str(error.supportId)}]` : '', correction: '' });
	const details = Array.isArray(error.details) ? error.details : [];
	for (const d of details) {
		if (!isObject(d)) continue;
		chain.push({ errorNo: str(d.code), description: str(d.message), description2: d.field ? `(field ${str(d.field)})` : '', correction: str(d.correction) });
	}
	return chain;
}

export interface RestErrorContext {
	/** What was asked, in words: "POST accounts-payable/bill". */
	what: string;
	/** Secrets to mask (token, client secret). */
	secrets: Array<string | undefined>;
}

/** The retry wait Intacct asked for (Retry-After seconds), in ms. */
export function retryAfterMs(response: HttpPostResponse): number | undefined {
	const raw = response.headers['retry-after'] ?? response.headers['x-ia-throttle-limit-retryafter'];
	const seconds = Number(Array.isArray(raw) ? raw[0] : raw);
	return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** A failed HTTP answer (status >= 400, or 2xx that is not JSON) as IntacctError. */
export function responseError(response: HttpPostResponse, context: RestErrorContext): IntacctError {
	const payload = parseJson(response.body);
	const error = isObject(payload) ? (payload['ia::error'] ?? payload) : undefined;
	const chain = errorDetails(error);
	const status = response.statusCode;
	const transient = status === 429 || status >= 500;
	const kind = status === 401 || status === 403 ? 'authentication' : status === 422 || status === 404 || status === 400 ? 'result' : 'http';
	const summary =
		status === 429
			? `Intacct's REST API refused ${context.what}: too many requests (HTTP 429)`
			: status >= 500
				? `Intacct's REST API failed on ${context.what} (HTTP ${status})`
				: `Intacct refused ${context.what} (HTTP ${status})`;
	const failure = new IntacctError({ kind, summary, errors: chain, httpStatus: status, transient, functionName: context.what });
	if (chain.length === 0 && payload === undefined && response.body.trim() !== '') {
		failure.addHint(`The answer was not JSON: ${response.body.trim().slice(0, 200)}`);
	}
	return failure.maskWith(context.secrets);
}

/** Reads a token response; a refusal becomes IntacctError (the caller explains which part is wrong). */
export function readTokenResponse(response: HttpPostResponse, nowMs: number, context: RestErrorContext): AccessToken {
	if (response.statusCode !== 200) throw responseError(response, context);
	const payload = parseJson(response.body);
	if (!isObject(payload) || typeof payload.access_token !== 'string' || payload.access_token === '') {
		throw new IntacctError({ kind: 'parse', summary: `Intacct's token endpoint answered without an access token` });
	}
	const seconds = Number(payload.expires_in ?? 3600);
	const lifetime = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 3600_000;
	const token: AccessToken = { accessToken: payload.access_token, expiresAt: nowMs + Math.max(lifetime - 60_000, lifetime / 2) };
	if (typeof payload.refresh_token === 'string') token.refreshToken = payload.refresh_token;
	return token;
}

export interface RestPayload {
	result: unknown;
	meta: Record<string, unknown>;
}

/** A 2xx answer's `ia::result` and `ia::meta`. */
export function readPayload(response: HttpPostResponse, context: RestErrorContext): RestPayload {
	if (response.statusCode === 204 || response.body.trim() === '') return { result: null, meta: {} };
	const payload = parseJson(response.body);
	if (!isObject(payload)) {
		throw new IntacctError({ kind: 'parse', summary: `Intacct's answer to ${context.what} is not JSON`, httpStatus: response.statusCode, transient: true }).maskWith(context.secrets);
	}
	return { result: payload['ia::result'] ?? null, meta: isObject(payload['ia::meta']) ? payload['ia::meta'] : {} };
}

/** One element of a batch answer (HTTP 207): its record, or its error. */
export function batchElementError(element: unknown, context: RestErrorContext): IntacctError | undefined {
	if (!isObject(element) || element['ia::error'] === undefined) return undefined;
	const status = Number(element['ia::status'] ?? 422);
	return new IntacctError({
		kind: 'result',
		summary: `Intacct refused ${context.what}`,
		errors: errorDetails(element['ia::error']),
		httpStatus: status,
		transient: status === 429 || status >= 500,
		functionName: context.what,
	}).maskWith(context.secrets);
}
