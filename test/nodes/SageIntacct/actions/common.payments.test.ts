/**
 * What AP and AR payments share: the amount rule (greater than 0; an optional one may be 0), the
 * parameters a paid document's noun names (the operation reads them by the same names), the detail
 * rows. Reading items and the duplicate lookup run in the engine suites (test/node/apPayment.test.ts,
 * receivables.test.ts and their REST twins).
 */
import { amountCents, paidDocumentProperties, paymentDetails, paymentMethodProperty, type PaidDocument } from '../../../../nodes/SageIntacct/actions/common.payments';

const doc: PaidDocument = { noun: 'invoice', title: 'Invoice', recordNoDescription: 'R', amountDescription: 'A', lineDescription: 'L', noneNote: '' };

describe('amountCents', () => {
	it('cents of a positive amount, from a number or text', () => {
		expect(amountCents('P', 'amount', 12.5)).toBe(1250);
		expect(amountCents('P', 'amount', '0.01')).toBe(1);
	});

	it('refuses a missing, zero, negative or malformed amount, naming the field', () => {
		expect(() => amountCents('P bill 1', 'amount', '')).toThrow('P bill 1, field "amount": required, a number greater than 0');
		expect(() => amountCents('P bill 1', 'amount', 0)).toThrow('P bill 1, field "amount": must be greater than 0, got 0');
		expect(() => amountCents('P bill 1', 'amount', -3)).toThrow('P bill 1, field "amount": must be greater than 0, got -3');
		expect(() => amountCents('P bill 1', 'amount', '1.005')).toThrow(/^P bill 1, field "amount": 1\.005 has more than 2 decimals$/);
	});

	it('an optional amount (allowZero) may be missing or 0, never negative', () => {
		expect(amountCents('P', 'overpaymentAmount', undefined, true)).toBe(0);
		expect(amountCents('P', 'overpaymentAmount', 0, true)).toBe(0);
		expect(() => amountCents('P', 'overpaymentAmount', -1, true)).toThrow('P, field "overpaymentAmount": must be greater than 0, got -1');
	});
});

describe('paidDocumentProperties', () => {
	it('names the input switch, the collection, its values and the JSON parameter after the noun', () => {
		const [input, collection, json] = paidDocumentProperties(doc);
		expect(input).toMatchObject({ name: 'invoiceInput', displayName: 'Invoices Input', default: 'fields' });
		expect(collection).toMatchObject({ name: 'invoices', displayName: 'Invoices', placeholder: 'Add Invoice', displayOptions: { show: { invoiceInput: ['fields'] } } });
		expect(collection.options).toEqual([
			expect.objectContaining({
				name: 'invoice',
				values: [
					expect.objectContaining({ name: 'invoiceRecordNo', displayName: 'Invoice Record Number', description: 'R' }),
					expect.objectContaining({ name: 'amount', description: 'A' }),
					expect.objectContaining({ name: 'lineRecordNo', displayName: 'Invoice Line Record Number', description: 'L' }),
				],
			}),
		]);
		expect(json).toMatchObject({ name: 'invoicesJson', default: '[{ "invoiceRecordNo": 1234, "amount": 100.0 }]', displayOptions: { show: { invoiceInput: ['json'] } } });
	});
});

it('offers the payment methods given, as they are', () => {
	expect(paymentMethodProperty(['Cash', 'EFT'], 'EFT', 'PAYMENTMETHOD')).toMatchObject({
		name: 'paymentMethod',
		options: [
			{ name: 'Cash', value: 'Cash' },
			{ name: 'EFT', value: 'EFT' },
		],
		default: 'EFT',
	});
});

it('writes one detail row per document paid, with the line when one is named', () => {
	expect(paymentDetails([{ recordNo: '7', cents: 12345 }, { recordNo: '8', lineRecordNo: '3', cents: 100 }])).toEqual([
		{ RECORDKEY: '7', ENTRYKEY: undefined, TRX_PAYMENTAMOUNT: '123.45' },
		{ RECORDKEY: '8', ENTRYKEY: '3', TRX_PAYMENTAMOUNT: '1.00' },
	]);
});
