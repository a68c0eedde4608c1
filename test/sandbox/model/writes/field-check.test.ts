/**
 * Transaction headers against their documented field tables (docs/fidelity.md, "Writes and errors"):
 * generic create/update of APBILL, APPYMT, ARPYMT and GLBUDGETHEADER refuse an unknown or read-only
 * header field the way master data and GLENTRY do (BL03000020, then BL01001973) with nothing written,
 * and accept the fields Sage's pages document; legacy update_bill refuses an element api.xsd does
 * not allow (XL03000003), as create_bill does.
 */
import { createCompany } from '../../../../sandbox/model';
import type { CompanyModel } from '../../../../sandbox/model/contract';
import { ctxAt, dataOf, errorsOf, records, xml } from '../xml-input';

const top = ctxAt();
const LINE = '<APBILLITEMS><APBILLITEM><ACCOUNTNO>6500</ACCOUNTNO><TRX_AMOUNT>25.00</TRX_AMOUNT><LOCATIONID>110</LOCATIONID></APBILLITEM></APBILLITEMS>';

function billBody(number: string, extra: string): string {
	return `<create><APBILL><VENDORID>V-107</VENDORID><WHENCREATED>10/01/2026</WHENCREATED><WHENDUE>10/31/2026</WHENDUE><RECORDID>${number}</RECORDID>${extra}${LINE}</APBILL></create>`;
}

function count(company: CompanyModel, object: string, query: string): number {
	return records(company.execute(top, xml(`<readByQuery><object>${object}</object><fields>RECORDNO</fields><query>${query}</query></readByQuery>`))).length;
}

function read(company: CompanyModel, object: string, key: string) {
	return records(company.execute(top, xml(`<read><object>${object}</object><keys>${key}</keys><fields>*</fields></read>`)))[0];
}

function newBill(company: CompanyModel, number: string): string {
	return String(dataOf(company.execute(top, xml(billBody(number, '')))).records[0].fields.RECORDNO);
}

describe('APBILL header: only the fields of Create Bill / Update Bill', () => {
	it.each([
		['an unknown field', '<FOO>1</FOO>', 'Field FOO is not a field of APBILL.'],
		['a custom field the company does not define', '<REGION>North</REGION>', 'Field REGION is not a field of APBILL.'],
		['a custom field in the customfields wrapper', '<customfields><customfield><customfieldname>REGION</customfieldname><customfieldvalue>North</customfieldvalue></customfield></customfields>', 'Field REGION is not a field of APBILL.'],
		['a user-defined dimension (a line field)', '<GLDIMFUNDINGSOURCE>1</GLDIMFUNDINGSOURCE>', 'Field GLDIMFUNDINGSOURCE is not a field of APBILL.'],
		['a read-only total', '<TOTALDUE>5</TOTALDUE>', 'Field TOTALDUE of APBILL is read-only.'],
		['the read-only STATE', '<STATE>Paid</STATE>', 'Field STATE of APBILL is read-only.'],
	])('create with %s is refused, then BL01001973, nothing written', (_case, extra, text) => {
		const company = createCompany();
		const errors = errorsOf(() => company.execute(top, xml(billBody('HDR-1', extra))));
		expect(errors[0]).toMatchObject({ errorno: 'BL03000020', description2: text });
		expect(errors[errors.length - 1]).toMatchObject({ errorno: 'BL01001973', description2: 'Could not create Bill record!' });
		expect(count(company, 'APBILL', "RECORDID = 'HDR-1'")).toBe(0);
	});

	it('create accepts every documented header field', () => {
		const company = createCompany();
		const documented =
			'<WHENPOSTED>10/02/2026</WHENPOSTED><BILLTOPAYTOCONTACTNAME>x</BILLTOPAYTOCONTACTNAME><SHIPTORETURNTOCONTACTNAME>y</SHIPTORETURNTOCONTACTNAME>' +
			'<DOCNUMBER>PO-9</DOCNUMBER><DESCRIPTION>d</DESCRIPTION><TERMNAME>Net 30</TERMNAME><RECPAYMENTDATE>10/20/2026</RECPAYMENTDATE><PAYMENTPRIORITY>high</PAYMENTPRIORITY>' +
			'<ONHOLD>true</ONHOLD><PRBATCH>s</PRBATCH><CURRENCY>USD</CURRENCY><BASECURR>USD</BASECURR><EXCH_RATE_DATE>10/01/2026</EXCH_RATE_DATE><EXCH_RATE_TYPE_ID>Intacct Daily Rate</EXCH_RATE_TYPE_ID>' +
			'<INCLUSIVETAX>false</INCLUSIVETAX><ACTION>Submit</ACTION><TAXSOLUTIONID>x</TAXSOLUTIONID>';
		const recordNo = String(dataOf(company.execute(top, xml(billBody('HDR-2', documented)))).records[0].fields.RECORDNO);
		expect(read(company, 'APBILL', recordNo)).toMatchObject({ DOCNUMBER: 'PO-9', PAYMENTPRIORITY: 'high', ONHOLD: 'true', STATE: 'Posted' });
	});

	it('update with an unknown or read-only field is refused and leaves the bill as it was', () => {
		const company = createCompany();
		const recordNo = newBill(company, 'HDR-3');
		for (const [extra, text] of [
			['<MEMO>x</MEMO>', 'Field MEMO is not a field of APBILL.'],
			['<TOTALPAID>25</TOTALPAID>', 'Field TOTALPAID of APBILL is read-only.'],
		]) {
			const errors = errorsOf(() => company.execute(top, xml(`<update><APBILL><RECORDNO>${recordNo}</RECORDNO><DESCRIPTION>changed</DESCRIPTION>${extra}</APBILL></update>`)));
			expect(errors[0]).toMatchObject({ errorno: 'BL03000020', description2: text });
			expect(errors[errors.length - 1]).toMatchObject({ errorno: 'BL01001973', description2: 'Could not update Bill record!' });
		}
		expect(read(company, 'APBILL', recordNo)).toMatchObject({ DESCRIPTION: '', TOTALPAID: '0.00' });
		company.execute(top, xml(`<update><APBILL><RECORDNO>${recordNo}</RECORDNO><DESCRIPTION>changed</DESCRIPTION><ACTION>Submit</ACTION></APBILL></update>`));
		expect(read(company, 'APBILL', recordNo)).toMatchObject({ DESCRIPTION: 'changed' });
	});
});

