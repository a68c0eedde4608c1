import type { Sandbox } from '../../../sandbox';
import { rest, useRestSandbox } from './restClient';

describe('REST model service (sandbox/rest/modelService.ts)', () => {
	let sandbox: Sandbox;
	let token: string;
	useRestSandbox((s, t) => {
		[sandbox, token] = [s, t];
	});

	test('model service: object list and a definition with refs and lists', async () => {
		const list = await rest(sandbox, token, 'GET', '/services/core/model');
		expect(list.body['ia::result'].map((o: { apiObject: string }) => o.apiObject)).toContain('general-ledger/journal-entry');
		const model = await rest(sandbox, token, 'GET', '/services/core/model?name=accounts-payable/bill');
		expect(model.body['ia::result'].refs.vendor.apiObject).toBe('accounts-payable/vendor');
		expect(model.body['ia::result'].lists.lines.apiObject).toBe('accounts-payable/bill-line');
	});


	test('an unknown object is 404', async () => {
		expect((await rest(sandbox, token, 'GET', '/services/core/model?name=general-ledger/nothing')).status).toBe(404);
	});
});
