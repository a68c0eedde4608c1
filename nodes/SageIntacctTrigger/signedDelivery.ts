/**
 * Authenticity of a "Use webhook delivery" call (docs/fidelity-webhooks.md): the X-IA-Sage-Signature
 * JWT must verify with the client secret of the node's REST credential, its claims must hold, and the
 * SHA-256 of the raw bytes received must equal its payload_signature.
 *
 * The Early Adopter shape (2025 R1: Authorization: Bearer + X-Trusted-Context, no X-IA-Sage-Signature)
 * is accepted only when its bearer token is such a JWT too (same checks, same secret); anything else
 * is refused, because nothing in it can be verified.
 */
import { extractToken, SIGNATURE_HEADER, verifyWebhookSignature } from '../shared/intacct/rest/webhookSignature';

import type { RequestHeaders } from './authenticity';

export const EARLY_ADOPTER_REFUSED =
	'an Early Adopter delivery (Bearer token + X-Trusted-Context) without a signature this node can verify; in the Intacct trigger untick and tick "Use webhook delivery" again so Intacct sends X-IA-Sage-Signature, or use the access key setup';

function firstHeader(headers: RequestHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** Undefined when the call is authentic; otherwise the reason (never containing a secret or token). */
export function signedDeliveryProblem(headers: RequestHeaders, rawBody: Buffer | undefined, clientSecret: string, now: Date): string | undefined {
	if (!Buffer.isBuffer(rawBody)) return 'the raw request body is not available to verify the signature';
	const signature = firstHeader(headers, SIGNATURE_HEADER);
	if (signature === undefined || signature.trim() === '') {
		const bearer = /^Bearer\s+(\S+)$/i.exec(firstHeader(headers, 'authorization') ?? '')?.[1];
		const earlyAdopter = firstHeader(headers, 'x-trusted-context') !== undefined;
		if (!earlyAdopter) return 'the request has no X-IA-Sage-Signature header';
		// Verifiable only if the bearer token itself is a signed delivery JWT.
		if (bearer === undefined || extractToken(bearer) === undefined) return EARLY_ADOPTER_REFUSED;
		const verdict = verifyWebhookSignature({ signature: bearer, rawBody, secret: clientSecret, now });
		return verdict.ok ? undefined : EARLY_ADOPTER_REFUSED;
	}
	const verdict = verifyWebhookSignature({ signature, rawBody, secret: clientSecret, now });
	return verdict.ok ? undefined : verdict.reason;
}