describe('legacy update_bill: only what api.xsd allows', () => {
	it.each([
		['an element update_bill does not have', '<description>x</description><memo>y</memo>', "Element 'memo' is not allowed in <update_bill>"],
		['a create_bill-only element (externalid)', '<externalid>E</externalid>', "Element 'externalid' is not allowed in <update_bill>"],
		['header elements out of order', '<description>x</description><vendorid>V-107</vendorid>', "Element 'vendorid' in <update_bill> is out of order"],
		['an unknown element on an updated line', '<updatebillitems><updatelineitem line_num="1"><amount>3</amount><quantity>2</quantity></updatelineitem></updatebillitems>', "Element 'quantity' is not allowed in <updatelineitem>"],
		['a foreign element in updatebillitems', '<updatebillitems><glentry/></updatebillitems>', "Element 'glentry' is not allowed in <updatebillitems>"],
	])('%s is a schema error (XL03000003), nothing changed', (_case, body, text) => {
		const company = createCompany();
		const recordNo = newBill(company, 'HDR-4');
		const errors = errorsOf(() => company.execute(top, xml(`<update_bill key="${recordNo}">${body}</update_bill>`)));
		expect(errors[0]).toMatchObject({ errorno: 'XL03000003', description2: expect.stringContaining(text) });
		expect(read(company, 'APBILL', recordNo)).toMatchObject({ DESCRIPTION: '', TOTALENTERED: '25.00' });
	});

	it("create_bill's lineitem takes api.xsd's form1099type/form1099box and revrec elements (schema-valid, not modelled)", () => {
		const company = createCompany();
		const date = '<year>2026</year><month>10</month><day>01</day>';
		const line = '<lineitem><glaccountno>6500</glaccountno><amount>12</amount><memo>m</memo><locationid>110</locationid><item1099>true</item1099><form1099type>MISC</form1099type><form1099box>7</form1099box><revrecstartdate>' + date + '</revrecstartdate></lineitem>';
		const out = company.execute(top, xml(`<create_bill><vendorid>V-107</vendorid><datecreated>${date}</datecreated><datedue>${date}</datedue><billno>HDR-6</billno><billitems>${line}</billitems></create_bill>`));
		if (out.kind !== 'key') throw new Error(`expected a key, got ${out.kind}`);
		expect(read(company, 'APBILL', out.key)).toMatchObject({ RECORDID: 'HDR-6', TOTALENTERED: '12.00' });
	});

	it('documented elements in order still update header and lines', () => {
		const company = createCompany();
		const recordNo = newBill(company, 'HDR-5');
		company.execute(
			top,
			xml(`<update_bill key="${recordNo}"><ponumber>PO-1</ponumber><description>new</description><updatebillitems><updatelineitem line_num="1"><amount>30</amount><memo>m</memo></updatelineitem></updatebillitems></update_bill>`),
		);
		expect(read(company, 'APBILL', recordNo)).toMatchObject({ DOCNUMBER: 'PO-1', DESCRIPTION: 'new', TOTALENTERED: '30.00' });
	});
});

