/**
 * Verifying a Sage Intacct webhook delivery (docs/fidelity-webhooks.md, "Signature"):
 *
 *   X-IA-Sage-Signature: a JWT signed HS256 with the client application's client secret, whose
 *   claims hold iss = "Sage Intacct", exp (issued + 1 hour) and payload_signature = the SHA-256 hex
 *   of the exact body bytes posted. Every step is required: a valid JWT with another body is a forgery.
 *
 * Pure and n8n-free: the caller hands in the raw bytes it received (never a re-serialised JSON), the
 * secret and the time. Nothing here ever echoes the token or the secret in a reason.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-ia-sage-signature';
export const EXPECTED_ISSUER = 'Sage Intacct';
/** Clock skew tolerated on exp / iat between Intacct's clock and ours. */
export const DEFAULT_SKEW_SECONDS = 60;

export interface WebhookClaims {
	iss: string;
	/** Seconds since the epoch (normalised: the reference lists iat in epoch ms). */
	exp: number;
	iat?: number;
	tenant_id?: string;
	app_id?: string;
	payload_signature: string;
	payload_signature_alg?: string;
	[claim: string]: unknown;
}

export type VerificationProblem =
	| 'missing-signature'
	| 'malformed-token'
	| 'unsupported-algorithm'
	| 'bad-signature'
	| 'wrong-issuer'
	| 'expired'
	| 'not-yet-valid'
	| 'missing-payload-signature'
	| 'body-mismatch'
	| 'missing-secret';

export type Verification = { ok: true; claims: WebhookClaims } | { ok: false; problem: VerificationProblem; reason: string };

export interface VerifyOptions {
	/** The token (bare JWT, or the base64 context that carries it, see extractToken). */
	signature: string | undefined;
	/** Exactly the bytes received. */
	rawBody: Buffer;
	/** The client application's client secret. */
	secret: string;
	now: Date;
	skewSeconds?: number;
}

const REASONS: Record<VerificationProblem, string> = {
	'missing-signature': 'the request has no X-IA-Sage-Signature header',
	'malformed-token': 'the X-IA-Sage-Signature header does not hold a JWT',
	'unsupported-algorithm': 'the signature is not HS256',
	'bad-signature': 'the signature does not verify with the client secret of this credential',
	'wrong-issuer': 'the token was not issued by "Sage Intacct"',
	expired: 'the token has expired',
	'not-yet-valid': 'the token is issued in the future',
	'missing-payload-signature': 'the token has no payload_signature claim',
	'body-mismatch': 'the body does not match the signed payload_signature (changed in transit)',
	'missing-secret': 'the credential has no client secret',
};

function fail(problem: VerificationProblem): Verification {
	return { ok: false, problem, reason: REASONS[problem] };
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function decodeJson(segment: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

function findJwt(value: unknown): string | undefined {
	if (typeof value === 'string') return JWT_SHAPE.test(value) ? value : undefined;
	if (typeof value === 'object' && value !== null) {
		for (const inner of Object.values(value)) {
			const hit = findJwt(inner);
			if (hit) return hit;
		}
	}
	return undefined;
}

/**
 * The JWT in a signature header. The guide says the header carries the JWT; the reference page calls
 * it "base64 encoded context information, including the client ID and the JWT token". Both are read:
 * a bare JWT (optionally "Bearer "-prefixed), or base64 JSON with a JWT somewhere inside.
 */
export function extractToken(header: string | undefined): string | undefined {
	if (header === undefined) return undefined;
	const value = header.trim().replace(/^Bearer\s+/i, '');
	if (value === '') return undefined;
	if (JWT_SHAPE.test(value)) return value;
	try {
		return findJwt(JSON.parse(Buffer.from(value, 'base64').toString('utf8')));
	} catch {
		return undefined;
	}
}

/** Epoch seconds; the reference lists iat as epoch ms, so a value past year 5138 in seconds is ms. */
function toSeconds(value: unknown): number | undefined {
	if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
	return value > 1e11 ? Math.floor(value / 1000) : value;
}

function equalBytes(a: Buffer, b: Buffer): boolean {
	return a.length === b.length && timingSafeEqual(a, b);
}

export function sha256Hex(bytes: Buffer | string): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export function verifyWebhookSignature(options: VerifyOptions): Verification {
	if (options.secret === '') return fail('missing-secret');
	if (options.signature === undefined || options.signature.trim() === '') return fail('missing-signature');
	const token = extractToken(options.signature);
	if (token === undefined) return fail('malformed-token');
	const [headerPart, payloadPart, signaturePart] = token.split('.');
	const header = decodeJson(headerPart);
	const claims = decodeJson(payloadPart);
	if (!header || !claims) return fail('malformed-token');
	// Only HS256: "none" or an asymmetric alg must never be accepted with a shared secret.
	if (header.alg !== 'HS256') return fail('unsupported-algorithm');
	const expected = createHmac('sha256', options.secret).update(`${headerPart}.${payloadPart}`).digest();
	if (!equalBytes(expected, Buffer.from(signaturePart, 'base64url'))) return fail('bad-signature');

	if (claims.iss !== EXPECTED_ISSUER) return fail('wrong-issuer');
	const skew = options.skewSeconds ?? DEFAULT_SKEW_SECONDS;
	const nowSeconds = Math.floor(options.now.getTime() / 1000);
	const exp = toSeconds(claims.exp);
	if (exp === undefined || nowSeconds > exp + skew) return fail('expired');
	const iat = toSeconds(claims.iat);
	if (iat !== undefined && iat > nowSeconds + skew) return fail('not-yet-valid');

	const signed = claims.payload_signature;
	if (typeof signed !== 'string' || signed === '') return fail('missing-payload-signature');
	const alg = claims.payload_signature_alg;
	if (alg !== undefined && String(alg).toUpperCase().replace('-', '') !== 'SHA256') return fail('unsupported-algorithm');
	const actual = Buffer.from(sha256Hex(options.rawBody), 'utf8');
	if (!equalBytes(actual, Buffer.from(signed.toLowerCase(), 'utf8'))) return fail('body-mismatch');

	return { ok: true, claims: { ...claims, iss: EXPECTED_ISSUER, exp, iat, payload_signature: signed } as WebhookClaims };
}
