/**
 * AP payments in the model (Sage's AP Payments page): a payment can't exceed what a bill has open,
 * partial payments leave the bill Partially Paid, a full one makes it Paid (TOTALDUE 0), the payment
 * posts AP debit / bank credit, and reverse_appayment gives the money back.
 */
import { createCompany } from '../../../sandbox/model';
import type { CompanyModel } from '../../../sandbox/model/contract';
import { ctxAt, dataOf, errorsOf, records, xml } from './xml-input';

const top = ctxAt();

function newBill(company: CompanyModel, vendor = 'V-107', amounts = ['100.00', '50.00'], number = `PAY-${Math.random().toString(36).slice(2, 8)}`): string {
	const lines = amounts.map((a) => `<APBILLITEM><ACCOUNTNO>6500</ACCOUNTNO><TRX_AMOUNT>${a}</TRX_AMOUNT><LOCATIONID>110</LOCATIONID></APBILLITEM>`).join('');
	const out = dataOf(
		company.execute(top, xml(`<create><APBILL><VENDORID>${vendor}</VENDORID><WHENCREATED>10/01/2026</WHENCREATED><WHENDUE>10/31/2026</WHENDUE><RECORDID>${number}</RECORDID><APBILLITEMS>${lines}</APBILLITEMS></APBILL></create>`)),
	);
	return String(out.records[0].fields.RECORDNO);
}

function payment(details: string, header = '<FINANCIALENTITY>BOA-OP</FINANCIALENTITY><PAYMENTMETHOD>ACH</PAYMENTMETHOD><VENDORID>V-107</VENDORID><PAYMENTDATE>11/02/2026</PAYMENTDATE><CURRENCY>USD</CURRENCY>') {
	return xml(`<create><APPYMT>${header}<APPYMTDETAILS>${details}</APPYMTDETAILS></APPYMT></create>`);
}

function bill(company: CompanyModel, recordNo: string) {
	return records(company.execute(top, xml(`<read><object>APBILL</object><keys>${recordNo}</keys><fields>*</fields></read>`)))[0];
}

