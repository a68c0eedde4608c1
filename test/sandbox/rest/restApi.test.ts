import { type Sandbox, startSandbox } from '../../../sandbox';
import { clientCredentialsToken, rest } from './restClient';

describe('REST composite requests and routing (sandbox/rest/restApi.ts)', () => {
	let sandbox: Sandbox;
	let token: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		token = await clientCredentialsToken(sandbox);
	});
	afterAll(() => sandbox.close());

	test('composite: result references feed later sub-requests; a failure stops the rest', async () => {
		const ok = await rest(sandbox, token, 'POST', '/services/core/composite', [
			{ method: 'POST', path: '/objects/company-config/department', body: { id: 'D-COMP', name: 'Composite' }, resultReference: 'dept' },
			{ method: 'GET', path: '/objects/company-config/department/@{dept.key}' },
		]);
		expect(ok.status).toBe(200);
		expect(ok.body['ia::result'][1]['ia::result'].id).toBe('D-COMP');
		const failed = await rest(sandbox, token, 'POST', '/services/core/composite', [
			{ method: 'GET', path: '/objects/company-config/department/999999' },
			{ method: 'GET', path: '/objects/company-config/department/1' },
		]);
		expect(failed.status).toBe(207);
		expect(failed.body['ia::result'][1]['ia::error'].code).toBe('unprocessed');
	});


	test('composite takes 2 to 10 sub-requests', async () => {
		expect((await rest(sandbox, token, 'POST', '/services/core/composite', [{ method: 'GET', path: '/objects/company-config/class' }])).status).toBe(400);
	});

	test('an unknown path is 404; a wrong method is 405', async () => {
		expect((await rest(sandbox, token, 'GET', '/services/core/nothing')).status).toBe(404);
		expect((await rest(sandbox, token, 'GET', '/services/core/query')).status).toBe(405);
		expect((await rest(sandbox, token, 'POST', '/objects/company-config/class/1', { name: 'x' })).status).toBe(405);
	});
});
