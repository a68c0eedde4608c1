import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox } from '../../../../../sandbox';
import type { Sandbox } from '../../../../../sandbox/api';
import { SANDBOX_LOGIN } from '../../../../../sandbox/model/contract';
import { checkCredentials, type CredentialCheck } from '../../../../../nodes/shared/intacct/client/credentialDiagnosis';
import type { IntacctCredentials } from '../../../../../nodes/shared/intacct/core/types';
import { nodeHttpPost } from '../../../../support/nodeHttpPost';

let sandbox: Sandbox;
let htmlServer: http.Server;
let htmlUrl: string;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	htmlServer = http.createServer((_req, res) => {
		res.writeHead(200, { 'Content-Type': 'text/html' });
		res.end('<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>');
	});
	await new Promise<void>((resolve) => htmlServer.listen(0, '127.0.0.1', resolve));
	htmlUrl = `http://127.0.0.1:${(htmlServer.address() as AddressInfo).port}/ia/xml/xmlgw.phtml`;
});
afterAll(async () => {
	await sandbox.close();
	await new Promise((resolve) => htmlServer.close(resolve));
});

async function check(overrides: Partial<IntacctCredentials>): Promise<CredentialCheck> {
	return await checkCredentials({ ...sandbox.credentials, ...overrides }, nodeHttpPost, { timeoutMs: 5_000 });
}

function failed(result: CredentialCheck): { problem: string; message: string } {
	if (result.ok) throw new Error('expected the check to fail');
	return result;
}

describe('credential diagnosis', () => {
	it('accepts the good credential and returns a session', async () => {
		const result = await check({});
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.sessionId).not.toBe('');
		const entity = await check({ userId: SANDBOX_LOGIN.entityUserId, userPassword: SANDBOX_LOGIN.entityUserPassword, entityId: '200' });
		expect(entity).toMatchObject({ ok: true, entityId: '200' });
	});

	it('wrong sender password or unknown sender: points at the Web Services developer licence and subscription', async () => {
		for (const wrong of [{ senderPassword: 'nope' }, { senderId: 'no_such_sender' }]) {
			const { problem, message } = failed(await check(wrong));
			expect(problem).toBe('sender');
			expect(message).toMatch(/Sender ID or Sender Password is wrong/);
			expect(message).toMatch(/Company > Subscriptions/);
			expect(message).toContain('XL03000006');
		}
	});

	it('sender not authorised for the company: points at Web Services Authorization', async () => {
		const { problem, message } = failed(await check({ senderId: 'unauthorised_partner', senderPassword: 'partner-secret' }));
		expect(problem).toBe('senderNotAuthorised');
		expect(message).toContain('Company > Setup > Company > Security > Web Services Authorization');
	});

	it('wrong company ID (control-level invalidRequest): says the Company ID is the wrong part and where to find it', async () => {
		const { problem, message } = failed(await check({ companyId: 'OTHERCO' }));
		expect(problem).toBe('company');
		expect(message).toMatch(/Company ID is not a company Intacct knows/);
		expect(message).toContain('Company Information');
		expect(message).toContain('invalidRequest');
	});

	it('wrong user password or user (HTTP 401 XMLGW_JPP0002): points at Web Services Users and Company Information', async () => {
		for (const wrong of [{ userPassword: 'nope' }, { userId: 'nobody' }]) {
			const { problem, message } = failed(await check(wrong));
			expect(problem).toBe('login');
			expect(message).toContain('Company > Admin > Web Services Users');
			expect(message).toContain('Company Information');
		}
		expect(failed(await check({ companyId: 'HOPE WELL' }))).toMatchObject({ problem: 'login' });
	});

	it('wrong entity: says the entity is the wrong part when the top level accepts the user', async () => {
		const { problem, message } = failed(await check({ entityId: '999' }));
		expect(problem).toBe('entity');
		expect(message).toContain('Entity ID "999"');
		expect(message).toMatch(/empty for the top level/);
	});

	it('a user restricted to another entity: mentions both the sign-in and the entity', async () => {
		const { problem, message } = failed(
			await check({ userId: SANDBOX_LOGIN.entityUserId, userPassword: SANDBOX_LOGIN.entityUserPassword, entityId: '100' }),
		);
		expect(problem).toBe('login');
		expect(message).toContain('Entity ID "100"');
	});

	it('endpoint refused, not found (404), HTML page, not a URL', async () => {
		const closed = http.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		const refused = failed(await check({ endpointUrl: `http://127.0.0.1:${port}/ia/xml/xmlgw.phtml` }));
		expect(refused.problem).toBe('endpoint');
		expect(refused.message).toMatch(/refused the connection/);

		const notFound = failed(await check({ endpointUrl: sandbox.url.replace('/ia/xml/xmlgw.phtml', '/nothing') }));
		expect(notFound.problem).toBe('endpoint');
		expect(notFound.message).toMatch(/does not look like the Intacct XML gateway: it answered with HTTP 404/);

		const html = failed(await check({ endpointUrl: htmlUrl }));
		expect(html.problem).toBe('endpoint');
		expect(html.message).toMatch(/an HTML page/);

		expect(failed(await check({ endpointUrl: 'ftp://example.com' })).problem).toBe('endpoint');
	});

	it('an endpoint that never answers or is down: says so, names the Endpoint URL, and no password leaks', async () => {
		sandbox.faults.add({ action: { type: 'hang' } });
		const hung = failed(await checkCredentials(sandbox.credentials, nodeHttpPost, { timeoutMs: 300 }));
		expect(hung.problem).toBe('unavailable');
		expect(hung.message).toMatch(/did not answer in time\. Check the Endpoint URL/);
		sandbox.faults.add({ action: { type: 'status', status: 503, body: 'xml' } });
		const down = failed(await check({}));
		expect(down.problem).toBe('unavailable');
		expect(down.message).toMatch(/unavailable right now \(HTTP 503\); try again later/);
		for (const message of [hung.message, down.message]) {
			expect(message).not.toContain(sandbox.credentials.senderPassword);
			expect(message).not.toContain(sandbox.credentials.userPassword);
		}
		sandbox.faults.clear();
	});

	it('missing fields are named', async () => {
		expect(failed(await check({ userPassword: '' }))).toMatchObject({ problem: 'missingField', message: 'Fill in: userPassword.' });
	});
});
