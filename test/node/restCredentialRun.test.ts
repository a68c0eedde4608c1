/**
 * What a person reads when the OAuth 2.0 credential has a wrong part. n8n's credential dialog runs its
 * own OAuth2 token request for a credential that extends oAuth2Api and shows n8n's words ("Failed to
 * acquire OAuth2 access token: HTTP status 401", seen in real n8n 2.41 by e2e/lib/rest-credential-checks.ts);
 * the first node run, through the real engine here, names the part and where in Intacct to fix it.
 */
import type { Sandbox } from '../../sandbox/api';
import { createCredentialsHelper } from '../support/harness';
import { runNode, startTestSandbox, REST_NODE } from './support';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});

afterAll(async () => {
	await sandbox?.close();
});


async function readOverRest(over: Record<string, string>) {
	const credentials = await createCredentialsHelper({
		sageIntacctOAuth2Api: { grantType: 'clientCredentials', ...sandbox.rest.credentials, restBaseUrl: sandbox.rest.baseUrl, ...over },
	});
	return await runNode(sandbox, { authentication: 'oAuth2', resource: 'glEntry', operation: 'getMany', returnAll: false, limit: 1 }, { credentials, nodeOverrides: REST_NODE });
}

describe('a wrong part of the OAuth 2.0 credential, at the first node run', () => {
	it('the right credential reads', async () => {
		const run = await readOverRest({});
		expect(run.error).toBeUndefined();
	});

	it.each([
		['wrong client secret', { clientSecret: 'not-the-secret' }, /refused the client ID or client secret.*copy both again from your REST client application/],
		['client not authorised for the company', { clientId: 'other-partner.app.sage.com', clientSecret: 'other-partner-secret' }, /Client ID other-partner\.app\.sage\.com is not authorised for company HOPEWELL.*Authorized Client Applications/],
		['user not found / not a web services user', { userId: 'nobody' }, /User nobody was not found in company HOPEWELL, or is not a Web Services user.*Web Services Users/],
		['wrong entity', { entityId: '999' }, /Entity: .*999.*Company > Setup > Entities/],
	])('%s: the error names it and where to fix it', async (_part, over, words) => {
		const run = await readOverRest(over);
		expect(run.error?.message).toMatch(words);
		expect(JSON.stringify(run.error)).not.toContain('not-the-secret');
	});
});
