/**
 * The gateway over node:http (§1.1, §12.1-§12.3): POST /ia/xml/xmlgw.phtml only, XML-ish bodies,
 * `text/xml; encoding="UTF-8"` answers (gzip when asked), and the fault layer around it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { FaultAction } from '../api';
import { gatewayXmlErrorBody, htmlErrorPage } from '../faults/faultBodies';
import type { FaultRules } from '../faults/faultController';
import { type AdminDeps, handleAdminRequest, isAdminPath, isLoopbackHostHeader } from './adminEndpoints';
import type { Gateway } from './gateway';
import { INVALID_REQUEST, RATE_LIMITED } from './gatewayErrors';
import type { RequestInspector } from './requestInspection';
import { RECORD_URL_PATH } from '../model/writes/write-session';
import { recordLinkPage } from './recordLinks';
import { functionNamesOf } from './requestEnvelope';
import { renderBareControlFailure } from './responseRendering';
import type { GatewayStats } from './sandboxStats';
import { type RestServer, isRestPath } from '../rest/restServer';
import { parseXml } from './xml/parseXml';

export const GATEWAY_PATH = '/ia/xml/xmlgw.phtml';
export const XML_CONTENT_TYPE = 'text/xml; encoding="UTF-8"';
/** Request header that opts one request into the duplicate-without-<status> quirk (intacct-sdk-js #70). */
export const DUPLICATE_QUIRK_HEADER = 'x-sandbox-duplicate-without-status';
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface HttpServerDeps {
	gateway: Gateway;
	faults: FaultRules;
	stats: GatewayStats;
	/** Latency added to every request (simulated WAN round trip). */
	latencyMs: number;
	/** Fault actions that change state before processing. */
	expireSessions: () => void;
	expireResultIds: () => void;
	log: (line: string) => void;
	/** Host names (with port) a client may reach the gateway by besides loopback names, e.g. a
	 * container's host.docker.internal:8787; getAPISession names the endpoint by them. */
	publicHosts?: readonly string[];
	/** Serves the loopback-only admin endpoints under /__sandbox/ (adminEndpoints.ts); without it
	 * those paths are plain 404s like any other. */
	admin?: AdminDeps;
	/** Sees every gateway request body before faults and parsing (requestInspection.ts); none by default. */
	inspectRequest?: RequestInspector;
	/** The REST API under /ia/api/v1/ (sandbox/rest); without it those paths are plain 404s. */
	rest?: RestServer;
	/** Paths served outside the XML gateway (Platform Services' REST endpoints): returns true when it
	 * took the request. No gateway latency, faults, sessions or slots; not counted in the stats. */
	restRoutes?: (req: IncomingMessage, res: ServerResponse, path: string) => boolean;
}

/** Injected delays never keep the process alive on their own (a closed sandbox must let jest/CLI exit). */
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * §1.1: docs say application/xml; an old client's x-intacct-xml-request worked, so anything XML-ish
 * passes. text/plain, form encodings and a missing type are refused: those are what a web page can
 * post cross-site without asking, and the sandbox holds demo passwords anyone can read (a
 * sandbox-only protection, in docs/fidelity.md).
 */
function acceptableContentType(contentType: string | undefined): boolean {
	if (contentType === undefined || contentType === '') return false;
	return contentType.toLowerCase().includes('xml');
}

/** The whole request body (up to 64 MiB); shared with the REST API (sandbox/rest/restServer.ts). */
export function readRequestBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

async function readBody(req: IncomingMessage): Promise<string> {
	return (await readRequestBody(req)).toString('utf8');
}

function send(req: IncomingMessage, res: ServerResponse, status: number, contentType: string | null, body: string): void {
	const headers: Record<string, string> = {};
	if (contentType !== null) headers['Content-Type'] = contentType;
	let payload: Buffer = Buffer.from(body, 'utf8');
	if (body.length > 0 && /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''))) {
		payload = gzipSync(payload);
		headers['Content-Encoding'] = 'gzip';
	}
	headers['Content-Length'] = String(payload.length);
	res.writeHead(status, headers);
	res.end(payload);
}

/**
 * The endpoint getAPISession names: the host the client reached us by, when that is a loopback name
 * or one of the configured public hosts; otherwise (a rebound DNS name, a forged Host) the
 * sandbox's own address, so a session is never pointed at somebody else's server.
 */
function endpointFor(host: string | undefined, publicHosts: readonly string[] = []): string | undefined {
	if (host === undefined || host === '') return undefined;
	const name = host.toLowerCase();
	const hostname = name.startsWith('[') ? name.slice(0, name.indexOf(']') + 1) : name.split(':')[0];
	// an entry with a port matches that host and port; one without, the name on any port
	const allowed = publicHosts.some((entry) => entry.toLowerCase() === (entry.includes(':') ? name : hostname));
	if (!isLoopbackHostHeader(host) && !allowed) return undefined;
	return `http://${host}${GATEWAY_PATH}`;
}

const TERMINAL: ReadonlySet<FaultAction['type']> = new Set(['status', 'rateLimit', 'resetBeforeProcess', 'hang', 'tooManyOperations', 'resetAfterCommit']);

