import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { dateRangeFilter, equalsFilter } from '../../../shared/intacct/n8n/filters';
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
			{ displayName: 'Deposit Slip ID', name: 'depositSlipId', type: 'string', default: '', description: 'DEPOSITID' },
			{ displayName: 'Deposited After', name: 'startDate', type: 'dateTime', default: '', description: 'Deposit date on or after' },
			{ displayName: 'Deposited Before', name: 'endDate', type: 'dateTime', default: '', description: 'Deposit date on or before' },
		],
	},
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['deposit'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const what = `Deposit filter (item ${i + 1})`;
		const conditions = [
			...equalsFilter('FINANCIALENTITY', filters.bankAccount),
			...equalsFilter('DEPOSITID', filters.depositSlipId),
			...dateRangeFilter(what, 'WHENCREATED', filters),
		];
		return await getManyForItem(this, i, { object: 'DEPOSIT', conditions });
	});
}
