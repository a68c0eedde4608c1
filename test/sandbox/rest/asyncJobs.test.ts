import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Sandbox, startSandbox } from '../../../sandbox';
import { DEMO_CLIENT_APPLICATION } from '../../../sandbox/rest/clientApplications';
import { clientCredentialsToken, rest, tokenRequest } from './restClient';

describe('REST asynchronous requests (sandbox/rest/asyncJobs.ts)', () => {
	let sandbox: Sandbox;
	let token: string;
	let receiver: Server;
	const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
	let receiverUrl = '';

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, rest: { clientApplications: [{ clientId: 'other.app.sage.com', clientSecret: 'other-secret', name: 'Other', authorisedCompanies: ['HOPEWELL'], redirectUris: [] }] } });
		token = await clientCredentialsToken(sandbox);
		receiver = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
				res.writeHead(200);
				res.end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/async`;
	});
	afterAll(async () => {
		await sandbox.close();
		await new Promise<void>((resolve) => receiver.close(() => resolve()));
	});

	test('Prefer: respond-async answers 202 with a job; the result is signed and delivered; the job reports delivered', async () => {
		const ack = await rest(sandbox, token, 'POST', '/objects/accounts-payable/vendor', { id: 'V-ASYNC', name: 'Async vendor' }, { Prefer: 'respond-async', 'X-IA-Webhook-EndpointURL': receiverUrl });
		expect(ack.status).toBe(202);
		expect(ack.headers.get('retry-after')).toBe('120');
		expect(ack.body['ia::result']).toMatchObject({ state: 'queued', href: `/services/core/async/job-status?jobId=${ack.body['ia::result'].jobId}` });
		let state = '';
		for (let i = 0; i < 100 && state !== 'delivered'; i++) {
			state = (await rest(sandbox, token, 'GET', ack.body['ia::result'].href)).body['ia::result'].state;
			if (state !== 'delivered') await new Promise((r) => setTimeout(r, 20));
		}
		expect(state).toBe('delivered');
		expect(received).toHaveLength(1);
		const delivery = received[0];
		expect(delivery.headers['x-ia-respond-code']).toBe('201');
		expect(delivery.headers['x-ia-sage-signature']).toBe(createHmac('sha256', DEMO_CLIENT_APPLICATION.clientSecret).update(delivery.body).digest('base64url'));
		expect(JSON.parse(delivery.body)['ia::result'].id).toBe('V-ASYNC');
	});

	test('only the application that queued a job may read its status', async () => {
		const ack = await rest(sandbox, token, 'GET', '/objects/company-config/class', undefined, { Prefer: 'respond-async' });
		const other = await tokenRequest(sandbox, { grant_type: 'client_credentials', client_id: 'other.app.sage.com', client_secret: 'other-secret', username: 'ws_n8n@HOPEWELL' });
		const res = await rest(sandbox, other.body.access_token, 'GET', ack.body['ia::result'].href);
		expect(res.status).toBe(404);
		expect(res.body['ia::error'].message).toContain('status could not be found');
	});
});
