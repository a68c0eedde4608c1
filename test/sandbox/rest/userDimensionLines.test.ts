import type { Sandbox } from '../../../sandbox';
import { all, at, call, fn, textAt } from '../protocol/gatewayClient';
import { rest, useRestSandbox } from './restClient';

const UDD = 'nsp::fundingsource';

const entry = (dimensions: Record<string, unknown>, description: string) => ({
	glJournal: { id: 'GJ' },
	postingDate: '2026-11-03',
	description,
	lines: [
		{ txnType: 'debit', txnAmount: '60.00', glAccount: { id: '6000' }, dimensions: { location: { id: '110' }, ...dimensions } },
		{ txnType: 'credit', txnAmount: '60.00', glAccount: { id: '2000' }, dimensions: { location: { id: '110' } } },
	],
});

describe('user-defined dimensions on REST lines (dimensions.nsp::<name>, platformObjects.ts)', () => {
	let sandbox: Sandbox;
	let token: string;
	useRestSandbox((s, t) => {
		[sandbox, token] = [s, t];
	});

	test('a journal entry posted over REST with a UDD on a line has GLDIM<NAME> over XML; the line reads back { key, href }', async () => {
		const posted = await rest(sandbox, token, 'POST', '/objects/general-ledger/journal-entry', entry({ [UDD]: { key: '10004' } }, 'UDD over REST'));
		expect(posted.status).toBe(201);
		const key = posted.body['ia::result'].key as string;
		const xml = await call(sandbox.url, fn('r1', `<read><object>GLBATCH</object><keys>${key}</keys><fields>*</fields></read>`));
		const lines = all(at(xml, 'operation/result/data/GLBATCH/ENTRIES') ?? xml, 'glentry');
		expect(lines.map((l) => textAt(l, 'GLDIMFUNDINGSOURCE') ?? '')).toEqual(['10004', '']);

		const got = await rest(sandbox, token, 'GET', `/objects/general-ledger/journal-entry/${key}`);
		const [first, second] = got.body['ia::result'].lines as Array<{ dimensions: Record<string, unknown> }>;
		expect(first.dimensions[UDD]).toEqual({ key: '10004', href: '/objects/platform-apps/nsp::fundingsource/10004' });
		expect(second.dimensions[UDD]).toEqual({ key: null });
	});

	test('a line written over XML with GLDIM<NAME> reads over REST, and the query service filters on the UDD key', async () => {
		const created = await call(
			sandbox.url,
			fn(
				'c1',
				'<create><GLBATCH><JOURNAL>GJ</JOURNAL><BATCH_DATE>11/04/2026</BATCH_DATE><BATCH_TITLE>UDD over XML</BATCH_TITLE><ENTRIES>' +
					'<GLENTRY><ACCOUNTNO>6000</ACCOUNTNO><LOCATION>110</LOCATION><TR_TYPE>1</TR_TYPE><TRX_AMOUNT>15</TRX_AMOUNT><GLDIMFUNDINGSOURCE>10005</GLDIMFUNDINGSOURCE></GLENTRY>' +
					'<GLENTRY><ACCOUNTNO>2000</ACCOUNTNO><LOCATION>110</LOCATION><TR_TYPE>-1</TR_TYPE><TRX_AMOUNT>15</TRX_AMOUNT></GLENTRY>' +
					'</ENTRIES></GLBATCH></create>',
			),
		);
		const key = textAt(created, 'operation/result/data/glbatch/RECORDNO') ?? '';
		expect(key).not.toBe('');
		const query = await rest(sandbox, token, 'POST', '/services/core/query', {
			object: 'general-ledger/journal-entry-line',
			fields: ['key', 'journalEntry.key', `dimensions.${UDD}.key`],
			filters: [{ $eq: { [`dimensions.${UDD}.key`]: '10005' } }, { $eq: { 'journalEntry.key': key } }],
		});
		expect(query.status).toBe(200);
		expect(query.body['ia::result']).toEqual([expect.objectContaining({ 'journalEntry.key': key, [`dimensions.${UDD}.key`]: '10005' })]);
		// Only what the reference's examples show of a UDD reference: its key and href.
		const byId = await rest(sandbox, token, 'POST', '/services/core/query', { object: 'general-ledger/journal-entry-line', fields: [`dimensions.${UDD}.id`] });
		expect(byId.status).toBe(400);
	});

	test('a bill line carries the UDD the same way', async () => {
		const posted = await rest(sandbox, token, 'POST', '/objects/accounts-payable/bill', {
			vendor: { id: 'V-107' },
			createdDate: '2026-11-03',
			dueDate: '2026-12-03',
			billNumber: 'UDD-BILL-1',
			currency: { txnCurrency: 'USD' },
			lines: [{ glAccount: { id: '6500' }, txnAmount: '20.00', dimensions: { location: { id: '110' }, [UDD]: { key: '10002' } } }],
		});
		expect(posted.status).toBe(201);
		const key = posted.body['ia::result'].key as string;
		const xml = await call(sandbox.url, fn('r2', `<readByQuery><object>APBILLITEM</object><fields>RECORDKEY,GLDIMFUNDINGSOURCE</fields><query>RECORDKEY = ${key}</query></readByQuery>`));
		expect(textAt(xml, 'operation/result/data/apbillitem/GLDIMFUNDINGSOURCE')).toBe('10002');
	});

	test('refused as Intacct refuses: a dimension the company does not have, a value that is not one of its records, the value by id', async () => {
		const unknownName = await rest(sandbox, token, 'POST', '/objects/general-ledger/journal-entry', entry({ 'nsp::grant': { key: '10004' } }, 'unknown UDD'));
		expect(unknownName.status).toBe(400);
		expect(unknownName.body['ia::error'].details.map((d: { field: string }) => d.field)).toContain('dimensions.nsp::grant');

		// A key that is none of the UDD's records: the model's one rule, as over XML (422 with its BL03000015).
		const unknownValue = await rest(sandbox, token, 'POST', '/objects/general-ledger/journal-entry', entry({ [UDD]: { key: '99999' } }, 'unknown value'));
		expect(unknownValue.status).toBe(422);
		expect(unknownValue.body['ia::error'].details[0]).toMatchObject({ code: 'BL03000015', message: expect.stringContaining("Funding Source '99999' given for GLDIMFUNDINGSOURCE") });

		const byId = await rest(sandbox, token, 'POST', '/objects/general-ledger/journal-entry', entry({ [UDD]: { id: '10004' } }, 'by id'));
		expect(byId.status).toBe(400);

		const xml = await call(sandbox.url, fn('r3', "<readByQuery><object>GLBATCH</object><fields>RECORDNO</fields><query>BATCH_TITLE IN ('unknown UDD','unknown value','by id')</query></readByQuery>"));
		expect(at(xml, 'operation/result/data')?.children ?? []).toHaveLength(0);
	});

	test('the model service names the UDD among the line\'s dimension references', async () => {
		const model = await rest(sandbox, token, 'GET', '/services/core/model?name=general-ledger/journal-entry-line');
		const refs = model.body['ia::result'].groups.dimensions.refs;
		expect(refs[UDD]).toEqual({ apiObject: 'platform-apps/nsp::fundingsource', fields: { key: expect.objectContaining({ readOnly: false }), href: expect.objectContaining({ readOnly: true }) } });
		expect(refs.department.apiObject).toBe('company-config/department');
	});
});
