/**
 * The client's HTTP inside n8n: an HttpPost over n8n's request helpers, and the factory the
 * action node and triggers use to get a client for their `sageIntacctApi` credential.
 *
 * Requests go through httpRequestWithAuthentication so n8n applies the credential (its
 * `authenticate` sets the XML content type; the envelope itself, which carries the sender and
 * user credentials in the body, is written by the client - see credentials/SageIntacctApi).
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import type {
	BatchOptions,
	BatchOutcome,
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
import { IntacctClient } from '../client/client';
import { isCredentialSessionHandoff } from '../client/credentialSession';
import { IntacctError } from '../core/errors';

export const CREDENTIAL_TYPE = 'sageIntacctApi';
export const DEFAULT_ENDPOINT_URL = 'https://api.intacct.com/ia/xml/xmlgw.phtml';

/** Any n8n request helper call: (options) => full response. */
export type N8nRequest = (options: IHttpRequestOptions) => Promise<unknown>;

/** Contexts that can run the client: the action node, load options, polling and webhook triggers. */
export type IntacctContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IWebhookFunctions;

interface FullResponseLike {
	statusCode?: unknown;
	headers?: unknown;
	body?: unknown;
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (body instanceof Uint8Array) return new TextDecoder('utf-8').decode(body);
	if (body instanceof ArrayBuffer) return new TextDecoder('utf-8').decode(new Uint8Array(body));
	return typeof body === 'object' ? JSON.stringify(body) : String(body);
}

function toResponse(raw: FullResponseLike): HttpPostResponse {
	const headers: Record<string, string | string[] | undefined> = {};
	if (raw.headers && typeof raw.headers === 'object') {
		for (const [name, value] of Object.entries(raw.headers as IDataObject)) {
			headers[name.toLowerCase()] = Array.isArray(value) ? value.map(String) : value === undefined ? undefined : String(value);
		}
	}
	return { statusCode: Number(raw.statusCode), headers, body: bodyText(raw.body) };
}

/** The chain of an error and its causes (n8n wraps helper failures in NodeApiError with `cause`). */
function causeChain(error: unknown): object[] {
	const chain: object[] = [];
	let current: unknown = error;
	while (current && typeof current === 'object' && !chain.includes(current)) {
		chain.push(current);
		current = (current as { cause?: unknown }).cause;
	}
	return chain;
}

const NETWORK_CODE_IN_TEXT = /\b(ECONNRESET|ECONNREFUSED|ETIMEDOUT|ESOCKETTIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|ECONNABORTED|EHOSTUNREACH)\b/;

/** The network error code of whatever n8n's helper threw (axios errors, wrapped errors). */
function errorCode(error: unknown): string | undefined {
	for (const link of causeChain(error)) {
		const candidate = link as { code?: unknown; message?: unknown };
		const message = typeof candidate.message === 'string' ? candidate.message : '';
		// axios reports its own timeout as ECONNABORTED "timeout of N ms exceeded".
		if (/timeout of \d+ ?ms exceeded/i.test(message)) return 'ETIMEDOUT';
		// n8n 2.x's HTTP agent, when the TCP connect itself times out (seen in queue mode on a loaded
		// machine: docs/e2e.md): transient, nothing was sent.
		if (/timeout exceeded when trying to connect/i.test(message)) return 'ETIMEDOUT';
		if (typeof candidate.code === 'string' && /^E[A-Z_]+$/.test(candidate.code)) return candidate.code;
		const match = NETWORK_CODE_IN_TEXT.exec(message);
		if (match) return match[1];
	}
	return undefined;
}

/** A response carried by a thrown error (should not happen with ignoreHttpStatusErrors, but cheap). */
function responseOf(error: unknown): FullResponseLike | undefined {
	const response = (error as { response?: FullResponseLike } | undefined)?.response;
	return response && typeof response === 'object' && response.statusCode !== undefined ? response : undefined;
}

/** Anything else n8n's helper threw (no HTTP answer, no network code): not worth retrying. */
function unexpectedFailure(error: unknown): IntacctError {
	return new IntacctError({
		kind: 'network',
		summary: `The request to the Intacct gateway failed: ${error instanceof Error ? error.message : String(error)}`,
		transient: false,
	});
}

/** Wraps an n8n request helper as an HttpPost: resolves for every HTTP status, rejects with a
 * `code` only when no answer arrived (the HttpPost contract in types.ts). */
