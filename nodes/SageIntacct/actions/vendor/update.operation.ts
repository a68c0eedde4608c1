import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { requiredText } from '../../../shared/intacct/n8n/parameters';
import { update } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, resourceLocator, simplifyProperty, writeOptionsProperty } from '../common.descriptions';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { vendorElements, vendorFields, type VendorFieldValues } from './shared';

const properties: INodeProperties[] = [
	resourceLocator('vendor', 'Vendor', 'searchVendors', { required: true, placeholder: 'e.g. V-100' }),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [{ displayName: 'Name', name: 'name', type: 'string', default: '' }, ...vendorFields()],
	},
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(false),
];

export const description = updateDisplayOptions({ show: { resource: ['vendor'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'vendor-update', false, (i) => {
		const what = `Vendor update (item ${i + 1})`;
		const vendorId = requiredText(this, 'vendor', i, what, { locator: true });
		const values = this.getNodeParameter('updateFields', i, {}) as VendorFieldValues;
		const elements = vendorElements(what, values, 'update');
		if (Object.values(elements).every((v) => v === undefined)) throw new ItemValidationError(`${what}: nothing to update (add a field)`);
		const simplify = this.getNodeParameter('simplify', i, true) as boolean;
		return {
			fn: update('VENDOR', { VENDORID: vendorId, ...elements }),
			onSuccess: (result) => ({ ...outputRecord('VENDOR', result.records[0] ?? { VENDORID: vendorId }, simplify), updated: true }),
			findExisting: async () => ({ VENDORID: vendorId }),
			answerFields: ['VENDORID'],
		};
	});
}
