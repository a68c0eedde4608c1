/**
 * Is a delivery really from our Intacct trigger? Legacy HTTP Post triggers carry no signature, so
 * the only certain check is a shared secret the user puts in the template, a header or the URL
 * (docs/protocol.md §9.1). With "Use webhook delivery" Intacct also sends a Bearer JWT and an
 * X-Trusted-Context header (§9.2): we check the client ID in that context, but cannot verify the JWT
 * signature without Sage's published keys (JWKS, UNCERTAIN), so the access key stays required.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IWebhookFunctions } from 'n8n-workflow';

export type RequestHeaders = ReturnType<IWebhookFunctions['getHeaderData']>;

export type AccessKeyLocation = 'body' | 'header' | 'query';

export const ACCESS_KEY_HEADER = 'x-intacct-access-key';
export const ACCESS_KEY_QUERY = 'key';

/** Constant-time comparison: both sides are hashed first, so lengths never leak or throw. */
export function accessKeyMatches(expected: string, given: string | undefined): boolean {
	if (expected === '' || given === undefined) return false;
	const a = createHash('sha256').update(expected, 'utf8').digest();
	const b = createHash('sha256').update(given, 'utf8').digest();
	return timingSafeEqual(a, b);
}

function firstHeader(headers: RequestHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** The key the request presents at the configured place. */
export function presentedAccessKey(
	location: AccessKeyLocation,
	bodyKey: string | undefined,
	headers: RequestHeaders,
	query: Record<string, unknown>,
): string | undefined {
	if (location === 'body') return bodyKey;
	if (location === 'header') return firstHeader(headers, ACCESS_KEY_HEADER);
	const q = query[ACCESS_KEY_QUERY];
	return typeof q === 'string' ? q : undefined;
}

/** Collects every string in a decoded trusted context (its exact layout is not documented). */
function strings(value: unknown, out: string[]): string[] {
	if (typeof value === 'string') out.push(value);
	else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
	else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => strings(v, out));
	return out;
}

/**
 * Webhook-delivery check: a Bearer token is present and X-Trusted-Context (base64 JSON) names the
 * expected client ID. Returns a reason when the check fails.
 */
export function webhookDeliveryProblem(headers: RequestHeaders, clientId: string): string | undefined {
	const auth = firstHeader(headers, 'authorization') ?? '';
	if (!/^Bearer \S+/i.test(auth)) return 'missing Authorization: Bearer token';
	const context = firstHeader(headers, 'x-trusted-context');
	if (!context) return 'missing X-Trusted-Context header';
	let decoded: unknown;
	try {
		decoded = JSON.parse(Buffer.from(context, 'base64').toString('utf8'));
	} catch {
		return 'X-Trusted-Context is not base64-encoded JSON';
	}
	const wanted = clientId.trim();
	const found = strings(decoded, []).some((s) => s.length === wanted.length && accessKeyMatches(wanted, s));
	return found ? undefined : 'X-Trusted-Context names another client ID';
}