export function createGatewayServer(deps: HttpServerDeps): Server {
	const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const started = Date.now();
		const [path, query = ''] = (req.url ?? '/').split('?');
		if (path === RECORD_URL_PATH && req.method === 'GET') {
			send(req, res, 200, 'text/html; charset=utf-8', recordLinkPage(query));
			return;
		}
		if (path !== GATEWAY_PATH) {
			deps.stats.recordRequest([]);
			send(req, res, 404, 'text/plain; charset=utf-8', 'Not Found\n');
			return;
		}
		if (req.method !== 'POST') {
			deps.stats.recordRequest([]);
			res.setHeader('Allow', 'POST');
			send(req, res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed\n');
			return;
		}
		const body = await readBody(req);
		deps.inspectRequest?.({ body, headers: req.headers });
		const parsed = parseXml(body);
		const functionNames = parsed.ok ? functionNamesOf(parsed.root) : [];
		deps.stats.recordRequest(functionNames);
		const logLine = (status: number | string, note = ''): void =>
			deps.log(`POST ${GATEWAY_PATH} ${status} [${functionNames.join(',')}] ${Date.now() - started}ms${note}`);

		if (!acceptableContentType(req.headers['content-type'])) {
			send(req, res, 400, XML_CONTENT_TYPE, renderBareControlFailure([INVALID_REQUEST()]));
			logLine(400, ' unsupported content type');
			return;
		}
		if (deps.latencyMs > 0) await sleep(deps.latencyMs);

		const actions = deps.faults.take(functionNames, body);
		const latency = actions.reduce((sum, a) => sum + (a.type === 'latency' ? a.ms : 0), 0);
		if (actions.some((a) => a.type === 'expireSessions')) deps.expireSessions();
		if (actions.some((a) => a.type === 'expireResultIds')) deps.expireResultIds();
		const terminal = actions.find((a) => TERMINAL.has(a.type));
		const faultNote = actions.length > 0 ? ` fault=${actions.map((a) => a.type).join('+')}` : '';

		if (terminal !== undefined && terminal.type !== 'tooManyOperations' && terminal.type !== 'resetAfterCommit') {
			if (latency > 0) await sleep(latency);
			switch (terminal.type) {
				case 'status':
					if (terminal.body === 'empty') send(req, res, terminal.status, null, '');
					else if (terminal.body === 'html') send(req, res, terminal.status, 'text/html; charset=UTF-8', htmlErrorPage(terminal.status));
					else send(req, res, terminal.status, XML_CONTENT_TYPE, gatewayXmlErrorBody(terminal.status));
					logLine(terminal.status, faultNote);
					return;
				case 'rateLimit':
					send(req, res, 429, XML_CONTENT_TYPE, renderBareControlFailure([RATE_LIMITED()]));
					logLine(429, faultNote);
					return;
				case 'resetBeforeProcess':
					req.socket.destroy();
					logLine('reset', faultNote);
					return;
				case 'hang':
					// Never answers; the connection is destroyed by the client or by sandbox.close().
					logLine('hang', faultNote);
					return;
			}
		}

		const reply = await deps.gateway.handle(body, parsed, {
			whileHoldingSlot: latency > 0 ? () => sleep(latency) : undefined,
			tooManyOperations: terminal?.type === 'tooManyOperations',
			duplicateWithoutStatus: String(req.headers[DUPLICATE_QUIRK_HEADER] ?? '') === 'true',
			endpointUrl: endpointFor(req.headers.host, deps.publicHosts),
		});
		if (terminal?.type === 'resetAfterCommit') {
			// Executed and committed; the client never learns it (§12.3: proves idempotent retries).
			req.socket.destroy();
			logLine('reset-after-commit', faultNote);
			return;
		}
		send(req, res, reply.httpStatus, XML_CONTENT_TYPE, reply.body);
		logLine(reply.httpStatus, `${reply.outcome === '' ? '' : ` ${reply.outcome}`}${faultNote}`);
	};

	return createServer((req, res) => {
		// Admin endpoints: outside the gateway (no latency, faults or slots) and never counted in stats.
		if (deps.admin !== undefined && isAdminPath((req.url ?? '/').split('?')[0])) {
			try {
				handleAdminRequest(deps.admin, req, res);
			} catch (error: unknown) {
				deps.log(`admin endpoint error: ${error instanceof Error ? error.message : String(error)}`);
				if (!res.headersSent) send(req, res, 500, 'text/plain; charset=utf-8', 'Internal Server Error\n');
				else res.destroy();
			}
			return;
		}
		if (deps.restRoutes?.(req, res, (req.url ?? '/').split('?')[0]) === true) return;
		// Answered ('finish', before the client can see the end) or dropped ('close' without finish).
		const finished = deps.stats.requestStarted();
		res.once('finish', finished);
		res.once('close', finished);
		const rest = deps.rest;
		// REST record links are made absolute against the same checked address as the gateway's.
		const endpoint = endpointFor(req.headers.host, deps.publicHosts);
		const work = rest !== undefined && isRestPath((req.url ?? '/').split('?')[0]) ? rest.handle(req, res, endpoint === undefined ? undefined : new URL(endpoint).origin) : handle(req, res);
		work.catch((error: unknown) => {
			deps.log(`internal error: ${error instanceof Error ? error.message : String(error)}`);
			if (!res.headersSent) send(req, res, 500, 'text/plain; charset=utf-8', 'Internal Server Error\n');
			else res.destroy();
		});
	});
}
