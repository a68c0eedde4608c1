import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { anyOfFilter, dateRangeFilter, equalsFilter, statesFilter } from '../../../shared/intacct/n8n/filters';
import { getManyForItem, runPerItem } from '../../../shared/intacct/n8n/reads';
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
			{ displayName: 'Bank Account', name: 'bankAccount', type: 'string', default: '', description: 'FINANCIALENTITY' },
			{ displayName: 'Paid After', name: 'startDate', type: 'dateTime', default: '', description: 'Payment date on or after' },
			{ displayName: 'Paid Before', name: 'endDate', type: 'dateTime', default: '', description: 'Payment date on or before' },
			{
				displayName: 'States',
				name: 'states',
				type: 'multiOptions',
				options: [
					{ name: 'Approved', value: 'A' },
					{ name: 'Complete', value: 'C' },
					{ name: 'Draft', value: 'D' },
					{ name: 'Submitted', value: 'S' },
					{ name: 'Voided', value: 'V' },
				],
				default: [],
			},
			{ displayName: 'Vendor ID', name: 'vendorId', type: 'string', default: '', description: 'One or more vendor IDs, comma-separated' },
		],
	},
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['apPayment'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const what = `AP payment filter (item ${i + 1})`;
		const conditions = [
			...anyOfFilter('VENDORID', filters.vendorId),
			...equalsFilter('FINANCIALENTITY', filters.bankAccount),
			...statesFilter(filters.states),
			...dateRangeFilter(what, 'WHENCREATED', filters),
		];
		// readByQuery (1,000 rows a call): the State filter gives codes, `query` wants the enum labels
		// (docs/benchmarks-cost.md "Reads that still use readByQuery").
		return await getManyForItem(this, i, { object: 'APPYMT', conditions });
	});
}
