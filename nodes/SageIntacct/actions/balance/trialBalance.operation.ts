import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { entityOption, getClient } from '../../../shared/intacct/n8n/client';
import { itemParameter, optionalField } from '../../../shared/intacct/n8n/parameters';
import { runPerItem } from '../../../shared/intacct/n8n/reads';
import { legacyFunction } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, simplifyProperty } from '../common.descriptions';
import { balanceRangeProperties, readRange } from './accountBalances.operation';
import { balanceOutput, dateBlock } from './shared';

const properties: INodeProperties[] = [
	...balanceRangeProperties,
	{
		displayName: 'Options',
		name: 'trialOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Department ID', name: 'departmentid', type: 'string', default: '' },
			{ displayName: 'Location ID', name: 'locationid', type: 'string', default: '' },
			{ displayName: 'Per Department', name: 'showdeptdetail', type: 'boolean', default: false, description: 'Whether to expand department detail' },
			{ displayName: 'Per Location', name: 'showlocdetail', type: 'boolean', default: false, description: 'Whether to expand location detail' },
			{ displayName: 'Show Zero Balances', name: 'showzerobalances', type: 'boolean', default: false, description: 'Whether to list accounts without activity or balance' },
		],
	},
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['balance'], operation: ['trialBalance'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const what = `Trial balance (item ${i + 1})`;
		const { start, end } = readRange(this, i, what);
		const o = this.getNodeParameter('trialOptions', i, {}) as IDataObject;
		const flag = (v: unknown) => (v === undefined ? undefined : String(v === true));
		const body = {
			startdate: dateBlock(start),
			enddate: dateBlock(end),
			showzerobalances: flag(o.showzerobalances),
			showdeptdetail: flag(o.showdeptdetail),
			showlocdetail: flag(o.showlocdetail),
			departmentid: optionalField(what, 'departmentid', o.departmentid),
			locationid: optionalField(what, 'locationid', o.locationid),
		};
		const result = await getClient(this).execute(legacyFunction('get_trialbalance', body), entityOption(this, i));
		const simplify = itemParameter(this, 'simplify', i, true);
		return result.records.map((r) => balanceOutput(r, simplify));
	});
}
