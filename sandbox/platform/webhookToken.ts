/**
 * "Use webhook delivery" authenticity headers (§9.2): Authorization: Bearer <JWT> and
 * X-Trusted-Context: <base64 JSON>. Sage signs with its own keys (issuer/JWKS UNCERTAIN); the
 * sandbox signs HS256 with a published sandbox-only secret so receivers can verify in tests.
 */
import { createHmac } from 'node:crypto';

export const SANDBOX_WEBHOOK_SIGNING_SECRET = 'intacct-sandbox-webhook-signing-secret';
export const SANDBOX_WEBHOOK_ISSUER = 'https://sandbox.intacct.local/webhooks';

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

export interface WebhookTokenClaims {
	clientId: string;
	companyId: string;
	idempotencyKey: string;
	issuedAt: Date;
}

export function webhookBearerToken(claims: WebhookTokenClaims): string {
	const iat = Math.floor(claims.issuedAt.getTime() / 1000);
	const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
	const payload = base64url(
		JSON.stringify({ iss: SANDBOX_WEBHOOK_ISSUER, aud: claims.clientId, sub: claims.companyId, iat, exp: iat + 300, jti: claims.idempotencyKey }),
	);
	const signature = createHmac('sha256', SANDBOX_WEBHOOK_SIGNING_SECRET).update(`${header}.${payload}`).digest('base64url');
	return `${header}.${payload}.${signature}`;
}

export interface TrustedContext {
	clientId: string;
	companyId: string;
	/** '' = top level. */
	entityId: string;
	object: string;
}

export function trustedContextHeader(context: TrustedContext): string {
	return Buffer.from(JSON.stringify(context), 'utf8').toString('base64');
}
