/** §9, §12.25: Platform Services HTTP-post triggers with webhook delivery, through real HTTP both ways. */
import { createHmac } from 'node:crypto';
import type { Sandbox, TriggerSubscription } from '../../../sandbox/api';
import { mergeTemplate } from '../../../sandbox/platform/mergeTemplate';
import { SANDBOX_WEBHOOK_SIGNING_SECRET } from '../../../sandbox/platform/webhookToken';
import { createSandboxClock } from '../../../sandbox/protocol/sandboxClock';
import { serveCompany } from '../../../sandbox/protocol/serveCompany';
import { call, fn } from './gatewayClient';
import { scriptedCompany } from './scriptedCompany';
import { type WebhookReceiver, startWebhookReceiver } from './webhookReceiver';

let sandbox: Sandbox;
let receiver: WebhookReceiver;
beforeEach(async () => {
	sandbox = await serveCompany(scriptedCompany(), createSandboxClock(), { webhookTimeScale: 0.001 });
	receiver = await startWebhookReceiver();
});
afterEach(async () => {
	await sandbox.close();
	await receiver.close();
});

const TEMPLATE = '{"recordno":"{!GLENTRY.RECORDNO!}","amount":{!GLENTRY.AMOUNT!},"memo":"{!GLENTRY.DESCRIPTION!}","missing":"{!GLENTRY.NOPE!}"}';
const subscription = (extra: Partial<TriggerSubscription> = {}): TriggerSubscription => ({
	object: 'GLENTRY',
	events: ['create', 'update', 'delete'],
	url: receiver.url,
	template: TEMPLATE,
	encoding: 'json',
	...extra,
});
const write = (id: string, description = 'memo'): string =>
	`<write><id>${id}</id><amount>12.50</amount><description>${description}</description></write>`;

