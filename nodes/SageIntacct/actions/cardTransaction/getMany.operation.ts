import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { equalsAny } from '../../../shared/intacct/n8n/filters';
import { commaList, getManyForItem, quote, runPerItem } from '../../../shared/intacct/n8n/reads';
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
		const conditions: string[] = [];
		const cards = commaList(filters.chargeCardId);
		if (cards.length > 0) conditions.push(equalsAny('FINANCIALENTITY', cards));
		if (filters.payee) conditions.push(`PAYEE = ${quote(String(filters.payee))}`);
		if (filters.referenceNumber) conditions.push(`RECORDID = ${quote(String(filters.referenceNumber))}`);
		if (filters.startDate) conditions.push(`WHENCREATED >= ${quote(intacctDate(what, 'startDate', filters.startDate))}`);
		if (filters.endDate) conditions.push(`WHENCREATED <= ${quote(intacctDate(what, 'endDate', filters.endDate))}`);
		return await getManyForItem(this, i, { object: 'CCTRANSACTION', conditions });
	});
}
