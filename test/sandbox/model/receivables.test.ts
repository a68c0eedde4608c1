/**
 * AR in the model (Sage's Invoices, AR Payments and Deposits pages): create_invoice posts AR debit /
 * revenue credit and the customer owes it; a payment can't exceed what is open; a paid invoice is no
 * longer open; an overpayment stays unapplied; a deposit takes only undeposited, not yet deposited
 * payments and moves the money from undeposited funds to the bank.
 */
import { createCompany } from '../../../sandbox/model';
import type { CompanyModel, FunctionOutcome } from '../../../sandbox/model/contract';
import { ctxAt, dataOf, errorsOf, records, xml } from './xml-input';

function keyOf(outcome: FunctionOutcome): string {
	if (outcome.kind !== 'key') throw new Error(`expected key, got ${outcome.kind}`);
	return String(outcome.key);
}

const top = ctxAt();
const date = (y: string, m: string, d: string) => `<year>${y}</year><month>${m}</month><day>${d}</day>`;

function newInvoice(company: CompanyModel, amounts = ['100.00', '50.00'], customer = 'C-1001'): string {
	const lines = amounts.map((a) => `<lineitem><glaccountno>4200</glaccountno><amount>${a}</amount><locationid>110</locationid></lineitem>`).join('');
	const out = company.execute(top, xml(`<create_invoice><customerid>${customer}</customerid><datecreated>${date('2026', '10', '01')}</datecreated><datedue>${date('2026', '10', '31')}</datedue><invoiceno>INV-${Math.random().toString(36).slice(2, 8)}</invoiceno><invoiceitems>${lines}</invoiceitems></create_invoice>`));
	return keyOf(out);
}

function read(company: CompanyModel, object: string, key: string) {
	return records(company.execute(top, xml(`<read><object>${object}</object><keys>${key}</keys><fields>*</fields></read>`)))[0];
}

function pay(company: CompanyModel, details: string, into = '<UNDEPOSITEDACCOUNTNO>1050</UNDEPOSITEDACCOUNTNO>', extra = '') {
	return company.execute(top, xml(`<create><ARPYMT>${into.startsWith('<FIN') ? into : ''}<PAYMENTMETHOD>Printed Check</PAYMENTMETHOD><CUSTOMERID>C-1001</CUSTOMERID><DOCNUMBER>CHK-1</DOCNUMBER><RECEIPTDATE>11/02/2026</RECEIPTDATE><CURRENCY>USD</CURRENCY>${into.startsWith('<UND') ? into : ''}${extra}<ARPYMTDETAILS>${details}</ARPYMTDETAILS></ARPYMT></create>`));
}

const detail = (invoice: string, amount: string) => `<ARPYMTDETAIL><RECORDKEY>${invoice}</RECORDKEY><TRX_PAYMENTAMOUNT>${amount}</TRX_PAYMENTAMOUNT></ARPYMTDETAIL>`;

function glLines(company: CompanyModel, batch: string) {
	return records(company.execute(top, xml(`<readByQuery><object>GLENTRY</object><fields>ACCOUNTNO,TR_TYPE,TRX_AMOUNT</fields><query>BATCHNO = ${batch}</query></readByQuery>`))).map((l) => [l.ACCOUNTNO, l.TR_TYPE, l.TRX_AMOUNT]);
}

