import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { anyOfFilter, dateRangeFilter, equalsFilter } from '../../../shared/intacct/n8n/filters';
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
			{ displayName: 'Charge Card ID', name: 'chargeCardId', type: 'string', default: '', description: 'One or more card IDs (FINANCIALENTITY), comma-separated' },
			{ displayName: 'Dated After', name: 'startDate', type: 'dateTime', default: '', description: 'Payment date on or after' },
			{ displayName: 'Dated Before', name: 'endDate', type: 'dateTime', default: '', description: 'Payment date on or before' },
			{ displayName: 'Payee', name: 'payee', type: 'string', default: '' },
			{ displayName: 'Reference Number', name: 'referenceNumber', type: 'string', default: '' },
		],
	},
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['cardTransaction'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const what = `Card transaction filter (item ${i + 1})`;
		const conditions = [
			...anyOfFilter('FINANCIALENTITY', filters.chargeCardId),
			...equalsFilter('PAYEE', filters.payee),
			...equalsFilter('RECORDID', filters.referenceNumber),
			...dateRangeFilter(what, 'WHENCREATED', filters),
		];
		return await getManyForItem(this, i, { object: 'CCTRANSACTION', conditions });
	});
}
