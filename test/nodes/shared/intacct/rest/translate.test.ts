import { conditionsToFilters, queryFilterToCondition, selectFields, toRestBody, toXmlRecord, workflowOf } from '../../../../../nodes/shared/intacct/rest/translate';
import { legacyFunction } from '../../../../../nodes/shared/intacct/xml/functions';
import { restMapping } from '../../../../../nodes/shared/intacct/records/restObjects';
import { query } from '../../../../../nodes/shared/intacct/xml/functions';
import type { XmlObject } from '../../../../../nodes/shared/intacct/core/types';

const GLENTRY = restMapping('GLENTRY')!;
const VENDOR = restMapping('VENDOR')!;
const GLBATCH = restMapping('GLBATCH')!;

describe('readByQuery conditions as query-service filters (rest/translate.ts)', () => {
	test('AND of comparisons, IN, dates and state codes', () => {
		expect(conditionsToFilters(GLENTRY, "ACCOUNTNO IN ('6100','6200') AND ENTRY_DATE >= '03/31/2026' AND STATE = 'P'")).toEqual({
			filters: [{ $in: { 'glAccount.id': ['6100', '6200'] } }, { $gte: { entryDate: '2026-03-31' } }, { $eq: { state: 'posted' } }],
		});
	});

	test('OR and parentheses become a filterExpression; LIKE, NOT IN, IS NULL', () => {
		expect(conditionsToFilters(VENDOR, "(VENDORID LIKE 'V-1%' OR NAME LIKE '%Pantry%') AND VENDORID NOT IN ('V-9') AND TAXID IS NULL")).toEqual({
			filters: [{ $startsWith: { id: 'V-1' } }, { $contains: { name: 'Pantry' } }, { $notIn: { id: ['V-9'] } }, { $eq: { taxId: null } }],
			filterExpression: '(1 or 2) and 3 and 4',
		});
	});

	test('an apostrophe inside a quoted value; unknown fields and operators are refused by name', () => {
		expect(conditionsToFilters(VENDOR, "NAME = 'O\\'Brien'").filters).toEqual([{ $eq: { name: "O'Brien" } }]);
		expect(() => conditionsToFilters(GLENTRY, "JOURNAL = 'GJ'")).toThrow(/field JOURNAL cannot be filtered over the REST API/);
		expect(() => conditionsToFilters(GLENTRY, "ACCOUNTNO = '1")).toThrow(/unterminated/);
	});

	test("the query function's filter tree reads back as the same condition", () => {
		const fn = query({
			object: 'VENDOR',
			select: ['VENDORID'],
			filter: { operator: 'or', filters: [{ operator: 'in', field: 'VENDORID', values: ['V-1', 'V-2'] }, { operator: 'like', field: 'NAME', value: 'A%' }] },
		});
		const condition = queryFilterToCondition(fn.body.filter as XmlObject);
		expect(conditionsToFilters(VENDOR, condition)).toEqual({ filters: [{ $in: { id: ['V-1', 'V-2'] } }, { $startsWith: { name: 'A' } }], filterExpression: '(1 or 2)' });
	});
});

describe('records and bodies', () => {
	test('a REST journal entry becomes the XML record, lines under ENTRIES/glentry as the XML read renders them (one line: one record)', () => {
		const entry = {
			key: '7',
			glJournal: { id: 'GJ' },
			postingDate: '2026-10-15',
			state: 'posted',
			webURL: '/ia/acct/ur.phtml?.r=glbatch%3A7',
			lines: [{ key: '70', txnType: 'credit', glAccount: { id: '1000', name: 'Cash' }, txnAmount: '5.00' }],
		};
		const line = { RECORDNO: '70', TR_TYPE: '-1', ACCOUNTNO: '1000', ACCOUNTTITLE: 'Cash', TRX_AMOUNT: '5.00' };
		expect(toXmlRecord(GLBATCH, entry, GLBATCH.fields, 'https://api.intacct.com')).toEqual({
			RECORDNO: '7',
			JOURNAL: 'GJ',
			BATCH_DATE: '10/15/2026',
			STATE: 'Posted',
			RECORD_URL: 'https://api.intacct.com/ia/acct/ur.phtml?.r=glbatch%3A7',
			ENTRIES: { glentry: line },
		});
		const two = toXmlRecord(GLBATCH, { ...entry, lines: [...entry.lines, { ...entry.lines[0], key: '71' }] }, GLBATCH.fields);
		expect(two.ENTRIES).toEqual({ glentry: [line, { ...line, RECORDNO: '71' }] });
	});

	test('an XML create body becomes the REST body; a field with no REST name is refused', () => {
		expect(toRestBody(VENDOR, { VENDORID: 'V-1', NAME: 'A', DISPLAYCONTACT: { PRINTAS: 'A Co', MAILADDRESS: { CITY: 'Oslo' } }, ONHOLD: 'true' }, 'vendor')).toEqual({
			id: 'V-1',
			name: 'A',
			contacts: { default: { printAs: 'A Co', mailingAddress: { city: 'Oslo' } } },
			isOnHold: true,
		});
		expect(() => toRestBody(VENDOR, { VENDORID: 'V-1', NOSUCH: 'x' }, 'Vendor (item 0)')).toThrow(/Vendor \(item 0\): field NOSUCH has no REST equivalent/);
	});
});

