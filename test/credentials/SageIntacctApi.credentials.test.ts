import * as http from 'node:http';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox/api';
import { CREDENTIAL_TEST_BODY, SageIntacctApi, SignInRequired, signInFingerprint, signedInWith } from '../../credentials/SageIntacctApi.credentials';
import { parseXmlDocument } from '../../nodes/shared/intacct/xml/xmlParser';
import { CREDENTIAL_SESSION_CONTROL_ID, CredentialSessionHandoff } from '../../nodes/shared/intacct/client/credentialSession';
import { getAPISession } from '../../nodes/shared/intacct/xml/functions';
import { writeRequest } from '../../nodes/shared/intacct/xml/requestWriter';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
	await sandbox.close();
});

/** Enough of n8n's helpers.httpRequest (returnFullResponse, ignoreHttpStatusErrors, text) to run preAuthentication. */
async function httpRequest(options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> {
	return await new Promise((resolve, reject) => {
		const req = http.request(options.url, { method: options.method, headers: options.headers as http.OutgoingHttpHeaders, timeout: options.timeout }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
		});
		req.on('error', reject);
		req.end(String(options.body ?? ''));
	});
}

function data(overrides: Record<string, string> = {}): ICredentialDataDecryptedObject {
	return { ...sandbox.credentials, ...overrides };
}

const credential = new SageIntacctApi();
const preAuthentication = (values: ICredentialDataDecryptedObject) =>
	credential.preAuthentication.call({ helpers: { httpRequest } } as never, values);

