import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { entityIdProperty, limitProperty, returnAllProperty, simplifyProperty } from '../common.descriptions';
import { getManyForItem, quote, runPerItem } from '../../../shared/intacct/n8n/reads';
import { timestampFilter } from '../../../shared/intacct/n8n/filters';

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

export const description = updateDisplayOptions({ show: { resource: ['vendor'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const conditions: string[] = [];
		if (filters.name) conditions.push(`NAME LIKE ${quote(`%${String(filters.name)}%`)}`);
		if (filters.status) conditions.push(`STATUS = ${quote(String(filters.status))}`);
		if (filters.modifiedSince) conditions.push(timestampFilter(`Vendor filter (item ${i + 1})`, 'WHENMODIFIED', filters.modifiedSince));
		// readByQuery (1,000 rows a call): the Status filter gives codes (T, F) and the
		// Name filter a LIKE text; not moved to `query` yet (docs/benchmarks-cost.md "Reads that still use readByQuery").
		return await getManyForItem(this, i, { object: 'VENDOR', conditions });
	});
}
