/** RestHttp on node's fetch for tests and benchmarks (published code uses n8n's helpers). */
import type { RestHttp } from '../../nodes/shared/intacct/rest/restWire';

export const nodeRestHttp: RestHttp = async ({ method, url, headers, body, timeoutMs }) => {
	try {
		const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
		const out: Record<string, string> = {};
		res.headers.forEach((value, name) => (out[name] = value));
		return { statusCode: res.status, headers: out, body: await res.text() };
	} catch (error) {
		const cause = (error as { cause?: { code?: string } }).cause;
		const failure = new Error('no answer') as Error & { code?: string };
		failure.code = cause?.code ?? 'ECONNRESET';
		throw failure;
	}
};
