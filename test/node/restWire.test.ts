/**
 * The node over both APIs through the real n8n engine against the sandbox: the same parameters run
 * with Authentication = Web Services (XML) and = OAuth 2.0 (REST), and the outputs are compared.
 * A record the REST wire writes is read back over XML (one company model, two protocols).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NODE_NAME, expectSameCreateKeys, readAll, useBothWires } from './support';

const { sandbox, rest, xml } = useBothWires();


async function overBoth(parameters: INodeParameters): Promise<{ xml: IDataObject[]; rest: IDataObject[] }> {
	const xmlRun = await xml(parameters);
	const restRun = await rest(parameters);
	expect(xmlRun.error).toBeUndefined();
	expect(restRun.error).toBeUndefined();
	return { xml: xmlRun.json(NODE_NAME), rest: restRun.json(NODE_NAME) };
}

/** The same operation over both APIs, with parameters that may differ by wire (new IDs); the first item of each. */
async function overBothEach(parameters: (wire: 'XML' | 'REST') => INodeParameters): Promise<{ xml: IDataObject; rest: IDataObject }> {
	const xmlRun = await xml(parameters('XML'));
	const restRun = await rest(parameters('REST'));
	expect(xmlRun.error).toBeUndefined();
	expect(restRun.error).toBeUndefined();
	return { xml: xmlRun.json(NODE_NAME)[0], rest: restRun.json(NODE_NAME)[0] };
}

/** Journal Entry -> Create of two lines in GJ: a debit of 6100 and a credit of 1000, both at location 110. */
function journalEntry(postingDate: string, amount: number, debit: IDataObject = {}, credit: IDataObject = {}): Record<string, unknown> {
	const line = (accountNo: string, type: string, extra: IDataObject) => ({ accountNo, type, amount, ...extra, locationId: '110' });
	return { resource: 'journalEntry', operation: 'create', journal: { __rl: true, mode: 'id', value: 'GJ' }, postingDate, lineInput: 'fields', lines: { line: [line('6100', 'debit', debit), line('1000', 'credit', credit)] } };
}

const GL_FIELDS = 'RECORDNO,BATCHNO,LINE_NO,TR_TYPE,ENTRY_DATE,AMOUNT,TRX_AMOUNT,ACCOUNTNO,DEPARTMENT,LOCATION,CLASSID,DESCRIPTION,CURRENCY,STATE,WHENMODIFIED';

describe('the same operations over XML and REST give the same output', () => {
	it('glEntry getMany with filters and a field list (simplified and raw)', async () => {
		for (const simplify of [true, false]) {
			const { xml, rest } = await overBoth({
				resource: 'glEntry',
				operation: 'getMany',
				returnAll: false,
				limit: 40,
				filters: { accountNos: '7000,1590', startDate: '2025-01-01', state: 'P', locationId: '220' },
				options: { fields: GL_FIELDS },
				simplify,
			});
			expect(rest.length).toBeGreaterThan(0);
			const byKey = (rows: IDataObject[]) => [...rows].sort((a, b) => Number(a.recordNo ?? a.RECORDNO) - Number(b.recordNo ?? b.RECORDNO));
			if (simplify) expect(byKey(rest)).toEqual(byKey(xml));
			else expect(byKey(rest).map((r) => ({ ...r, AMOUNT: Number(r.AMOUNT), TRX_AMOUNT: Number(r.TRX_AMOUNT) }))).toEqual(byKey(xml).map((r) => ({ ...r, AMOUNT: Number(r.AMOUNT), TRX_AMOUNT: Number(r.TRX_AMOUNT) })));
		}
	});

	it('glEntry get and journalEntry get: every field REST returns equals the XML output', async () => {
		for (const parameters of [
			{ resource: 'glEntry', operation: 'get', recordNo: '1' },
			{ resource: 'journalEntry', operation: 'get', recordNo: '1' },
		]) {
			const { xml, rest } = await overBoth(parameters);
			expect(Object.keys(rest[0]).length).toBeGreaterThan(10);
			expect(xml[0]).toMatchObject(rest[0]);
		}
	});

	it('vendor get and getMany', async () => {
		const got = await overBoth({ resource: 'vendor', operation: 'get', vendor: { __rl: true, mode: 'id', value: 'V-100' } });
		expect(got.rest[0]).toMatchObject({ vendorId: 'V-100' });
		expect(got.xml[0]).toMatchObject(got.rest[0]);
		const many = await overBoth({ resource: 'vendor', operation: 'getMany', returnAll: true, filters: {} });
		expect(many.rest.map((v) => v.vendorId)).toEqual(many.xml.map((v) => v.vendorId));
	});
});

