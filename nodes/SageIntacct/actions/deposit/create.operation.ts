import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import type { IntacctApi, IntacctRecord, RequestOptions } from '../../../shared/intacct/core/types';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { itemParameter, optionalField, requiredText } from '../../../shared/intacct/n8n/parameters';
import { quote } from '../../../shared/intacct/n8n/reads';
import { intacctDate } from '../../../shared/intacct/n8n/transactions';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { intacctToIso } from '../../../shared/intacct/records/dates';
import { legacyFunction, readByQuery } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, resourceLocator, simplifyProperty, writeOptionsProperty } from '../common.descriptions';

/**
 * Deposits: record_deposit (Sage's Deposits page, Create Deposit (Legacy)) moves undeposited AR
 * payments (receiptkeys) into a bank account. Elements in api.xsd's order.
 */
const properties: INodeProperties[] = [
	resourceLocator('bankAccount', 'Bank Account', 'searchBankAccounts', { required: true, placeholder: 'e.g. BOA-OP', description: 'The checking account (bankaccountid) the money is deposited into' }),
	{ displayName: 'Deposit Date', name: 'depositDate', type: 'string', required: true, default: '', placeholder: 'e.g. 2026-11-03', description: 'The deposit date (depositdate)' },
	{ displayName: 'Deposit Slip ID', name: 'depositSlipId', type: 'string', required: true, default: '', placeholder: 'e.g. SLIP-2026-11-03', description: 'The deposit slip ID (depositid); also how a re-run finds the deposit' },
	{
		displayName: 'Payment Record Numbers',
		name: 'receiptKeys',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 101,102 or {{ $json.recordNo }}',
		description: 'The receipts (receiptkeys): RECORDNO of the undeposited AR payments to deposit, comma-separated or a list',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Attachments ID', name: 'attachmentsId', type: 'string', default: '', description: 'SUPDOCID of an existing attachment (e.g. the scanned slip)' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		],
	},
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(true),
];

export const description = updateDisplayOptions({ show: { resource: ['deposit'], operation: ['create'] } }, properties);

/** The receipt keys from a comma list, a number or a list (an expression's array). */
export function receiptKeys(what: string, raw: unknown): string[] {
	const parts = Array.isArray(raw) ? raw.map((v) => String(v)) : String(raw ?? '').split(',');
	const keys = parts.map((k) => k.trim()).filter((k) => k !== '');
	if (keys.length === 0) throw new ItemValidationError(`${what}, field "receiptKeys": required, at least one AR payment record number`);
	keys.forEach((key, index) => {
		if (!/^\d+$/.test(key) || Number(key) < 1) throw new ItemValidationError(`${what}, field "receiptKeys": entry ${index + 1} "${key}" is not a record number`);
	});
	const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
	if (repeated) throw new ItemValidationError(`${what}, field "receiptKeys": payment ${repeated} is listed twice`);
	return keys;
}

async function findDeposit(client: IntacctApi, options: RequestOptions, bankAccount: string, slip: string, date: string): Promise<IntacctRecord | undefined> {
	const query = [`FINANCIALENTITY = ${quote(bankAccount)}`, `DEPOSITID = ${quote(slip)}`, `WHENCREATED = ${quote(date)}`].join(' AND ');
	const result = await client.execute(readByQuery({ object: 'DEPOSIT', fields: '*', query, pageSize: 100 }), options);
	return [...result.records].sort((a, b) => Number(b.RECORDNO) - Number(a.RECORDNO))[0];
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'deposit-create', true, (i) => {
		const what = `Deposit (item ${i + 1})`;
		const bankAccount = requiredText(this, 'bankAccount', i, what, { locator: true });
		const date = intacctDate(what, 'depositDate', this.getNodeParameter('depositDate', i));
		const slip = requiredText(this, 'depositSlipId', i, what);
		const keys = receiptKeys(what, this.getNodeParameter('receiptKeys', i, ''));
		const additional = this.getNodeParameter('additionalFields', i, {}) as { attachmentsId?: string; description?: string };
		const simplify = itemParameter(this, 'simplify', i, true);
		const [month, day, year] = date.split('/');
		return {
			fn: legacyFunction(
				'record_deposit',
				{
					bankaccountid: bankAccount,
					depositdate: { year, month, day },
					depositid: slip,
					receiptkeys: { receiptkey: keys },
					description: optionalField(what, 'description', additional.description),
					supdocid: optionalField(what, 'attachmentsId', additional.attachmentsId),
				},
				{ isWrite: true },
			),
			onSuccess: (result) => {
				const recordNo = Number(result.key ?? result.records[0]?.RECORDNO);
				if (!simplify) return { RECORDNO: String(recordNo), FINANCIALENTITY: bankAccount, DEPOSITID: slip };
				return { recordNo, bankAccount, depositSlipId: slip, depositDate: intacctToIso(date), paymentRecordNos: keys.map(Number) };
			},
			findExisting: async (client, options) => await findDeposit(client, options, bankAccount, slip, date),
			owner: bankAccount,
			intended: { FINANCIALENTITY: bankAccount, DEPOSITID: slip },
		};
	});
}
