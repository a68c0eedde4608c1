import { type Sandbox, startSandbox } from '../../../../../sandbox';
import { RestIntacctClient } from '../../../../../nodes/shared/intacct/client/restClient';
import type { RestCredentials } from '../../../../../nodes/shared/intacct/rest/restWire';
import { nodeRestHttp } from '../../../../support/nodeRestHttp';

/**
 * A refused token request at run time says which part of the credential is wrong, in the credential
 * test's words (client/restCredentialWords.ts): n8n's credential dialog cannot run the node's test for
 * an oAuth2Api-based credential (credentials/SageIntacctOAuth2Api.credentials.ts), so the first node
 * run is where a person reads them. Every wrong part answers HTTP 401; the words follow Intacct's code.
 */
describe('REST token refusals at run time name the wrong part (client/restCredentialWords.ts)', () => {
	let sandbox: Sandbox;
	const creds = (over: Partial<RestCredentials> = {}): RestCredentials => ({ ...sandbox.rest.credentials, baseUrl: sandbox.rest.baseUrl, ...over });
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(() => sandbox.close());

	test.each([
		['wrong client secret', { clientSecret: 'not-the-secret' }, /refused the client ID or client secret/],
		['client not authorised', { clientId: 'other-partner.app.sage.com', clientSecret: 'other-partner-secret' }, /not authorised for company HOPEWELL.*Authorized Client Applications/],
		['user not found', { userId: 'nobody' }, /User nobody was not found.*Web Services user/],
		['wrong entity', { entityId: 'NOPE' }, /Entity: .*NOPE.*Company > Setup > Entities/],
	])('%s', async (_part, over, words) => {
		const client = new RestIntacctClient({ credentials: creds(over), http: nodeRestHttp, maxRetries: 0 });
		const failure = (await client.openSession().then(
			() => undefined,
			(error: unknown) => error,
		)) as Error | undefined;
		expect(failure?.message).toMatch(words);
		expect(failure?.message).not.toContain('not-the-secret');
	});
});
