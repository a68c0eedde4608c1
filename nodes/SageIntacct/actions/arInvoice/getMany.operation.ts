import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { anyOfFilter, dateRangeFilter, equalsFilter } from '../../../shared/intacct/n8n/filters';
import { getManyForItem, quote, runPerItem } from '../../../shared/intacct/n8n/reads';
import { intacctDate } from '../../../shared/intacct/n8n/transactions';
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
			{ displayName: 'Customer ID', name: 'customerId', type: 'string', default: '', description: 'One or more customer IDs, comma-separated' },
			{ displayName: 'Due Before', name: 'dueBefore', type: 'dateTime', default: '', description: 'Due date on or before (with Open Only: what is overdue)' },
			{ displayName: 'Invoice Number', name: 'invoiceNumber', type: 'string', default: '' },
			{ displayName: 'Invoiced After', name: 'startDate', type: 'dateTime', default: '', description: 'Invoice date on or after' },
			{ displayName: 'Invoiced Before', name: 'endDate', type: 'dateTime', default: '', description: 'Invoice date on or before' },
			{ displayName: 'Open Only', name: 'openOnly', type: 'boolean', default: true, description: 'Whether to return only invoices with an amount still due (not drafts)' },
		],
	},
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['arInvoice'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const what = `AR invoice filter (item ${i + 1})`;
		const conditions = [
			...anyOfFilter('CUSTOMERID', filters.customerId),
			...equalsFilter('RECORDID', filters.invoiceNumber),
			// Open: something still due, and not a draft ('D', as on bills).
			...(filters.openOnly === true ? ['TOTALDUE > 0', "STATE <> 'D'"] : []),
			...dateRangeFilter(what, 'WHENCREATED', filters),
		];
		if (filters.dueBefore) conditions.push(`WHENDUE <= ${quote(intacctDate(what, 'dueBefore', filters.dueBefore))}`);
		return await getManyForItem(this, i, { object: 'ARINVOICE', conditions });
	});
}
