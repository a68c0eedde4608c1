/**
 * The REST API over HTTP, served by the same node:http server as the XML gateway on the paths under
 * /ia/api/v1/: OAuth endpoints, then for API calls the bearer token, the entity header, rate and
 * concurrency limits per performance tier (docs: intacct-docs/rest/txn-volume.md), the idempotency
 * key, fault injection (sandbox.faults) and JSON answers with ia::result / ia::meta / ia::error.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultAction } from '../api';
import type { FaultRules } from '../faults/faultController';
import { htmlErrorPage } from '../faults/faultBodies';
import type { CompanyModel } from '../model/contract';
import { readRequestBody } from '../protocol/httpServer';
import { absoluteWebUrls } from '../protocol/recordLinks';
import type { GatewayStats } from '../protocol/sandboxStats';
import type { AsyncJobs } from './asyncJobs';
import { IdempotencyStore } from './idempotency';
import type { OAuthServer, TokenCaller } from './oauth';
import type { RestReply } from './objectService';
import type { Json } from './recordMapping';
import { type RestApi, idempotencyScope } from './restApi';
import { GATEWAY, RestError } from './restErrors';

export const REST_PREFIX = '/ia/api/v1';
const JSON_TYPE = 'application/json';

/** REST concurrency per performance tier: [per application, per company] (txn-volume.md). */
export const TIER_CONCURRENCY: Readonly<Record<number, readonly [number, number]>> = { 1: [6, 8], 2: [8, 10], 3: [12, 15], 4: [15, 20] };

export interface RestLimits {
	appConcurrency: number;
	companyConcurrency: number;
	/** Requests per 60 s per company; undefined = no limit. */
	requestsPerMinute?: number;
}

export interface RestServerDeps {
	api: RestApi;
	/** Shared with the composite service (sub-request keys). */
	idempotency: IdempotencyStore;
	asyncJobs: AsyncJobs;
	oauth: OAuthServer;
	company: CompanyModel;
	faults: FaultRules;
	stats: GatewayStats;
	latencyMs: number;
	limits: RestLimits;
	now: () => Date;
	log: (line: string) => void;
	/** Who the authorize endpoint signs in when the request names no username. */
	authorizeAs: { userId: string; entityId: string };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

export function isRestPath(path: string): boolean {
	return path === REST_PREFIX || path.startsWith(`${REST_PREFIX}/`);
}

/** `linkOrigin`: record links (`webURL`) in the answer made absolute against it (protocol/recordLinks.ts). */
function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, linkOrigin?: string): void {
	if (body === null || status === 204) {
		res.writeHead(status, headers);
		res.end();
		return;
	}
	const text = JSON.stringify(body);
	const payload = Buffer.from(linkOrigin === undefined ? text : absoluteWebUrls(text, linkOrigin), 'utf8');
	res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': String(payload.length), ...headers });
	res.end(payload);
}

function sendError(res: ServerResponse, error: RestError, headers: Record<string, string> = {}): void {
	sendJson(res, error.status, error.code === 'tokenInvalid' ? tokenInvalidBody(error) : error.payload(), { ...error.headers, ...headers });
}

/** The shape a third party recorded for REST-2102 (`error`, not `ia::error`). */
function tokenInvalidBody(error: RestError): unknown {
	const body = error.body();
	return { error: { code: 'tokenInvalid', message: 'Token is not valid', errorId: 'REST-2102', additionalInfo: { messageId: 'IA.TOKEN_IS_INVALID', placeholders: {}, propertySet: {} }, supportId: body.supportId } };
}

/** Minimal multipart/form-data reader (bulk job create: ia::requestBody and file parts). */
export function parseMultipart(body: Buffer, contentType: string): Map<string, string> {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	const fields = new Map<string, string>();
	if (!boundary) return fields;
	const marker = `--${boundary[1] ?? boundary[2]}`;
	for (const part of body.toString('utf8').split(marker)) {
		const split = part.indexOf('\r\n\r\n');
		if (split < 0) continue;
		const head = part.slice(0, split);
		const name = /name="([^"]+)"/i.exec(head)?.[1];
		if (name === undefined) continue;
		fields.set(name, part.slice(split + 4).replace(/\r\n$/, ''));
	}
	return fields;
}

