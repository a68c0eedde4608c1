import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { itemParameter, requiredText } from '../../../shared/intacct/n8n/parameters';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { create, readByName } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, simplifyProperty, writeOptionsProperty } from '../common.descriptions';
import { customerElements, customerFields, type CustomerFieldValues } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'Customer ID', name: 'customerId', type: 'string', required: true, default: '', placeholder: 'e.g. C-1001', description: 'CUSTOMERID; also how the customer is found again after a re-run' },
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: customerFields() },
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(true),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'customer-create', true, (i) => {
		const what = `Customer (item ${i + 1})`;
		const customerId = requiredText(this, 'customerId', i, what);
		const name = requiredText(this, 'name', i, what);
		const additional = this.getNodeParameter('additionalFields', i, {}) as CustomerFieldValues;
		const simplify = itemParameter(this, 'simplify', i, true);
		return {
			fn: create('CUSTOMER', { CUSTOMERID: customerId, ...customerElements(what, { ...additional, name }, 'create') }),
			onSuccess: (result) => ({ ...outputRecord('CUSTOMER', result.records[0] ?? {}, simplify), ...(simplify ? { customerId, name } : {}) }),
			findExisting: async (client, options) => (await client.execute(readByName('CUSTOMER', customerId), { entityId: options.entityId })).records[0],
			intended: { CUSTOMERID: customerId, NAME: name },
			answerFields: ['RECORDNO', 'RECORD_URL', 'CUSTOMERID'],
		};
	});
}
