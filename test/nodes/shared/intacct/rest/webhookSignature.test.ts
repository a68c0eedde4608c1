/**
 * Verification of Intacct's signed webhook deliveries (docs/fidelity-webhooks.md). Tokens are made
 * here with node:crypto from the reference's description, not with the sandbox's or the node's code.
 */
import { createHash, createHmac } from 'node:crypto';

import { extractToken, verifyWebhookSignature } from '../../../../../nodes/shared/intacct/rest/webhookSignature';

const SECRET = 'client-secret-of-the-app';
const NOW = new Date('2026-03-02T10:00:00Z');
const BODY = Buffer.from('{"object":"GLENTRY","record":{"RECORDNO":"5012","AMOUNT":"1250.50","MEMO":"café"}}', 'utf8');

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
function token(claims: Record<string, unknown>, options: { secret?: string; header?: object } = {}): string {
	const head = b64(options.header ?? { alg: 'HS256', typ: 'JWT' });
	const payload = b64(claims);
	const mac = createHmac('sha256', options.secret ?? SECRET).update(`${head}.${payload}`).digest('base64url');
	return `${head}.${payload}.${mac}`;
}
const claims = (extra: Record<string, unknown> = {}) => ({
	iat: NOW.getTime() - 1000,
	exp: Math.floor(NOW.getTime() / 1000) + 3599,
	iss: 'Sage Intacct',
	tenant_id: 'abc.app.sage.com',
	app_id: 'abc.app.sage.com',
	payload_signature: createHash('sha256').update(BODY).digest('hex'),
	payload_signature_alg: 'SHA-256',
	...extra,
});
const verify = (signature: string | undefined, rawBody = BODY, now = NOW) => verifyWebhookSignature({ signature, rawBody, secret: SECRET, now });

it('accepts a token signed with the client secret over the exact bytes', () => {
	const verdict = verify(token(claims()));
	expect(verdict).toMatchObject({ ok: true, claims: { iss: 'Sage Intacct', tenant_id: 'abc.app.sage.com' } });
});

it.each([
	['a changed body', () => verify(token(claims()), Buffer.from(BODY.toString().replace('1250.50', '9250.50'))), 'body-mismatch'],
	['the same JSON re-serialised (whitespace)', () => verify(token(claims()), Buffer.from(JSON.stringify(JSON.parse(BODY.toString()), null, 1))), 'body-mismatch'],
	['another secret', () => verify(token(claims(), { secret: 'not-the-secret' })), 'bad-signature'],
	['an expired token', () => verify(token(claims({ exp: Math.floor(NOW.getTime() / 1000) - 61 }))), 'expired'],
	['no exp', () => verify(token(claims({ exp: undefined }))), 'expired'],
	['another issuer', () => verify(token(claims({ iss: 'Sage Intacct Evil' }))), 'wrong-issuer'],
	['no payload_signature', () => verify(token(claims({ payload_signature: undefined }))), 'missing-payload-signature'],
	['alg none', () => verify(token(claims(), { header: { alg: 'none' } })), 'unsupported-algorithm'],
	['alg HS512', () => verify(token(claims(), { header: { alg: 'HS512' } })), 'unsupported-algorithm'],
	['a token issued in the future', () => verify(token(claims({ iat: NOW.getTime() + 3_600_000 }))), 'not-yet-valid'],
	['no header', () => verify(undefined), 'missing-signature'],
	['garbage', () => verify('not a token'), 'malformed-token'],
	['a truncated signature', () => verify(token(claims()).slice(0, -4)), 'bad-signature'],
])('refuses %s', (_name, run, problem) => {
	const verdict = run();
	expect(verdict).toMatchObject({ ok: false, problem });
});

it('tolerates 60 s of clock skew on exp, not more', () => {
	const exp = Math.floor(NOW.getTime() / 1000) - 30;
	expect(verify(token(claims({ exp }))).ok).toBe(true);
	expect(verify(token(claims({ exp })), BODY, new Date(NOW.getTime() + 31_000)).ok).toBe(false);
});

it('reads exp and iat given in epoch milliseconds (the reference lists iat in ms)', () => {
	expect(verify(token(claims({ exp: NOW.getTime() + 60_000 }))).ok).toBe(true);
	expect(verify(token(claims({ exp: NOW.getTime() - 120_000 }))).ok).toBe(false);
});

it('accepts the upper-case hex form of payload_signature', () => {
	expect(verify(token(claims({ payload_signature: createHash('sha256').update(BODY).digest('hex').toUpperCase() }))).ok).toBe(true);
});

it('refuses without a secret, whatever the token', () => {
	expect(verifyWebhookSignature({ signature: token(claims()), rawBody: BODY, secret: '', now: NOW })).toMatchObject({ ok: false, problem: 'missing-secret' });
});

it('never puts the token or the secret in a reason', () => {
	const t = token(claims(), { secret: 'wrong' });
	const verdict = verify(t);
	expect(verdict.ok).toBe(false);
	if (!verdict.ok) {
		expect(verdict.reason).not.toContain(t.split('.')[2]);
		expect(verdict.reason).not.toContain(SECRET);
	}
});

describe('extractToken', () => {
	const t = token(claims());
	it('reads a bare JWT, a Bearer-prefixed one, and base64 context JSON carrying one', () => {
		expect(extractToken(t)).toBe(t);
		expect(extractToken(`Bearer ${t}`)).toBe(t);
		expect(extractToken(Buffer.from(JSON.stringify({ clientId: 'abc.app.sage.com', token: t })).toString('base64'))).toBe(t);
	});
	it('finds nothing in other text', () => {
		expect(extractToken(Buffer.from('{"clientId":"x"}').toString('base64'))).toBeUndefined();
		expect(extractToken('')).toBeUndefined();
	});
});
