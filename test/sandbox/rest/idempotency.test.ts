import { type Sandbox, startSandbox } from '../../../sandbox';
import { clientCredentialsToken, rest } from './restClient';

describe('REST Idempotency-Key (sandbox/rest/idempotency.ts)', () => {
	let sandbox: Sandbox;
	let token: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		token = await clientCredentialsToken(sandbox);
	});
	afterAll(() => sandbox.close());

	test('Idempotency-Key replays the first answer and never posts twice; another body is 409', async () => {
		const body = { id: 'V-IDEM', name: 'Once' };
		const first = await rest(sandbox, token, 'POST', '/objects/accounts-payable/vendor', body, { 'Idempotency-Key': 'k-1' });
		const again = await rest(sandbox, token, 'POST', '/objects/accounts-payable/vendor', body, { 'Idempotency-Key': 'k-1' });
		expect(first.status).toBe(201);
		expect(again.status).toBe(201);
		expect(again.body).toEqual(first.body);
		expect(again.headers.get('x-ia-idempotency-cached-date')).not.toBeNull();
		const other = await rest(sandbox, token, 'POST', '/objects/accounts-payable/vendor', { id: 'V-IDEM2', name: 'Other' }, { 'Idempotency-Key': 'k-1' });
		expect(other.status).toBe(409);
	});


	test('after 48 hours the key is no longer replayed but still refused (409)', async () => {
		const body = { id: 'V-IDEM48', name: 'Once' };
		expect((await rest(sandbox, token, 'POST', '/objects/accounts-payable/vendor', body, { 'Idempotency-Key': 'k-48' })).status).toBe(201);
		sandbox.clock.advance(49 * 60 * 60 * 1000);
		try {
			const fresh = await clientCredentialsToken(sandbox);
			expect((await rest(sandbox, fresh, 'POST', '/objects/accounts-payable/vendor', body, { 'Idempotency-Key': 'k-48' })).status).toBe(409);
		} finally {
			sandbox.clock.advance(-49 * 60 * 60 * 1000);
		}
	});

	test('the query service ignores the header', async () => {
		const q = { object: 'company-config/class', fields: ['id'] };
		expect((await rest(sandbox, token, 'POST', '/services/core/query', q, { 'Idempotency-Key': 'k-q' })).headers.get('idempotency-key')).toBeNull();
	});
});
