import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { readByName } from '../../transport/functions';
import { entityIdProperty, resourceLocator, simplifyProperty } from '../common.descriptions';
import { entityOption, getClient } from '../../helpers/client';
import { runPerItem } from '../../helpers/reads';
import { outputRecord } from '../../helpers/simplify';
import { ItemValidationError } from '../../helpers/errors';

const properties: INodeProperties[] = [
	resourceLocator('vendor', 'Vendor', 'searchVendors', { required: true, placeholder: 'e.g. V-100' }),
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['vendor'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const vendorId = String(this.getNodeParameter('vendor', i, '', { extractValue: true })).trim();
		const result = await getClient(this).execute(readByName('VENDOR', vendorId), entityOption(this, i));
		if (result.records.length === 0) throw new ItemValidationError(`Vendor ${vendorId} was not found`);
		return [outputRecord('VENDOR', result.records[0], this.getNodeParameter('simplify', i, true) as boolean)];
	});
}
