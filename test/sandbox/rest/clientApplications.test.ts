import { startSandbox } from '../../../sandbox';
import { ClientApplicationRegistry, DEMO_CLIENT_APPLICATION } from '../../../sandbox/rest/clientApplications';
import { tokenRequest } from './restClient';

describe('OAuth client application registry (sandbox/rest/clientApplications.ts)', () => {
	test('the demo application is authorised for HOPEWELL; more come from options or add()', async () => {
		const registry = new ClientApplicationRegistry();
		expect(registry.isAuthorised(registry.find(DEMO_CLIENT_APPLICATION.clientId)!, 'hopewell')).toBe(true);
		expect(() => registry.add({ clientId: '', clientSecret: 'x', name: 'bad', authorisedCompanies: [], redirectUris: [] })).toThrow('client ID');

		const sandbox = await startSandbox({ port: 0, rest: { clientApplications: [{ clientId: 'webhooks.app.sage.com', clientSecret: 'hook-secret', name: 'Webhooks', authorisedCompanies: ['HOPEWELL'], redirectUris: [] }] } });
		try {
			expect(sandbox.rest.clientApplications.find('webhooks.app.sage.com')?.clientSecret).toBe('hook-secret');
			sandbox.rest.clientApplications.add({ clientId: 'late.app.sage.com', clientSecret: 'late-secret', name: 'Late', authorisedCompanies: ['HOPEWELL'], redirectUris: [] });
			const res = await tokenRequest(sandbox, { grant_type: 'client_credentials', client_id: 'late.app.sage.com', client_secret: 'late-secret', username: 'ws_n8n@HOPEWELL' });
			expect(res.status).toBe(200);
		} finally {
			await sandbox.close();
		}
	});
});
