import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { itemParameter, optionalText, requiredText } from '../../../shared/intacct/n8n/parameters';
import { intacctDate, optionalDate, readLines } from '../../../shared/intacct/n8n/transactions';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { toCents, toDecimal } from '../../../shared/intacct/records/amounts';
import { intacctToIso } from '../../../shared/intacct/records/dates';
import { legacyFunction } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, linesProperties, resourceLocator, simplifyProperty, writeOptionsProperty } from '../common.descriptions';
import { findInvoice, headerDates, invoiceHeaderFields, legacyDate, lineItem, optionalHeader, type InvoiceFields } from './shared';

const properties: INodeProperties[] = [
	resourceLocator('customer', 'Customer', 'searchCustomers', { required: true, placeholder: 'e.g. C-1001', description: 'CUSTOMERID of the customer invoiced' }),
	{ displayName: 'Invoice Number', name: 'invoiceNumber', type: 'string', default: '', description: 'Invoice number (invoiceno); also how the invoice is found again after a re-run' },
	{ displayName: 'Invoice Date', name: 'invoiceDate', type: 'string', required: true, default: '', placeholder: 'e.g. 2026-03-31', description: 'The transaction date (datecreated)' },
	{
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2026-04-30',
		description: 'Due date (datedue): required unless an AR payment term is used, which this node does not send',
	},
	...linesProperties('bill', true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...invoiceHeaderFields(false),
			{ displayName: 'Save As Draft', name: 'draft', type: 'boolean', default: false, description: 'Whether to save the invoice as a draft (action Draft) instead of submitting it' },
		],
	},
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(true),
];

export const description = updateDisplayOptions({ show: { resource: ['arInvoice'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'arinvoice-create', true, (i) => {
		const what = `AR invoice (item ${i + 1})`;
		const customerId = requiredText(this, 'customer', i, what, { locator: true });
		const invoiceNumber = optionalText(this, 'invoiceNumber', i, what);
		const invoiceDate = intacctDate(what, 'invoiceDate', this.getNodeParameter('invoiceDate', i));
		const dueDate = optionalDate(what, 'dueDate', this.getNodeParameter('dueDate', i, ''));
		if (!dueDate) throw new ItemValidationError(`${what}, field "dueDate": Intacct requires a due date (datedue) when no payment term is given`);
		if (intacctToIso(dueDate) < intacctToIso(invoiceDate)) {
			throw new ItemValidationError(`${what}, field "dueDate": ${dueDate} is before the invoice date ${invoiceDate}`);
		}
		const lines = readLines(this, i, what, true);
		if (lines.length === 0) throw new ItemValidationError(`${what} has no lines`);
		const additional = this.getNodeParameter('additionalFields', i, {}) as InvoiceFields & { draft?: boolean };
		const header = optionalHeader(what, additional);
		const simplify = itemParameter(this, 'simplify', i, true);
		const total = toDecimal(lines.reduce((sum, line) => sum + toCents(line.amount), 0));
		return {
			fn: legacyFunction('create_invoice', {
				customerid: customerId,
				datecreated: legacyDate(invoiceDate),
				dateposted: legacyDate(headerDates(what, additional).posted),
				datedue: legacyDate(dueDate),
				action: additional.draft ? 'Draft' : undefined,
				invoiceno: invoiceNumber,
				ponumber: header.ponumber,
				description: header.description,
				supdocid: header.supdocid,
				invoiceitems: { lineitem: lines.map(lineItem) },
			}),
			onSuccess: (result) => {
				const recordNo = Number(result.key ?? result.records[0]?.RECORDNO);
				if (!simplify) return { RECORDNO: String(recordNo), CUSTOMERID: customerId, RECORDID: invoiceNumber ?? '', TOTALENTERED: total };
				return { recordNo, customerId, invoiceNumber: invoiceNumber ?? null, invoiceDate: intacctToIso(invoiceDate), dueDate: intacctToIso(dueDate), totalEntered: Number(total), state: additional.draft ? 'Draft' : 'Posted' };
			},
			findExisting: async (client, options) => await findInvoice(client, options, { customerId, invoiceNumber, invoiceDate, total }),
			owner: customerId,
			intended: { CUSTOMERID: customerId, TOTALENTERED: total, ...(invoiceNumber ? { RECORDID: invoiceNumber } : {}) },
		};
	});
}
