import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { entityIdProperty, limitProperty, returnAllProperty, simplifyProperty } from '../common.descriptions';
import { getManyForItem, quote, runPerItem } from '../../../shared/intacct/n8n/reads';
import { intacctDate } from '../../../shared/intacct/n8n/transactions';
import { anyOfFilter, dateRangeFilter, equalsFilter, statesFilter, timestampFilter } from '../../../shared/intacct/n8n/filters';

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
			{ displayName: 'Bill Date After', name: 'startDate', type: 'string', default: '', placeholder: 'e.g. 2026-03-31' },
			{ displayName: 'Bill Date Before', name: 'endDate', type: 'string', default: '', placeholder: 'e.g. 2026-03-31' },
			{ displayName: 'Bill Number', name: 'billNumber', type: 'string', default: '' },
			{ displayName: 'Due Before', name: 'dueBefore', type: 'string', default: '', placeholder: 'e.g. 2026-03-31' },
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '' },
			{ displayName: 'Open Only', name: 'openOnly', type: 'boolean', default: true, description: 'Whether to return only bills with an amount still due' },
			{
				displayName: 'States',
				name: 'states',
				type: 'multiOptions',
				options: [
					{ name: 'Draft', value: 'D' },
					{ name: 'Paid', value: 'P' },
					{ name: 'Partially Paid', value: 'PA' },
					{ name: 'Posted', value: 'A' },
					{ name: 'Submitted', value: 'S' },
				],
				default: [],
			},
			{ displayName: 'Vendor ID', name: 'vendorId', type: 'string', default: '', description: 'One or more vendor IDs, comma-separated' },
		],
	},
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['bill'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const what = `Bill filter (item ${i + 1})`;
		const conditions = [
			...anyOfFilter('VENDORID', filters.vendorId),
			...equalsFilter('RECORDID', filters.billNumber),
			...statesFilter(filters.states),
			...(filters.openOnly ? ['TOTALDUE > 0'] : []),
			...dateRangeFilter(what, 'WHENCREATED', filters),
		];
		if (filters.dueBefore) conditions.push(`WHENDUE <= ${quote(intacctDate(what, 'dueBefore', filters.dueBefore))}`);
		if (filters.modifiedSince) conditions.push(timestampFilter(what, 'WHENMODIFIED', filters.modifiedSince));
		// readByQuery (1,000 rows a call): the State filter gives codes (D, A, P ...), `query` wants the
		// enum labels; not mapped yet (docs/benchmarks-cost.md "Reads that still use readByQuery").
		return await getManyForItem(this, i, { object: 'APBILL', conditions });
	});
}
