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
			{ displayName: 'Customer ID', name: 'customerId', type: 'string', default: '', description: 'One or more customer IDs, comma-separated' },
			{ displayName: 'Received After', name: 'startDate', type: 'dateTime', default: '', description: 'Receipt date on or after' },
			{ displayName: 'Received Before', name: 'endDate', type: 'dateTime', default: '', description: 'Receipt date on or before' },
			{
				displayName: 'States',
				name: 'states',
				type: 'multiOptions',
				options: [
					{ name: 'Complete', value: 'C' },
					{ name: 'Draft', value: 'D' },
					{ name: 'Voided', value: 'V' },
				],
				default: [],
			},
			{ displayName: 'Undeposited Funds Account', name: 'undepositedAccount', type: 'string', default: '', description: 'UNDEPOSITEDACCOUNTNO: payments received into undeposited funds' },
		],
	},
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['arPayment'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const what = `AR payment filter (item ${i + 1})`;
		const conditions = [
			...anyOfFilter('CUSTOMERID', filters.customerId),
			...equalsFilter('FINANCIALENTITY', filters.bankAccount),
			...equalsFilter('UNDEPOSITEDACCOUNTNO', filters.undepositedAccount),
			...statesFilter(filters.states),
			...dateRangeFilter(what, 'WHENCREATED', filters),
		];
		return await getManyForItem(this, i, { object: 'ARPYMT', conditions });
	});
}
