import { type Sandbox, startSandbox } from '../../../sandbox';
import { all, at, call, childNames, fn, textAt } from '../protocol/gatewayClient';
import { clientCredentialsToken, rest } from './restClient';

describe('REST objects over the one company model (sandbox/rest/objectService.ts)', () => {
	let sandbox: Sandbox;
	let token: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		token = await clientCredentialsToken(sandbox);
	});
	afterAll(() => sandbox.close());

	test('a vendor created over XML is read over REST, and one created over REST is read over XML', async () => {
		const created = await call(sandbox.url, fn('c1', '<create><VENDOR><VENDORID>V-XML</VENDORID><NAME>Made over XML</NAME></VENDOR></create>'));
		const key = textAt(created, 'operation/result/data/vendor/RECORDNO') ?? '';
		const overRest = await rest(sandbox, token, 'GET', `/objects/accounts-payable/vendor/${key}`);
		expect(overRest.status).toBe(200);
		expect(overRest.body['ia::result']).toMatchObject({ key, id: 'V-XML', name: 'Made over XML', status: 'active' });

		const posted = await rest(sandbox, token, 'POST', '/objects/accounts-payable/vendor', { id: 'V-REST', name: 'Made over REST', contacts: { default: { email1: 'ap@rest.example' } } });
		expect(posted.status).toBe(201);
		expect(posted.body['ia::result']).toMatchObject({ id: 'V-REST', href: `/objects/accounts-payable/vendor/${posted.body['ia::result'].key}` });
		const overXml = await call(sandbox.url, fn('r1', '<readByName><object>VENDOR</object><keys>V-REST</keys><fields>*</fields></readByName>'));
		expect(textAt(overXml, 'operation/result/data/VENDOR/NAME')).toBe('Made over REST');
		expect(textAt(overXml, 'operation/result/data/VENDOR/DISPLAYCONTACT/EMAIL1')).toBe('ap@rest.example');
	});

	test('a journal entry posted over REST has its lines over XML, in the REST shape over REST', async () => {
		const posted = await rest(sandbox, token, 'POST', '/objects/general-ledger/journal-entry', {
			glJournal: { id: 'GJ' },
			postingDate: '2026-11-02',
			description: 'REST accrual',
			lines: [
				{ txnType: 'debit', txnAmount: '125.50', glAccount: { id: '6000' }, dimensions: { location: { id: '110' }, department: { id: 'ADMIN' } } },
				{ txnType: 'credit', txnAmount: '125.50', glAccount: { id: '2000' }, dimensions: { location: { id: '110' }, department: { id: 'ADMIN' } } },
			],
		});
		expect(posted.status).toBe(201);
		const key = posted.body['ia::result'].key as string;
		const xml = await call(sandbox.url, fn('r2', `<read><object>GLBATCH</object><keys>${key}</keys><fields>*</fields></read>`));
		const entries = at(xml, 'operation/result/data/GLBATCH/ENTRIES');
		expect(all(entries ?? xml, 'glentry').map((l) => textAt(l, 'TRX_AMOUNT'))).toEqual(['125.50', '125.50']);
		const got = await rest(sandbox, token, 'GET', `/objects/general-ledger/journal-entry/${key}`);
		expect(got.body['ia::result']).toMatchObject({ description: 'REST accrual', postingDate: '2026-11-02', glJournal: { id: 'GJ' }, state: 'posted' });
		expect(got.body['ia::result'].lines.map((l: { txnType: string; glAccount: { id: string } }) => [l.txnType, l.glAccount.id])).toEqual([
			['debit', '6000'],
			['credit', '2000'],
		]);
	});

	test('an unbalanced entry is 422 operationFailed with the model\'s Intacct error', async () => {
		const res = await rest(sandbox, token, 'POST', '/objects/general-ledger/journal-entry', {
			glJournal: { id: 'GJ' },
			postingDate: '2026-11-02',
			description: 'unbalanced',
			lines: [{ txnType: 'debit', txnAmount: '10', glAccount: { id: '6000' }, dimensions: { location: { id: '110' } } }],
		});
		expect(res.status).toBe(422);
		expect(res.body['ia::error'].code).toBe('operationFailed');
		expect(res.body['ia::error'].details.length).toBeGreaterThan(0);
		expect(res.body['ia::meta']).toEqual({ totalCount: 1, totalSuccess: 0, totalError: 1 });
	});

	test('bad input is 400 naming each field before anything is written', async () => {
		const res = await rest(sandbox, token, 'POST', '/objects/general-ledger/journal-entry', { glJournal: { id: 'GJ' }, postingDate: '11/02/2026', description: 'x', colour: 'red', lines: [{ txnType: 'both', glAccount: { id: '6000' } }] });
		expect(res.status).toBe(400);
		const fields = res.body['ia::error'].details.map((d: { field: string }) => d.field);
		expect(fields).toEqual(expect.arrayContaining(['postingDate', 'colour', 'lines[0].txnType', 'lines[0].txnAmount']));
	});

	test('the OpenAPI required properties hold: a bill needs dueDate, currency.txnCurrency and a line location', async () => {
		const res = await rest(sandbox, token, 'POST', '/objects/accounts-payable/bill', { vendor: { id: 'V-100' }, createdDate: '2026-11-03', lines: [{ glAccount: { id: '6300' }, txnAmount: '1' }] });
		expect(res.status).toBe(400);
		expect(res.body['ia::error'].details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['dueDate', 'currency.txnCurrency', 'lines[0].dimensions.location']));
	});

	test('journal entry state: a create takes draft or posted only, an update cannot change it', async () => {
		const base = { glJournal: { id: 'GJ' }, postingDate: '2026-11-02', description: 'state rules', lines: [] };
		const approved = await rest(sandbox, token, 'POST', '/objects/general-ledger/journal-entry', { ...base, state: 'approved' });
		expect(approved.body['ia::error'].details.map((d: { field: string }) => d.field)).toContain('state');
		const noLines = await rest(sandbox, token, 'POST', '/objects/general-ledger/journal-entry', { glJournal: { id: 'GJ' }, postingDate: '2026-11-02', description: 'x' });
		expect(noLines.body['ia::error'].details.map((d: { field: string }) => d.field)).toContain('lines');
		const patch = await rest(sandbox, token, 'PATCH', '/objects/general-ledger/journal-entry/1', { state: 'draft' });
		expect(patch.status).toBe(400);
	});

	test('a token bound to an entity sees that entity\'s records and the top level\'s, not another entity\'s', async () => {
		const west = await clientCredentialsToken(sandbox, 'ws_west@HOPEWELL|200');
		const fields = { object: 'general-ledger/journal-entry', fields: ['key', 'entity.id'], size: 4000 };
		const top = await rest(sandbox, token, 'POST', '/services/core/query', fields);
		const scoped = await rest(sandbox, west, 'POST', '/services/core/query', fields);
		const entities = (res: typeof top): Set<string | null> => new Set(res.body['ia::result'].map((r: Record<string, string | null>) => r['entity.id']));
		expect([...entities(top)]).toEqual(expect.arrayContaining(['100', '200']));
		expect([...entities(scoped)]).not.toContain('100');
		const hidden = top.body['ia::result'].find((r: Record<string, string>) => r['entity.id'] === '100').key;
		expect((await rest(sandbox, west, 'GET', `/objects/general-ledger/journal-entry/${hidden}`)).status).toBe(404);
	});

	test('batch create pairs each result with its item (207 on partial failure); atomic mode rolls back', async () => {
		const batch = await rest(sandbox, token, 'POST', '/objects/company-config/department', [
			{ id: 'D-B1', name: 'Batch one' },
			{ id: 'D-B1', name: 'Duplicate' },
			{ id: 'D-B3', name: 'Batch three' },
		]);
		expect(batch.status).toBe(207);
		expect(batch.body['ia::result'].map((r: { 'ia::status': number }) => r['ia::status'])).toEqual([201, 422, 201]);
		expect(batch.body['ia::meta']).toEqual({ totalCount: 3, totalSuccess: 2, totalError: 1 });

		const atomic = await rest(sandbox, token, 'POST', '/objects/company-config/department', [{ id: 'D-A1', name: 'Atomic one' }, { id: 'D-B1', name: 'Dup' }], { 'X-IA-API-Param-Transaction': 'true' });
		expect(atomic.status).toBe(207);
		expect(atomic.body['ia::result'][0]['ia::error'].code).toBe('unprocessed');
		const check = await call(sandbox.url, fn('r3', '<readByName><object>DEPARTMENT</object><keys>D-A1</keys><fields>*</fields></readByName>'));
		expect(childNames(at(check, 'operation/result/data'))).toEqual([]);
	});

	test('list pages with ia::meta; batch GET; PATCH; DELETE 204 then 404', async () => {
		const list = await rest(sandbox, token, 'GET', '/objects/company-config/department?start=2&size=2');
		expect(list.body['ia::meta']).toMatchObject({ start: 2, pageSize: 2, next: 4, previous: 1 });
		const created = await rest(sandbox, token, 'POST', '/objects/company-config/class', { id: 'C-REST', name: 'Rest class' });
		const key = created.body['ia::result'].key as string;
		const patched = await rest(sandbox, token, 'PATCH', `/objects/company-config/class/${key}`, { name: 'Renamed' });
		expect(patched.status).toBe(200);
		const both = await rest(sandbox, token, 'GET', `/objects/company-config/class/1,${key}`);
		expect(both.body['ia::result'][1]).toMatchObject({ id: 'C-REST', name: 'Renamed' });
		expect((await rest(sandbox, token, 'DELETE', `/objects/company-config/class/${key}`)).status).toBe(204);
		expect((await rest(sandbox, token, 'GET', `/objects/company-config/class/${key}`)).status).toBe(404);
	});

	test('a bill with lines and an attachment over REST', async () => {
		const folder = await rest(sandbox, token, 'POST', '/objects/company-config/folder', { id: 'Bills REST' });
		expect(folder.status).toBe(201);
		const attachment = await rest(sandbox, token, 'POST', '/objects/company-config/attachment', { id: 'ATT-R1', name: 'Invoice', folder: { id: 'Bills REST' }, files: [{ name: 'inv.pdf', data: 'SGVsbG8=' }] });
		expect(attachment.status).toBe(201);
		const bill = await rest(sandbox, token, 'POST', '/objects/accounts-payable/bill', {
			billNumber: 'R-1001',
			vendor: { id: 'V-100' },
			createdDate: '2026-11-03',
			dueDate: '2026-12-03',
			currency: { txnCurrency: 'USD' },
			attachment: { id: 'ATT-R1' },
			lines: [{ glAccount: { id: '6300' }, txnAmount: '40.00', dimensions: { location: { id: '110' } } }],
		});
		expect(bill.status).toBe(201);
		const got = await rest(sandbox, token, 'GET', `/objects/accounts-payable/bill/${bill.body['ia::result'].key}`);
		expect(got.body['ia::result']).toMatchObject({ billNumber: 'R-1001', vendor: { id: 'V-100' }, attachment: { id: 'ATT-R1' }, totalTxnAmount: '40.00' });
		const file = await rest(sandbox, token, 'GET', `/objects/company-config/attachment/${attachment.body['ia::result'].key}`);
		expect(file.body['ia::result'].files[0]).toMatchObject({ name: 'inv.pdf', data: 'SGVsbG8=' });
	});
});
