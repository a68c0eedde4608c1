/**
 * Signed webhook delivery end to end over real HTTP: the sandbox's Platform Services emulation signs
 * each call with its client application's secret (sandbox/platform/webhookSigning.ts, written apart
 * from the node's verifier) and posts it to the BUILT trigger behind n8n-core's WebhookContext and
 * the execution engine (webhookHost.ts). Retries run on the sandbox clock. Requires `npm run build`.
 */
import type { IDataObject } from 'n8n-workflow';

import { buildDocumentTemplate } from '../../nodes/SageIntacctTrigger/documentTemplate';
import { DEMO_CLIENT_APPLICATION } from '../../sandbox/platform/clientApplication';
import { signDelivery } from '../../sandbox/platform/webhookSigning';
import { createJournalEntry, lineRecordNos, startGlSandbox, type GlSandbox } from './sandboxGl';
import { startHostedTrigger, type HostedTrigger } from './webhookHost';

const { clientId, clientSecret } = DEMO_CLIENT_APPLICATION;
const second = 1000;

let gl: GlSandbox;
let host: HostedTrigger | undefined;

function restCredential(secret = clientSecret) {
	return {
		sageIntacctOAuth2Api: {
			clientId,
			clientSecret: secret,
			companyId: gl.sandbox.credentials.companyId,
			userId: gl.sandbox.credentials.userId,
			restBaseUrl: `http://127.0.0.1:${gl.sandbox.port}/ia/api/v1`,
		},
	};
}

async function signedHost(extra: { workflowId?: string; staticData?: IDataObject } = {}): Promise<HostedTrigger> {
	return await startHostedTrigger({ deliveryMode: 'webhookDelivery', intacctTriggers: 'onePerEvent' }, restCredential(), { typeVersion: 2, ...extra });
}

const template = (): string => buildDocumentTemplate({ event: 'created', userDimension: 'FUNDINGSOURCE', accessKeyInBody: false });

function subscribe(url: string, delivery: Record<string, unknown> = {}): void {
	gl.sandbox.platform.subscribe({ object: 'GLENTRY', events: ['create'], url, template: template(), encoding: 'json', webhookDelivery: { clientId, ...delivery } });
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
	const response = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
	return { status: response.status, text: await response.text() };
}

/** A body as Intacct would render the template for one line, signed by the sandbox's signer. */
function signedCall(overrides: { body?: string; secret?: string; issuedAt?: Date; issuer?: string; key?: string } = {}) {
	const body = overrides.body ?? template().replace(/\{!GLENTRY\.RECORDNO!\}/, '9001').replace(/\{![A-Z0-9_.]+!\}/g, '');
	const token = signDelivery({ body, clientId, clientSecret: overrides.secret ?? clientSecret, issuedAt: overrides.issuedAt ?? new Date(), issuer: overrides.issuer });
	return { body, headers: { 'X-IA-Sage-Signature': token, Authorization: `Bearer ${token}`, 'X-IdempotencyKey': overrides.key ?? `key-${Math.random()}` } };
}

beforeEach(async () => {
	gl = await startGlSandbox({ webhookRetryClock: 'sandbox' });
});
afterEach(async () => {
	await gl.sandbox.close();
	await host?.close();
	host = undefined;
});

describe('a signed delivery from the sandbox', () => {
	it('starts one run per GL entry line, with the documented headers', async () => {
		host = await signedHost();
		subscribe(host.url);
		const batch = await createJournalEntry(gl, 'Signed supplies');
		await gl.sandbox.platform.idle();
		const lines = await lineRecordNos(gl, batch);
		expect(host.answers).toEqual([200, 200]);
		expect(host.executions.map((items) => String(items[0].recordNo)).sort()).toEqual(lines);
		expect(host.executions.every((items) => items.length === 1 && items[0].event === 'created')).toBe(true);
	});

	it('is refused (401, no run) when signed with another secret', async () => {
		host = await signedHost();
		subscribe(host.url, { forgeWithSecret: 'not-the-client-secret' });
		await createJournalEntry(gl, 'Forged');
		await gl.sandbox.platform.idle();
		expect(host.answers).toEqual([401, 401]);
		expect(host.executions).toEqual([]);
	});

	it('is refused (401, no run) when the issuer is not "Sage Intacct"', async () => {
		host = await signedHost();
		subscribe(host.url, { forgeIssuer: 'Someone Else' });
		await createJournalEntry(gl, 'Wrong issuer');
		await gl.sandbox.platform.idle();
		expect(host.answers).toEqual([401, 401]);
		expect(host.executions).toEqual([]);
	});

	it('refuses the Early Adopter shape it cannot verify and says why', async () => {
		host = await signedHost();
		subscribe(host.url, { style: 'earlyAdopter' });
		await createJournalEntry(gl, 'Early adopter');
		await gl.sandbox.platform.idle();
		expect(host.answers).toEqual([401, 401]);
		expect(host.executions).toEqual([]);
	});
});

