import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { create, readByName } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, simplifyProperty, writeOptionsProperty } from '../common.descriptions';
import { itemParameter, requiredText } from '../../../shared/intacct/n8n/parameters';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { vendorElements, vendorFields, type VendorFieldValues } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'Vendor ID', name: 'vendorId', type: 'string', required: true, default: '', placeholder: 'e.g. V-100' },
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: vendorFields() },
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(true),
];

export const description = updateDisplayOptions({ show: { resource: ['vendor'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'vendor-create', true, (i) => {
		const what = `Vendor (item ${i + 1})`;
		const vendorId = requiredText(this, 'vendorId', i, what);
		const name = requiredText(this, 'name', i, what);
		const additional = this.getNodeParameter('additionalFields', i, {}) as VendorFieldValues;
		const simplify = itemParameter(this, 'simplify', i, true);
		return {
			fn: create('VENDOR', { VENDORID: vendorId, ...vendorElements(what, { ...additional, name }, 'create') }),
			onSuccess: (result) => ({ ...outputRecord('VENDOR', result.records[0] ?? {}, simplify), ...(simplify ? { vendorId, name } : {}) }),
			findExisting: async (client, options) => (await client.execute(readByName('VENDOR', vendorId), { entityId: options.entityId })).records[0],
			intended: { VENDORID: vendorId, NAME: name },
			answerFields: ['RECORDNO', 'RECORD_URL', 'VENDORID'],
		};
	});
}
