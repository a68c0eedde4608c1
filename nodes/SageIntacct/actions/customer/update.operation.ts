import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { itemParameter, requiredText } from '../../../shared/intacct/n8n/parameters';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { update } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, resourceLocator, simplifyProperty, writeOptionsProperty } from '../common.descriptions';
import { customerElements, customerFields, type CustomerFieldValues } from './shared';

const properties: INodeProperties[] = [
	resourceLocator('customer', 'Customer', 'searchCustomers', { required: true, placeholder: 'e.g. C-1001' }),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [{ displayName: 'Name', name: 'name', type: 'string', default: '' }, ...customerFields()],
	},
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(false),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'customer-update', false, (i) => {
		const what = `Customer update (item ${i + 1})`;
		const customerId = requiredText(this, 'customer', i, what, { locator: true });
		const values = this.getNodeParameter('updateFields', i, {}) as CustomerFieldValues;
		const elements = customerElements(what, values, 'update');
		if (Object.values(elements).every((v) => v === undefined)) throw new ItemValidationError(`${what}: nothing to update (add a field)`);
		const simplify = itemParameter(this, 'simplify', i, true);
		return {
			fn: update('CUSTOMER', { CUSTOMERID: customerId, ...elements }),
			onSuccess: (result) => ({ ...outputRecord('CUSTOMER', result.records[0] ?? { CUSTOMERID: customerId }, simplify), updated: true }),
			findExisting: async () => ({ CUSTOMERID: customerId }),
			answerFields: ['CUSTOMERID'],
		};
	});
}
