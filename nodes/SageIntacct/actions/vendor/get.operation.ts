import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { requiredText } from '../../../shared/intacct/n8n/parameters';
import { readByName } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, resourceLocator, simplifyProperty } from '../common.descriptions';
import { getOneForItem, runPerItem } from '../../../shared/intacct/n8n/reads';

const properties: INodeProperties[] = [
	resourceLocator('vendor', 'Vendor', 'searchVendors', { required: true, placeholder: 'e.g. V-100' }),
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['vendor'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const vendorId = requiredText(this, 'vendor', i, `Vendor (item ${i + 1})`, { locator: true });
		return await getOneForItem(this, i, 'VENDOR', readByName('VENDOR', vendorId), `Vendor ${vendorId}`);
	});
}