describe('AR invoices, payments and deposits', () => {
	it('an invoice posts AR debit / revenue credit and raises what the customer owes', () => {
		const company = createCompany();
		const before = Number(read(company, 'CUSTOMER', '1').TOTALDUE);
		const no = newInvoice(company);
		const invoice = read(company, 'ARINVOICE', no);
		expect(invoice).toMatchObject({ STATE: 'Posted', TOTALENTERED: '150.00', TOTALDUE: '150.00', CUSTOMERID: 'C-1001', MODULEKEY: '4.AR' });
		expect(glLines(company, String(invoice.GLBATCHKEY))).toEqual([
			['4200', '-1', '100.00'],
			['4200', '-1', '50.00'],
			['1100', '1', '150.00'],
		]);
		expect(Number(read(company, 'CUSTOMER', '1').TOTALDUE)).toBeCloseTo(before + 150);
	});

	it('a payment cannot exceed what is open; waterfall over the lines; a paid invoice is no longer open', () => {
		const company = createCompany();
		const no = newInvoice(company);
		expect(errorsOf(() => pay(company, detail(no, '150.01')))[0].description2).toContain('exceeds the amount due 150.00');
		dataOf(pay(company, detail(no, '120')));
		expect(read(company, 'ARINVOICE', no)).toMatchObject({ STATE: 'Partially Paid', TOTALDUE: '30.00', TOTALPAID: '120.00' });
		const lines = records(company.execute(top, xml(`<readByQuery><object>ARINVOICEITEM</object><fields>TOTALPAID,TOTALDUE</fields><query>RECORDKEY = ${no}</query></readByQuery>`)));
		expect(lines.map((l) => [l.TOTALPAID, l.TOTALDUE])).toEqual([
			['100.00', '0.00'],
			['20.00', '30.00'],
		]);
		dataOf(pay(company, detail(no, '30')));
		expect(read(company, 'ARINVOICE', no)).toMatchObject({ STATE: 'Paid', TOTALDUE: '0.00', WHENPAID: '11/02/2026' });
		expect(errorsOf(() => pay(company, detail(no, '1')))[0].description2).toContain('is Paid and no longer open');
		expect(errorsOf(() => company.execute(top, xml(`<delete><object>ARINVOICE</object><keys>${no}</keys></delete>`)))[0].description2).toContain('has payments applied');
	});

	it('an overpayment stays unapplied on top of the applied amount', () => {
		const company = createCompany();
		const no = newInvoice(company, ['40.00']);
		const key = String(dataOf(pay(company, detail(no, '40'), '<FINANCIALENTITY>BOA-OP</FINANCIALENTITY>', '<OVERPAYMENTAMOUNT>10</OVERPAYMENTAMOUNT><OVERPAYMENTLOCATIONID>110</OVERPAYMENTLOCATIONID>')).records[0].fields.RECORDNO);
		const payment = read(company, 'ARPYMT', key);
		expect(payment).toMatchObject({ TOTALENTERED: '50.00', TOTALPAID: '40.00', OVERPAYMENTAMOUNT: '10.00', STATE: 'Complete' });
		expect(glLines(company, String(payment.GLBATCHKEY))).toEqual([
			['1000', '1', '50.00'],
			['1100', '-1', '50.00'],
		]);
	});

	it('a deposit takes only undeposited, not yet deposited payments and moves them to the bank', () => {
		const company = createCompany();
		const a = String(dataOf(pay(company, detail(newInvoice(company, ['70.00']), '70'))).records[0].fields.RECORDNO);
		const b = String(dataOf(pay(company, detail(newInvoice(company, ['30.00']), '30'))).records[0].fields.RECORDNO);
		const banked = String(dataOf(pay(company, detail(newInvoice(company, ['5.00']), '5'), '<FINANCIALENTITY>BOA-OP</FINANCIALENTITY>')).records[0].fields.RECORDNO);
		const deposit = (keys: string[]) =>
			company.execute(top, xml(`<record_deposit><bankaccountid>BOA-OP</bankaccountid><depositdate>${date('2026', '11', '03')}</depositdate><depositid>SLIP-1</depositid><receiptkeys>${keys.map((k) => `<receiptkey>${k}</receiptkey>`).join('')}</receiptkeys></record_deposit>`));
		expect(errorsOf(() => deposit([banked]))[0].description2).toContain('not into undeposited funds');
		const depositNo = keyOf(deposit([a, b]));
		const stored = read(company, 'DEPOSIT', depositNo);
		expect(stored).toMatchObject({ FINANCIALENTITY: 'BOA-OP', DEPOSITID: 'SLIP-1', TOTALENTERED: '100.00', WHENCREATED: '11/03/2026' });
		expect(read(company, 'ARPYMT', a).DEPOSITKEY).toBe(depositNo);
		expect(glLines(company, String(stored.GLBATCHKEY))).toEqual([
			['1000', '1', '70.00'],
			['1050', '-1', '70.00'],
			['1000', '1', '30.00'],
			['1050', '-1', '30.00'],
		]);
		expect(errorsOf(() => deposit([a]))[0].description2).toContain('already deposited');
	});

	it('create_invoice follows the XSD order and refuses what the sandbox does not model', () => {
		const company = createCompany();
		const outOfOrder = () => company.execute(top, xml(`<create_invoice><datecreated>${date('2026', '10', '01')}</datecreated><customerid>C-1001</customerid><invoiceitems><lineitem><glaccountno>4200</glaccountno><amount>1</amount></lineitem></invoiceitems></create_invoice>`));
		expect(errorsOf(outOfOrder)[0].errorno).toBe('XL03000003');
		const withTerm = () => company.execute(top, xml(`<create_invoice><customerid>C-1001</customerid><datecreated>${date('2026', '10', '01')}</datecreated><termname>N30</termname><invoiceitems><lineitem><glaccountno>4200</glaccountno><amount>1</amount><locationid>110</locationid></lineitem></invoiceitems></create_invoice>`));
		expect(errorsOf(withTerm)[0].description2).toContain('termname');
	});
});
