/**
 * HttpPost on node:http/https for tests, benchmarks and e2e tooling (published code uses
 * n8n's helpers instead: nodes/shared/intacct/n8n/n8nHttpPost.ts). Resolves for every HTTP
 * status; rejects only when no answer arrived, with the socket error's `code` (ECONNRESET,
 * ECONNREFUSED, ...) or ETIMEDOUT when `timeoutMs` passed.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { HttpPost, HttpPostResponse } from '../../nodes/shared/intacct/core/types';

export interface NodeHttpPostOptions {
	/** Reuse connections (benchmarks); default false, so a reset fault never poisons a pooled socket. */
	keepAlive?: boolean;
}

export function createNodeHttpPost(options: NodeHttpPostOptions = {}): HttpPost {
	const agents = {
		'http:': new http.Agent({ keepAlive: options.keepAlive ?? false }),
		'https:': new https.Agent({ keepAlive: options.keepAlive ?? false }),
	};
	return async ({ url, body, headers, timeoutMs }) =>
		await new Promise<HttpPostResponse>((resolve, reject) => {
			const target = new URL(url);
			const transport = target.protocol === 'https:' ? https : http;
			const payload = Buffer.from(body, 'utf8');
			const request = transport.request(
				target,
				{
					method: 'POST',
					headers: { ...headers, 'Content-Length': String(payload.length) },
					agent: agents[target.protocol as 'http:' | 'https:'],
				},
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('error', reject);
					response.on('end', () =>
						resolve({
							statusCode: response.statusCode ?? 0,
							headers: response.headers,
							body: Buffer.concat(chunks).toString('utf8'),
						}),
					);
				},
			);
			request.setTimeout(timeoutMs, () => {
				const timeout = new Error(`no answer within ${timeoutMs} ms`) as Error & { code: string };
				timeout.code = 'ETIMEDOUT';
				request.destroy(timeout);
			});
			request.on('error', reject);
			request.end(payload);
		});
}

/** A shared default instance. */
export const nodeHttpPost: HttpPost = createNodeHttpPost();
