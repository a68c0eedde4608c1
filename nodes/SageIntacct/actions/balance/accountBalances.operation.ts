import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import type { XmlObject } from '../../../shared/intacct/core/types';
import { entityOption, getClient } from '../../../shared/intacct/n8n/client';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { itemParameter, optionalField } from '../../../shared/intacct/n8n/parameters';
import { runPerItem } from '../../../shared/intacct/n8n/reads';
import { intacctDate } from '../../../shared/intacct/n8n/transactions';
import { legacyFunction } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, simplifyProperty } from '../common.descriptions';
import { accountRange, balanceOutput, dateBlock, dimensionElements, DIMENSION_FILTERS, GROUP_BY_OPTIONS } from './shared';

export const balanceRangeProperties: INodeProperties[] = [
	{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', required: true, default: '', description: 'Opening balance date (startdate)' },
	{ displayName: 'End Date', name: 'endDate', type: 'dateTime', required: true, default: '', description: 'Closing balance date (enddate)' },
];

const properties: INodeProperties[] = [
	...balanceRangeProperties,
	{ displayName: 'Account', name: 'account', type: 'string', default: '', placeholder: 'e.g. 6000', description: 'One GL account (glaccountno). Empty with no range: every account.' },
	{ displayName: 'From Account', name: 'fromAccount', type: 'string', default: '', placeholder: 'e.g. 5000', description: 'Start of an account range (startaccountno)' },
	{ displayName: 'To Account', name: 'toAccount', type: 'string', default: '', placeholder: 'e.g. 7999', description: 'End of an account range (endaccountno)' },
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'multiOptions',
		options: GROUP_BY_OPTIONS.map((g) => ({ name: g.charAt(0).toUpperCase() + g.slice(1), value: g })),
		default: [],
		description: 'One row per account and combination of these dimensions',
	},
	{
		displayName: 'Group By User-Defined Dimension',
		name: 'groupByUserDimension',
		type: 'string',
		default: '',
		placeholder: 'e.g. fundingsource',
		description: "A user-defined dimension's integration name to group by as well",
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...DIMENSION_FILTERS.map((d) => ({ displayName: d.label, name: d.param, type: 'string' as const, default: '' })),
			{ displayName: 'Include Children', name: 'includeChildren', type: 'boolean', default: true, description: 'Whether a dimension filter also matches its children (dept_subs, loc_subs, ...)' },
			{
				displayName: 'User-Defined Dimension',
				name: 'userDimension',
				type: 'string',
				default: '',
				placeholder: 'e.g. fundingsource',
				description: "Integration name of a user-defined dimension to filter on (objectName); give its record ID or name below",
			},
			{ displayName: 'User-Defined Dimension Record ID', name: 'userDimensionRecordId', type: 'string', default: '', placeholder: 'e.g. 10003' },
			{ displayName: 'User-Defined Dimension Record Name', name: 'userDimensionRecordName', type: 'string', default: '', placeholder: 'e.g. County' },
		],
	},
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['balance'], operation: ['accountBalances'] } }, properties);

export function readRange(context: IExecuteFunctions, i: number, what: string): { start: string; end: string } {
	const start = intacctDate(what, 'startDate', context.getNodeParameter('startDate', i));
	const end = intacctDate(what, 'endDate', context.getNodeParameter('endDate', i));
	const iso = (d: string) => `${d.slice(6)}${d.slice(0, 2)}${d.slice(3, 5)}`;
	if (iso(end) < iso(start)) throw new ItemValidationError(`${what}, field "endDate": ${end} is before the start date ${start}`);
	return { start, end };
}

export function userDimensionFilter(what: string, filters: IDataObject): XmlObject | undefined {
	const objectName = optionalField(what, 'userDimension', filters.userDimension);
	const recordId = optionalField(what, 'userDimensionRecordId', filters.userDimensionRecordId);
	const recordName = optionalField(what, 'userDimensionRecordName', filters.userDimensionRecordName);
	if (!objectName) {
		if (recordId || recordName) throw new ItemValidationError(`${what}, field "userDimension": give the dimension's integration name for the record ${recordId ?? recordName}`);
		return undefined;
	}
	if (Boolean(recordId) === Boolean(recordName)) throw new ItemValidationError(`${what}, field "userDimensionRecordId": give the record ID or the record name (one of them)`);
	return { userDefinedDimension: { objectName: objectName.toLowerCase(), ...(recordId ? { recordId } : { recordName }) } };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const what = `Account balances (item ${i + 1})`;
		const { start, end } = readRange(this, i, what);
		const range = accountRange(what, optionalField(what, 'account', this.getNodeParameter('account', i, '')), optionalField(what, 'fromAccount', this.getNodeParameter('fromAccount', i, '')), optionalField(what, 'toAccount', this.getNodeParameter('toAccount', i, '')));
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const values: Record<string, string | undefined> = {};
		for (const d of DIMENSION_FILTERS) values[d.param] = optionalField(what, d.param, filters[d.param]);
		const groups = [...((this.getNodeParameter('groupBy', i, []) as string[]) ?? [])];
		const udd = optionalField(what, 'groupByUserDimension', this.getNodeParameter('groupByUserDimension', i, ''));
		if (udd) groups.push(udd.toLowerCase());
		const body: XmlObject = {
			startdate: dateBlock(start),
			enddate: dateBlock(end),
			...range,
			...dimensionElements(values, filters.includeChildren !== false),
			userDefinedDimensions: userDimensionFilter(what, filters),
			groupby: groups.length > 0 ? groups.join(',') : undefined,
		};
		const result = await getClient(this).execute(legacyFunction('get_accountbalancesbydimensions', body), entityOption(this, i));
		const simplify = itemParameter(this, 'simplify', i, true);
		return result.records.map((r) => balanceOutput(r, simplify));
	});
}
