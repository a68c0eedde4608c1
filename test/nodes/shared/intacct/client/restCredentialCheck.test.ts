import { type Sandbox, startSandbox } from '../../../../../sandbox';
import { checkRestCredentials } from '../../../../../nodes/shared/intacct/client/restCredentialCheck';
import type { RestCredentials } from '../../../../../nodes/shared/intacct/rest/restWire';
import { nodeRestHttp } from '../../../../support/nodeRestHttp';

describe('REST credential test (client/restCredentialCheck.ts): names the wrong part and where to fix it', () => {
	let sandbox: Sandbox;
	const creds = (over: Partial<RestCredentials> = {}): RestCredentials => ({ ...sandbox.rest.credentials, baseUrl: sandbox.rest.baseUrl, ...over });
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(() => sandbox.close());

	test('right values: token obtained and one record read', async () => {
		expect(await checkRestCredentials(creds(), nodeRestHttp)).toEqual({ ok: true, message: expect.stringContaining('ws_n8n@HOPEWELL') });
		expect(await checkRestCredentials(creds({ userId: 'ws_west', entityId: '200' }), nodeRestHttp)).toMatchObject({ ok: true });
	});

	test.each([
		['secret', { clientSecret: 'not-the-secret' }, /client secret does not match/],
		['authorisation', { clientId: 'other-partner.app.sage.com', clientSecret: 'other-partner-secret' }, /not authorised for company HOPEWELL.*Security tab > Authorized Client Applications/],
		['user', { userId: 'nobody' }, /User nobody was not found.*Web Services user.*Web Services Users/],
		['entity', { entityId: 'NOPE' }, /Entity: .*NOPE.*Company > Setup > Entities/],
		['client', { clientId: 'unknown.app.sage.com' }, /does not accept client ID unknown\.app\.sage\.com/],
		['client', { companyId: 'OTHERCO' }, /company OTHERCO/],
	])('%s is named (%j)', async (problem, over, message) => {
		const check = await checkRestCredentials(creds(over), nodeRestHttp);
		expect(check).toMatchObject({ ok: false, problem });
		expect(check.message).toMatch(message);
		expect(check.message).not.toContain('not-the-secret');
	});

	test('an unreachable REST URL is named as the endpoint', async () => {
		const check = await checkRestCredentials(creds({ baseUrl: 'http://127.0.0.1:1/ia/api/v1' }), nodeRestHttp);
		expect(check).toMatchObject({ ok: false, problem: 'endpoint' });
	});
});
