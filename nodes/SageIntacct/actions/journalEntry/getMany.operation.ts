import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { entityIdProperty, limitProperty, returnAllProperty, simplifyProperty } from '../common.descriptions';
import { getManyForItem, quote, runPerItem } from '../../../shared/intacct/n8n/reads';
import { dateRangeFilter, timestampFilter } from '../../../shared/intacct/n8n/filters';

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
			{ displayName: 'Journal', name: 'journal', type: 'string', default: '', placeholder: 'e.g. GJ' },
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '' },
			{ displayName: 'Posted After', name: 'startDate', type: 'string', default: '', placeholder: 'e.g. 2026-03-31', description: 'Posting date on or after' },
			{ displayName: 'Posted Before', name: 'endDate', type: 'string', default: '', placeholder: 'e.g. 2026-03-31', description: 'Posting date on or before' },
			{ displayName: 'Reference Number', name: 'referenceNumber', type: 'string', default: '' },
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				options: [
					{ name: 'Draft', value: 'I' },
					{ name: 'Posted', value: 'P' },
					{ name: 'Reversed', value: 'Z' },
				],
				default: 'P',
			},
		],
	},
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['journalEntry'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as Record<string, string>;
		const what = `Journal entry filter (item ${i + 1})`;
		const conditions: string[] = [];
		if (filters.journal) conditions.push(`JOURNAL = ${quote(filters.journal)}`);
		conditions.push(...dateRangeFilter(what, 'BATCH_DATE', filters));
		if (filters.referenceNumber) conditions.push(`REFERENCENO = ${quote(filters.referenceNumber)}`);
		if (filters.state) conditions.push(`STATE = ${quote(filters.state)}`);
		if (filters.modifiedSince) conditions.push(timestampFilter(what, 'WHENMODIFIED', filters.modifiedSince));
		// readByQuery (1,000 rows a call): the State filter gives codes (I, P, Z), `query` wants the
		// enum labels (docs/benchmarks-cost.md "Reads that still use readByQuery").
		return await getManyForItem(this, i, { object: 'GLBATCH', conditions });
	});
}