describe('AP payments and budget details (records/restObjects.ts APPYMT, GLBUDGETITEM)', () => {
	const APPYMT = restMapping('APPYMT')!;

	test('a payment body: camelCase method, the payment date, state from ACTION, details applying to bills', () => {
		const body: XmlObject = {
			FINANCIALENTITY: 'BOA-OP',
			PAYMENTMETHOD: 'Printed Check',
			VENDORID: 'V-107',
			PAYMENTDATE: '11/02/2026',
			CURRENCY: 'USD',
			ACTION: 'Draft',
			APPYMTDETAILS: { APPYMTDETAIL: [{ RECORDKEY: '12', ENTRYKEY: '40', TRX_PAYMENTAMOUNT: '10.00' }] },
		};
		expect(toRestBody(APPYMT, body, 'payment')).toEqual({
			financialEntity: { entityId: 'BOA-OP' },
			paymentMethod: 'printedCheck',
			vendor: { id: 'V-107' },
			paymentDate: '2026-11-02',
			txnCurrency: { currency: 'USD' },
			state: 'draft',
			details: [{ bill: { key: '12' }, billLine: { key: '40' }, txnCurrency: { paymentAmount: '10.00' } }],
		});
		expect(APPYMT.createDefaults).toEqual({ state: 'submitted' });
	});

	test('a payment read: XML names and labels, no write-only fields, no details (the XML read has none)', () => {
		const record = toXmlRecord(APPYMT, {
			key: '7',
			paymentMethod: 'ach',
			state: 'confirmed',
			txnDate: '2026-11-02',
			paymentRequestMethod: 'useVendorPreference',
			baseCurrency: { totalAmount: '10.00' },
			details: [{ key: '1', bill: { key: '12' } }],
		});
		expect(record).toEqual({ RECORDNO: '7', PAYMENTMETHOD: 'ACH', STATE: 'Complete', WHENCREATED: '11/02/2026', PAYMENTREQUESTMETHOD: 'vendorpref', TOTALENTERED: '10.00' });
		expect(selectFields(APPYMT, ['*']).map((f) => f.rest)).not.toContain('paymentDate');
		expect(() => selectFields(APPYMT, ['PAYMENTDATE'])).toThrow(/cannot be read over the REST API/);
	});

	test('state filter codes of APPYMT (C complete, V voided) become the REST values', () => {
		expect(conditionsToFilters(APPYMT, "STATE IN ('C','V') AND STATE <> 'D'").filters).toEqual([{ $in: { state: ['confirmed', 'voided'] } }, { $ne: { state: 'draft' } }]);
	});

	test('reverse_appayment is the reverse workflow; other legacy functions have none', () => {
		const fn = legacyFunction('reverse_appayment', { datereversed: { year: '2026', month: '11', day: '5' }, description: 'Lost check' }, { attributes: { key: '42' } });
		expect(workflowOf(fn)).toEqual({ path: '/workflows/accounts-payable/payment/reverse', body: { key: '42', paymentDate: '2026-11-05', description: 'Lost check' }, object: 'accounts-payable/payment' });
		expect(workflowOf(legacyFunction('get_trialbalance', {}))).toBeUndefined();
		expect(() => workflowOf(legacyFunction('reverse_appayment', { datereversed: { year: '2026', month: '11', day: '5' } }))).toThrow(/needs the key/);
	});

	test('budget details read back with the XML names', () => {
		const record = toXmlRecord(restMapping('GLBUDGETITEM')!, { key: '49', budget: { key: '1', id: 'Grant Budgets' }, reportingPeriod: { id: 'Month Ended March 2025' }, glAccount: { id: '6000' }, amount: '19200.00' });
		expect(record).toEqual({ RECORDNO: '49', BUDGETKEY: '1', BUDGETID: 'Grant Budgets', PERIODNAME: 'Month Ended March 2025', ACCT_NO: '6000', AMOUNT: '19200.00' });
	});
});

