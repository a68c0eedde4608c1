/**
 * Nothing lost: while n8n is down, the sandbox's webhook delivery tries each event 4 times (10/30/90 s
 * on the sandbox clock) and then keeps it in the client application's event queue. The BUILT poll
 * trigger (Source: Event Queue, n8n-core PollContext, the REST credential's real token grant) then
 * emits every missed event once, oldest first, and acknowledges it on the next poll, after the
 * workflow had it. Requires `npm run build`.
 */
import { buildDocumentTemplate } from '../../nodes/SageIntacctTrigger/documentTemplate';
import { DEMO_CLIENT_APPLICATION } from '../../sandbox/platform/clientApplication';
import { createPoller, type Poller } from './pollHost';
import { createJournalEntry, lineRecordNos, startGlSandbox, type GlSandbox } from './sandboxGl';
import { startHostedTrigger } from './webhookHost';

const { clientId, clientSecret } = DEMO_CLIENT_APPLICATION;
const second = 1000;
let gl: GlSandbox;

beforeEach(async () => {
	gl = await startGlSandbox({ webhookRetryClock: 'sandbox' });
});
afterEach(async () => {
	await gl.sandbox.close();
});

const restBase = () => `http://127.0.0.1:${gl.sandbox.port}/ia/api/v1`;
const restCredential = () => ({
	sageIntacctOAuth2Api: { clientId, clientSecret, companyId: gl.sandbox.credentials.companyId, userId: gl.sandbox.credentials.userId, restBaseUrl: restBase() },
});

async function queueCount(): Promise<number> {
	const token = await fetch(`${restBase()}/oauth2/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, username: 'ws_n8n@HOPEWELL' }).toString(),
	}).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
	const answer = (await fetch(`${restBase()}/services/delivery/event/count`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.json())) as {
		'ia::result': { count: number };
	};
	return answer['ia::result'].count;
}

/** n8n is down: every attempt fails; walk the sandbox clock through 10 s, 30 s and 90 s. */
async function outage(): Promise<string[]> {
	const down = await startHostedTrigger({}, {});
	const url = down.url;
	await down.close();
	gl.sandbox.platform.subscribe({
		object: 'GLENTRY',
		events: ['create'],
		url,
		template: buildDocumentTemplate({ event: 'created', userDimension: 'FUNDINGSOURCE', accessKeyInBody: false }),
		encoding: 'json',
		webhookDelivery: { clientId },
	});
	const first = await createJournalEntry(gl, 'Missed while down (1)');
	const second2 = await createJournalEntry(gl, 'Missed while down (2)');
	for (const wait of [10, 30, 90]) {
		await gl.sandbox.platform.idle();
		gl.sandbox.clock.advance(wait * second);
	}
	await gl.sandbox.platform.idle();
	return [...(await lineRecordNos(gl, first)), ...(await lineRecordNos(gl, second2))];
}

async function drainPoller(): Promise<Poller> {
	return await createPoller({ source: 'eventQueue', eventsPerPoll: 100 }, restCredential());
}

it('keeps every event n8n missed after 4 attempts, then drains each once, in order, acknowledging after emitting', async () => {
	const lines = await outage();
	expect(gl.sandbox.platform.deliveries().map((d) => d.attempts.length)).toEqual([4, 4, 4, 4]);
	expect(await queueCount()).toBe(4);

	const poller = await drainPoller();
	const first = await poller.poll();
	expect(first?.map((i) => (i.payload as { record: { RECORDNO: string } }).record.RECORDNO)).toEqual(lines);
	expect(new Set(first?.map((i) => i.idempotencyKey))).toEqual(new Set(gl.sandbox.platform.deliveries().map((d) => d.idempotencyKey)));
	// Not acknowledged yet: the workflow has not had them until this poll returned.
	expect(await queueCount()).toBe(4);

	expect(await poller.poll()).toBeNull();
	expect(await queueCount()).toBe(0);
	expect(await poller.poll()).toBeNull();
});

it('an event listed again after a lost acknowledgement is acknowledged, not emitted twice', async () => {
	await outage();
	const poller = await drainPoller();
	expect(await poller.poll()).toHaveLength(4);
	// The acknowledgement never happened (n8n stopped right after the poll).
	(poller.staticData().eventQueue as { pendingAck: string[] }).pendingAck = [];
	expect(await poller.poll()).toBeNull();
	expect(await queueCount()).toBe(0);
});

it('"Fetch test event" shows the oldest queued event without acknowledging it', async () => {
	await outage();
	const poller = await drainPoller();
	const sample = await poller.fetchTestEvent();
	expect(sample).toHaveLength(1);
	expect(await queueCount()).toBe(4);
});

it('refuses the queue to a token of another client or none', async () => {
	const answer = await fetch(`${restBase()}/services/delivery/event/count`, { headers: { Authorization: 'Bearer forged' } });
	expect(answer.status).toBe(401);
});
