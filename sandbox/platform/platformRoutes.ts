/**
 * Routes of the Platform Services module on the sandbox's HTTP server: the trigger event queue
 * services and, until sandbox/rest is wired in, the interim OAuth token endpoint (interimOAuth.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DELIVERY_PREFIX, handleDeliveryRequest, type DeliveryEndpointDeps } from './deliveryEndpoints';
import { TOKEN_PATH, type InterimTokens } from './interimOAuth';

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

export function platformRoutes(deps: DeliveryEndpointDeps & { tokens?: InterimTokens; log: (line: string) => void }) {
	return (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
		const isToken = deps.tokens !== undefined && path === TOKEN_PATH;
		if (!isToken && !path.startsWith(DELIVERY_PREFIX)) return false;
		void (async () => {
			const body = await readBody(req);
			if (isToken && deps.tokens !== undefined) {
				if (req.method !== 'POST') {
					res.writeHead(405, { Allow: 'POST' }).end();
					return;
				}
				const [status, answer] = deps.tokens.grant(String(req.headers['content-type'] ?? ''), body);
				const text = JSON.stringify(answer);
				res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
				res.end(text);
				deps.log(`POST ${TOKEN_PATH} ${status}`);
				return;
			}
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
