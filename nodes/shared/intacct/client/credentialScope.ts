/**
 * Where a credential's secrets may go, and how a stored session is tied to the values it was signed
 * in with, without keeping a guessable hash of the passwords.
 *
 * n8n lets a user who may only *use* a shared credential pick it in any node, the HTTP Request node
 * included, with any URL. So whatever `authenticate` adds that is secret (a sign-in envelope with the
 * passwords, the stored session ID) is added only to a request whose URL is the credential's own
 * endpoint or the session endpoint Intacct returned for it; any other request passes untouched.
 */
import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'crypto';

/** The parts of n8n's request options (httpRequest's `url`/`baseURL`, legacy request's `uri`) that say where it goes. */
export interface RequestTarget {
	url?: unknown;
	uri?: unknown;
	baseURL?: unknown;
}

function normalised(url: string, base?: string): string | undefined {
	try {
		const parsed = base ? new URL(url, base) : new URL(url);
		if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
		parsed.hash = '';
		return parsed.href;
	} catch {
		return undefined;
	}
}

/** The absolute URL a request goes to, or undefined when it cannot be told. */
export function requestUrl(options: RequestTarget): string | undefined {
	const url = typeof options.url === 'string' ? options.url : typeof options.uri === 'string' ? options.uri : undefined;
	if (url === undefined) return undefined;
	return normalised(url, typeof options.baseURL === 'string' && options.baseURL !== '' ? options.baseURL : undefined);
}

/** Whether a request goes exactly to one of the credential's own endpoints (empty entries are ignored). */
export function goesToOwnEndpoint(options: RequestTarget, endpoints: Array<string | undefined>): boolean {
	const target = requestUrl(options);
	if (target === undefined) return false;
	return endpoints.some((endpoint) => typeof endpoint === 'string' && endpoint.trim() !== '' && normalised(endpoint.trim()) === target);
}

// scrypt's default cost (N = 2^14, r = 8): about 50 ms and 16 MiB per fingerprint, so a leaked
// fingerprint is no cheap oracle for guessing the passwords; the random salt makes each one unique.
const SCRYPT_OPTIONS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;
const FORMAT = 's1';

function derive(values: readonly string[], salt: Buffer): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		scrypt(JSON.stringify(values), salt, KEY_LENGTH, SCRYPT_OPTIONS, (error, key) => (error ? reject(error) : resolve(key)));
	});
}

/** A salted, slow fingerprint of the values a sign-in depends on: `s1$<salt>$<key>` (base64). */
export async function fingerprint(values: readonly string[]): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(values, salt);
	remember(`${FORMAT}$${salt.toString('base64')}$${key.toString('base64')}`, values);
	return `${FORMAT}$${salt.toString('base64')}$${key.toString('base64')}`;
}

// authenticate runs on every request: a verified fingerprint is remembered for this process as an
// HMAC of the values under a key that never leaves memory, so only the first check pays scrypt.
const PROCESS_KEY = randomBytes(32);
const verified = new Map<string, Buffer>();
const MAX_VERIFIED = 256;

function quickDigest(values: readonly string[]): Buffer {
	return createHmac('sha256', PROCESS_KEY).update(JSON.stringify(values)).digest();
}

function remember(stored: string, values: readonly string[]): void {
	if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value as string);
	verified.set(stored, quickDigest(values));
}

/** Whether `stored` (from `fingerprint`) was made from exactly these values. Older or malformed fingerprints never match. */
export async function fingerprintMatches(stored: string, values: readonly string[]): Promise<boolean> {
	const known = verified.get(stored);
	if (known !== undefined) return timingSafeEqual(known, quickDigest(values));
	const [format, saltText, keyText] = stored.split('$');
	if (format !== FORMAT || !saltText || !keyText) return false;
	const expected = Buffer.from(keyText, 'base64');
	if (expected.length !== KEY_LENGTH) return false;
	const actual = await derive(values, Buffer.from(saltText, 'base64'));
	if (!timingSafeEqual(actual, expected)) return false;
	remember(stored, values);
	return true;
}