export function httpPostFromN8nRequest(request: N8nRequest): HttpPost {
	return async ({ url, body, headers, timeoutMs }) => {
		try {
			const raw = (await request({
				method: 'POST',
				url,
				body,
				headers,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				json: false,
				encoding: 'text',
				timeout: timeoutMs,
			})) as FullResponseLike;
			return toResponse(raw);
		} catch (error) {
			const response = responseOf(error);
			if (response) return toResponse(response);
			// The credential's session handed to the client's sign-in (credentialSession.ts) passes through.
			const handoff = causeChain(error).find(isCredentialSessionHandoff);
			if (handoff) throw handoff;
			// Our own errors (e.g. the credential's sign-in diagnosis from preAuthentication) pass through.
			const own = causeChain(error).find((link): link is IntacctError => link instanceof IntacctError);
			if (own) throw own;
			const code = errorCode(error);
			if (code) {
				const failure = new Error(`No HTTP answer from the Intacct gateway (${code})`) as Error & { code?: string };
				failure.code = code;
				throw failure;
			}
			throw unexpectedFailure(error);
		}
	};
}

/** HttpPost through httpRequestWithAuthentication for the `sageIntacctApi` credential. */
export function httpPostFromContext(ctx: IntacctContext): HttpPost {
	return httpPostFromN8nRequest(
		async (options) => await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options),
	);
}

/** The credential's stored values as the client's IntacctCredentials (trimmed; endpoint defaulted). */
export function credentialsFromData(data: ICredentialDataDecryptedObject): IntacctCredentials {
	const text = (name: string): string => (typeof data[name] === 'string' ? (data[name] as string) : String(data[name] ?? ''));
	const credentials: IntacctCredentials = {
		companyId: text('companyId').trim(),
		entityId: text('entityId').trim(),
		senderId: text('senderId').trim(),
		senderPassword: text('senderPassword'),
		userId: text('userId').trim(),
		userPassword: text('userPassword'),
		endpointUrl: text('endpointUrl').trim() || DEFAULT_ENDPOINT_URL,
	};
	// The session the credential's preAuthentication stored (hidden properties), when there is one.
	const sessionId = text('sessionToken').trim();
	if (sessionId) {
		credentials.sessionId = sessionId;
		const sessionEndpoint = text('sessionEndpoint').trim();
		if (sessionEndpoint) credentials.sessionEndpoint = sessionEndpoint;
	}
	return credentials;
}

/**
 * A client for the context's `sageIntacctApi` credential. It is returned at once and reads the
 * credential on first use (getCredentials is async), so callers can create it anywhere.
 */
export function createClientFromContext(
	ctx: IntacctContext,
	options: Partial<Omit<IntacctClientOptions, 'credentials' | 'post'>> = {},
): IntacctApi {
	const post = httpPostFromContext(ctx);
	let client: Promise<IntacctClient> | undefined;
	const ready = async (): Promise<IntacctClient> => {
		client ??= loadCredentials(ctx).then(
			(credentials) => new IntacctClient({ sleep, ...options, credentials, post }),
		);
		return await client;
	};
	return new DeferredIntacctClient(ready);
}

async function loadCredentials(ctx: IntacctContext): Promise<IntacctCredentials> {
	return credentialsFromData(await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE));
}

/** IntacctApi that builds the real client on first call. */
class DeferredIntacctClient implements IntacctApi {
	constructor(private readonly ready: () => Promise<IntacctClient>) {}

	async execute(fn: IntacctFunction, options?: RequestOptions): Promise<IntacctResult> {
		return await (await this.ready()).execute(fn, options);
	}

	async executeBatch(fns: IntacctFunction[], options?: RequestOptions): Promise<IntacctResult[]> {
		return await (await this.ready()).executeBatch(fns, options);
	}

	async executeMany(fns: IntacctFunction[], options?: BatchOptions): Promise<BatchOutcome[]> {
		return await (await this.ready()).executeMany(fns, options);
	}

	async *pages(fn: IntacctFunction, options?: PageOptions): AsyncIterable<IntacctRecord[]> {
		yield* (await this.ready()).pages(fn, options);
	}

	async openSession(options?: RequestOptions): Promise<void> {
		await (await this.ready()).openSession(options);
	}

	warmUp(options?: RequestOptions): void {
		// A failure here surfaces on the request that needs the session (ready() fails the same way).
		void this.ready().then(
			(client) => client.warmUp(options),
			() => undefined,
		);
	}
}
