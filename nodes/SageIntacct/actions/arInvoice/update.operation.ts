import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import type { XmlObject } from '../../../shared/intacct/core/types';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { optionalField, recordNoParameter } from '../../../shared/intacct/n8n/parameters';
import { optionalDate, readLines } from '../../../shared/intacct/n8n/transactions';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { legacyFunction } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, linesProperties, recordNoProperty, writeOptionsProperty } from '../common.descriptions';
import { invoiceHeaderFields, legacyDate, lineItem, optionalHeader, type InvoiceFields } from './shared';
import { readLineUpdates } from './lineUpdates';

const [lineInput, ...lineParameters] = linesProperties('bill', false);

const properties: INodeProperties[] = [
	recordNoProperty('RECORDNO of the AR invoice to update; an invoice with payments applied cannot be changed'),
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: invoiceHeaderFields(true) },
	{
		displayName: 'Line Changes (JSON)',
		name: 'lineUpdatesJson',
		type: 'json',
		default: '[]',
		description: 'Changes to existing lines by line number (updatelineitem): [{ "lineNo": 1, "amount": 120, "memo": "…", "accountNo": "4200", "locationId": "110" }]',
	},
	{
		...lineInput,
		displayName: 'Add Lines',
		options: [{ name: 'None', value: 'keep' }, ...(lineInput.options ?? [])],
		default: 'keep',
		description: 'New lines added after the existing ones (lineitem)',
	} as INodeProperties,
	...lineParameters,
	entityIdProperty,
	writeOptionsProperty(false),
];

export const description = updateDisplayOptions({ show: { resource: ['arInvoice'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'arinvoice-update', false, (i) => {
		const what = `AR invoice update (item ${i + 1})`;
		const recordNo = recordNoParameter(this, i, what);
		const fields = this.getNodeParameter('updateFields', i, {}) as InvoiceFields;
		const header = optionalHeader(what, fields);
		const changes = readLineUpdates(what, this.getNodeParameter('lineUpdatesJson', i, '[]'));
		const mode = this.getNodeParameter('lineInput', i, 'keep') as string;
		const added = mode === 'keep' ? [] : readLines(this, i, what, true);
		const body: XmlObject = {
			datecreated: legacyDate(optionalDate(what, 'invoiceDate', fields.invoiceDate)),
			dateposted: legacyDate(optionalDate(what, 'postingDate', fields.postingDate)),
			datedue: legacyDate(optionalDate(what, 'dueDate', fields.dueDate)),
			invoiceno: optionalField(what, 'invoiceNumber', fields.invoiceNumber),
			ponumber: header.ponumber,
			description: header.description,
			supdocid: header.supdocid,
			updateinvoiceitems: changes.length + added.length > 0 ? { updatelineitem: changes.map((c) => c.fields), lineitem: added.map(lineItem) } : undefined,
		};
		if (Object.values(body).every((v) => v === undefined)) throw new ItemValidationError(`${what}: nothing to update (add a field, a line change or lines)`);
		return {
			fn: legacyFunction('update_invoice', body, { attributes: { key: recordNo } }),
			onSuccess: () => ({ recordNo: Number(recordNo), updated: true }),
			findExisting: async () => ({ RECORDNO: recordNo }),
		};
	});
}
