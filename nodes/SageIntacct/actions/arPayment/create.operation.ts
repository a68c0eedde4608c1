import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { itemParameter, optionalField, requiredText } from '../../../shared/intacct/n8n/parameters';
import { intacctDate, optionalDate } from '../../../shared/intacct/n8n/transactions';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { toDecimal } from '../../../shared/intacct/records/amounts';
import { intacctToIso } from '../../../shared/intacct/records/dates';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { create } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, resourceLocator, simplifyProperty, writeOptionsProperty } from '../common.descriptions';
import { amountCents, findPayment, paidDocumentProperties, paymentDetails, paymentMethodParameter, paymentMethodProperty, readDocumentPayments, type PaidDocument } from '../common.payments';

/** PAYMENTMETHOD values of Create AR Payment the node offers (the online ones need card/ACH data it does not take). */
const AR_PAYMENT_METHODS = ['Printed Check', 'Cash', 'EFT', 'Credit Card'];

const INVOICES: PaidDocument = {
	noun: 'invoice',
	title: 'Invoice',
	recordNoDescription: "RECORDKEY: the invoice's RECORDNO (Get Many AR invoices returns it as recordNo)",
	amountDescription: 'TRX_PAYMENTAMOUNT: no more than the invoice still has due',
	lineDescription: 'ENTRYKEY: pay one line (empty: the lines in order, the waterfall method)',
	noneNote: '; Intacct requires ARPYMTDETAILS',
};

const properties: INodeProperties[] = [
	resourceLocator('customer', 'Customer', 'searchCustomers', { required: true, placeholder: 'e.g. C-1001', description: 'CUSTOMERID of the customer who paid' }),
	{
		displayName: 'Receive Into',
		name: 'receiveInto',
		type: 'options',
		options: [
			{ name: 'Bank Account', value: 'bank', description: 'FINANCIALENTITY: straight into a checking account' },
			{ name: 'Undeposited Funds', value: 'undeposited', description: 'UNDEPOSITEDACCOUNTNO: held until a deposit moves it to a bank' },
		],
		default: 'undeposited',
	},
	{
		...resourceLocator('bankAccount', 'Bank Account', 'searchBankAccounts', { required: true, placeholder: 'e.g. BOA-OP', description: 'FINANCIALENTITY: the checking account (BANKACCOUNTID) the money goes into' }),
		displayOptions: { show: { receiveInto: ['bank'] } },
	},
	{
		...resourceLocator('undepositedAccount', 'Undeposited Funds Account', 'searchAccounts', { required: true, placeholder: 'e.g. 1050', description: 'UNDEPOSITEDACCOUNTNO: the GL account that holds receipts until they are deposited' }),
		displayOptions: { show: { receiveInto: ['undeposited'] } },
	},
	paymentMethodProperty(AR_PAYMENT_METHODS, 'Printed Check', 'PAYMENTMETHOD (a received check is Printed Check)'),
	{ displayName: 'Receipt Date', name: 'receiptDate', type: 'string', required: true, default: '', placeholder: 'e.g. 2026-11-02', description: 'RECEIPTDATE: the date the payment posts to the GL' },
	...paidDocumentProperties(INVOICES),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Currency', name: 'currency', type: 'string', default: 'USD', description: 'CURRENCY (required by Intacct): the transaction currency' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Overpayment Amount', name: 'overpaymentAmount', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'OVERPAYMENTAMOUNT: received on top of the invoices and left unapplied (a credit of the customer)' },
			{ displayName: 'Overpayment Department ID', name: 'overpaymentDepartmentId', type: 'string', default: '', description: 'OVERPAYMENTDEPARTMENTID' },
			{ displayName: 'Overpayment Location ID', name: 'overpaymentLocationId', type: 'string', default: '', description: 'OVERPAYMENTLOCATIONID: where the overpayment is received' },
			{ displayName: 'Payment Date', name: 'paymentDate', type: 'string', default: '', placeholder: 'e.g. 2026-11-01', description: 'PAYMENTDATE: the date on the card statement (default: the receipt date)' },
			{ displayName: 'Reference Number', name: 'referenceNumber', type: 'string', default: '', description: 'DOCNUMBER: the check number or authorization code; also how a re-run finds the payment' },
			{ displayName: 'Save As Draft', name: 'draft', type: 'boolean', default: false, description: 'Whether to save the payment as a draft (ACTION Draft) instead of posting it' },
		],
	},
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(true),
];

