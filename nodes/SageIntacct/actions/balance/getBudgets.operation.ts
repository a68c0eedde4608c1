import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
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
			{ displayName: 'Account', name: 'account', type: 'string', default: '', description: 'ACCT_NO' },
			{ displayName: 'Budget ID', name: 'budgetId', type: 'string', default: '' },
			{ displayName: 'Period Name', name: 'periodName', type: 'string', default: '', placeholder: 'e.g. Month Ended January 2026' },
			{ displayName: 'Project ID', name: 'projectId', type: 'string', default: '' },
		],
	},
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['balance'], operation: ['getBudgets'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const conditions: string[] = [];
		if (filters.budgetId) conditions.push(`BUDGETID = ${quote(String(filters.budgetId))}`);
		if (filters.account) conditions.push(`ACCT_NO = ${quote(String(filters.account))}`);
		if (filters.periodName) conditions.push(`PERIODNAME = ${quote(String(filters.periodName))}`);
		if (filters.projectId) conditions.push(`PROJECTID = ${quote(String(filters.projectId))}`);
		return await getManyForItem(this, i, { object: 'GLBUDGETITEM', conditions });
	});
}
