/**
 * User-defined dimensions and custom fields on transaction lines (writes/user-dimension-fields.ts):
 * every write that takes lines stores a UDD of the company (GLDIMFUNDINGSOURCE = one of its record
 * ids), and refuses, with nothing written, a GLDIM<NAME> the company has no dimension for, a value
 * that is none of the dimension's records, and any other custom field (an element of a generic line,
 * a customfield of a legacy line), which the sandbox company does not define. One rule for every function: the company's UDD list that
 * getDimensions answers.
 */
import { createCompany } from '../../../../sandbox/model';
import type { CompanyModel, XmlElement } from '../../../../sandbox/model/contract';
import { ctxAt, dataOf, errorsOf, records, xml } from '../xml-input';

const top = ctxAt();
const legacyDate = (y: string, m: string, d: string) => `<year>${y}</year><month>${m}</month><day>${d}</day>`;
const customfield = (name: string, value: string) => `<customfields><customfield><customfieldname>${name}</customfieldname><customfieldvalue>${value}</customfieldvalue></customfield></customfields>`;

interface LineWrite {
	/** The write, its first line carrying the UDD `name` = `value` as that function takes it. */
	build: (name: string, value: string) => XmlElement;
	/** The header object counted to show nothing was written, and its line object. */
	object: string;
	line: string;
	/** How a line names itself in the error. */
	where: string;
	/** How the key of what was written is found in the line object. */
	parentField: string;
}

const WRITES: Record<string, LineWrite> = {
	'create GLBATCH': {
		build: (name, value) =>
			xml(
				`<create><GLBATCH><JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2025</BATCH_DATE><BATCH_TITLE>UDD</BATCH_TITLE><ENTRIES>` +
					`<GLENTRY><ACCOUNTNO>6000</ACCOUNTNO><TR_TYPE>1</TR_TYPE><TRX_AMOUNT>10</TRX_AMOUNT><LOCATION>110</LOCATION><${name}>${value}</${name}></GLENTRY>` +
					'<GLENTRY><ACCOUNTNO>1000</ACCOUNTNO><TR_TYPE>-1</TR_TYPE><TRX_AMOUNT>10</TRX_AMOUNT><LOCATION>110</LOCATION></GLENTRY></ENTRIES></GLBATCH></create>',
			),
		object: 'GLBATCH',
		line: 'GLENTRY',
		where: '(entry line 1)',
		parentField: 'BATCHNO',
	},
	create_gltransaction: {
		build: (name, value) =>
			xml(
				`<create_gltransaction><journalid>GJ</journalid><datecreated>${legacyDate('2025', '6', '30')}</datecreated><description>UDD</description><gltransactionentries>` +
					`<glentry><trtype>debit</trtype><amount>10</amount><glaccountno>6000</glaccountno><locationid>110</locationid>${customfield(name, value)}</glentry>` +
					'<glentry><trtype>credit</trtype><amount>10</amount><glaccountno>1000</glaccountno><locationid>110</locationid></glentry></gltransactionentries></create_gltransaction>',
			),
		object: 'GLBATCH',
		line: 'GLENTRY',
		where: '(entry line 1)',
		parentField: 'BATCHNO',
	},
	'create APBILL': {
		build: (name, value) =>
			xml(
				'<create><APBILL><VENDORID>V-105</VENDORID><WHENCREATED>10/01/2026</WHENCREATED><WHENDUE>11/15/2026</WHENDUE><APBILLITEMS>' +
					`<APBILLITEM><ACCOUNTNO>6300</ACCOUNTNO><TRX_AMOUNT>10</TRX_AMOUNT><LOCATIONID>110</LOCATIONID><${name}>${value}</${name}></APBILLITEM></APBILLITEMS></APBILL></create>`,
			),
		object: 'APBILL',
		line: 'APBILLITEM',
		where: '(bill line 1)',
		parentField: 'RECORDKEY',
	},
	create_bill: {
		build: (name, value) =>
			xml(
				`<create_bill><vendorid>V-101</vendorid><datecreated>${legacyDate('2026', '10', '02')}</datecreated><termname>Net 30</termname><billitems>` +
					`<lineitem><glaccountno>6150</glaccountno><amount>12.5</amount><locationid>210</locationid>${customfield(name, value)}</lineitem></billitems></create_bill>`,
			),
		object: 'APBILL',
		line: 'APBILLITEM',
		where: '(bill line 1)',
		parentField: 'RECORDKEY',
	},
	create_invoice: {
		build: (name, value) =>
			xml(
				`<create_invoice><customerid>C-1001</customerid><datecreated>${legacyDate('2026', '10', '01')}</datecreated><datedue>${legacyDate('2026', '10', '31')}</datedue><invoiceitems>` +
					`<lineitem><glaccountno>4200</glaccountno><amount>30</amount><locationid>110</locationid>${customfield(name, value)}</lineitem></invoiceitems></create_invoice>`,
			),
		object: 'ARINVOICE',
		line: 'ARINVOICEITEM',
		where: '(invoice line 1)',
		parentField: 'RECORDKEY',
	},
	record_cctransaction: {
		build: (name, value) =>
			xml(
				`<record_cctransaction><chargecardid>VISA-1234</chargecardid><paymentdate>${legacyDate('2026', '11', '03')}</paymentdate><ccpayitems>` +
					`<ccpayitem><glaccountno>6000</glaccountno><paymentamount>12.50</paymentamount><locationid>110</locationid>${customfield(name, value)}</ccpayitem></ccpayitems></record_cctransaction>`,
			),
		object: 'CCTRANSACTION',
		line: 'CCTRANSACTIONENTRY',
		where: '(line 1)',
		parentField: 'RECORDKEY',
	},
};

