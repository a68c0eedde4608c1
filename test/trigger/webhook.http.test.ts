/**
 * The built trigger behind real HTTP (webhookHost.ts: n8n-core's WebhookContext + the execution
 * engine): answers on the wire, and executions started. Requires `npm run build`.
 */
import { buildDocumentTemplate } from '../../nodes/SageIntacctTrigger/documentTemplate';
import { startHostedTrigger, type HostedTrigger } from './webhookHost';
import { ACCESS_KEY, glEntryBody } from './webhookStub';

async function post(url: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
	const response = await fetch(url, { method: 'POST', body, headers });
	return { status: response.status, text: await response.text() };
}

let host: HostedTrigger;
beforeAll(async () => {
	host = await startHostedTrigger({ accessKey: ACCESS_KEY, events: ['created', 'updated'] });
});
afterAll(async () => {
	await host.close();
});

it('serves the production path <base>/webhook/<webhookId>/gl-entry', () => {
	expect(host.url).toMatch(/\/webhook\/[^/]+\/gl-entry$/);
});

it('runs one execution with the clean item and answers 200', async () => {
	const before = host.executions.length;
	const answer = await post(host.url, JSON.stringify(glEntryBody()));
	expect(answer.status).toBe(200);
	expect(host.executions.slice(before)).toEqual([[expect.objectContaining({ event: 'created', recordNo: 5012, amount: 1250.5 })]]);
});

it('answers 401 on the wire for a wrong key and runs nothing', async () => {
	const before = host.executions.length;
	const answer = await post(host.url, JSON.stringify(glEntryBody({}, { accessKey: 'guess' })));
	expect(answer.status).toBe(401);
	expect(answer.text).not.toContain(ACCESS_KEY);
	expect(host.executions.length).toBe(before);
});

it('answers 400 naming the problem for a body that is not JSON', async () => {
	const answer = await post(host.url, 'RECORDNO=12', { 'Content-Type': 'text/plain' });
	expect(answer.status).toBe(400);
	expect(JSON.parse(answer.text).message).toMatch(/not JSON/);
});

it('answers 400 when the pasted template still has merge fields', async () => {
	const raw = buildDocumentTemplate({ event: 'created', userDimension: 'FUNDINGSOURCE', accessKeyInBody: true, accessKey: ACCESS_KEY });
	const answer = await post(host.url, raw);
	expect(answer.status).toBe(400);
	expect(JSON.parse(answer.text).message).toContain('record.RECORDNO');
});

it('acknowledges an event it does not listen to with 200 and no execution', async () => {
	const before = host.executions.length;
	const answer = await post(host.url, JSON.stringify(glEntryBody({ RECORDNO: '77' }, { event: 'deleted' })));
	expect(answer.status).toBe(200);
	expect(host.executions.length).toBe(before);
});