const AP_HEADER = '<FINANCIALENTITY>BOA-OP</FINANCIALENTITY><PAYMENTMETHOD>ACH</PAYMENTMETHOD><VENDORID>V-107</VENDORID><PAYMENTDATE>11/02/2026</PAYMENTDATE><CURRENCY>USD</CURRENCY>';

describe('APPYMT header: only the fields of Create AP Payment', () => {
	const pay = (company: CompanyModel, bill: string, extra: string) =>
		company.execute(top, xml(`<create><APPYMT>${AP_HEADER}${extra}<APPYMTDETAILS><APPYMTDETAIL><RECORDKEY>${bill}</RECORDKEY><TRX_PAYMENTAMOUNT>10.00</TRX_PAYMENTAMOUNT></APPYMTDETAIL></APPYMTDETAILS></APPYMT></create>`));

	it.each([
		['an unknown field', '<CHECKNO>5</CHECKNO>', 'Field CHECKNO is not a field of APPYMT.'],
		['a custom field', '<customfields><customfield><customfieldname>REGION</customfieldname><customfieldvalue>N</customfieldvalue></customfield></customfields>', 'Field REGION is not a field of APPYMT.'],
		['a read-only total', '<TOTALPAID>10</TOTALPAID>', 'Field TOTALPAID of APPYMT is read-only.'],
	])('%s is refused, then BL01001973; no payment, the bill untouched', (_case, extra, text) => {
		const company = createCompany();
		const bill = newBill(company, 'HDR-6');
		const errors = errorsOf(() => pay(company, bill, extra));
		expect(errors[0]).toMatchObject({ errorno: 'BL03000020', description2: text });
		expect(errors[errors.length - 1]).toMatchObject({ errorno: 'BL01001973', description2: 'Could not create AP Payment record!' });
		expect(count(company, 'APPYMT', "VENDORID = 'V-107'")).toBe(0);
		expect(read(company, 'APBILL', bill)).toMatchObject({ TOTALPAID: '0.00', TOTALDUE: '25.00' });
	});

	it.each([
		['an unknown detail field', '<QUANTITY>1</QUANTITY>', 'Field QUANTITY is not a field of APPYMTDETAIL. (payment detail 1)'],
		['a read-only detail field', '<PAYMENTAMOUNT>10</PAYMENTAMOUNT>', 'Field PAYMENTAMOUNT of APPYMTDETAIL is read-only. (payment detail 1)'],
	])('%s is refused; no payment, the bill untouched', (_case, extra, text) => {
		const company = createCompany();
		const bill = newBill(company, 'HDR-8');
		const body = `<create><APPYMT>${AP_HEADER}<APPYMTDETAILS><APPYMTDETAIL><RECORDKEY>${bill}</RECORDKEY><TRX_PAYMENTAMOUNT>10.00</TRX_PAYMENTAMOUNT>${extra}</APPYMTDETAIL></APPYMTDETAILS></APPYMT></create>`;
		expect(errorsOf(() => company.execute(top, xml(body)))[0]).toMatchObject({ errorno: 'BL03000020', description2: text });
		expect(count(company, 'APPYMT', "VENDORID = 'V-107'")).toBe(0);
		expect(read(company, 'APBILL', bill)).toMatchObject({ TOTALPAID: '0.00' });
	});

	it('accepts the documented inputs that are not stored fields', () => {
		const company = createCompany();
		const bill = newBill(company, 'HDR-7');
		const extra = '<PAYMENTREQUESTMETHOD>bill</PAYMENTREQUESTMETHOD><EXCH_RATE_DATE>11/02/2026</EXCH_RATE_DATE><EXCH_RATE_TYPE_ID>Intacct Daily Rate</EXCH_RATE_TYPE_ID><DOCNUMBER>1001</DOCNUMBER><BASECURR>USD</BASECURR><ACTION>Submit</ACTION>';
		dataOf(pay(company, bill, extra));
		expect(read(company, 'APBILL', bill)).toMatchObject({ TOTALPAID: '10.00', TOTALDUE: '15.00' });
	});
});

