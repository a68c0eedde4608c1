/**
 * How Intacct signs a webhook delivery (docs/fidelity-webhooks.md, rows "signature", "claims"):
 * X-IA-Sage-Signature carries a JWT signed HS256 with the client application's client secret; its
 * claims are iat (epoch ms, as the reference lists it), exp (iat + 1 hour, JWT seconds), iss
 * "Sage Intacct", tenant_id (client ID), app_id, payload_signature (SHA-256 hex of the exact body
 * string posted) and payload_signature_alg "SHA-256". Written independently of the node's verifier.
 */
import { createHash, createHmac } from 'node:crypto';

export const SAGE_ISSUER = 'Sage Intacct';
export const TOKEN_LIFETIME_SECONDS = 3600;

export interface SigningInput {
	body: string;
	clientId: string;
	clientSecret: string;
	issuedAt: Date;
	/** Test hooks: a forged issuer, or a token issued long ago. */
	issuer?: string;
	lifetimeSeconds?: number;
}

const segment = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

export function signDelivery(input: SigningInput): string {
	const iatMs = input.issuedAt.getTime();
	const header = segment({ alg: 'HS256', typ: 'JWT' });
	const claims = segment({
		iat: iatMs,
		exp: Math.floor(iatMs / 1000) + (input.lifetimeSeconds ?? TOKEN_LIFETIME_SECONDS),
		iss: input.issuer ?? SAGE_ISSUER,
		tenant_id: input.clientId,
		app_id: input.clientId,
		payload_signature: createHash('sha256').update(input.body, 'utf8').digest('hex'),
		payload_signature_alg: 'SHA-256',
	});
	const mac = createHmac('sha256', input.clientSecret).update(`${header}.${claims}`).digest('base64url');
	return `${header}.${claims}.${mac}`;
}

/** x-clientcontext: base64 JSON of the trigger's context, with the keys of the reference's example. */
export interface ClientContext {
	COMPANY: string;
	ENTITY: string | false;
	USER: string;
	OBJECTNAME: string;
	RESTOBJECTNAME: string;
	DOCTYPE: string;
	ID: Record<string, string>;
	VID: string;
	EVENT: string;
	EVENTNAME: string;
}

export function clientContextHeader(context: ClientContext): string {
	return Buffer.from(JSON.stringify(context), 'utf8').toString('base64');
}