describe('writes over REST, read back over XML', () => {
	it('journalEntry create: posted over REST, lines and output like the XML create', async () => {
		const parameters = journalEntry('2026-10-15', 300.25, { memo: 'Rent', departmentId: 'ADMIN' }, { memo: 'Cash' });
		const xmlRun = await xml({ ...parameters, description: 'Rent over XML' });
		const restRun = await rest({ ...parameters, description: 'Rent over REST' });
		expect(restRun.error).toBeUndefined();
		const [made] = restRun.json(NODE_NAME);
		// Every field of the XML create's output, the record link too (the XML read's RECORD_URL of this entry).
		expect(await expectSameCreateKeys(sandbox(), 'GLBATCH', made, xmlRun.json(NODE_NAME)[0])).not.toBe('');
		expect(made).toMatchObject({ journal: 'GJ', postingDate: '2026-10-15', state: 'Posted', lineCount: 2, recordNo: expect.any(Number) });
		const [stored] = await readAll(sandbox(), 'GLBATCH', "BATCH_TITLE = 'Rent over REST'");
		expect(stored).toMatchObject({ JOURNAL: 'GJ', BATCH_DATE: '10/15/2026', STATE: 'Posted' });
	});

	it('creates with Simplify on and off: the keys of the XML create over REST (RECORDNO, the vendor ID, RECORD_URL), the link the XML read of that record', async () => {
		const entry = journalEntry('2026-10-16', 12);
		for (const simplify of [true, false]) {
			const tag = simplify ? 'S' : 'R';
			const vendors = await overBothEach((wire) => ({ resource: 'vendor', operation: 'create', vendorId: `V-URL-${tag}-${wire}`, name: 'Link Ferries', simplify }));
			const link = await expectSameCreateKeys(sandbox(), 'VENDOR', vendors.rest, vendors.xml);
			expect(link).not.toBe('');
			if (!simplify) expect(Object.keys(vendors.rest)).toEqual(['RECORDNO', 'VENDORID', 'RECORD_URL']);
			const entries = await overBothEach((wire) => ({ ...entry, description: `Link ${tag} ${wire}`, simplify }));
			expect(await expectSameCreateKeys(sandbox(), 'GLBATCH', entries.rest, entries.xml)).not.toBe('');
		}
	});

	it('vendor create over REST, then get over both', async () => {
		const created = await rest({ resource: 'vendor', operation: 'create', vendorId: 'V-REST-1', name: 'Rest Ferries' });
		expect(created.error).toBeUndefined();
		expect(created.json(NODE_NAME)[0]).toMatchObject({ vendorId: 'V-REST-1' });
		const got = await overBoth({ resource: 'vendor', operation: 'get', vendor: { __rl: true, mode: 'id', value: 'V-REST-1' } });
		expect(got.rest[0]).toMatchObject({ vendorId: 'V-REST-1', name: 'Rest Ferries' });
		expect(got.xml[0]).toMatchObject(got.rest[0]);
	});

	it('bill create over REST (no attachment) is stored like the XML one', async () => {
		const bill = (number: string, auth: string) => ({
			authentication: auth,
			resource: 'bill',
			operation: 'create',
			vendor: { __rl: true, mode: 'id', value: 'V-107' },
			billNumber: number,
			transactionDate: '2026-10-01',
			dueDate: '2026-10-31',
			lineInput: 'fields',
			lines: { line: [{ accountNo: '6500', amount: 120.4, memo: 'Licences', locationId: '110', departmentId: 'ADMIN' }] },
		});
		const restRun = await rest(bill('INV-REST-1', 'oAuth2'));
		expect(restRun.error).toBeUndefined();
		await xml(bill('INV-XML-1', 'webServices'));
		const [overRest] = await readAll(sandbox(), 'APBILL', "RECORDID = 'INV-REST-1'", 'VENDORID,WHENCREATED,WHENDUE,TOTALENTERED');
		const [overXml] = await readAll(sandbox(), 'APBILL', "RECORDID = 'INV-XML-1'", 'VENDORID,WHENCREATED,WHENDUE,TOTALENTERED');
		expect(overRest).toEqual(overXml);
		const got = await overBoth({ resource: 'bill', operation: 'get', recordNo: String(restRun.json(NODE_NAME)[0].recordNo) });
		expect(got.xml[0]).toMatchObject(got.rest[0]);
	});
});

describe('query over REST', () => {
	it('Intacct query syntax and the condition builder give the XML output', async () => {
		const byString = await overBoth({ resource: 'query', operation: 'run', object: 'VENDOR', fields: 'VENDORID,NAME,STATUS', filterType: 'string', filter: "VENDORID LIKE 'V-10%' AND STATUS = 'active'", returnAll: true });
		expect(byString.rest.length).toBeGreaterThan(3);
		expect(byString.rest).toEqual(byString.xml);
		const built = await overBoth({
			resource: 'query',
			operation: 'run',
			object: 'GLACCOUNT',
			fields: 'ACCOUNTNO,TITLE',
			filterType: 'builder',
			combinator: 'or',
			conditions: { condition: [{ field: 'ACCOUNTNO', operator: 'in', value: '6100,6500' }, { field: 'TITLE', operator: 'like', value: 'Cash%' }] },
			sort: { order: [{ field: 'ACCOUNTNO', direction: 'descending' }] },
			returnAll: true,
		});
		expect(built.rest.length).toBeGreaterThanOrEqual(2);
		expect(built.rest.map((r) => r.accountNo)).toEqual([...built.rest.map((r) => String(r.accountNo))].sort().reverse());
		expect(built.rest).toEqual(built.xml);
	});

	it('a REST object by its own name, fields as REST paths (REST only)', async () => {
		const run = await rest({ resource: 'query', operation: 'run', object: 'accounts-payable/bill', fields: 'key,vendor.id,totalTxnAmount', filterType: 'string', filter: "vendor.id = 'V-100'", returnAll: false, limit: 3, simplify: false });
		expect(run.error).toBeUndefined();
		const rows = run.json(NODE_NAME);
		expect(rows.length).toBe(3);
		expect(rows.every((r) => r['vendor.id'] === 'V-100' && typeof r.key === 'string')).toBe(true);
	});
});
