/**
 * Admin endpoints for tests and benchmarks (docs/sandbox.md, "Admin endpoints"): a sandbox running
 * in another process (the benchmarks', the e2e suite's) exposes what `sandbox.stats` and
 * `sandbox.company` give in-process callers. Loopback callers only; never part of Intacct's API.
 *
 *   GET  /__sandbox/stats                       {"requests", "functions", "inFlight", "maxInFlight",
 *                                                "firstRequestAt", "lastAnsweredAt" (epoch ms or null),
 *                                                "handlingMs" (arrival to answer, summed over requests)}
 *   POST /__sandbox/stats/reset                 zeroes the counters, answers the stats after the reset
 *   GET  /__sandbox/count?object=APBILL&query=  {"object", "query", "count"}  (readByQuery totalcount)
 *   GET  /__sandbox/records?object=GLACCOUNT&fields=*&query=&pagesize=100
 *                                               {"object", "total", "records": [{FIELD: value}]}
 *
 * Admin requests bypass everything the gateway applies to its own path: no latency, no faults, no
 * sessions, no concurrency slot, and they never count in the stats. Queries run against the model at
 * the top level (every entity's records), as the sandbox's built-in user, on the sandbox clock.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxStats } from '../api';
import { type CompanyModel, type RenderRecord, SANDBOX_LOGIN, type XmlElement } from '../model/contract';

export const ADMIN_PREFIX = '/__sandbox/';

/** sandbox.stats plus, when the implementation keeps them (GatewayStats does), the epoch-ms times of
 * the first request since the last reset and of the latest answer. */
export type AdminStatsSource = SandboxStats & { firstRequestAt?: number; lastAnsweredAt?: number; handlingMs?: number };

export interface AdminDeps {
	stats: AdminStatsSource;
	company: CompanyModel;
	now: () => Date;
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (::ffff:127.0.0.1). */
export function isLoopbackAddress(address: string | undefined): boolean {
	if (address === undefined) return false;
	const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
	return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}

/**
 * Whether a Host header names this machine by a loopback name (localhost, 127.x.x.x, [::1]), with
 * or without a port. A loopback caller is not enough: a web page whose DNS name was rebound to
 * 127.0.0.1 reaches us from loopback too, but its requests carry its own name in Host.
 */
export function isLoopbackHostHeader(host: string | undefined): boolean {
	if (host === undefined || host === '') return false;
	const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
	return name.toLowerCase() === 'localhost' || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

export function isAdminPath(path: string): boolean {
	return path.startsWith(ADMIN_PREFIX);
}

function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
	const body = JSON.stringify(value);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store', ...headers });
	res.end(body);
}

function statsJson(stats: AdminStatsSource): Record<string, unknown> {
	return {
		requests: stats.requests,
		functions: { ...stats.functions },
		inFlight: stats.inFlight,
		maxInFlight: stats.maxInFlight,
		firstRequestAt: stats.firstRequestAt ?? null,
		lastAnsweredAt: stats.lastAnsweredAt ?? null,
		handlingMs: Math.round((stats.handlingMs ?? 0) * 1000) / 1000,
	};
}

const element = (name: string, text = '', children: XmlElement[] = []): XmlElement => ({ name, attributes: {}, children, text });

class BadAdminRequest extends Error {}

function readByQuery(deps: AdminDeps, params: URLSearchParams, defaultFields: string, defaultPageSize: number): { records: RenderRecord[]; total: number } {
	const object = params.get('object') ?? '';
	if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(object)) throw new BadAdminRequest('object= needs an object name, e.g. object=APBILL');
	const pageSizeText = params.get('pagesize') ?? String(defaultPageSize);
	const pageSize = Number(pageSizeText);
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 2000) throw new BadAdminRequest('pagesize= needs an integer from 1 to 2000');
	const fn = element('readByQuery', '', [
		element('object', object),
		element('fields', params.get('fields') ?? defaultFields),
		element('query', params.get('query') ?? ''),
		element('pagesize', String(pageSize)),
	]);
	const ctx = { companyId: deps.company.companyId, userId: SANDBOX_LOGIN.userId, entityId: '', now: deps.now() };
	const outcome = deps.company.execute(ctx, fn);
	if (outcome.kind !== 'data') throw new BadAdminRequest(`readByQuery ${object} returned ${outcome.kind}`);
	const total = Number(outcome.attributes.totalcount ?? outcome.records.length);
	return { records: outcome.records.map((r) => r.fields), total };
}

/** Answers one request under ADMIN_PREFIX. */
export function handleAdminRequest(deps: AdminDeps, req: IncomingMessage, res: ServerResponse): void {
	if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHostHeader(req.headers.host)) {
		json(res, 403, { error: 'admin endpoints answer loopback callers only' });
		return;
	}
	const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
	const route = url.pathname.slice(ADMIN_PREFIX.length).replace(/\/+$/, '');
	const method = req.method ?? 'GET';
	const allowed: Record<string, string> = { stats: 'GET', 'stats/reset': 'POST', count: 'GET', records: 'GET' };
	const expected = allowed[route];
	if (expected === undefined) {
		json(res, 404, { error: `no admin endpoint ${url.pathname}`, endpoints: ['GET /__sandbox/stats', 'POST /__sandbox/stats/reset', 'GET /__sandbox/count', 'GET /__sandbox/records'] });
		return;
	}
	if (method !== expected) {
		json(res, 405, { error: `${url.pathname} takes ${expected}` }, { Allow: expected });
		return;
	}
	// A request body (the reset's, if any) is ignored; drain it so keep-alive connections stay usable.
	req.resume();
	try {
		switch (route) {
			case 'stats':
				json(res, 200, statsJson(deps.stats));
				return;
			case 'stats/reset':
				deps.stats.reset();
				json(res, 200, statsJson(deps.stats));
				return;
			case 'count': {
				const { total } = readByQuery(deps, url.searchParams, 'RECORDNO', 1);
				json(res, 200, { object: url.searchParams.get('object'), query: url.searchParams.get('query') ?? '', count: total });
				return;
			}
			case 'records': {
				const { records, total } = readByQuery(deps, url.searchParams, '*', 100);
				json(res, 200, { object: url.searchParams.get('object'), total, records });
				return;
			}
		}
	} catch (error: unknown) {
		// Bad parameters, or the model refusing the query (unknown object or field, bad query syntax).
		json(res, 400, { error: error instanceof Error ? error.message : String(error) });
	}
}
