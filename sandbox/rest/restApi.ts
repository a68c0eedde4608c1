/**
 * Routes one authenticated REST call (path below /ia/api/v1) to its service: objects, the query
 * service, the model service, composite requests, the bulk job service. Composite sub-requests and
 * bulk records come back through dispatch() with the same caller.
 */
import type { CallContext, CompanyModel } from '../model/contract';
import type { ChangeGate } from '../protocol/changeGate';
import type { AsyncJobs } from './asyncJobs';
import { BulkJobs } from './bulkJobs';
import { ModelCalls } from './modelCalls';
import { modelService } from './modelService';
import { dimensionsList } from './dimensionsService';
import { IdempotencyStore } from './idempotency';
import { ObjectService, failure, type RestReply } from './objectService';
import { QueryRowCache, QueryService } from './queryService';
import { type Json, type JsonObject, getPath } from './recordMapping';
import { RestError } from './restErrors';
import { runWorkflow } from './workflows';

export interface RestCall {
	method: string;
	/** Below /ia/api/v1, e.g. /objects/general-ledger/account/12 */
	path: string;
	query: URLSearchParams;
	body: Json | undefined;
	atomic: boolean;
	/** Parsed multipart fields of a bulk job (ia::requestBody, file). */
	form?: Map<string, string>;
}

export interface RestApiDeps {
	company: CompanyModel;
	changes: ChangeGate;
	bulk: BulkJobs;
	asyncJobs: AsyncJobs;
	now: () => Date;
	/** Runs bulk jobs after the answer (setImmediate in the server). */
	schedule: (work: () => void) => void;
	/** The Idempotency-Key store the HTTP level uses too: a composite sub-request's key lives beside the request keys. */
	idempotency: IdempotencyStore;
}

const MIN_COMPOSITE = 2;
const MAX_COMPOSITE = 10;

export class RestApi {
	private readonly queryRows = new QueryRowCache();

	constructor(private readonly deps: RestApiDeps) {
		deps.company.onChange(() => this.queryRows.clear());
	}

	dispatch(ctx: CallContext, owner: string, call: RestCall): RestReply {
		const calls = new ModelCalls(this.deps.company, ctx);
		const { path, method } = call;
		// A platform object's name carries the nsp:: prefix (platform-apps/nsp::fundingsource), also percent-encoded.
		const objectMatch = /^\/objects\/([a-z0-9-]+\/(?:nsp(?:::|%3[Aa]%3[Aa])[A-Za-z0-9_]+|[a-z0-9-]+))(?:\/([^/]+))?\/?$/.exec(path);
		if (objectMatch) {
			const keys = objectMatch[2] === undefined ? [] : decodeURIComponent(objectMatch[2]).split(',').map((k) => k.trim()).filter(Boolean);
			const changes = this.deps.changes;
			return new ObjectService(this.deps.company, calls, { begin: () => changes.begin(), commit: () => changes.commit(), rollback: () => changes.rollback() }).handle({
				method,
				objectName: decodeURIComponent(objectMatch[1]),
				keys,
				query: call.query,
				body: call.body,
				atomic: call.atomic,
			});
		}
		if (path.startsWith('/workflows/')) return runWorkflow(calls, method, path, call.body);
		switch (path) {
			case '/services/core/query':
				requireMethod(method, 'POST');
				return new QueryService(calls, this.deps.now, this.queryRows).query(call.body);
			case '/services/core/model':
				requireMethod(method, 'GET');
				return modelService(call.query, calls);
			case '/services/company-config/dimensions/list':
				requireMethod(method, 'GET');
				return dimensionsList(calls);
			case '/services/core/composite':
				requireMethod(method, 'POST');
				return this.composite(ctx, owner, call.body);
			case '/services/bulk/job/create': {
				requireMethod(method, 'POST');
				const requestBody = parseJsonField(call.form?.get('ia::requestBody'), 'ia::requestBody');
				const file = parseJsonField(call.form?.get('file'), 'file');
				return this.deps.bulk.create(owner, requestBody, file, (m, p, b) => this.dispatchSafely(ctx, owner, { method: m, path: p, query: new URLSearchParams(), body: b, atomic: false }), this.deps.schedule);
			}
			case '/services/core/async/job-status':
				requireMethod(method, 'GET');
				// Only the application that queued a job may read its status (owner = clientId|company|user).
				return this.deps.asyncJobs.status(owner.split('|')[0], call.query);
			case '/services/bulk/job/status':
				requireMethod(method, 'GET');
				return this.deps.bulk.status(owner, call.query);
			default:
				throw new RestError(404, 'notFound', `Resource ${path} is not found or not supported by the sandbox`);
		}
	}

	private dispatchSafely(ctx: CallContext, owner: string, call: RestCall): RestReply {
		try {
			return this.dispatch(ctx, owner, call);
		} catch (error: unknown) {
			if (error instanceof RestError) return { status: error.status, body: error.payload() };
			throw error;
		}
	}