describe('hand-made calls against the hosted trigger', () => {
	beforeEach(async () => {
		host = await signedHost();
	});

	it('a valid call starts one run; the same key again answers 200 and starts none', async () => {
		const call = signedCall();
		expect((await post(host!.url, call.body, call.headers)).status).toBe(200);
		expect((await post(host!.url, call.body, call.headers)).status).toBe(200);
		expect(host!.executions).toHaveLength(1);
		expect(host!.executions[0][0].recordNo).toBe(9001);
	});

	it('deduplicates by either spelling of the idempotency key header', async () => {
		const call = signedCall({ key: 'same-key' });
		const { 'X-IdempotencyKey': key, ...rest } = call.headers;
		expect((await post(host!.url, call.body, { ...rest, 'Idempotency-Key': key })).status).toBe(200);
		expect((await post(host!.url, call.body, call.headers)).status).toBe(200);
		expect(host!.executions).toHaveLength(1);
	});

	it.each([
		['a tampered body', () => ({ ...signedCall(), body: signedCall().body.replace('9001', '9002') })],
		['a token signed with another secret', () => signedCall({ secret: 'wrong-secret' })],
		['an expired token', () => signedCall({ issuedAt: new Date(Date.now() - 2 * 3600 * second) })],
		['a token from another issuer', () => signedCall({ issuer: 'Not Sage' })],
		[
			'no X-IA-Sage-Signature header',
			() => {
				const call = signedCall();
				const { 'X-IA-Sage-Signature': _dropped, ...headers } = call.headers;
				return { body: call.body, headers };
			},
		],
	])('%s: 401 and no run', async (_name, make) => {
		const call = make();
		const answer = await post(host!.url, call.body, call.headers as Record<string, string>);
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.text).message).toMatch(/^Unauthorized: /);
		expect(answer.text).not.toContain(clientSecret);
		expect(host!.executions).toEqual([]);
	});

	it('the body is checked byte for byte: the same JSON with other whitespace is refused', async () => {
		const call = signedCall();
		const reformatted = JSON.stringify(JSON.parse(call.body));
		expect((await post(host!.url, reformatted, call.headers)).status).toBe(401);
	});

	it('accepts an Early Adopter call only when its bearer token verifies like a signature', async () => {
		const call = signedCall();
		const context = Buffer.from(JSON.stringify({ clientId })).toString('base64');
		const ok = await post(host!.url, call.body, { Authorization: call.headers.Authorization, 'X-Trusted-Context': context, 'Idempotency-Key': 'ea-1' });
		expect(ok.status).toBe(200);
		const bad = await post(host!.url, call.body, { Authorization: 'Bearer opaque-token', 'X-Trusted-Context': context, 'Idempotency-Key': 'ea-2' });
		expect(bad.status).toBe(401);
		expect(JSON.parse(bad.text).message).toContain('Early Adopter');
		expect(host!.executions).toHaveLength(1);
	});
});

describe('retries and restarts', () => {
	it('a delivery retried after a 500 starts exactly one run, 10 s later on the sandbox clock', async () => {
		host = await signedHost();
		subscribe(host.url);
		host.failNext('before', 'after');
		await createJournalEntry(gl, 'Retried');
		await gl.sandbox.platform.idle();
		gl.sandbox.clock.advance(10 * second);
		await gl.sandbox.platform.idle();
		const records = gl.sandbox.platform.deliveries();
		expect(records.map((r) => r.delivered)).toEqual([true, true]);
		for (const r of records) {
			expect(r.attempts.length).toBe(2);
			expect(r.attempts[1].at.getTime() - r.attempts[0].at.getTime()).toBeGreaterThanOrEqual(10 * second);
		}
		expect(host.executions).toHaveLength(2);
	});

	it('a key processed before an n8n restart still starts nothing after it (static data)', async () => {
		host = await signedHost();
		const call = signedCall();
		expect((await post(host.url, call.body, call.headers)).status).toBe(200);
		const saved = host.staticData();
		await host.close();
		host = await signedHost({ workflowId: 'wf-after-restart', staticData: saved });
		expect((await post(host.url, call.body, call.headers)).status).toBe(200);
		expect(host.executions).toEqual([]);
	});
});
