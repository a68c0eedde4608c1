/**
 * Plain HTTP for the checks, one fresh connection per request: Node's fetch keeps sockets alive, and
 * reusing one that the server (n8n, the sandbox) closed after its 5 s keep-alive timeout fails the
 * next request with "fetch failed".
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpCall {
	method?: string;
	headers?: Record<string, string>;
	body?: string | Buffer;
	timeoutMs?: number;
}

export interface HttpAnswer {
	status: number;
	headers: IncomingHttpHeaders;
	text: string;
}

export function httpCall(url: string, call: HttpCall = {}): Promise<HttpAnswer> {
	return new Promise((resolve, reject) => {
		const target = new URL(url);
		const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
		const body = call.body ?? '';
		const timeoutMs = call.timeoutMs ?? 15_000;
		const req = send(
			target,
			{ method: call.method ?? 'GET', agent: false, timeout: timeoutMs, headers: { ...call.headers, 'Content-Length': String(Buffer.byteLength(body)) } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', reject);
			},
		);
		req.on('timeout', () => req.destroy(new Error(`${call.method ?? 'GET'} ${url} timed out after ${timeoutMs} ms`)));
		req.on('error', reject);
		req.end(body);
	});
}