describe('ARPYMT header: only the fields of Create / Update AR Payment', () => {
	const invoice = (company: CompanyModel): string => {
		const date = '<year>2026</year><month>10</month><day>01</day>';
		const out = company.execute(
			top,
			xml(`<create_invoice><customerid>C-1001</customerid><datecreated>${date}</datecreated><datedue>${date}</datedue><invoiceno>HDR-INV</invoiceno><invoiceitems><lineitem><glaccountno>4200</glaccountno><amount>40</amount><locationid>110</locationid></lineitem></invoiceitems></create_invoice>`),
		);
		if (out.kind !== 'key') throw new Error('no invoice key');
		return out.key;
	};
	const pay = (company: CompanyModel, no: string, extra: string) =>
		company.execute(
			top,
			xml(`<create><ARPYMT><FINANCIALENTITY>BOA-OP</FINANCIALENTITY><PAYMENTMETHOD>Cash</PAYMENTMETHOD><CUSTOMERID>C-1001</CUSTOMERID><RECEIPTDATE>11/02/2026</RECEIPTDATE><CURRENCY>USD</CURRENCY>${extra}<ARPYMTDETAILS><ARPYMTDETAIL><RECORDKEY>${no}</RECORDKEY><TRX_PAYMENTAMOUNT>40</TRX_PAYMENTAMOUNT></ARPYMTDETAIL></ARPYMTDETAILS></ARPYMT></create>`),
		);

	it.each([
		['an unknown field', '<CHECKNO>5</CHECKNO>', 'Field CHECKNO is not a field of ARPYMT.'],
		['a read-only name', '<CUSTOMERNAME>x</CUSTOMERNAME>', 'Field CUSTOMERNAME of ARPYMT is read-only.'],
		['the read-only STATE', '<STATE>Draft</STATE>', 'Field STATE of ARPYMT is read-only.'],
	])('%s is refused, then BL01001973; no payment, the invoice untouched', (_case, extra, text) => {
		const company = createCompany();
		const no = invoice(company);
		const before = count(company, 'ARPYMT', "CUSTOMERID = 'C-1001'");
		const errors = errorsOf(() => pay(company, no, extra));
		expect(errors[0]).toMatchObject({ errorno: 'BL03000020', description2: text });
		expect(errors[errors.length - 1]).toMatchObject({ errorno: 'BL01001973', description2: 'Could not create AR Payment record!' });
		expect(count(company, 'ARPYMT', "CUSTOMERID = 'C-1001'")).toBe(before);
		expect(read(company, 'ARINVOICE', no)).toMatchObject({ TOTALDUE: '40.00' });
	});

	it('accepts documented fields (BILLTOPAYTONAME, WHENPAID, EXCH_RATE_TYPE_ID)', () => {
		const company = createCompany();
		const no = invoice(company);
		dataOf(pay(company, no, '<BILLTOPAYTONAME>Ann</BILLTOPAYTONAME><WHENPAID>11/02/2026</WHENPAID><EXCH_RATE_TYPE_ID>Intacct Daily Rate</EXCH_RATE_TYPE_ID><DOCNUMBER>R-1</DOCNUMBER>'));
		expect(read(company, 'ARINVOICE', no)).toMatchObject({ TOTALDUE: '0.00' });
	});

	it.each([
		['an unknown detail field', '<MEMO>x</MEMO>', 'Field MEMO is not a field of ARPYMTDETAIL. (payment detail 1)'],
		['a read-only detail field', '<STATE>Draft</STATE>', 'Field STATE of ARPYMTDETAIL is read-only. (payment detail 1)'],
	])('%s is refused; the invoice untouched', (_case, extra, text) => {
		const company = createCompany();
		const no = invoice(company);
		const body = `<create><ARPYMT><FINANCIALENTITY>BOA-OP</FINANCIALENTITY><PAYMENTMETHOD>Cash</PAYMENTMETHOD><CUSTOMERID>C-1001</CUSTOMERID><RECEIPTDATE>11/02/2026</RECEIPTDATE><CURRENCY>USD</CURRENCY><ARPYMTDETAILS><ARPYMTDETAIL><RECORDKEY>${no}</RECORDKEY><TRX_PAYMENTAMOUNT>40</TRX_PAYMENTAMOUNT>${extra}</ARPYMTDETAIL></ARPYMTDETAILS></ARPYMT></create>`;
		expect(errorsOf(() => company.execute(top, xml(body)))[0]).toMatchObject({ errorno: 'BL03000020', description2: text });
		expect(read(company, 'ARINVOICE', no)).toMatchObject({ TOTALDUE: '40.00' });
	});

	it('update names an unknown field: refused before anything else', () => {
		const company = createCompany();
		const errors = errorsOf(() => company.execute(top, xml('<update><ARPYMT><RECORDNO>1</RECORDNO><CHECKNO>5</CHECKNO></ARPYMT></update>')));
		expect(errors[0]).toMatchObject({ errorno: 'BL03000020', description2: 'Field CHECKNO is not a field of ARPYMT.' });
	});
});