describe('SageIntacctApi credential', () => {
	it('has the public names, password fields and the hidden expirable session', () => {
		expect(credential.name).toBe('sageIntacctApi');
		expect(credential.displayName).toBe('Sage Intacct API');
		expect(credential.properties.map((p) => p.name)).toEqual(['companyId', 'entityId', 'senderId', 'senderPassword', 'userId', 'userPassword', 'endpointUrl', 'sessionToken', 'sessionEndpoint', 'sessionSecretFingerprint', 'sessionSignedInAt']);
		const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		expect(byName.senderPassword.typeOptions?.password).toBe(true);
		expect(byName.userPassword.typeOptions?.password).toBe(true);
		expect(byName.sessionToken).toMatchObject({ type: 'hidden', typeOptions: { expirable: true, password: true } });
		expect(byName.sessionSecretFingerprint).toMatchObject({ type: 'hidden', typeOptions: { password: true } });
		expect(byName.sessionEndpoint).toMatchObject({ type: 'hidden', default: '' });
		// n8n re-runs preAuthentication when THE expirable property is empty: only the session ID is.
		expect(credential.properties.filter((p) => p.typeOptions?.expirable === true).map((p) => p.name)).toEqual(['sessionToken']);
		expect(byName.endpointUrl.default).toBe('https://api.intacct.com/ia/xml/xmlgw.phtml');
		expect(credential.documentationUrl).toBe('https://github.com/n8n-nodes-sage-intacct/n8n-nodes-sage-intacct#credentials');
		expect(credential.icon).toEqual({ light: 'file:../nodes/SageIntacct/sageIntacct.svg', dark: 'file:../nodes/SageIntacct/sageIntacct.dark.svg' });
	});

	it('preAuthentication signs in and returns the session ID and its endpoint', async () => {
		const output = await preAuthentication(data());
		expect(typeof output.sessionToken).toBe('string');
		expect(output.sessionToken).not.toBe('');
		expect(String(output.sessionEndpoint)).toMatch(/^https?:\/\//);
		expect(sandbox.stats.functions.getAPISession).toBeGreaterThanOrEqual(1);
	});

	it('preAuthentication fails with a message saying which part is wrong', async () => {
		await expect(preAuthentication(data({ senderPassword: 'nope' }))).rejects.toThrow(/Sender ID or Sender Password is wrong/);
		await expect(preAuthentication(data({ userPassword: 'nope' }))).rejects.toThrow(/Web Services Users/);
		await expect(preAuthentication(data({ senderId: 'unauthorised_partner', senderPassword: 'partner-secret' }))).rejects.toThrow(/Web Services Authorization/);
		await expect(preAuthentication(data({ entityId: '999' }))).rejects.toThrow(/Entity ID "999"/);
	});

	it('authenticate sets the XML content type and turns the test placeholder into a sign-in envelope', async () => {
		if (typeof credential.authenticate !== 'function') throw new Error('expected the function form');
		const nasty = `p&ss<'">`;
		const options = await credential.authenticate(await signedIn(data({ userPassword: nasty })), { url: sandbox.url, method: 'POST', body: CREDENTIAL_TEST_BODY });
		expect(options.headers?.['Content-Type']).toBe('application/xml; charset=utf-8');
		const root = parseXmlDocument(String(options.body));
		const login = root.children[1].children[0].children[0];
		expect(login.name).toBe('login');
		expect(login.children.find((c) => c.name === 'password')?.text).toBe(nasty);
		const other = await credential.authenticate(data(), { url: sandbox.url, body: '<request/>' });
		expect(other.body).toBe('<request/>');
	});

	it('the test request, once authenticated, gets a successful answer from the gateway', async () => {
		if (typeof credential.authenticate !== 'function') throw new Error('expected the function form');
		expect(credential.test.request).toMatchObject({ method: 'POST', url: '={{$credentials.endpointUrl}}', body: CREDENTIAL_TEST_BODY });
		const options = await credential.authenticate(await signedIn(data()), { url: sandbox.url, method: 'POST', body: credential.test.request.body as string });
		const response = await httpRequest(options);
		expect(response.statusCode).toBe(200);
		expect(String(response.body)).toContain('<status>success</status>');
	});

	it('authenticate hands its session to the client\'s own sign-in instead of letting a second one go out', async () => {
		if (typeof credential.authenticate !== 'function') throw new Error('expected the function form');
		const signIn = writeRequest({
			senderId: 's',
			senderPassword: 'p',
			controlId: 'c',
			uniqueId: false,
			transaction: false,
			authentication: { kind: 'login', userId: 'u', companyId: 'c', password: 'p', entityId: '' },
			functions: [{ ...getAPISession(), controlId: CREDENTIAL_SESSION_CONTROL_ID }],
		});
		const handoff = await credential.authenticate(await signedIn(data({ sessionToken: 'sess-1', sessionEndpoint: 'https://gw.example/xml' })), { url: sandbox.url, body: signIn }).then(
			() => undefined,
			(error: unknown) => error,
		);
		expect(handoff).toBeInstanceOf(CredentialSessionHandoff);
		expect(handoff).toMatchObject({ sessionId: 'sess-1', endpoint: 'https://gw.example/xml' });
		expect((handoff as Error).message).not.toContain('sess-1');
		// No session yet, or any other request: sent as it is.
		expect((await credential.authenticate(data({ sessionToken: '' }), { url: sandbox.url, body: signIn })).body).toBe(signIn);
		const other = signIn.replace(CREDENTIAL_SESSION_CONTROL_ID, 'a-random-control-id');
		expect((await credential.authenticate(await signedIn(data({ sessionToken: 'sess-1' })), { url: sandbox.url, body: other })).body).toBe(other);
		// A session signed in with other values (the password was changed since) is not handed over.
		const changed = { ...(await signedIn(data({ sessionToken: 'sess-1' }))), userPassword: 'changed' };
		expect((await credential.authenticate(changed, { url: sandbox.url, body: signIn })).body).toBe(signIn);
	});

	it('adds no secret to a request for any URL but the credential\'s own endpoints (issue 12, item 1)', async () => {
		if (typeof credential.authenticate !== 'function') throw new Error('expected the function form');
		const values = await signedIn(data({ sessionToken: 'sess-secret-1', sessionEndpoint: 'https://gw.example/xml' }));
		const elsewhere = [
			'http://127.0.0.1:9/collect',
			sandbox.url.replace('/ia/xml/xmlgw.phtml', '/other'),
			sandbox.url.replace('127.0.0.1', 'localhost'),
			`${sandbox.url}?copy=1`,
			'https://gw.example/xml/../steal',
		];
		for (const url of elsewhere) {
			// the credential-test marker stays a marker: no sign-in envelope, no password
			const test = await credential.authenticate(values, { url, method: 'POST', body: CREDENTIAL_TEST_BODY });
			expect(test.body).toBe(CREDENTIAL_TEST_BODY);
			// a body shaped like the client's sign-in is sent as it is, never answered with the session
			const signIn = `<function controlid="${CREDENTIAL_SESSION_CONTROL_ID}"><getAPISession/></function><login></login>`;
			const passed = await credential.authenticate(values, { url, method: 'POST', body: signIn });
			expect(passed.body).toBe(signIn);
			expect(JSON.stringify(passed)).not.toContain('sess-secret-1');
		}
		// relative URLs resolve against baseURL; the legacy request helper's `uri` counts too
		const viaBase = await credential.authenticate(values, { baseURL: 'http://127.0.0.1:9', url: '/ia/xml/xmlgw.phtml', method: 'POST', body: CREDENTIAL_TEST_BODY });
		expect(viaBase.body).toBe(CREDENTIAL_TEST_BODY);
		const legacy = await credential.authenticate(values, { uri: 'http://127.0.0.1:9/x', method: 'POST', body: CREDENTIAL_TEST_BODY } as unknown as IHttpRequestOptions);
		expect(legacy.body).toBe(CREDENTIAL_TEST_BODY);
		// the session endpoint Intacct returned is the credential's own too
		const handoff = await credential
			.authenticate(values, { url: 'https://gw.example/xml', body: `<function controlid="${CREDENTIAL_SESSION_CONTROL_ID}"><getAPISession/></function><login></login>` })
			.then(() => undefined, (error: unknown) => error);
		expect(handoff).toBeInstanceOf(CredentialSessionHandoff);
	});

	it('the credential test signs in again unless it holds a fresh sign-in made with exactly these values', async () => {
		if (typeof credential.authenticate !== 'function') throw new Error('expected the function form');
		const test = { url: sandbox.url, method: 'POST' as const, body: CREDENTIAL_TEST_BODY };
		// n8n 2.x stores a session after first use and then skips preAuthentication in credential tests:
		// without the 401-shaped signal, a wrong password would test "successful" (HTTP 200 from the gateway).
		const stored = (await preAuthentication(data())) as ICredentialDataDecryptedObject;
		const usedBefore = { ...data(), ...stored, sessionSignedInAt: String(Date.now() - 3_600_000) };
		await expect(credential.authenticate(usedBefore, test)).rejects.toBeInstanceOf(SignInRequired);
		await expect(credential.authenticate({ ...data(), ...stored, userPassword: 'wrong' }, test)).rejects.toMatchObject({ response: { status: 401 } });
		await expect(credential.authenticate(data({ sessionToken: '' }), test)).rejects.toBeInstanceOf(SignInRequired);
		// Right after preAuthentication signed in with these very values, the test request goes out.
		const fresh = await credential.authenticate({ ...data(), ...stored }, test);
		expect(String(fresh.body)).toContain('<login>');
	});

	it('preAuthentication records which values the session was signed in with', async () => {
		const output = await preAuthentication(data());
		const stored = String(output.sessionSecretFingerprint);
		expect(await signedInWith(data(), stored)).toBe(true);
		expect(await signedInWith(data({ userPassword: 'other' }), stored)).toBe(false);
		// salted and slow (scrypt), not a plain hash of the values: the same values never give the same text
		expect(stored).toMatch(/^s1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
		expect(await signInFingerprint(data())).not.toBe(stored);
		const { createHash } = await import('crypto');
		const c = sandbox.credentials;
		const plain = createHash('sha256').update(JSON.stringify([c.endpointUrl, c.companyId, c.entityId, c.senderId, c.senderPassword, c.userId, c.userPassword])).digest('hex');
		expect(stored).not.toContain(plain);
		// an older fingerprint (plain SHA-256) never matches: the session is signed in again
		expect(await signedInWith(data(), plain)).toBe(false);
		expect(Number(output.sessionSignedInAt)).toBeGreaterThan(0);
		expect(JSON.stringify(output)).not.toContain(sandbox.credentials.userPassword);
	});
});

/** The credential as preAuthentication leaves it right after a sign-in with its current values. */
async function signedIn(values: ICredentialDataDecryptedObject): Promise<ICredentialDataDecryptedObject> {
	return {
		sessionToken: 'sess-from-preauth',
		...values,
		sessionSecretFingerprint: await signInFingerprint(values),
		sessionSignedInAt: String(Date.now()),
	};
}
