import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { itemParameter, optionalField, requiredText } from '../../../shared/intacct/n8n/parameters';
import { intacctDate } from '../../../shared/intacct/n8n/transactions';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { toDecimal } from '../../../shared/intacct/records/amounts';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { create } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, resourceLocator, simplifyProperty, writeOptionsProperty } from '../common.descriptions';
import { AP_PAYMENT_METHODS, findPayment, paymentDetails, readBillPayments } from './shared';

const properties: INodeProperties[] = [
	resourceLocator('vendor', 'Vendor', 'searchVendors', { required: true, placeholder: 'e.g. V-100', description: 'VENDORID of the vendor whose bills are paid' }),
	resourceLocator('bankAccount', 'Bank Account', 'searchBankAccounts', {
		required: true,
		placeholder: 'e.g. BOA-OP',
		description: 'FINANCIALENTITY: the checking account (BANKACCOUNTID) the payment is made from',
	}),
	{
		displayName: 'Payment Method',
		name: 'paymentMethod',
		type: 'options',
		options: [
			{ name: 'ACH', value: 'ACH' },
			{ name: 'Cash', value: 'Cash' },
			{ name: 'Check Delivery', value: 'Check Delivery' },
			{ name: 'Credit Card', value: 'Credit Card' },
			{ name: 'EFT', value: 'EFT' },
			{ name: 'Joint Check', value: 'Joint Check' },
			{ name: 'Printed Check', value: 'Printed Check' },
			{ name: 'WF Check', value: 'WF Check' },
			{ name: 'WF Domestic ACH', value: 'WF Domestic ACH' },
			{ name: 'WF USD Wire', value: 'WF USD Wire' },
		],
		default: 'ACH',
		description: 'PAYMENTMETHOD',
	},
	{ displayName: 'Payment Date', name: 'paymentDate', type: 'dateTime', required: true, default: '', description: 'PAYMENTDATE (read back as WHENCREATED)' },
	{
		displayName: 'Bills Input',
		name: 'billInput',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields' },
			{ name: 'JSON', value: 'json' },
		],
		default: 'fields',
	},
	{
		displayName: 'Bills',
		name: 'bills',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Bill',
		displayOptions: { show: { billInput: ['fields'] } },
		options: [
			{
				displayName: 'Bill',
				name: 'bill',
				values: [
					{ displayName: 'Bill Record Number', name: 'billRecordNo', type: 'string', default: '', placeholder: 'e.g. 1234', description: "RECORDKEY: the bill's RECORDNO (Get Many bills returns it as recordNo)" },
					{ displayName: 'Amount', name: 'amount', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'TRX_PAYMENTAMOUNT: no more than the bill still has due' },
					{ displayName: 'Bill Line Record Number', name: 'lineRecordNo', type: 'string', default: '', description: 'ENTRYKEY: pay one line of the bill (empty: the bill as a whole)' },
				],
			},
		],
	},
	{
		displayName: 'Bills (JSON)',
		name: 'billsJson',
		type: 'json',
		default: '[{ "billRecordNo": 1234, "amount": 100.0 }]',
		displayOptions: { show: { billInput: ['json'] } },
		description: 'A list of { billRecordNo, amount, lineRecordNo? }',
	},
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
		const method = String(this.getNodeParameter('paymentMethod', i, 'ACH'));
		if (!AP_PAYMENT_METHODS.includes(method)) throw new ItemValidationError(`${what}, field "paymentMethod": "${method}" is not one of ${AP_PAYMENT_METHODS.join(', ')}`);
		const paymentDate = intacctDate(what, 'paymentDate', this.getNodeParameter('paymentDate', i));
		const bills = readBillPayments(this, i, what);
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
				...(simplify ? { vendorId, bankAccount, paymentMethod: method, amount: Number(total), bills: bills.map((b) => ({ billRecordNo: Number(b.billRecordNo), amount: b.cents / 100 })) } : {}),
			}),
			findExisting: async (client, options) => await findPayment(client, options, { vendorId, paymentDate, total, documentNumber }),
			owner: vendorId,
			intended: { VENDORID: vendorId, TOTALENTERED: total },
		};
	});
}
