/**
 * Routes of the Platform Services module on the sandbox's HTTP server: the trigger event queue
 * services. Their bearer tokens are the REST API's (sandbox/rest/oauth.ts), checked through
 * `verifyAccessToken`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DELIVERY_PREFIX, handleDeliveryRequest, type DeliveryEndpointDeps } from './deliveryEndpoints';

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
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
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export function platformRoutes(deps: DeliveryEndpointDeps & { log: (line: string) => void; stats?: { recordRequest(names: string[]): void } }) {
	return (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
		if (!path.startsWith(DELIVERY_PREFIX)) return false;
		// Counted like the REST API's calls (rest/restServer.ts): "rest:GET services/delivery/event/list".
		deps.stats?.recordRequest([`rest:${(req.method ?? 'GET').toUpperCase()} ${path.replace(/^\/ia\/api\/v1\//, '').replace(/\/+$/, '')}`]);
		void (async () => {
			const body = await readBody(req);
			await handleDeliveryRequest(deps, req, res, body);
			deps.log(`${req.method ?? ''} ${path} ${res.statusCode}`);
		})().catch((error: unknown) => {
			deps.log(`platform route error: ${error instanceof Error ? error.message : String(error)}`);
			if (!res.headersSent) res.writeHead(500).end();
			else res.destroy();
		});
		return true;
	};
}