/** The fault-matching names of a REST request: 'rest', the object or service, 'METHOD object'. */
function faultNames(method: string, path: string): string[] {
	const object = /^\/objects\/([a-z0-9-]+\/(?:nsp::[A-Za-z0-9_]+|[a-z0-9-]+))/.exec(path)?.[1];
	const service = /^\/(services\/[a-z0-9/-]+|oauth2\/[a-z0-9-]+)/.exec(path)?.[1];
	const target = object ?? service ?? path;
	return ['rest', target, `${method} ${target}`];
}

export class RestServer {
	private readonly running = new Map<string, number>();
	private readonly minuteWindow: number[] = [];

	constructor(private readonly deps: RestServerDeps) {}

	private get idempotency(): IdempotencyStore {
		return this.deps.idempotency;
	}

	/** `linkOrigin`: the checked address the client called (the XML gateway's RECORD_URL origin); none: links stay paths. */
	async handle(req: IncomingMessage, res: ServerResponse, linkOrigin?: string): Promise<void> {
		const started = Date.now();
		const url = new URL(req.url ?? '/', 'http://sandbox.local');
		const path = url.pathname.slice(REST_PREFIX.length) || '/';
		const method = (req.method ?? 'GET').toUpperCase();
		const names = faultNames(method, path);
		// The server's clock in every answer, as HTTP's Date header (the sandbox clock, which also stamps audit times).
		res.setHeader('Date', this.deps.now().toUTCString());
		this.deps.stats.recordRequest([`rest:${names[2]}`]);
		const raw = await readRequestBody(req);
		const log = (status: number | string, note = ''): void => this.deps.log(`${method} ${REST_PREFIX}${path} ${status} ${Date.now() - started}ms${note}`);
		if (this.deps.latencyMs > 0) await sleep(this.deps.latencyMs);

		const actions = this.deps.faults.take(names, raw.toString('utf8'));
		const latency = actions.reduce((sum, a) => sum + (a.type === 'latency' ? a.ms : 0), 0);
		if (actions.some((a) => a.type === 'expireSessions')) this.deps.oauth.expireAllAccessTokens();
		const faultNote = actions.length > 0 ? ` fault=${actions.map((a) => a.type).join('+')}` : '';
		const terminal = actions.find((a): a is Exclude<FaultAction, { type: 'latency' | 'expireSessions' | 'expireResultIds' }> => !['latency', 'expireSessions', 'expireResultIds'].includes(a.type));
		if (terminal !== undefined && terminal.type !== 'resetAfterCommit') {
			if (latency > 0) await sleep(latency);
			this.answerFault(req, res, terminal);
			log(terminal.type, faultNote);
			return;
		}
		if (terminal?.type === 'resetAfterCommit') {
			// Runs and commits, but the client never hears back (the socket is destroyed below).
			res.writeHead = (() => res) as typeof res.writeHead;
			res.end = (() => res) as typeof res.end;
		}
		let status: number;
		try {
			status = await this.route(req, res, method, path, url.searchParams, raw, latency, linkOrigin);
		} catch (error: unknown) {
			if (!(error instanceof RestError)) throw error;
			sendError(res, error);
			status = error.status;
		}
		if (terminal?.type === 'resetAfterCommit') {
			req.socket.destroy();
			log('reset-after-commit', faultNote);
			return;
		}
		log(status, faultNote);
	}

