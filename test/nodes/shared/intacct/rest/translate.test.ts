import { conditionsToFilters, queryFilterToCondition, toRestBody, toXmlRecord } from '../../../../../nodes/shared/intacct/rest/translate';
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
	test('a REST journal entry becomes the XML record, lines under ENTRIES/GLENTRY', () => {
		const record = toXmlRecord(GLBATCH, {
			key: '7',
			glJournal: { id: 'GJ' },
			postingDate: '2026-10-15',
			state: 'posted',
			webURL: '/ia/acct/ur.phtml?.r=glbatch%3A7',
			lines: [{ key: '70', txnType: 'credit', glAccount: { id: '1000', name: 'Cash' }, txnAmount: '5.00' }],
		}, GLBATCH.fields, 'https://api.intacct.com');
		expect(record).toEqual({
			RECORDNO: '7',
			JOURNAL: 'GJ',
			BATCH_DATE: '10/15/2026',
			STATE: 'Posted',
			RECORD_URL: 'https://api.intacct.com/ia/acct/ur.phtml?.r=glbatch%3A7',
			ENTRIES: { GLENTRY: [{ RECORDNO: '70', TR_TYPE: '-1', ACCOUNTNO: '1000', ACCOUNTTITLE: 'Cash', TRX_AMOUNT: '5.00' }] },
		});
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
