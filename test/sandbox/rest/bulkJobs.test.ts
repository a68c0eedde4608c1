import { type Sandbox, startSandbox } from '../../../sandbox';
import { clientCredentialsToken, rest } from './restClient';

describe('REST bulk jobs (sandbox/rest/bulkJobs.ts)', () => {
	let sandbox: Sandbox;
	let token: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		token = await clientCredentialsToken(sandbox);
	});
	afterAll(() => sandbox.close());

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

});
