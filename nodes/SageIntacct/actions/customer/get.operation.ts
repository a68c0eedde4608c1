import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { requiredText } from '../../../shared/intacct/n8n/parameters';
import { getOneForItem, runPerItem } from '../../../shared/intacct/n8n/reads';
import { readByName } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, resourceLocator, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [resourceLocator('customer', 'Customer', 'searchCustomers', { required: true, placeholder: 'e.g. C-1001' }), entityIdProperty, simplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const customerId = requiredText(this, 'customer', i, `Customer (item ${i + 1})`, { locator: true });
		return await getOneForItem(this, i, 'CUSTOMER', readByName('CUSTOMER', customerId), `Customer ${customerId}`);
	});
}
