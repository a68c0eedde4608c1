import { cardReversal, legacyAsGeneric } from '../../../../../nodes/shared/intacct/rest/legacyWrites';
import { legacyFunction, create } from '../../../../../nodes/shared/intacct/xml/functions';
import { restMapping } from '../../../../../nodes/shared/intacct/records/restObjects';
import { toRestBody } from '../../../../../nodes/shared/intacct/rest/translate';

const day = (year: string, month: string, d: string) => ({ year, month, day: d });

describe('legacy writes as generic REST writes (rest/legacyWrites.ts)', () => {
	it('create_invoice: header, draft action and lines become the invoice JSON', () => {
		const fn = legacyFunction('create_invoice', {
			customerid: 'C-1',
			datecreated: day('2026', '10', '01'),
			datedue: day('2026', '10', '31'),
			action: 'Draft',
			invoiceno: 'INV-1',
			invoiceitems: { lineitem: [{ glaccountno: '4200', amount: '10.00', memo: 'Fee', locationid: '110' }] },
		});
		fn.controlId = 'ctl-1';
		const generic = legacyAsGeneric(fn)!;
		expect(generic).toMatchObject({ name: 'create', controlId: 'ctl-1' });
		const json = toRestBody(restMapping('ARINVOICE')!, generic.body.ARINVOICE as never, 'invoice');
		expect(json).toEqual({
			customer: { id: 'C-1' },
			invoiceDate: '2026-10-01',
			dueDate: '2026-10-31',
			state: 'draft',
			invoiceNumber: 'INV-1',
			lines: [{ glAccount: { id: '4200' }, txnAmount: '10.00', memo: 'Fee', dimensions: { location: { id: '110' } } }],
		});
	});

	it('update_invoice keeps changed lines by number and refuses line custom fields, naming them', () => {
		const fn = legacyFunction('update_invoice', { updateinvoiceitems: { updatelineitem: [{ $attributes: { line_num: '2' }, amount: '5.00' }] } }, { attributes: { key: '77' } });
		expect(legacyAsGeneric(fn)?.body).toEqual({ ARINVOICE: { RECORDNO: '77', ARINVOICEITEMS: { ARINVOICEITEM: [{ LINE_NO: '2', TRX_AMOUNT: '5.00' }] } } });
		const custom = legacyFunction('create_invoice', { customerid: 'C-1', invoiceitems: { lineitem: [{ glaccountno: '4200', amount: '1', customfields: { customfield: [{ customfieldname: 'REGION', customfieldvalue: 'N' }] } }] } });
		expect(() => legacyAsGeneric(custom)).toThrow(/create_invoice: line 1 custom field REGION .*Web Services \(XML\)/);
	});

	it('a line\'s user-defined dimensions (customfields named GLDIM<NAME>) become its GLDIM fields, written as dimensions.nsp::<name>', () => {
		const customfields = { customfield: [{ customfieldname: 'GLDIMFUNDINGSOURCE', customfieldvalue: '10004' }] };
		const fn = legacyFunction('create_invoice', { customerid: 'C-1', invoiceitems: { lineitem: [{ glaccountno: '4200', amount: '1', locationid: '110', customfields }] } });
		const generic = legacyAsGeneric(fn)!;
		expect(generic.body).toEqual({ ARINVOICE: { CUSTOMERID: 'C-1', ARINVOICEITEMS: { ARINVOICEITEM: [{ ACCOUNTNO: '4200', TRX_AMOUNT: '1', LOCATIONID: '110', GLDIMFUNDINGSOURCE: '10004' }] } } });
		expect(toRestBody(restMapping('ARINVOICE')!, generic.body.ARINVOICE as never, 'invoice').lines).toEqual([
			{ glAccount: { id: '4200' }, txnAmount: '1', dimensions: { location: { id: '110' }, 'nsp::fundingsource': { key: '10004' } } },
		]);
	});

	it('record_deposit, record_cctransaction and a draft AR payment', () => {
		const deposit = legacyAsGeneric(legacyFunction('record_deposit', { bankaccountid: 'BOA', depositdate: day('2026', '11', '03'), depositid: 'S-1', receiptkeys: { receiptkey: ['5', '6'] } }));
		expect(toRestBody(restMapping('DEPOSIT')!, deposit!.body.DEPOSIT as never, 'deposit')).toEqual({ bankAccount: { id: 'BOA' }, txnDate: '2026-11-03', depositId: 'S-1', details: [{ id: '5' }, { id: '6' }] });
		expect(() => legacyAsGeneric(legacyFunction('record_deposit', { bankaccountid: 'BOA', receipts: {} }))).toThrow(/other receipts/);

		const card = legacyAsGeneric(legacyFunction('record_cctransaction', { chargecardid: 'VISA', paymentdate: day('2026', '11', '04'), ccpayitems: { ccpayitem: [{ glaccountno: '6000', paymentamount: '3.50', locationid: '110' }] } }));
		expect(toRestBody(restMapping('CCTRANSACTION')!, card!.body.CCTRANSACTION as never, 'card')).toEqual({
			creditCardAccount: { id: 'VISA' },
			txnDate: '2026-11-04',
			lines: [{ glAccount: { id: '6000' }, totalTxnAmount: '3.50', dimensions: { location: { id: '110' } } }],
		});

		expect(legacyAsGeneric(create('ARPYMT', { CUSTOMERID: 'C-1', ACTION: 'Draft' }))?.body).toEqual({ ARPYMT: { CUSTOMERID: 'C-1', STATE: 'Draft' } });
		expect(legacyAsGeneric(create('VENDOR', { VENDORID: 'V' }))).toBeUndefined();
	});

	it('reverse_cctransaction as the workflow body', () => {
		const fn = legacyFunction('reverse_cctransaction', { datereversed: day('2026', '11', '07'), memo: 'Oops' }, { attributes: { key: '12' } });
		expect(cardReversal(fn)).toEqual({ key: '12', reversedDate: '2026-11-07', memo: 'Oops' });
	});
});
