import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { itemParameter, optionalField, requiredText } from '../../../shared/intacct/n8n/parameters';
import { intacctDate } from '../../../shared/intacct/n8n/transactions';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { toDecimal } from '../../../shared/intacct/records/amounts';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { create } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, resourceLocator, simplifyProperty, writeOptionsProperty } from '../common.descriptions';
import { findPayment, paidDocumentProperties, paymentDetails, paymentMethodParameter, paymentMethodProperty, readDocumentPayments, type PaidDocument } from '../common.payments';

/** PAYMENTMETHOD values Sage lists for Create AP Payment (electronic providers have their own). */
const AP_PAYMENT_METHODS = ['ACH', 'Cash', 'Check Delivery', 'Credit Card', 'EFT', 'Joint Check', 'Printed Check', 'WF Check', 'WF Domestic ACH', 'WF USD Wire'];

const BILLS: PaidDocument = {
	noun: 'bill',
	title: 'Bill',
	recordNoDescription: "RECORDKEY: the bill's RECORDNO (Get Many bills returns it as recordNo)",
	amountDescription: 'TRX_PAYMENTAMOUNT: no more than the bill still has due',
	lineDescription: 'ENTRYKEY: pay one line of the bill (empty: the bill as a whole)',
	noneNote: '',
};

const properties: INodeProperties[] = [
	resourceLocator('vendor', 'Vendor', 'searchVendors', { required: true, placeholder: 'e.g. V-100', description: 'VENDORID of the vendor whose bills are paid' }),
	resourceLocator('bankAccount', 'Bank Account', 'searchBankAccounts', {
		required: true,
		placeholder: 'e.g. BOA-OP',
		description: 'FINANCIALENTITY: the checking account (BANKACCOUNTID) the payment is made from',
	}),
	paymentMethodProperty(AP_PAYMENT_METHODS, 'ACH', 'PAYMENTMETHOD'),
	{ displayName: 'Payment Date', name: 'paymentDate', type: 'dateTime', required: true, default: '', description: 'PAYMENTDATE (read back as WHENCREATED)' },
	...paidDocumentProperties(BILLS),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Currency', name: 'currency', type: 'string', default: 'USD', description: 'CURRENCY (required by Intacct): the transaction currency' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Document Number', name: 'documentNumber', type: 'string', default: '', description: 'DOCNUMBER: the check or transaction number' },
			{ displayName: 'Save As Draft', name: 'draft', type: 'boolean', default: false, description: 'Whether to put the payment in the outbox (ACTION Draft) instead of posting it' },
		],
	},
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(true),
];

export const description = updateDisplayOptions({ show: { resource: ['apPayment'], operation: ['create'] } }, properties);

interface PaymentFields {
	currency?: string;
	description?: string;
	documentNumber?: string;
	draft?: boolean;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'appayment-create', true, (i) => {
		const what = `AP payment (item ${i + 1})`;
		const vendorId = requiredText(this, 'vendor', i, what, { locator: true });
		const bankAccount = requiredText(this, 'bankAccount', i, what, { locator: true });
		const method = paymentMethodParameter(this, i, what, AP_PAYMENT_METHODS, 'ACH');
		const paymentDate = intacctDate(what, 'paymentDate', this.getNodeParameter('paymentDate', i));
		const bills = readDocumentPayments(this, i, what, BILLS);
		const additional = this.getNodeParameter('additionalFields', i, {}) as PaymentFields;
		const currency = optionalField(what, 'currency', additional.currency) ?? 'USD';
		const documentNumber = optionalField(what, 'documentNumber', additional.documentNumber);
		const simplify = itemParameter(this, 'simplify', i, true);
		const total = toDecimal(bills.reduce((sum, b) => sum + b.cents, 0));
		return {
			fn: create('APPYMT', {
				FINANCIALENTITY: bankAccount,
				PAYMENTMETHOD: method,
				VENDORID: vendorId,
				DOCNUMBER: documentNumber,
				DESCRIPTION: optionalField(what, 'description', additional.description),
				PAYMENTDATE: paymentDate,
				CURRENCY: currency,
				ACTION: additional.draft ? 'Draft' : undefined,
				APPYMTDETAILS: { APPYMTDETAIL: paymentDetails(bills) },
			}),
			onSuccess: (result) => ({
				...outputRecord('APPYMT', result.records[0] ?? {}, simplify),
				...(simplify ? { vendorId, bankAccount, paymentMethod: method, amount: Number(total), bills: bills.map((b) => ({ billRecordNo: Number(b.recordNo), amount: b.cents / 100 })) } : {}),
			}),
			findExisting: async (client, options) => await findPayment(client, options, { object: 'APPYMT', owner: ['VENDORID', vendorId], date: paymentDate, total, documentNumber }),
			owner: vendorId,
			intended: { VENDORID: vendorId, TOTALENTERED: total },
		};
	});
}
