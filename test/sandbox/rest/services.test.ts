import { type Sandbox, startSandbox } from '../../../sandbox';
import { clientCredentialsToken, rest } from './restClient';

describe('REST services (query, model, composite, bulk, idempotency, limits, faults)', () => {
	let sandbox: Sandbox;
	let token: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, rest: { requestsPerMinute: 1000 } });
		token = await clientCredentialsToken(sandbox);
	});
	afterAll(() => sandbox.close());

	test('query: fields, both filter forms, filterExpression, orderBy, paging with next', async () => {
		const res = await rest(sandbox, token, 'POST', '/services/core/query', {
			object: 'accounts-payable/bill',
			fields: ['key', 'vendor.id', 'totalTxnAmount'],
			filters: [{ field: 'vendor.id', operator: '$eq', value: 'V-100' }, { $gt: { totalTxnAmount: '0' } }],
			filterExpression: '1 and 2',
			orderBy: [{ key: 'desc' }],
			start: 1,
			size: 2,
		});
		expect(res.status).toBe(200);
		expect(res.body['ia::result'].every((r: Record<string, string>) => r['vendor.id'] === 'V-100')).toBe(true);
		expect(Number(res.body['ia::result'][0].key)).toBeGreaterThan(Number(res.body['ia::result'][1].key));
		expect(res.body['ia::meta']).toMatchObject({ start: 1, pageSize: 2, next: 3 });
		const bad = await rest(sandbox, token, 'POST', '/services/core/query', { object: 'accounts-payable/bill', fields: ['*'] });
		expect(bad.status).toBe(400);
	});

	test('model service: object list and a definition with refs and lists', async () => {
		const list = await rest(sandbox, token, 'GET', '/services/core/model');
		expect(list.body['ia::result'].map((o: { apiObject: string }) => o.apiObject)).toContain('general-ledger/journal-entry');
		const model = await rest(sandbox, token, 'GET', '/services/core/model?name=accounts-payable/bill');
		expect(model.body['ia::result'].refs.vendor.apiObject).toBe('accounts-payable/vendor');
		expect(model.body['ia::result'].lists.lines.apiObject).toBe('accounts-payable/bill-line');
	});

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

	test('bulk job: create, status until completed, download per-record results', async () => {
		const form = new FormData();
		form.append('ia::requestBody', JSON.stringify({ objectName: 'accounts-payable/vendor', operation: 'create', jobFile: 'vendors.json', fileContentType: 'json' }));
		form.append('file', JSON.stringify([{ id: 'V-BULK1', name: 'Bulk one' }, { id: 'V-100', name: 'duplicate' }]));
		const created = await fetch(`${sandbox.rest.baseUrl}/services/bulk/job/create`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
		const jobId = ((await created.json()) as { 'ia::result': { jobId: string } })['ia::result'].jobId;
		let status = '';
		for (let i = 0; i < 50 && status !== 'completed'; i++) {
			status = (await rest(sandbox, token, 'GET', `/services/bulk/job/status?jobId=${jobId}`)).body['ia::result'].status;
			if (status !== 'completed') await new Promise((r) => setTimeout(r, 20));
		}
		const download = await rest(sandbox, token, 'GET', `/services/bulk/job/status?jobId=${jobId}&download=true`);
		expect(download.body['ia::result'].map((r: { 'ia::status': number }) => r['ia::status'])).toEqual([201, 422]);
		expect(download.body['ia::meta']).toEqual({ totalCount: 2, totalSuccess: 1, totalError: 1 });
	});

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

	test('fault injection on REST: 503 HTML, rate limit GW-0010, reset after commit', async () => {
		sandbox.faults.add({ match: { functionName: 'general-ledger/account' }, action: { type: 'status', status: 503, body: 'html' } });
		expect((await rest(sandbox, token, 'GET', '/objects/general-ledger/account')).status).toBe(503);
		sandbox.faults.add({ match: { functionName: 'rest' }, action: { type: 'rateLimit' } });
		const limited = await rest(sandbox, token, 'GET', '/objects/general-ledger/account');
		expect(limited.status).toBe(429);
		expect(limited.body['ia::error'].code).toBe('GW-0010');
		sandbox.faults.add({ match: { functionName: 'POST company-config/department' }, action: { type: 'resetAfterCommit' } });
		await expect(rest(sandbox, token, 'POST', '/objects/company-config/department', { id: 'D-RESET', name: 'Committed' })).rejects.toThrow();
		const list = await rest(sandbox, token, 'POST', '/services/core/query', { object: 'company-config/department', fields: ['id'], filters: [{ $eq: { id: 'D-RESET' } }] });
		expect(list.body['ia::result']).toEqual([{ id: 'D-RESET' }]);
	});

	test('requests per minute beyond the limit are 429 GW-0010 with Retry-After', async () => {
		const limited = await startSandbox({ port: 0, rest: { requestsPerMinute: 2 } });
		try {
			const t = await clientCredentialsToken(limited);
			await rest(limited, t, 'GET', '/objects/company-config/class');
			await rest(limited, t, 'GET', '/objects/company-config/class');
			const third = await rest(limited, t, 'GET', '/objects/company-config/class');
			expect(third.status).toBe(429);
			expect(third.headers.get('retry-after')).not.toBeNull();
		} finally {
			await limited.close();
		}
	});
});
