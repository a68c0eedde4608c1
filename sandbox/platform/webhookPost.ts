/** One HTTP(S) POST of a trigger delivery; resolves the status, or 'error' when no response arrived. */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export function postWebhook(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number | 'error'> {
	return new Promise((resolve) => {
		let settled = false;
		const finish = (outcome: number | 'error'): void => {
			if (!settled) {
				settled = true;
				resolve(outcome);
			}
		};
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			finish('error');
			return;
		}
		const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
		const req = send(target, { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, timeout: timeoutMs }, (res) => {
			res.resume();
			res.on('end', () => finish(res.statusCode ?? 0));
			res.on('error', () => finish('error'));
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', () => finish('error'));
		req.end(body);
	});
}
