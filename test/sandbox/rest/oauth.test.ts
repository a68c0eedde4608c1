import { type Sandbox, startSandbox } from '../../../sandbox';
import { DEMO_CLIENT_APPLICATION, UNAUTHORISED_CLIENT_APPLICATION } from '../../../sandbox/rest/clientApplications';
import { clientCredentialsToken, rest, tokenRequest } from './restClient';

describe('REST OAuth 2.0 (sandbox/rest/oauth.ts)', () => {
	let sandbox: Sandbox;
	const demo = DEMO_CLIENT_APPLICATION;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, rest: { clientApplications: [{ clientId: 'extra.app.sage.com', clientSecret: 'extra-secret', name: 'Extra', authorisedCompanies: ['HOPEWELL'], redirectUris: ['https://n8n.example/rest/oauth2-credential/callback'] }] } });
	});
	afterAll(() => sandbox.close());

	test('client credentials with userId@companyId gives a Bearer JWT that reads records', async () => {
		const res = await tokenRequest(sandbox, { grant_type: 'client_credentials', client_id: demo.clientId, client_secret: demo.clientSecret, username: 'ws_n8n@HOPEWELL' });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 21600 });
		expect(res.body.access_token.split('.')).toHaveLength(3);
		const read = await rest(sandbox, res.body.access_token, 'GET', '/objects/general-ledger/account?size=2');
		expect(read.status).toBe(200);
		expect(read.body['ia::result']).toHaveLength(2);
	});

	test('client credentials accept HTTP Basic client authentication', async () => {
		const basic = Buffer.from(`${demo.clientId}:${demo.clientSecret}`).toString('base64');
		const res = await tokenRequest(sandbox, { grant_type: 'client_credentials', username: 'ws_n8n@HOPEWELL' }, { Authorization: `Basic ${basic}` });
		expect(res.status).toBe(200);
	});

	test('userId@companyId|entityId binds the token to the entity', async () => {
		const token = await clientCredentialsToken(sandbox, 'ws_west@HOPEWELL|200');
		const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
		expect(payload).toMatchObject({ cnyId: 'HOPEWELL', userId: 'ws_west', entityId: '200' });
	});

	test.each([
		['missing client_id', { grant_type: 'client_credentials', username: 'ws_n8n@HOPEWELL' }, 400, 'GW-0037'],
		['two client_ids', { grant_type: 'client_credentials', client_id: [demo.clientId, demo.clientId], client_secret: demo.clientSecret, username: 'ws_n8n@HOPEWELL' }, 400, 'GW-0038'],
		['unknown client', { grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x', username: 'ws_n8n@HOPEWELL' }, 400, 'GW-0011'],
		['wrong secret', { grant_type: 'client_credentials', client_id: demo.clientId, client_secret: 'wrong', username: 'ws_n8n@HOPEWELL' }, 401, 'invalidClient'],
		['bad grant_type', { grant_type: 'password', client_id: demo.clientId, client_secret: demo.clientSecret }, 400, 'GW-0032'],
		['username without company', { grant_type: 'client_credentials', client_id: demo.clientId, client_secret: demo.clientSecret, username: 'ws_n8n' }, 400, 'GW-0012'],
		['empty username', { grant_type: 'client_credentials', client_id: demo.clientId, client_secret: demo.clientSecret, username: ' ' }, 400, 'GW-0036'],
		['two usernames', { grant_type: 'client_credentials', client_id: demo.clientId, client_secret: demo.clientSecret, username: ['a@HOPEWELL', 'b@HOPEWELL'] }, 400, 'GW-0039'],
		['unknown company', { grant_type: 'client_credentials', client_id: demo.clientId, client_secret: demo.clientSecret, username: 'ws_n8n@NOPE' }, 400, 'GW-0011'],
		['client not authorised for the company', { grant_type: 'client_credentials', client_id: UNAUTHORISED_CLIENT_APPLICATION.clientId, client_secret: UNAUTHORISED_CLIENT_APPLICATION.clientSecret, username: 'ws_n8n@HOPEWELL' }, 401, 'XL03000006'],
		['unknown user', { grant_type: 'client_credentials', client_id: demo.clientId, client_secret: demo.clientSecret, username: 'ghost@HOPEWELL' }, 401, 'invalidUser'],
		['unknown entity', { grant_type: 'client_credentials', client_id: demo.clientId, client_secret: demo.clientSecret, username: 'ws_n8n@HOPEWELL|999' }, 401, 'invalidEntity'],
		['entity the user may not use', { grant_type: 'client_credentials', client_id: demo.clientId, client_secret: demo.clientSecret, username: 'ws_west@HOPEWELL|100' }, 401, 'invalidEntity'],
	])('token errors: %s', async (_name, form, status, code) => {
		const res = await tokenRequest(sandbox, form as Record<string, string | string[]>);
		expect(res.status).toBe(status);
		expect(res.body['ia::error'].code).toBe(code);
		expect(JSON.stringify(res.body)).not.toContain(demo.clientSecret);
	});

	test('an empty token request is GW-0035; an unknown oauth2 endpoint is GW-0033', async () => {
		expect((await tokenRequest(sandbox, {})).body['ia::error'].code).toBe('GW-0035');
		const res = await fetch(`${sandbox.rest.baseUrl}/oauth2/revoke`, { method: 'POST' });
		expect(res.status).toBe(404);
		expect(((await res.json()) as { 'ia::error': { code: string } })['ia::error'].code).toBe('GW-0033');
	});

	test('API calls: no Bearer is GW-0034, a forged token GW-0031, an expired one REST-2102 (clock)', async () => {
		expect((await rest(sandbox, '', 'GET', '/objects/general-ledger/account', undefined, { Authorization: 'Token abc' })).body['ia::error'].code).toBe('GW-0034');
		expect((await rest(sandbox, 'a.b.c', 'GET', '/objects/general-ledger/account')).body['ia::error'].code).toBe('GW-0031');
		const token = await clientCredentialsToken(sandbox);
		sandbox.clock.advance(6 * 60 * 60 * 1000 + 1000);
		try {
			const expired = await rest(sandbox, token, 'GET', '/objects/general-ledger/account');
			expect(expired.status).toBe(401);
			expect(expired.body.error).toMatchObject({ code: 'tokenInvalid', errorId: 'REST-2102' });
		} finally {
			sandbox.clock.advance(-(6 * 60 * 60 * 1000 + 1000));
		}
	});

	test('authorization code: authorize redirects with code and state; offline_access adds a rotating refresh token', async () => {
		const redirect = 'https://n8n.example/rest/oauth2-credential/callback';
		const url = `${sandbox.rest.authorizeUrl}?response_type=code&client_id=extra.app.sage.com&redirect_uri=${encodeURIComponent(redirect)}&state=xyz&scope=offline_access`;
		const res = await fetch(url, { redirect: 'manual' });
		expect(res.status).toBe(302);
		const location = new URL(res.headers.get('location') ?? '');
		expect(`${location.origin}${location.pathname}`).toBe(redirect);
		expect(location.searchParams.get('state')).toBe('xyz');
		const code = location.searchParams.get('code') ?? '';
		const form = { grant_type: 'authorization_code', code, redirect_uri: redirect, client_id: 'extra.app.sage.com', client_secret: 'extra-secret' };
		const token = await tokenRequest(sandbox, form);
		expect(token.status).toBe(200);
		expect(typeof token.body.refresh_token).toBe('string');
		expect((await tokenRequest(sandbox, form)).status).toBe(400); // codes are single use
		const refreshed = await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: token.body.refresh_token, client_id: 'extra.app.sage.com', client_secret: 'extra-secret' });
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.refresh_token).not.toBe(token.body.refresh_token);
		const reused = await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: token.body.refresh_token, client_id: 'extra.app.sage.com', client_secret: 'extra-secret' });
		expect(reused.status).toBe(401);
		expect(reused.body.error.errorId).toBe('REST-2102');
	});

	test('an unregistered redirect URI is refused', async () => {
		const res = await fetch(`${sandbox.rest.authorizeUrl}?response_type=code&client_id=extra.app.sage.com&redirect_uri=https%3A%2F%2Fevil.example%2F`, { redirect: 'manual' });
		expect(res.status).toBe(400);
	});

	test('expireAccessTokens() forces a re-token (token expiry mid-run)', async () => {
		const token = await clientCredentialsToken(sandbox);
		sandbox.rest.expireAccessTokens();
		expect((await rest(sandbox, token, 'GET', '/objects/general-ledger/account')).status).toBe(401);
		const fresh = await clientCredentialsToken(sandbox);
		expect((await rest(sandbox, fresh, 'GET', '/objects/general-ledger/account')).status).toBe(200);
	});
});
