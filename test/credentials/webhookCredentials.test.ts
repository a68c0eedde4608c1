/** The REST OAuth2 credential's token errors and the trigger access key's credential test. */
import { grantUsername, tokenErrorMessage } from '../../credentials/SageIntacctOAuth2Api.credentials';
import { accessKeyStrength } from '../../nodes/SageIntacctTrigger/triggerSecrets';

describe('sageIntacctOAuth2Api', () => {
	it('writes the client credentials username as user@company, with |entity for an entity', () => {
		expect(grantUsername({ userId: ' ws_n8n ', companyId: 'HOPEWELL' })).toBe('ws_n8n@HOPEWELL');
		expect(grantUsername({ userId: 'ws_n8n', companyId: 'HOPEWELL', entityId: '100' })).toBe('ws_n8n@HOPEWELL|100');
	});

	it.each([
		[{ response: { status: 401, data: { error: 'invalid_client' } }, config: { data: 'client_secret=s3cret' } }, /client ID or client secret/],
		[{ response: { status: 400, data: { error: 'invalid_grant' } } }, /invalid_grant.*company ID, user ID/],
		[{ response: { status: 503 } }, /HTTP 503/],
		[new Error('connect ECONNREFUSED'), /API Base URL/],
	])('says in plain words what failed, never echoing the request', (error, message) => {
		const text = tokenErrorMessage(error);
		expect(text).toMatch(message);
		expect(text).not.toContain('s3cret');
	});
});

describe('sageIntacctTriggerApi credential test', () => {
	it('refuses an empty or short key and accepts 32+ characters', () => {
		expect(accessKeyStrength('')).toMatchObject({ status: 'Error', message: expect.stringMatching(/empty/) });
		expect(accessKeyStrength('short-key')).toMatchObject({ status: 'Error', message: expect.stringMatching(/9 characters/) });
		expect(accessKeyStrength('k'.repeat(32))).toMatchObject({ status: 'OK' });
	});
});
