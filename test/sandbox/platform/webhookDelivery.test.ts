/**
 * The sandbox's signed webhook delivery (GA "Use webhook delivery", docs/fidelity-webhooks.md):
 * headers and signature checked here from the reference's words with node:crypto, the retry
 * schedule on the sandbox clock, and the event queue for what could not be delivered.
 */
import { createHash, createHmac } from 'node:crypto';
import type { Sandbox, TriggerSubscription } from '../../../sandbox/api';
import { DEMO_CLIENT_APPLICATION } from '../../../sandbox/platform/clientApplication';
import { createSandboxClock } from '../../../sandbox/protocol/sandboxClock';
import { serveCompany } from '../../../sandbox/protocol/serveCompany';
import { call, fn } from '../protocol/gatewayClient';
import { scriptedCompany } from '../protocol/scriptedCompany';
import { type WebhookReceiver, startWebhookReceiver } from '../protocol/webhookReceiver';

const { clientId, clientSecret } = DEMO_CLIENT_APPLICATION;
let sandbox: Sandbox;
let receiver: WebhookReceiver;
beforeEach(async () => {
	sandbox = await serveCompany(scriptedCompany(), createSandboxClock(new Date('2026-03-02T10:00:00Z')), { webhookRetryClock: 'sandbox' });
	receiver = await startWebhookReceiver();
});
afterEach(async () => {
	await sandbox.close();
	await receiver.close();
});

const subscription = (extra: Partial<TriggerSubscription> = {}): TriggerSubscription => ({
	object: 'GLENTRY',
	events: ['create'],
	url: receiver.url,
	template: '{"recordno":"{!GLENTRY.RECORDNO!}","memo":"{!GLENTRY.DESCRIPTION!}"}',
	encoding: 'json',
	webhookDelivery: { clientId },
	...extra,
});
const write = (id: string) => `<write><id>${id}</id><amount>1.00</amount><description>café</description></write>`;

it('signs each call HS256 with the client secret over the exact body, with the documented claims and headers', async () => {
	sandbox.platform.subscribe(subscription());
	await call(sandbox.url, fn('w', write('7')));
	await sandbox.platform.idle();
	const [post] = receiver.received;
	const token = String(post.headers['x-ia-sage-signature']);
	const [header, payload, mac] = token.split('.');
	expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'HS256' });
	expect(createHmac('sha256', clientSecret).update(`${header}.${payload}`).digest('base64url')).toBe(mac);
	const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
	expect(claims).toMatchObject({
		iss: 'Sage Intacct',
		tenant_id: clientId,
		payload_signature: createHash('sha256').update(Buffer.from(post.body, 'utf8')).digest('hex'),
		payload_signature_alg: 'SHA-256',
	});
	// iat in epoch ms on the sandbox clock (which started at 10:00:00 and ticks in real time).
	expect(claims.iat - new Date('2026-03-02T10:00:00Z').getTime()).toBeGreaterThanOrEqual(0);
	expect(claims.iat - new Date('2026-03-02T10:00:00Z').getTime()).toBeLessThan(30_000);
	expect(claims.exp - Math.floor(claims.iat / 1000)).toBe(3600);
	expect(post.headers['authorization']).toMatch(/^Bearer \S+$/);
	expect(post.headers['x-idempotencykey']).toMatch(/^[0-9a-f-]{36}$/);
	const context = JSON.parse(Buffer.from(String(post.headers['x-clientcontext']), 'base64').toString());
	expect(Object.keys(context).sort()).toEqual(['COMPANY', 'DOCTYPE', 'ENTITY', 'EVENT', 'EVENTNAME', 'ID', 'OBJECTNAME', 'RESTOBJECTNAME', 'USER', 'VID'].sort());
	expect(context).toMatchObject({ OBJECTNAME: 'GLENTRY', EVENT: 'after_create', ENTITY: false });
});

it('spells the key header Idempotency-Key when asked', async () => {
	sandbox.platform.subscribe(subscription({ webhookDelivery: { clientId, idempotencyHeader: 'Idempotency-Key' } }));
	await call(sandbox.url, fn('w', write('7')));
	await sandbox.platform.idle();
	expect(receiver.received[0].headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
	expect(receiver.received[0].headers['x-idempotencykey']).toBeUndefined();
});

it('refuses a client ID that is not a registered client application', () => {
	expect(() => sandbox.platform.subscribe(subscription({ webhookDelivery: { clientId: 'unknown.app.sage.com' } }))).toThrow(/client application/);
});

it('retries 10 s, 30 s and 90 s later on the sandbox clock, with the same key, then queues the event', async () => {
	receiver.respondWith([503, 500, 429, 504]);
	sandbox.platform.subscribe(subscription());
	await call(sandbox.url, fn('w', write('1')));
	await sandbox.platform.idle();
	expect(receiver.received).toHaveLength(1);
	// The sandbox clock also ticks in real time: stay clear of the due time by a few seconds.
	sandbox.clock.advance(5_000);
	await sandbox.platform.idle();
	expect(receiver.received).toHaveLength(1);
	for (const step of [5_000, 30_000, 90_000]) {
		sandbox.clock.advance(step);
		await sandbox.platform.idle();
	}
	const [record] = sandbox.platform.deliveries();
	const t0 = record.attempts[0].at.getTime();
	const offsets = record.attempts.map((a) => a.at.getTime() - t0);
	[0, 10_000, 40_000, 130_000].forEach((expected, i) => {
		expect(offsets[i]).toBeGreaterThanOrEqual(expected);
		expect(offsets[i]).toBeLessThan(expected + 5_000);
	});
	expect(new Set(receiver.received.map((r) => r.headers['x-idempotencykey'])).size).toBe(1);
	expect(record.delivered).toBe(false);
	expect(record.queuedAs).toBeDefined();
	expect(sandbox.platform.queuedCount(clientId)).toBe(1);
});

it('queues an event refused with a status it does not retry (no retry)', async () => {
	receiver.respondWith([401]);
	sandbox.platform.subscribe(subscription());
	await call(sandbox.url, fn('w', write('1')));
	await sandbox.platform.idle();
	expect(sandbox.platform.deliveries()[0].attempts.map((a) => a.status)).toEqual([401]);
	expect(sandbox.platform.queuedCount(clientId)).toBe(1);
});

it('does not queue a delivered event', async () => {
	sandbox.platform.subscribe(subscription());
	await call(sandbox.url, fn('w', write('1')));
	await sandbox.platform.idle();
	expect(sandbox.platform.queuedCount(clientId)).toBe(0);
});