describe('user-defined dimensions on lines (GLDIM<NAME> <-> dimensions.nsp::<name>.key)', () => {
	const APBILL = restMapping('APBILL')!;

	test('a journal entry line and a bill line with a UDD become dimensions.nsp::<name> { key }; a header field GLDIM… is still refused', () => {
		const body = toRestBody(GLBATCH, { JOURNAL: 'GJ', ENTRIES: { GLENTRY: [{ ACCOUNTNO: '6000', TR_TYPE: '1', TRX_AMOUNT: '5', LOCATION: '110', GLDIMFUNDINGSOURCE: '10004' }] } }, 'Journal entry (item 1)');
		expect(body.lines).toEqual([{ glAccount: { id: '6000' }, txnType: 'debit', txnAmount: '5', dimensions: { location: { id: '110' }, 'nsp::fundingsource': { key: '10004' } } }]);
		const bill = toRestBody(APBILL, { VENDORID: 'V-1', APBILLITEMS: { APBILLITEM: [{ ACCOUNTNO: '6000', TRX_AMOUNT: '5', gldimFundingSource: '10001' }] } }, 'Bill (item 1)');
		expect((bill.lines as Array<Record<string, unknown>>)[0].dimensions).toEqual({ 'nsp::fundingsource': { key: '10001' } });
		expect(() => toRestBody(GLBATCH, { JOURNAL: 'GJ', GLDIMFUNDINGSOURCE: '10004' }, 'Journal entry (item 2)')).toThrow(/Journal entry \(item 2\): field GLDIMFUNDINGSOURCE has no REST equivalent/);
	});

	test('a GL entry filter and field list name the UDD key; the answer reads back under GLDIM<NAME> whatever the case of the name', () => {
		expect(conditionsToFilters(GLENTRY, "GLDIMFUNDINGSOURCE = '10004' AND ACCOUNTNO = '6000'").filters).toEqual([
			{ $eq: { 'dimensions.nsp::fundingsource.key': '10004' } },
			{ $eq: { 'glAccount.id': '6000' } },
		]);
		const fields = selectFields(GLENTRY, ['RECORDNO', 'GLDIMFUNDINGSOURCE']);
		expect(fields.map((f) => f.rest)).toEqual(['key', 'dimensions.nsp::fundingsource.key']);
		// The query service answers the path as the client sent it (the company's spelling, client/restClient.ts).
		expect(toXmlRecord(GLENTRY, { key: '9', 'dimensions.nsp::FundingSource.key': '10004' }, fields)).toEqual({ RECORDNO: '9', GLDIMFUNDINGSOURCE: '10004' });
		expect(toXmlRecord(GLENTRY, { key: '9', 'dimensions.nsp::fundingsource.key': null }, fields)).toEqual({ RECORDNO: '9', GLDIMFUNDINGSOURCE: '' });
		expect(() => selectFields(VENDOR, ['GLDIMFUNDINGSOURCE'])).toThrow(/cannot be read over the REST API/);
	});

	test('a line read whole (GET of its entry) carries each UDD the answer has, as the XML read does; a named field list only those named', () => {
		const line = { key: '70', glAccount: { id: '6000' }, dimensions: { location: { id: '110' }, 'nsp::fundingsource': { key: '10004', href: '/objects/platform-apps/nsp::fundingsource/10004' }, 'nsp::grant': { key: null } } };
		const record = toXmlRecord(GLBATCH, { key: '7', lines: [line] }, GLBATCH.fields);
		expect((record.ENTRIES as { glentry: Record<string, unknown> }).glentry).toMatchObject({ RECORDNO: '70', LOCATION: '110', GLDIMFUNDINGSOURCE: '10004', GLDIMGRANT: '' });
		expect(toXmlRecord(GLENTRY, line, selectFields(GLENTRY, ['*']))).toMatchObject({ GLDIMFUNDINGSOURCE: '10004' });
		expect(toXmlRecord(GLENTRY, line, selectFields(GLENTRY, ['RECORDNO']))).toEqual({ RECORDNO: '70' });
	});
});