	private answerFault(req: IncomingMessage, res: ServerResponse, action: FaultAction): void {
		switch (action.type) {
			case 'status':
				if (action.body === 'empty') {
					res.writeHead(action.status);
					res.end();
				} else if (action.body === 'html') {
					const page = htmlErrorPage(action.status);
					res.writeHead(action.status, { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': String(Buffer.byteLength(page)) });
					res.end(page);
				} else if (action.status === 429) sendError(res, GATEWAY.rateLimited(60));
				else if (action.status >= 500) sendError(res, GATEWAY.unableToProcess(action.status));
				else sendError(res, new RestError(action.status, action.status === 401 ? 'GW-0031' : 'GW-0011', action.status === 401 ? 'Invalid Token' : 'Invalid Request'));
				return;
			case 'rateLimit':
			case 'tooManyOperations':
				sendError(res, GATEWAY.rateLimited(60));
				return;
			case 'resetBeforeProcess':
				req.socket.destroy();
				return;
			case 'hang':
				return;
			default:
				return;
		}
	}

	/** `heldMs`: injected latency, spent while the request holds its concurrency slots. */
	private async route(req: IncomingMessage, res: ServerResponse, method: string, path: string, query: URLSearchParams, raw: Buffer, heldMs: number, linkOrigin: string | undefined): Promise<number> {
		const { oauth } = this.deps;
		if (path.startsWith('/oauth2/')) {
			if (heldMs > 0) await sleep(heldMs);
			if (path === '/oauth2/token') {
				if (method !== 'POST') throw new RestError(405, 'methodNotAllowed', 'The token endpoint takes POST');
				const contentType = String(req.headers['content-type'] ?? '');
				const form = contentType.includes('json') ? jsonForm(raw) : new URLSearchParams(raw.toString('utf8'));
				const token = oauth.token(form, req.headers.authorization);
				sendJson(res, 200, token, { 'Cache-Control': 'no-store' });
				return 200;
			}
			if (path === '/oauth2/authorize') {
				if (method !== 'GET') throw new RestError(405, 'methodNotAllowed', 'The authorize endpoint takes GET');
				const location = oauth.authorize(query, this.deps.authorizeAs);
				res.writeHead(302, { Location: location, 'Content-Length': '0' });
				res.end();
				return 302;
			}
			throw GATEWAY.invalidTokenEndpoint();
		}
		const contentType = String(req.headers['content-type'] ?? '');
		if (/xml/i.test(contentType)) throw GATEWAY.invalidContentType();
		const caller = oauth.verify(req.headers.authorization);
		const entityHeader = header(req, 'x-ia-api-paramentity');
		const entityId = entityHeader !== undefined && entityHeader !== '' ? this.entityFor(caller, entityHeader) : caller.entityId;
		this.rateLimit();
		const slots = [`company:${caller.companyId}`, `app:${caller.clientId}`];
		const limits = [this.deps.limits.companyConcurrency, this.deps.limits.appConcurrency];
		if (slots.some((slot, i) => (this.running.get(slot) ?? 0) >= limits[i])) throw GATEWAY.rateLimited(2);
		for (const slot of slots) this.running.set(slot, (this.running.get(slot) ?? 0) + 1);
		try {
			if (heldMs > 0) await sleep(heldMs);
			return this.call(req, res, method, path, query, raw, { ...caller, entityId }, linkOrigin);
		} finally {
			for (const slot of slots) this.running.set(slot, (this.running.get(slot) ?? 1) - 1);
		}
	}

	private entityFor(caller: TokenCaller, entityId: string): string {
		if (!this.deps.company.entities().includes(entityId)) throw new RestError(400, 'invalidRequest', `Entity ${entityId} of X-IA-API-ParamEntity does not exist`);
		const user = this.deps.company.users().find((u) => u.userId === caller.userId);
		if (user !== undefined && user.entities.length > 0 && !user.entities.includes(entityId)) throw new RestError(403, 'forbidden', `User ${caller.userId} has no access to entity ${entityId}`);
		return entityId;
	}

	private rateLimit(): void {
		const perMinute = this.deps.limits.requestsPerMinute;
		if (perMinute === undefined) return;
		const now = this.deps.now().getTime();
		while (this.minuteWindow.length > 0 && now - this.minuteWindow[0] >= 60_000) this.minuteWindow.shift();
		if (this.minuteWindow.length >= perMinute) throw GATEWAY.rateLimited(Math.max(1, Math.ceil((60_000 - (now - this.minuteWindow[0])) / 1000)));
		this.minuteWindow.push(now);
	}

	private call(req: IncomingMessage, res: ServerResponse, method: string, path: string, query: URLSearchParams, raw: Buffer, caller: TokenCaller, linkOrigin: string | undefined): number {
		const contentType = String(req.headers['content-type'] ?? '');
		let body: Json | undefined;
		let form: Map<string, string> | undefined;
		if (/multipart\/form-data/i.test(contentType)) form = parseMultipart(raw, contentType);
		else if (raw.length > 0) {
			try {
				body = JSON.parse(raw.toString('utf8')) as Json;
			} catch {
				throw new RestError(400, 'invalidRequest', 'The request body is not valid JSON');
			}
		}
		const atomicHeader = header(req, 'x-ia-api-param-transaction') ?? header(req, 'x-ia-api-paramtransaction') ?? '';
		const idempotencyKey = header(req, 'idempotency-key');
		const usesKey = idempotencyKey !== undefined && (method === 'POST' || method === 'PATCH') && !/^\/services\/core\/(query|model)$/.test(path);
		const scope = idempotencyScope(caller.companyId, caller.userId);
		// The body as JSON text (a composite sub-request's body is hashed the same way, restApi.ts).
		const hash = IdempotencyStore.hash(method, path, body === undefined ? raw.toString('utf8') : JSON.stringify(body));
		if (usesKey) {
			const cached = this.idempotency.begin(scope, idempotencyKey, hash);
			if (cached !== null) {
				sendJson(res, cached.status, cached.body, { 'Idempotency-Key': idempotencyKey, 'x-ia-idempotency-cached-date': cached.cachedAt.toUTCString() }, linkOrigin);
				return cached.status;
			}
		}
		const ctx = { companyId: caller.companyId, userId: caller.userId, entityId: caller.entityId, now: this.deps.now() };
		let reply: RestReply;
		try {
			const restCall = { method, path, query, body, atomic: atomicHeader.toLowerCase() === 'true', form };
			const owner = `${caller.clientId}|${scope}`;
			if (/respond-async/i.test(header(req, 'prefer') ?? '') && !path.startsWith('/services/core/async/')) {
				reply = this.deps.asyncJobs.submit({
					owner: caller.clientId,
					run: () => this.deps.api.dispatch(ctx, owner, restCall),
					webhookUrl: header(req, 'x-ia-webhook-endpointurl'),
					signingSecret: this.deps.oauth.applications.find(caller.clientId)?.clientSecret ?? '',
					idempotencyKey: usesKey ? idempotencyKey : undefined,
				});
			} else reply = this.deps.api.dispatch(ctx, owner, restCall);
		} catch (error: unknown) {
			if (!(error instanceof RestError)) {
				if (usesKey) this.idempotency.abandon(scope, idempotencyKey);
				throw error;
			}
			const payload = error.payload();
			if (usesKey) this.idempotency.finish(scope, idempotencyKey, { status: error.status, body: payload });
			sendError(res, error, usesKey ? { 'Idempotency-Key': idempotencyKey } : {});
			return error.status;
		}
		if (usesKey) this.idempotency.finish(scope, idempotencyKey, reply);
		sendJson(res, reply.status, reply.body, { ...(reply.headers ?? {}), ...(usesKey ? { 'Idempotency-Key': idempotencyKey } : {}) }, linkOrigin);
		return reply.status;
	}
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function jsonForm(raw: Buffer): URLSearchParams {
	const form = new URLSearchParams();
	try {
		const parsed = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
		for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') form.append(k, v);
	} catch {
		// an unreadable body is a missing payload
	}
	return form;
}