	/**
	 * POST /services/core/composite: 2-10 sub-requests in order; stops at the first failure. A
	 * sub-request's `headers` (bulk-requests.md: "HTTP headers per sub-request") are honoured for
	 * Idempotency-Key, through the store and scope of the HTTP level (docs/fidelity-rest.md).
	 */
	private composite(ctx: CallContext, owner: string, body: Json | undefined): RestReply {
		if (!Array.isArray(body)) throw new RestError(400, 'invalidRequest', 'A composite request body is an array of sub-requests');
		if (body.length < MIN_COMPOSITE || body.length > MAX_COMPOSITE) throw new RestError(400, 'invalidRequest', `A composite request has ${MIN_COMPOSITE} to ${MAX_COMPOSITE} sub-requests, not ${body.length}`);
		const references = new Map<string, Json>();
		const results: JsonObject[] = [];
		let failed = false;
		for (const [index, sub] of body.entries()) {
			if (failed) {
				results.push({ 'ia::error': { code: 'unprocessed', message: 'Operation skipped due to atomic transaction failure' }, 'ia::status': 422 });
				continue;
			}
			try {
				if (sub === null || typeof sub !== 'object' || Array.isArray(sub) || typeof sub.method !== 'string' || typeof sub.path !== 'string') {
					throw new RestError(400, 'invalidRequest', `Sub-request ${index + 1} needs a method and a path`);
				}
				const target = new URL(substitute(sub.path, references) as string, 'http://sandbox.local');
				const call: RestCall = {
					method: sub.method.toUpperCase(),
					path: target.pathname.replace(/^\/ia\/api\/v1/, ''),
					query: target.searchParams,
					body: sub.body === undefined ? undefined : substitute(sub.body, references),
					atomic: false,
				};
				const reply = this.keyedSubRequest(ctx, owner, call, subHeader(sub.headers, 'idempotency-key', index));
				const entry: JsonObject = { ...(reply.body ?? {}), 'ia::status': reply.status };
				if (reply.status >= 300) failed = true;
				if (typeof sub.resultReference === 'string' && reply.body !== null) references.set(sub.resultReference, reply.body['ia::result'] ?? null);
				results.push(entry);
			} catch (error: unknown) {
				failed = true;
				results.push(failure(error).body);
			}
		}
		const totalSuccess = results.filter((r) => Number(r['ia::status']) < 300).length;
		const meta: JsonObject = failed ? { totalCount: results.length, totalSuccess, totalError: results.length - totalSuccess } : { totalCount: results.length };
		return { status: failed ? 207 : 200, body: { 'ia::result': results, 'ia::meta': meta } };
	}

	/**
	 * One sub-request, under its own Idempotency-Key when it has one (POST/PATCH, not the query or
	 * model service, as at the HTTP level): a repeat of the key with the same method, path and body is
	 * answered with the first answer (nothing runs again), with another request it is 409.
	 */
	private keyedSubRequest(ctx: CallContext, owner: string, call: RestCall, key: string | undefined): RestReply {
		const usesKey = key !== undefined && (call.method === 'POST' || call.method === 'PATCH') && !/^\/services\/core\/(query|model)$/.test(call.path);
		if (!usesKey) return this.dispatch(ctx, owner, call);
		const scope = idempotencyScope(ctx.companyId, ctx.userId);
		const hash = IdempotencyStore.hash(call.method, call.path, call.body === undefined ? '' : JSON.stringify(call.body));
		const store = this.deps.idempotency;
		const cached = store.begin(scope, key, hash);
		if (cached !== null) return { status: cached.status, body: cached.body };
		try {
			const reply = this.dispatch(ctx, owner, call);
			store.finish(scope, key, { status: reply.status, body: reply.body });
			return reply;
		} catch (error: unknown) {
			if (!(error instanceof RestError)) {
				store.abandon(scope, key);
				throw error;
			}
			store.finish(scope, key, { status: error.status, body: error.payload() });
			throw error;
		}
	}
}

/** Who an Idempotency-Key belongs to: the company and user (bulk-requests.md keys are per caller). */
export function idempotencyScope(companyId: string, userId: string): string {
	return `${companyId}|${userId}`;
}

/** A header of a composite sub-request (names case-insensitive, values strings). */
function subHeader(headers: Json | undefined, name: string, index: number): string | undefined {
	if (headers === undefined || headers === null) return undefined;
	if (typeof headers !== 'object' || Array.isArray(headers)) throw new RestError(400, 'invalidRequest', `Sub-request ${index + 1}: headers is an object of header names and values`);
	const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name);
	if (found === undefined) return undefined;
	if (typeof found[1] !== 'string' || found[1] === '') throw new RestError(400, 'invalidRequest', `Sub-request ${index + 1}: header ${found[0]} needs a text value`);
	return found[1];
}

function requireMethod(method: string, allowed: string): void {
	if (method !== allowed) throw new RestError(405, 'methodNotAllowed', `Method ${method} is not allowed for this resource`);
}

function parseJsonField(text: string | undefined, name: string): Json {
	if (text === undefined) throw new RestError(400, 'invalidRequest', `The multipart form needs a ${name} part`);
	try {
		return JSON.parse(text) as Json;
	} catch {
		throw new RestError(400, 'invalidRequest', `${name} is not valid JSON`);
	}
}

/** Replaces @{reference.path} in strings (a number after the reference indexes a list, 1-based). */
function substitute(value: Json, references: Map<string, Json>): Json {
	if (typeof value === 'string') {
		return value.replace(/@\{([^}]+)\}/g, (whole, expr: string) => {
			const [name, ...rest] = expr.split('.');
			let node = references.get(name);
			if (node === undefined) return whole;
			const parts = [...rest];
			if (parts.length > 0 && /^\d+$/.test(parts[0])) {
				const index = Number(parts.shift()) - 1;
				if (Array.isArray(node)) node = node[index] ?? null;
			}
			const found = node !== null && typeof node === 'object' && !Array.isArray(node) ? getPath(node, parts.join('.')) : undefined;
			return found === undefined || found === null ? '' : String(found);
		});
	}
	if (Array.isArray(value)) return value.map((v) => substitute(v, references));
	if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, references)]));
	return value;
}