describe('delivery', () => {
	it('POSTs the merged template (JSON-escaped values) with Content-Type and a UUID idempotency key after a committed create', async () => {
		sandbox.platform.subscribe(subscription({ headers: { 'X-Shared-Secret': 's3cret' } }));
		await call(sandbox.url, fn('w', write('77', 'say &quot;hi&quot; \\ ok')));
		await sandbox.platform.idle();
		expect(receiver.received).toHaveLength(1);
		const [post] = receiver.received;
		expect(JSON.parse(post.body)).toEqual({ recordno: '77', amount: 12.5, memo: 'say "hi" \\ ok', missing: '' });
		expect(post.headers['content-type']).toBe('application/json');
		expect(post.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
		expect(post.headers['x-shared-secret']).toBe('s3cret');
		expect(post.headers['authorization']).toBeUndefined();
		const [record] = sandbox.platform.deliveries();
		expect(record).toMatchObject({ delivered: true, idempotencyKey: post.headers['idempotency-key'] });
		expect(record.event).toMatchObject({ object: 'GLENTRY', kind: 'create', recordNo: '77' });
		expect(record.attempts.map((a) => a.status)).toEqual([200]);
	});

	// Early Adopter style (2025 R1 page); the GA signed style is tested in webhookDelivery.test.ts.
	it('with Early Adopter webhook delivery adds a Bearer token and X-Trusted-Context (base64 JSON)', async () => {
		sandbox.platform.subscribe(subscription({ webhookDelivery: { clientId: 'abc123.app.sage.com', style: 'earlyAdopter' } }));
		await call(sandbox.url, fn('w', write('1')), { authentication: '<login><userid>ws_n8n</userid><companyid>HOPEWELL|100</companyid><password>sandbox-user-secret</password></login>' });
		await sandbox.platform.idle();
		const { headers } = receiver.received[0];
		const token = String(headers['authorization']).replace(/^Bearer /, '');
		const [header, payload, signature] = token.split('.');
		expect(createHmac('sha256', SANDBOX_WEBHOOK_SIGNING_SECRET).update(`${header}.${payload}`).digest('base64url')).toBe(signature);
		expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({ aud: 'abc123.app.sage.com', sub: 'HOPEWELL', jti: headers['idempotency-key'] });
		expect(JSON.parse(Buffer.from(String(headers['x-trusted-context']), 'base64').toString())).toEqual({
			clientId: 'abc123.app.sage.com',
			companyId: 'HOPEWELL',
			entityId: '100',
			object: 'GLENTRY',
		});
	});

	it('fires only for the subscribed object and events, and stops after unsubscribe', async () => {
		const other = sandbox.platform.subscribe(subscription({ object: 'APBILL' }));
		const updatesOnly = sandbox.platform.subscribe(subscription({ events: ['update'] }));
		await call(sandbox.url, fn('w', write('1')));
		await sandbox.platform.idle();
		expect(receiver.received).toHaveLength(0);
		sandbox.platform.unsubscribe(other);
		sandbox.platform.unsubscribe(updatesOnly);
		const id = sandbox.platform.subscribe(subscription());
		sandbox.platform.unsubscribe(id);
		await call(sandbox.url, fn('w', write('2')));
		await sandbox.platform.idle();
		expect(receiver.received).toHaveLength(0);
	});
});

describe('retries (408/429/5xx and network errors; 10/30/90 s scaled; 4 attempts)', () => {
	it('retries a 503 and a 429 with the same idempotency key until 200', async () => {
		receiver.respondWith([503, 429]);
		sandbox.platform.subscribe(subscription());
		await call(sandbox.url, fn('w', write('1')));
		await sandbox.platform.idle();
		expect(receiver.received).toHaveLength(3);
		expect(new Set(receiver.received.map((r) => r.headers['idempotency-key'])).size).toBe(1);
		expect(sandbox.platform.deliveries()[0].attempts.map((a) => a.status)).toEqual([503, 429, 200]);
		expect(sandbox.platform.deliveries()[0].delivered).toBe(true);
	});

	it('waits 10 s, 30 s and 90 s (times webhookTimeScale) between attempts', async () => {
		const lines: string[] = [];
		const logged = await serveCompany(scriptedCompany(), createSandboxClock(), { webhookTimeScale: 0.002, log: (line) => lines.push(line) });
		try {
			receiver.respondWith([500, 500, 500, 500]);
			logged.platform.subscribe(subscription());
			await call(logged.url, fn('w', write('1')));
			await logged.platform.idle();
			expect(lines.filter((l) => l.includes('retry in')).map((l) => l.replace(/^.*retry in /, ''))).toEqual(['20ms', '60ms', '180ms']);
		} finally {
			await logged.close();
		}
	});

	it('gives up after 4 attempts', async () => {
		receiver.respondWith([500, 502, 504, 408, 200]);
		sandbox.platform.subscribe(subscription());
		await call(sandbox.url, fn('w', write('1')));
		await sandbox.platform.idle();
		expect(receiver.received).toHaveLength(4);
		expect(sandbox.platform.deliveries()[0]).toMatchObject({ delivered: false });
	});

	it('does not retry other 4xx answers', async () => {
		receiver.respondWith([400]);
		sandbox.platform.subscribe(subscription());
		await call(sandbox.url, fn('w', write('1')));
		await sandbox.platform.idle();
		expect(sandbox.platform.deliveries()[0].attempts.map((a) => a.status)).toEqual([400]);
	});

	it('retries network errors', async () => {
		const closedUrl = receiver.url;
		await receiver.close();
		sandbox.platform.subscribe(subscription({ url: closedUrl }));
		await call(sandbox.url, fn('w', write('1')));
		await sandbox.platform.idle();
		expect(sandbox.platform.deliveries()[0].attempts.map((a) => a.status)).toEqual(['error', 'error', 'error', 'error']);
		receiver = await startWebhookReceiver();
	});

	it('a separate event gets its own idempotency key', async () => {
		sandbox.platform.subscribe(subscription());
		await call(sandbox.url, fn('a', write('1')) + fn('b', write('2')));
		await sandbox.platform.idle();
		const keys = receiver.received.map((r) => r.headers['idempotency-key']);
		expect(keys).toHaveLength(2);
		expect(keys[0]).not.toBe(keys[1]);
	});
});

describe('transactions', () => {
	it('buffers events of a transaction and drops them on rollback', async () => {
		sandbox.platform.subscribe(subscription());
		await call(sandbox.url, fn('a', write('1')) + fn('b', '<fail/>'), { transaction: true });
		await sandbox.platform.idle();
		expect(sandbox.platform.deliveries()).toEqual([]);
		await call(sandbox.url, fn('a', write('1')) + fn('b', write('2')), { transaction: true });
		await sandbox.platform.idle();
		expect(sandbox.platform.deliveries().map((d) => d.event.recordNo)).toEqual(['1', '2']);
	});
});

describe('mergeTemplate', () => {
	const fields = { RECORDNO: '5', DESCRIPTION: 'a<b & "c"', ENTRIES: [{ X: '1' }] };
	it('merges only the trigger object; unknown, nested and related fields are empty; other tokens stay', () => {
		expect(mergeTemplate('{!GLENTRY.RECORDNO!}|{!glentry.recordno!}|{!GLENTRY.NOPE!}|{!GLENTRY.ENTRIES!}|{!GLENTRY.ACCOUNT.TITLE!}|{!GLBATCH.RECORDNO!}|{!EVENT!}', 'GLENTRY', fields, 'json')).toBe(
			'5|5|||||{!EVENT!}',
		);
	});
	it('escapes for XML encoding', () => {
		expect(mergeTemplate('<d>{!GLENTRY.DESCRIPTION!}</d>', 'GLENTRY', fields, 'xml')).toBe('<d>a&lt;b &amp; &quot;c&quot;</d>');
	});
});