describe('APPYMT create', () => {
	it('a partial payment leaves the bill Partially Paid; the rest makes it Paid with nothing due', () => {
		const company = createCompany();
		const billNo = newBill(company);
		const first = dataOf(company.execute(top, payment(`<APPYMTDETAIL><RECORDKEY>${billNo}</RECORDKEY><TRX_PAYMENTAMOUNT>60.00</TRX_PAYMENTAMOUNT></APPYMTDETAIL>`)));
		expect(first.records[0].element).toBe('appymt');
		expect(bill(company, billNo)).toMatchObject({ STATE: 'Partially Paid', TOTALPAID: '60.00', TOTALDUE: '90.00' });
		company.execute(top, payment(`<APPYMTDETAIL><RECORDKEY>${billNo}</RECORDKEY><TRX_PAYMENTAMOUNT>90.00</TRX_PAYMENTAMOUNT></APPYMTDETAIL>`));
		expect(bill(company, billNo)).toMatchObject({ STATE: 'Paid', TOTALPAID: '150.00', TOTALDUE: '0.00', WHENPAID: '11/02/2026' });
	});

	it('posts one journal entry: debit AP 2000, credit the bank account\'s GL account', () => {
		const company = createCompany();
		const billNo = newBill(company);
		const no = dataOf(company.execute(top, payment(`<APPYMTDETAIL><RECORDKEY>${billNo}</RECORDKEY><TRX_PAYMENTAMOUNT>150</TRX_PAYMENTAMOUNT></APPYMTDETAIL>`))).records[0].fields.RECORDNO;
		const [pay] = records(company.execute(top, xml(`<read><object>APPYMT</object><keys>${String(no)}</keys><fields>*</fields></read>`)));
		expect(pay).toMatchObject({ STATE: 'Complete', TOTALENTERED: '150.00', FINANCIALENTITY: 'BOA-OP', PAYMENTMETHOD: 'ACH', WHENCREATED: '11/02/2026' });
		const lines = records(company.execute(top, xml(`<readByQuery><object>GLENTRY</object><fields>ACCOUNTNO,TR_TYPE,TRX_AMOUNT</fields><query>BATCHNO = ${String(pay.GLBATCHKEY)}</query></readByQuery>`)));
		expect(lines.map((l) => [l.ACCOUNTNO, l.TR_TYPE, l.TRX_AMOUNT])).toEqual([
			['2000', '1', '150.00'],
			['1000', '-1', '150.00'],
		]);
	});

	it('pays one line (ENTRYKEY) no further than that line is open', () => {
		const company = createCompany();
		const billNo = newBill(company);
		const [line1] = records(company.execute(top, xml(`<readByQuery><object>APBILLITEM</object><fields>RECORDNO</fields><query>RECORDKEY = ${billNo}</query></readByQuery>`)));
		const errors = errorsOf(() => company.execute(top, payment(`<APPYMTDETAIL><RECORDKEY>${billNo}</RECORDKEY><ENTRYKEY>${String(line1.RECORDNO)}</ENTRYKEY><TRX_PAYMENTAMOUNT>100.01</TRX_PAYMENTAMOUNT></APPYMTDETAIL>`)));
		expect(errors[0].description2).toContain('exceeds the amount due 100.00 on line');
		company.execute(top, payment(`<APPYMTDETAIL><RECORDKEY>${billNo}</RECORDKEY><ENTRYKEY>${String(line1.RECORDNO)}</ENTRYKEY><TRX_PAYMENTAMOUNT>100</TRX_PAYMENTAMOUNT></APPYMTDETAIL>`));
		expect(bill(company, billNo)).toMatchObject({ STATE: 'Partially Paid', TOTALDUE: '50.00' });
	});

	it.each([
		['more than is open', (b: string) => `<APPYMTDETAIL><RECORDKEY>${b}</RECORDKEY><TRX_PAYMENTAMOUNT>150.01</TRX_PAYMENTAMOUNT></APPYMTDETAIL>`, 'exceeds the amount due 150.00'],
		['two details adding up past the open amount', (b: string) => `<APPYMTDETAIL><RECORDKEY>${b}</RECORDKEY><TRX_PAYMENTAMOUNT>100</TRX_PAYMENTAMOUNT></APPYMTDETAIL><APPYMTDETAIL><RECORDKEY>${b}</RECORDKEY><TRX_PAYMENTAMOUNT>51</TRX_PAYMENTAMOUNT></APPYMTDETAIL>`, 'payment detail 2'],
		['an unknown bill', () => '<APPYMTDETAIL><RECORDKEY>999999</RECORDKEY><TRX_PAYMENTAMOUNT>1</TRX_PAYMENTAMOUNT></APPYMTDETAIL>', 'RECORDKEY'],
		['no details', () => '', 'APPYMTDETAILS'],
		['a zero amount', (b: string) => `<APPYMTDETAIL><RECORDKEY>${b}</RECORDKEY><TRX_PAYMENTAMOUNT>0</TRX_PAYMENTAMOUNT></APPYMTDETAIL>`, 'greater than 0'],
	])('refuses %s and changes nothing', (_name, details, text) => {
		const company = createCompany();
		const billNo = newBill(company);
		const errors = errorsOf(() => company.execute(top, payment(details(billNo))));
		expect(errors[0].description2).toContain(text);
		expect(errors.at(-1)).toMatchObject({ errorno: 'BL01001973', description2: 'Could not create AP Payment record!' });
		expect(bill(company, billNo)).toMatchObject({ STATE: 'Posted', TOTALDUE: '150.00' });
	});

	it.each([
		['CURRENCY', '<FINANCIALENTITY>BOA-OP</FINANCIALENTITY><PAYMENTMETHOD>ACH</PAYMENTMETHOD><VENDORID>V-107</VENDORID><PAYMENTDATE>11/02/2026</PAYMENTDATE>'],
		['FINANCIALENTITY', '<PAYMENTMETHOD>ACH</PAYMENTMETHOD><VENDORID>V-107</VENDORID><PAYMENTDATE>11/02/2026</PAYMENTDATE><CURRENCY>USD</CURRENCY>'],
		['PAYMENTDATE', '<FINANCIALENTITY>BOA-OP</FINANCIALENTITY><PAYMENTMETHOD>ACH</PAYMENTMETHOD><VENDORID>V-107</VENDORID><CURRENCY>USD</CURRENCY>'],
		["'Wire'", '<FINANCIALENTITY>BOA-OP</FINANCIALENTITY><PAYMENTMETHOD>Wire</PAYMENTMETHOD><VENDORID>V-107</VENDORID><PAYMENTDATE>11/02/2026</PAYMENTDATE><CURRENCY>USD</CURRENCY>'],
		["'NOBANK'", '<FINANCIALENTITY>NOBANK</FINANCIALENTITY><PAYMENTMETHOD>ACH</PAYMENTMETHOD><VENDORID>V-107</VENDORID><PAYMENTDATE>11/02/2026</PAYMENTDATE><CURRENCY>USD</CURRENCY>'],
	])('refuses a payment without a valid %s', (text, header) => {
		const company = createCompany();
		const billNo = newBill(company);
		const errors = errorsOf(() => company.execute(top, payment(`<APPYMTDETAIL><RECORDKEY>${billNo}</RECORDKEY></APPYMTDETAIL>`, header)));
		expect(errors[0].description2).toContain(text);
	});

	it("refuses another vendor's bill and a draft bill", () => {
		const company = createCompany();
		const other = newBill(company, 'V-101');
		expect(errorsOf(() => company.execute(top, payment(`<APPYMTDETAIL><RECORDKEY>${other}</RECORDKEY></APPYMTDETAIL>`)))[0].description2).toContain('belongs to vendor V-101');
		const draft = String(
			dataOf(company.execute(top, xml('<create><APBILL><VENDORID>V-107</VENDORID><ACTION>Draft</ACTION><APBILLITEMS><APBILLITEM><ACCOUNTNO>6500</ACCOUNTNO><TRX_AMOUNT>5</TRX_AMOUNT><LOCATIONID>110</LOCATIONID></APBILLITEM></APBILLITEMS></APBILL></create>'))).records[0].fields
				.RECORDNO,
		);
		expect(errorsOf(() => company.execute(top, payment(`<APPYMTDETAIL><RECORDKEY>${draft}</RECORDKEY></APPYMTDETAIL>`)))[0].description2).toContain('Draft and cannot be paid');
	});

	it('a Draft payment changes no bill and posts nothing; only it can be deleted', () => {
		const company = createCompany();
		const billNo = newBill(company);
		const header = '<FINANCIALENTITY>BOA-OP</FINANCIALENTITY><PAYMENTMETHOD>ACH</PAYMENTMETHOD><VENDORID>V-107</VENDORID><PAYMENTDATE>11/02/2026</PAYMENTDATE><CURRENCY>USD</CURRENCY><ACTION>Draft</ACTION>';
		const draft = String(dataOf(company.execute(top, payment(`<APPYMTDETAIL><RECORDKEY>${billNo}</RECORDKEY><TRX_PAYMENTAMOUNT>10</TRX_PAYMENTAMOUNT></APPYMTDETAIL>`, header))).records[0].fields.RECORDNO);
		expect(bill(company, billNo)).toMatchObject({ STATE: 'Posted', TOTALDUE: '150.00' });
		const posted = String(dataOf(company.execute(top, payment(`<APPYMTDETAIL><RECORDKEY>${billNo}</RECORDKEY><TRX_PAYMENTAMOUNT>10</TRX_PAYMENTAMOUNT></APPYMTDETAIL>`))).records[0].fields.RECORDNO);
		expect(errorsOf(() => company.execute(top, xml(`<delete><object>APPYMT</object><keys>${posted}</keys></delete>`)))[0].description2).toContain('is Complete and cannot be deleted');
		company.execute(top, xml(`<delete><object>APPYMT</object><keys>${draft}</keys></delete>`));
		expect(records(company.execute(top, xml(`<readByQuery><object>APPYMT</object><fields>RECORDNO</fields><query>RECORDNO = ${draft}</query></readByQuery>`)))).toHaveLength(0);
	});
});

