/**
 * Secrets of the signed webhook path never leak: the REST client secret (the signing key), the
 * trigger's access key credential, the signature JWTs and the OAuth access token the queue drain
 * obtains. Valid, forged, expired and replayed deliveries go through the BUILT trigger over real
 * HTTP, the queue is drained by the BUILT poll trigger; every answer, execution item, static data
 * (saved inside the workflow) and console line goes through the collector. Requires `npm run build`.
 */
import { collector } from './capturedOutput';
import { buildDocumentTemplate } from '../../nodes/SageIntacctTrigger/documentTemplate';
import { signDelivery } from '../../sandbox/platform/webhookSigning';
import { CANARY } from './canarySandbox';
import { createPoller } from '../trigger/pollHost';
import { createJournalEntry, startGlSandbox, type GlSandbox } from '../trigger/sandboxGl';
import { startHostedTrigger, type HostedTrigger } from '../trigger/webhookHost';

const CLIENT_ID = 'canary-client.app.sage.com';
const CLIENT_SECRET = `secret-${CANARY}-client`;
const ACCESS_KEY = `access-key-${CANARY}-0123456789abcdef0123456789`;

let gl: GlSandbox;
const tokens: string[] = [];
const hosts: HostedTrigger[] = [];

beforeAll(async () => {
	gl = await startGlSandbox({ webhookRetryClock: 'sandbox', clientApplications: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
});
afterAll(async () => {
	await gl.sandbox.close();
	for (const h of hosts) await h.close();
	collector.releaseConsole();
});

const restCredential = () => ({
	sageIntacctOAuth2Api: {
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		companyId: gl.sandbox.credentials.companyId,
		userId: gl.sandbox.credentials.userId,
		restBaseUrl: `http://127.0.0.1:${gl.sandbox.port}/ia/api/v1`,
	},
});

async function post(label: string, url: string, body: string, headers: Record<string, string>): Promise<number> {
	const answer = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
	collector.add(label, { status: answer.status, headers: Object.fromEntries(answer.headers), body: await answer.text() });
	return answer.status;
}

it('signed deliveries, forged ones and a drained queue show no client secret, key or token anywhere', async () => {
	const host = await startHostedTrigger({ deliveryMode: 'webhookDelivery', options: { includeRaw: true } }, restCredential(), { typeVersion: 2 });
	hosts.push(host);
	const body = buildDocumentTemplate({ event: 'created', userDimension: '', accessKeyInBody: false })
		.replace('{!GLENTRY.RECORDNO!}', '4242')
		.replace(/\{![A-Z0-9_.]+!\}/g, '');
	const sign = (secret: string, issuedAt = new Date()) => {
		const token = signDelivery({ body, clientId: CLIENT_ID, clientSecret: secret, issuedAt });
		tokens.push(token);
		return { 'X-IA-Sage-Signature': token, Authorization: `Bearer ${token}` };
	};
	expect(await post('valid', host.url, body, { ...sign(CLIENT_SECRET), 'X-IdempotencyKey': 'k1' })).toBe(200);
	expect(await post('replay', host.url, body, { ...sign(CLIENT_SECRET), 'X-IdempotencyKey': 'k1' })).toBe(200);
	expect(await post('forged secret', host.url, body, { ...sign(`${CLIENT_SECRET}x`), 'X-IdempotencyKey': 'k2' })).toBe(401);
	expect(await post('expired', host.url, body, { ...sign(CLIENT_SECRET, new Date(Date.now() - 7_200_000)), 'X-IdempotencyKey': 'k3' })).toBe(401);
	expect(await post('tampered', host.url, body.replace('4242', '4343'), { ...sign(CLIENT_SECRET), 'X-IdempotencyKey': 'k4' })).toBe(401);
	collector.add('webhook executions', host.executions);
	collector.add('webhook static data', JSON.stringify(host.staticData()));
	expect(host.executions).toHaveLength(1);

	// Access key credential (template mode, version 2), right and wrong keys.
	const keyed = await startHostedTrigger({ deliveryMode: 'template', options: { includeRaw: true } }, { sageIntacctTriggerApi: { accessKeySecret: ACCESS_KEY } }, { typeVersion: 2, workflowId: 'wf-keyed' });
	hosts.push(keyed);
	const keyedBody = (key: string) => JSON.stringify({ ...JSON.parse(body), accessKey: key });
	expect(await post('key ok', keyed.url, keyedBody(ACCESS_KEY), { 'Idempotency-Key': 'a1' })).toBe(200);
	expect(await post('key wrong', keyed.url, keyedBody(`${ACCESS_KEY}!`), { 'Idempotency-Key': 'a2' })).toBe(401);
	collector.add('keyed executions', keyed.executions);
	collector.add('keyed static data', JSON.stringify(keyed.staticData()));
	expect(keyed.executions).toHaveLength(1);

	// n8n down: the sandbox queues what it could not deliver; the poll trigger drains it.
	const down = await startHostedTrigger({}, {}, { workflowId: 'wf-down' });
	await down.close();
	gl.sandbox.platform.subscribe({
		object: 'GLENTRY',
		events: ['create'],
		url: down.url,
		template: buildDocumentTemplate({ event: 'created', userDimension: '', accessKeyInBody: false }),
		encoding: 'json',
		webhookDelivery: { clientId: CLIENT_ID },
	});
	await createJournalEntry(gl, 'Canary outage');
	for (const wait of [10_000, 30_000, 90_000]) {
		await gl.sandbox.platform.idle();
		gl.sandbox.clock.advance(wait);
	}
	await gl.sandbox.platform.idle();
	const poller = await createPoller({ source: 'eventQueue' }, restCredential());
	const drained = await poller.poll();
	collector.add('drained', drained);
	collector.add('drain static data', JSON.stringify(poller.staticData()));
	collector.add('drain ack poll', await poller.poll());
	expect(drained).toHaveLength(2);
	// A drain with a wrong client secret: the token grant fails with an error naming no secret.
	const wrong = await createPoller({ source: 'eventQueue' }, { sageIntacctOAuth2Api: { ...restCredential().sageIntacctOAuth2Api, clientSecret: `${CLIENT_SECRET}-wrong` } });
	const failure = await wrong.poll().catch((error: unknown) => error);
	collector.add('wrong secret error', failure);
	expect(failure).toBeInstanceOf(Error);
	expect(String((failure as Error).message)).toMatch(/client ID or client secret/);

	for (const secret of [CLIENT_SECRET, ACCESS_KEY, CANARY, ...tokens.map((t) => t.split('.')[2])]) expect(collector.leaks(secret)).toEqual([]);
});