describe('GLBUDGETHEADER: only the fields of Create Budget / Update Budget', () => {
	const item = (extra = '') => `<GLBUDGETITEM><ACCT_NO>6000</ACCT_NO><PERIODNAME>Month Ended January 2026</PERIODNAME><AMOUNT>5</AMOUNT>${extra}</GLBUDGETITEM>`;
	const create = (header: string, items: string) => `<create><GLBUDGETHEADER><BUDGETID>B9</BUDGETID><DESCRIPTION>x</DESCRIPTION>${header}<GLBUDGETITEMS>${items}</GLBUDGETITEMS></GLBUDGETHEADER></create>`;

	it.each([
		['an unknown header field', create('<OWNER>me</OWNER>', item()), 'Field OWNER is not a field of GLBUDGETHEADER.'],
		['a read-only header field', create('<WHENMODIFIED>01/01/2026 00:00:00</WHENMODIFIED>', item()), 'Field WHENMODIFIED of GLBUDGETHEADER is read-only.'],
		['an unknown detail field', create('', item('<NOTE>n</NOTE>')), 'Field NOTE is not a field of GLBUDGETITEM. (budget detail 1)'],
		['a read-only detail field', create('', item('<BUDGETKEY>3</BUDGETKEY>')), 'Field BUDGETKEY of GLBUDGETITEM is read-only. (budget detail 1)'],
	])('create with %s is refused, nothing written', (_case, body, text) => {
		const company = createCompany();
		const errors = errorsOf(() => company.execute(top, xml(body)));
		expect(errors[0]).toMatchObject({ errorno: 'BL03000020', description2: text });
		expect(errors[errors.length - 1]).toMatchObject({ errorno: 'BL01001973', description2: 'Could not create Budget record!' });
		expect(count(company, 'GLBUDGETHEADER', "BUDGETID = 'B9'")).toBe(0);
	});

	it('create accepts the documented header and detail fields', () => {
		const company = createCompany();
		dataOf(company.execute(top, xml(create('<DEFAULT_BUDGET>false</DEFAULT_BUDGET><ISCONSOLIDATED>false</ISCONSOLIDATED><ISPCNBUDGET>false</ISPCNBUDGET>', item('<LOCATION_NO>110</LOCATION_NO>')))));
		expect(count(company, 'GLBUDGETHEADER', "BUDGETID = 'B9'")).toBe(1);
	});

	it('update: unknown fields and details refused, the header unchanged; a documented field is written', () => {
		const company = createCompany();
		const recordNo = String(dataOf(company.execute(top, xml(create('', item())))).records[0].fields.RECORDNO);
		const unknown = errorsOf(() => company.execute(top, xml(`<update><GLBUDGETHEADER><RECORDNO>${recordNo}</RECORDNO><DESCRIPTION>y</DESCRIPTION><OWNER>me</OWNER></GLBUDGETHEADER></update>`)));
		expect(unknown[0]).toMatchObject({ errorno: 'BL03000020', description2: 'Field OWNER is not a field of GLBUDGETHEADER.' });
		const details = errorsOf(() => company.execute(top, xml(`<update><GLBUDGETHEADER><RECORDNO>${recordNo}</RECORDNO><DESCRIPTION>y</DESCRIPTION><GLBUDGETITEMS>${item()}</GLBUDGETITEMS></GLBUDGETHEADER></update>`)));
		expect(details[0]).toMatchObject({ errorno: 'BL03000020', description2: 'Updating budget details is not modelled by the sandbox.' });
		expect(read(company, 'GLBUDGETHEADER', recordNo)).toMatchObject({ DESCRIPTION: 'x' });
		company.execute(top, xml(`<update><GLBUDGETHEADER><RECORDNO>${recordNo}</RECORDNO><DESCRIPTION>y</DESCRIPTION></GLBUDGETHEADER></update>`));
		expect(read(company, 'GLBUDGETHEADER', recordNo)).toMatchObject({ DESCRIPTION: 'y' });
	});
});
