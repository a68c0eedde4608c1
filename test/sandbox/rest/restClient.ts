/** Test helper: a minimal REST caller of the sandbox (node's fetch), with a client-credentials token. */
import { type Sandbox, startSandbox } from '../../../sandbox';

export interface RestResponse {
	status: number;
	headers: Headers;
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test JSON, asserted field by field
}

export async function tokenRequest(sandbox: Sandbox, form: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<RestResponse> {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries(form)) for (const value of Array.isArray(v) ? v : [v]) params.append(k, value);
	const res = await fetch(sandbox.rest.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: params.toString() });
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: text === '' ? null : JSON.parse(text) };
}

export async function clientCredentialsToken(sandbox: Sandbox, username = 'ws_n8n@HOPEWELL'): Promise<string> {
	const c = sandbox.rest.credentials;
	const res = await tokenRequest(sandbox, { grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret, username });
	if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${JSON.stringify(res.body)}`);
	return res.body.access_token as string;
}

export async function rest(sandbox: Sandbox, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RestResponse> {
	const res = await fetch(`${sandbox.rest.baseUrl}${path}`, {
		method,
		headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await res.text();
	let parsed: unknown = null;
	if (text !== '') {
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = text;
		}
	}
	return { status: res.status, headers: res.headers, body: parsed };
}

/** A sandbox for the describe block (beforeAll / afterAll) and a client-credentials token, handed to `ready`. */
export function useRestSandbox(ready: (sandbox: Sandbox, token: string) => void): void {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		ready(sandbox, await clientCredentialsToken(sandbox));
	});
	afterAll(() => sandbox?.close());
}
