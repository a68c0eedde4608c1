import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { itemParameter, optionalText, requiredText } from '../../../shared/intacct/n8n/parameters';
import { create } from '../../../shared/intacct/xml/functions';
import type { XmlObject } from '../../../shared/intacct/core/types';
import {
	entityIdProperty,
	linesProperties,
	resourceLocator,
	simplifyProperty,
	writeOptionsProperty,
} from '../common.descriptions';
import { billItemElements, intacctDate, optionalDate, readLines } from '../../../shared/intacct/n8n/transactions';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { intacctToIso } from '../../../shared/intacct/records/dates';
import { toCents, toDecimal } from '../../../shared/intacct/records/amounts';
import {
	attachmentFunction,
	attachmentProperties,
	billHeaderElements,
	billHeaderFields,
	findBill,
	uploadAttachment,
	type BillFields,
	type FolderCache,
} from './shared';

const properties: INodeProperties[] = [
	resourceLocator('vendor', 'Vendor', 'searchVendors', { required: true, placeholder: 'e.g. V-100', description: 'VENDORID of the vendor' }),
	{ displayName: 'Bill Number', name: 'billNumber', type: 'string', default: '', description: "RECORDID: the vendor's invoice number; also used to find the bill again after a duplicate" },
	{ displayName: 'Bill Date', name: 'transactionDate', type: 'string', required: true, default: '', placeholder: 'e.g. 2026-03-31', description: 'WHENCREATED: the bill (transaction) date' },
	{
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-04-30',
		description: 'WHENDUE. Intacct requires it unless the bill is saved as a draft; a payment term does not fill it in.',
	},
	...linesProperties('bill', true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...billHeaderFields(false),
			{
				displayName: 'Save As Draft',
				name: 'draft',
				type: 'boolean',
				default: false,
				description: 'Whether to save the bill as a draft (ACTION Draft) instead of submitting it',
			},
		],
	},
	...attachmentProperties,
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(true),
];

export const description = updateDisplayOptions({ show: { resource: ['bill'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const folders: FolderCache = new Map();
	return await runWrites.call(this, 'bill-create', true, async (i) => {
		const what = `Bill (item ${i})`;
		const vendorId = requiredText(this, 'vendor', i, what, { locator: true });
		const billNumber = optionalText(this, 'billNumber', i, what) ?? '';
		const transactionDate = intacctDate(what, 'transactionDate', this.getNodeParameter('transactionDate', i));
		const dueDate = optionalDate(what, 'dueDate', this.getNodeParameter('dueDate', i, ''));
		const additional = this.getNodeParameter('additionalFields', i, {}) as BillFields & { draft?: boolean };
		// WHENDUE is "Required if Action is not set to Draft" (Sage's Bills page, Create Bill):
		// a payment term does not stand in for it in the generic create (docs/fidelity-ap.md).
		if (!dueDate && !additional.draft) {
			throw new ItemValidationError(`${what}, field "dueDate": Intacct requires a due date (WHENDUE) unless the bill is saved as a draft`);
		}
		const lines = readLines(this, i, what, true);
		if (lines.length === 0) throw new ItemValidationError(`${what} has no lines`);
		const simplify = itemParameter(this, 'simplify', i, true);
		const fields: XmlObject = {
			VENDORID: vendorId,
			WHENCREATED: transactionDate,
			WHENDUE: dueDate,
			RECORDID: billNumber || undefined,
			...billHeaderElements(what, additional),
			ACTION: additional.draft ? 'Draft' : undefined,
			APBILLITEMS: { APBILLITEM: billItemElements(lines) },
		};
		const label = billNumber ? `bill ${billNumber} of ${vendorId}` : `bill of ${vendorId} dated ${intacctToIso(transactionDate)}`;
		const attachment = await attachmentFunction(this, i, what, () => JSON.stringify(fields), label);
		if (attachment) fields.SUPDOCID = attachment.supdocId;
		return {
			// The files are uploaded right before the bill is sent (not while other items are validated).
			before: attachment ? async (client, options) => await uploadAttachment(client, options, attachment, folders) : undefined,
			fn: create('APBILL', fields),
			onSuccess: (result) => ({
				...outputRecord('APBILL', result.records[0] ?? {}, simplify),
				...(simplify ? { vendorId, billNumber: billNumber || null, attachmentsId: attachment?.supdocId ?? additional.attachmentsId ?? null } : {}),
			}),
			findExisting: async (client, options) =>
				await findBill(client, options, vendorId, billNumber, simplify, {
					transactionDate,
					total: toDecimal(lines.reduce((sum, line) => sum + toCents(line.amount), 0)),
					description: typeof fields.DESCRIPTION === 'string' ? fields.DESCRIPTION : undefined,
				}),
		};
	});
}