function count(company: CompanyModel, object: string): number {
	return Number(dataOf(company.execute(top, xml(`<readByQuery><object>${object}</object><fields>RECORDNO</fields><query></query><pagesize>1</pagesize></readByQuery>`))).attributes.totalcount);
}

/** The write's errors, after checking that it wrote nothing (no header, no GL entry). */
function refused(company: CompanyModel, write: LineWrite, name: string, value: string) {
	const before = [count(company, write.object), count(company, 'GLBATCH')];
	const errors = errorsOf(() => company.execute(top, write.build(name, value)));
	expect([count(company, write.object), count(company, 'GLBATCH')]).toEqual(before);
	expect(errors.at(-1)?.errorno).toBe('BL01001973');
	return errors;
}

function writtenKey(company: CompanyModel, write: LineWrite, name: string, value: string): string {
	const out = company.execute(top, write.build(name, value));
	if (out.kind === 'key') return out.key;
	if (out.kind === 'data') return String(out.records[0].fields.RECORDNO);
	throw new Error(`unexpected ${out.kind}`);
}

describe.each(Object.entries(WRITES))('%s: a line\'s user-defined dimensions', (_name, write) => {
	const company = createCompany();

	it('stores a UDD of the company with one of its records', () => {
		const key = writtenKey(company, write, 'GLDIMFUNDINGSOURCE', '10004');
		const [line] = records(company.execute(top, xml(`<readByQuery><object>${write.line}</object><fields>GLDIMFUNDINGSOURCE</fields><query>${write.parentField} = ${key}</query></readByQuery>`)));
		expect(line.GLDIMFUNDINGSOURCE).toBe('10004');
	});

	it('refuses a GLDIM<NAME> the company has no dimension for, naming it and the line, and writes nothing', () => {
		const [error] = refused(company, write, 'GLDIMGRANT', '10004');
		expect(error.errorno).toBe('BL03000020');
		expect(error.description2).toContain(`Field GLDIMGRANT is not a field of ${write.line}`);
		expect(error.description2).toContain(write.where);
	});

	it('refuses a value that is none of the dimension\'s records (BL03000015, as an unknown department), and writes nothing', () => {
		const [error] = refused(company, write, 'GLDIMFUNDINGSOURCE', '99999');
		expect(error).toMatchObject({ errorno: 'BL03000015', description2: expect.stringContaining("Funding Source '99999' given for GLDIMFUNDINGSOURCE does not exist or is inactive.") });
		expect(error.description2).toContain(write.where);
	});

	it('refuses a custom field the line object does not have (none is defined) instead of ignoring it', () => {
		const [error] = refused(company, write, 'REGION', 'North');
		expect(error).toMatchObject({ errorno: 'BL03000020', description2: expect.stringContaining(`Field REGION is not a field of ${write.line}`) });
	});
});

describe('a UDD of the company where no line is: refused as any field the object does not have', () => {
	it.each([
		['the GLBATCH header', '<create><GLBATCH><JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2025</BATCH_DATE><BATCH_TITLE>h</BATCH_TITLE><GLDIMFUNDINGSOURCE>10004</GLDIMFUNDINGSOURCE><ENTRIES><GLENTRY><ACCOUNTNO>6000</ACCOUNTNO><TR_TYPE>1</TR_TYPE><TRX_AMOUNT>1</TRX_AMOUNT><LOCATION>110</LOCATION></GLENTRY><GLENTRY><ACCOUNTNO>1000</ACCOUNTNO><TR_TYPE>-1</TR_TYPE><TRX_AMOUNT>1</TRX_AMOUNT><LOCATION>110</LOCATION></GLENTRY></ENTRIES></GLBATCH></create>', 'GLBATCH'],
		['a vendor', '<create><VENDOR><VENDORID>V-UDD</VENDORID><NAME>Udd Vendor</NAME><GLDIMFUNDINGSOURCE>10004</GLDIMFUNDINGSOURCE></VENDOR></create>', 'VENDOR'],
	])('%s', (_name, request, object) => {
		const company = createCompany();
		const before = count(company, object);
		const [error] = errorsOf(() => company.execute(top, xml(request)));
		expect(error).toMatchObject({ errorno: 'BL03000020', description2: `Field GLDIMFUNDINGSOURCE is not a field of ${object}.` });
		expect(count(company, object)).toBe(before);
	});
});

describe('legacy headers: custom fields the company does not define are refused, not ignored', () => {
	it.each([
		['create_gltransaction', 'GLBATCH', `<create_gltransaction><journalid>GJ</journalid><datecreated>${legacyDate('2025', '6', '30')}</datecreated><description>h</description>${customfield('GRANT_CODE', 'G-1')}<gltransactionentries><glentry><trtype>debit</trtype><amount>1</amount><glaccountno>6000</glaccountno><locationid>110</locationid></glentry><glentry><trtype>credit</trtype><amount>1</amount><glaccountno>1000</glaccountno><locationid>110</locationid></glentry></gltransactionentries></create_gltransaction>`],
		['create_bill', 'APBILL', `<create_bill><vendorid>V-101</vendorid><datecreated>${legacyDate('2026', '10', '02')}</datecreated><termname>Net 30</termname>${customfield('APPROVER', 'ann')}<billitems><lineitem><glaccountno>6150</glaccountno><amount>1</amount><locationid>210</locationid></lineitem></billitems></create_bill>`],
	])('%s', (_name, object, request) => {
		const company = createCompany();
		const before = count(company, object);
		const errors = errorsOf(() => company.execute(top, xml(request)));
		expect(errors.map((e) => e.errorno)).toEqual(['BL03000020', 'BL01001973']);
		expect(errors[0].description2).toMatch(new RegExp(`^Field (GRANT_CODE|APPROVER) is not a field of ${object}\\.$`));
		expect(count(company, object)).toBe(before);
	});
});
