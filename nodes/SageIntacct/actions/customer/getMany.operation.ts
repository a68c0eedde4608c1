import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { timestampFilter } from '../../../shared/intacct/n8n/filters';
import { getManyForItem, quote, runPerItem } from '../../../shared/intacct/n8n/reads';
import { entityIdProperty, limitProperty, returnAllProperty, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Customer Type', name: 'customerType', type: 'string', default: '', description: 'CUSTTYPE' },
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '' },
			{ displayName: 'Name Contains', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'T' },
					{ name: 'Inactive', value: 'F' },
				],
				default: 'T',
			},
		],
	},
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const conditions: string[] = [];
		if (filters.name) conditions.push(`NAME LIKE ${quote(`%${String(filters.name)}%`)}`);
		if (filters.customerType) conditions.push(`CUSTTYPE = ${quote(String(filters.customerType))}`);
		if (filters.status) conditions.push(`STATUS = ${quote(String(filters.status))}`);
		if (filters.modifiedSince) conditions.push(timestampFilter(`Customer filter (item ${i + 1})`, 'WHENMODIFIED', filters.modifiedSince));
		return await getManyForItem(this, i, { object: 'CUSTOMER', conditions });
	});
}
