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


	test('composite sub-requests honour their own Idempotency-Key: a repeat is replayed, another body is 409', async () => {
		const post = (id: string, name: string, key: string): object => ({ method: 'POST', path: '/objects/company-config/department', body: { id, name }, headers: { 'Idempotency-Key': key } });
		const first = await rest(sandbox, token, 'POST', '/services/core/composite', [post('D-SK1', 'One', 'sub-1'), post('D-SK2', 'Two', 'sub-2')]);
		expect(first.status).toBe(200);
		const [one, two] = first.body['ia::result'];
		// Another composite (new outer request) repeating sub-1: answered from the first answer, not run again.
		const second = await rest(sandbox, token, 'POST', '/services/core/composite', [post('D-SK1', 'One', 'sub-1'), post('D-SK3', 'Three', 'sub-3')]);
		expect(second.status).toBe(200);
		expect(second.body['ia::result'][0]).toEqual(one);
		// The same key as a plain request, same body: the same answer (one key store for both levels).
		const plain = await rest(sandbox, token, 'POST', '/objects/company-config/department', { id: 'D-SK2', name: 'Two' }, { 'Idempotency-Key': 'sub-2' });
		expect(plain.status).toBe(two['ia::status']);
		expect(plain.body['ia::result']).toEqual(two['ia::result']);
		expect(plain.headers.get('x-ia-idempotency-cached-date')).not.toBeNull();
		// sub-1 with another body: 409, and the composite stops there.
		const conflict = await rest(sandbox, token, 'POST', '/services/core/composite', [post('D-SK9', 'Changed', 'sub-1'), post('D-SK4', 'Four', 'sub-4')]);
		expect(conflict.status).toBe(207);
		expect(conflict.body['ia::result'].map((r: { 'ia::status': number }) => r['ia::status'])).toEqual([409, 422]);
		const stored = await rest(sandbox, token, 'POST', '/services/core/query', { object: 'company-config/department', fields: ['id'], filters: [{ $startsWith: { id: 'D-SK' } }], orderBy: [{ id: 'asc' }] });
		expect(stored.body['ia::result']).toEqual([{ id: 'D-SK1' }, { id: 'D-SK2' }, { id: 'D-SK3' }]);
	});

	test('composite sub-request headers must be an object of text values', async () => {
		const bad = await rest(sandbox, token, 'POST', '/services/core/composite', [
			{ method: 'POST', path: '/objects/company-config/department', body: { id: 'D-SKH', name: 'H' }, headers: { 'Idempotency-Key': 5 } },
			{ method: 'GET', path: '/objects/company-config/department/1' },
		]);
		expect(bad.body['ia::result'][0]['ia::error'].code).toBe('invalidRequest');
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