describe('reverse_appayment', () => {
	it('gives the amount back to the bill, posts the opposite entry, and refuses a second reversal', () => {
		const company = createCompany();
		const billNo = newBill(company);
		const no = String(dataOf(company.execute(top, payment(`<APPYMTDETAIL><RECORDKEY>${billNo}</RECORDKEY></APPYMTDETAIL>`))).records[0].fields.RECORDNO);
		expect(bill(company, billNo)).toMatchObject({ STATE: 'Paid', TOTALDUE: '0.00' });
		const reverse = xml(`<reverse_appayment key="${no}"><datereversed><year>2026</year><month>11</month><day>05</day></datereversed><description>Wrong bank</description></reverse_appayment>`);
		const outcome = company.execute(top, reverse);
		expect(outcome.kind).toBe('key');
		expect(bill(company, billNo)).toMatchObject({ STATE: 'Posted', TOTALDUE: '150.00', TOTALPAID: '0.00' });
		const [original] = records(company.execute(top, xml(`<read><object>APPYMT</object><keys>${no}</keys><fields>STATE</fields></read>`)));
		expect(original.STATE).toBe('Voided');
		const reversalKey = outcome.kind === 'key' ? outcome.key : '';
		const [reversal] = records(company.execute(top, xml(`<read><object>APPYMT</object><keys>${reversalKey}</keys><fields>*</fields></read>`)));
		const lines = records(company.execute(top, xml(`<readByQuery><object>GLENTRY</object><fields>ACCOUNTNO,TR_TYPE</fields><query>BATCHNO = ${String(reversal.GLBATCHKEY)}</query></readByQuery>`)));
		expect(lines.map((l) => [l.ACCOUNTNO, l.TR_TYPE])).toEqual([
			['1000', '1'],
			['2000', '-1'],
		]);
		expect(errorsOf(() => company.execute(top, reverse))[0].description2).toContain('already reversed');
	});
});
