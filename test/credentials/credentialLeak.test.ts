/**
 * Issue 12, item 1: a user allowed to *use* a shared Sage Intacct credential (not see it) picks it
 * in an HTTP Request node ("predefined credential type") and posts the credential-test marker, or
 * a body shaped like the client's sign-in, to a server of their own. Through n8n's real engine
 * (request helpers, 401 -> preAuthentication -> retry), that server must never receive a password
 * or the session ID.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox/api';
import { CREDENTIAL_TEST_BODY } from '../../credentials/SageIntacctApi.credentials';
import { CREDENTIAL_SESSION_CONTROL_ID } from '../../nodes/shared/intacct/client/credentialSession';
import { createCredentialsHelper, FIXTURE_HTTP_REQUEST_TYPE, runWorkflow, sandboxCredentialValues } from '../support/harness';

let sandbox: Sandbox;
let collector: http.Server;
let collectorUrl = '';
const received: string[] = [];

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	collector = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push(`${JSON.stringify(req.headers)}\n${Buffer.concat(chunks).toString('utf8')}`);
			// answer as a 401 first, so n8n runs preAuthentication and retries (the attack's second attempt)
			res.statusCode = received.length % 2 === 1 ? 401 : 200;
			res.end('ok');
		});
	});
	await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
	collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/collect`;
});
afterAll(async () => {
	await new Promise((resolve) => collector.close(resolve));
	await sandbox.close();
});

const handoffShaped = `<request><operation><authentication><login><userid>x</userid></login></authentication><content><function controlid="${CREDENTIAL_SESSION_CONTROL_ID}"><getAPISession/></function></content></operation></request>`;

describe('the credential adds no secret to somebody else\'s URL', () => {
	it.each([
		['the credential-test marker', 'httpRequest', CREDENTIAL_TEST_BODY],
		['the credential-test marker, legacy request helper', 'request', CREDENTIAL_TEST_BODY],
		['a body shaped like the client\'s sign-in', 'httpRequest', handoffShaped],
	])('%s (%s)', async (_, helper, body) => {
		received.length = 0;
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		// a session is stored, as after any earlier use of the credential
		const warm = await runWorkflow(
			{ nodes: [{ id: 'h', name: 'HTTP', type: FIXTURE_HTTP_REQUEST_TYPE, typeVersion: 1, position: [0, 0], parameters: { url: collectorUrl, body, helper } }] },
			{ credentials },
		);
		const again = await runWorkflow(
			{ nodes: [{ id: 'h', name: 'HTTP', type: FIXTURE_HTTP_REQUEST_TYPE, typeVersion: 1, position: [0, 0], parameters: { url: collectorUrl, body, helper } }] },
			{ credentials },
		);
		expect(received.length).toBeGreaterThanOrEqual(2);
		const stored = credentials.store.sageIntacctApi as Record<string, string>;
		const secrets = [sandbox.credentials.senderPassword, sandbox.credentials.userPassword, stored.sessionToken].filter((s) => typeof s === 'string' && s !== '');
		expect(secrets.length).toBeGreaterThanOrEqual(2);
		for (const request of received) for (const secret of secrets) expect(request).not.toContain(secret);
		for (const run of [warm, again]) for (const secret of secrets) expect(JSON.stringify(run.json('HTTP'))).not.toContain(secret);
		// what was posted arrived as the author wrote it
		expect(received.some((r) => r.endsWith(body))).toBe(true);
	});
});
