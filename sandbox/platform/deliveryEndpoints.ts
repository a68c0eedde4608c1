/**
 * The trigger event queue services over HTTP (docs/fidelity-webhooks.md):
 *
 *   GET  /ia/api/v1/services/delivery/event/count         {"ia::result": {"count": N}, "ia::meta": {...}}   (documented)
 *   GET  /ia/api/v1/services/delivery/event/list?size=N   {"ia::result": [{id, idempotencyKey, createdAt,
 *                                                          clientContext, payload}], "ia::meta": {...}}     (shape invented)
 *   POST /ia/api/v1/services/delivery/event/ack           {"ids": [...]} -> {"ia::result": {"acknowledged": [...]}} (shape invented)
 *
 * Every call needs Authorization: Bearer <OAuth access token>; the queue is the token's client application's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventQueues } from './eventQueue';

export const DELIVERY_PREFIX = '/ia/api/v1/services/delivery/event/';
const DEFAULT_LIST_SIZE = 100;
const MAX_LIST_SIZE = 1000;

export interface DeliveryEndpointDeps {
	queues: EventQueues;
	/** The client ID an access token belongs to, or undefined when it is not valid. */
	verifyAccessToken: (token: string) => string | undefined;
}

function json(res: ServerResponse, status: number, value: unknown): void {
	const body = JSON.stringify(value);
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) });
	res.end(body);
}

function iaError(res: ServerResponse, status: number, code: string, message: string): void {
	json(res, status, {
		'ia::result': { 'ia::error': { code, message, supportId: 'sandbox' } },
		'ia::meta': { totalCount: 1, totalSuccess: 0, totalError: 1 },
	});
}

const meta = (count: number) => ({ totalCount: count, totalSuccess: count, totalError: 0 });

export async function handleDeliveryRequest(deps: DeliveryEndpointDeps, req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://sandbox');
	const action = url.pathname.slice(DELIVERY_PREFIX.length);
	const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
	const clientId = bearer !== undefined ? deps.verifyAccessToken(bearer) : undefined;
	if (clientId === undefined) {
		iaError(res, 401, 'invalidToken', 'The access token is missing, invalid or expired.');
		return;
	}
	if (action === 'count' && req.method === 'GET') {
		json(res, 200, { 'ia::result': { count: deps.queues.count(clientId) }, 'ia::meta': meta(1) });
		return;
	}
	if (action === 'list' && req.method === 'GET') {
		const asked = Number(url.searchParams.get('size') ?? DEFAULT_LIST_SIZE);
		const size = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_LIST_SIZE) : DEFAULT_LIST_SIZE;
		const events = deps.queues.list(clientId, size).map((e) => ({
			id: e.id,
			idempotencyKey: e.idempotencyKey,
			createdAt: e.createdAt.toISOString(),
			clientContext: e.clientContext,
			payload: e.payload,
		}));
		json(res, 200, { 'ia::result': events, 'ia::meta': meta(events.length) });
		return;
	}
	if (action === 'ack' && req.method === 'POST') {
		let ids: unknown;
		try {
			ids = (JSON.parse(body) as { ids?: unknown }).ids;
		} catch {
			ids = undefined;
		}
		if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
			iaError(res, 400, 'invalidRequest', 'The body must be {"ids": ["<event id>", ...]}.');
			return;
		}
		const acknowledged = deps.queues.acknowledge(clientId, ids as string[]);
		json(res, 200, { 'ia::result': { acknowledged }, 'ia::meta': meta(acknowledged.length) });
		return;
	}
	iaError(res, 404, 'notFound', `No ${req.method ?? ''} ${url.pathname}.`);
}
