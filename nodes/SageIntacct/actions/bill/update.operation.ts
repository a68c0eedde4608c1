import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { optionalField, recordNoParameter } from '../../../shared/intacct/n8n/parameters';
import { update } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, linesProperties, recordNoProperty, simplifyProperty, writeOptionsProperty } from '../common.descriptions';
import { billItemElements, optionalDate, readLines } from '../../../shared/intacct/n8n/transactions';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { billHeaderElements, billHeaderFields, type BillFields } from './shared';

const [lineInput, ...lineParameters] = linesProperties('bill', false);

const properties: INodeProperties[] = [
	recordNoProperty('RECORDNO of the bill (APBILL) to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: billHeaderFields(true),
	},
	{
		...lineInput,
		options: [{ name: 'Keep Existing Lines', value: 'keep' }, ...(lineInput.options ?? [])],
		default: 'keep',
		description: 'New lines replace all existing lines',
	} as INodeProperties,
	...lineParameters,
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(false),
];

export const description = updateDisplayOptions({ show: { resource: ['bill'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'bill-update', false, (i) => {
		const what = `Bill update (item ${i + 1})`;
		const recordNo = recordNoParameter(this, i, what);
		const fields = this.getNodeParameter('updateFields', i, {}) as BillFields;
		const mode = this.getNodeParameter('lineInput', i, 'keep') as string;
		const lines = mode === 'keep' ? undefined : readLines(this, i, what, true);
		if (lines && lines.length === 0) throw new ItemValidationError(`${what} has no lines`);
		const header = {
			RECORDNO: recordNo,
			RECORDID: optionalField(what, 'billNumber', fields.billNumber),
			WHENCREATED: optionalDate(what, 'transactionDate', fields.transactionDate),
			WHENDUE: optionalDate(what, 'dueDate', fields.dueDate),
			...billHeaderElements(what, fields),
			APBILLITEMS: lines ? { APBILLITEM: billItemElements(lines) } : undefined,
		};
		if (Object.values(header).filter((v) => v !== undefined).length === 1) {
			throw new ItemValidationError(`${what}: nothing to update (add a field or lines)`);
		}
		const simplify = this.getNodeParameter('simplify', i, true) as boolean;
		return {
			fn: update('APBILL', header),
			onSuccess: (result) => ({ ...outputRecord('APBILL', result.records[0] ?? { RECORDNO: recordNo }, simplify), updated: true }),
			findExisting: async () => ({ RECORDNO: recordNo }),
		};
	});
}