export const description = updateDisplayOptions({ show: { resource: ['arPayment'], operation: ['create'] } }, properties);

interface PaymentFields {
	currency?: string;
	description?: string;
	overpaymentAmount?: number | string;
	overpaymentDepartmentId?: string;
	overpaymentLocationId?: string;
	paymentDate?: string;
	referenceNumber?: string;
	draft?: boolean;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'arpayment-create', true, (i) => {
		const what = `AR payment (item ${i + 1})`;
		const customerId = requiredText(this, 'customer', i, what, { locator: true });
		const into = itemParameter<string>(this, 'receiveInto', i, 'undeposited');
		const bankAccount = into === 'bank' ? requiredText(this, 'bankAccount', i, what, { locator: true }) : undefined;
		const undepositedAccount = into === 'bank' ? undefined : requiredText(this, 'undepositedAccount', i, what, { locator: true });
		const method = paymentMethodParameter(this, i, what, AR_PAYMENT_METHODS, 'Printed Check');
		const receiptDate = intacctDate(what, 'receiptDate', this.getNodeParameter('receiptDate', i));
		const invoices = readDocumentPayments(this, i, what, INVOICES);
		const additional = this.getNodeParameter('additionalFields', i, {}) as PaymentFields;
		const overCents = amountCents(what, 'overpaymentAmount', additional.overpaymentAmount, true);
		const currency = optionalField(what, 'currency', additional.currency) ?? 'USD';
		const referenceNumber = optionalField(what, 'referenceNumber', additional.referenceNumber);
		const simplify = itemParameter(this, 'simplify', i, true);
		const applied = invoices.reduce((sum, p) => sum + p.cents, 0);
		const total = toDecimal(applied + overCents);
		return {
			fn: create('ARPYMT', {
				FINANCIALENTITY: bankAccount,
				UNDEPOSITEDACCOUNTNO: undepositedAccount,
				PAYMENTMETHOD: method,
				CUSTOMERID: customerId,
				DOCNUMBER: referenceNumber,
				DESCRIPTION: optionalField(what, 'description', additional.description),
				RECEIPTDATE: receiptDate,
				PAYMENTDATE: optionalDate(what, 'paymentDate', additional.paymentDate),
				ACTION: additional.draft ? 'Draft' : undefined,
				CURRENCY: currency,
				OVERPAYMENTAMOUNT: overCents > 0 ? toDecimal(overCents) : undefined,
				OVERPAYMENTLOCATIONID: overCents > 0 ? optionalField(what, 'overpaymentLocationId', additional.overpaymentLocationId) : undefined,
				OVERPAYMENTDEPARTMENTID: overCents > 0 ? optionalField(what, 'overpaymentDepartmentId', additional.overpaymentDepartmentId) : undefined,
				ARPYMTDETAILS: { ARPYMTDETAIL: paymentDetails(invoices) },
			}),
			onSuccess: (result) => ({
				...outputRecord('ARPYMT', result.records[0] ?? {}, simplify),
				...(simplify
					? {
							customerId,
							receivedInto: bankAccount ?? undepositedAccount,
							undeposited: bankAccount === undefined,
							paymentMethod: method,
							receiptDate: intacctToIso(receiptDate),
							amount: Number(total),
							overpaymentAmount: overCents / 100,
							invoices: invoices.map((p) => ({ invoiceRecordNo: Number(p.recordNo), amount: p.cents / 100 })),
						}
					: {}),
			}),
			findExisting: async (client, options) => await findPayment(client, options, { object: 'ARPYMT', owner: ['CUSTOMERID', customerId], date: receiptDate, total, documentNumber: referenceNumber }),
			owner: customerId,
			intended: { CUSTOMERID: customerId, TOTALENTERED: total },
		};
	});
}
