import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import {
	entityIdProperty,
	limitProperty,
	nameValueCollection,
	returnAllProperty,
	simplifyProperty,
} from '../common.descriptions';
import { collectPages, commaList, getManyForItem, quote, runPerItem } from '../../../shared/intacct/n8n/reads';
import { entityOption, getClient } from '../../../shared/intacct/n8n/client';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { MAX_READ_BY_QUERY_PAGE_SIZE, readByQuery } from '../../../shared/intacct/xml/functions';
import type { RequestOptions } from '../../../shared/intacct/core/types';
import { intacctDate } from '../../../shared/intacct/n8n/transactions';
import { timestampValue } from '../../../shared/intacct/n8n/filters';
import type { Condition } from '../../../shared/intacct/n8n/conditions';
import { DIMENSIONS, userDimensionField } from '../../../shared/intacct/records/dimensions';
import { FILTER_COLUMNS, sourceProperty } from './shared';

function filterOptions(): INodeProperties[] {
	const options: INodeProperties[] = [
		{ displayName: 'Posted After', name: 'startDate', type: 'string', default: '', placeholder: 'e.g. 2026-03-31', description: 'Entry date on or after this date' },
		{ displayName: 'Posted Before', name: 'endDate', type: 'string', default: '', placeholder: 'e.g. 2026-03-31', description: 'Entry date on or before this date' },
		{ displayName: 'Account Numbers', name: 'accountNos', type: 'string', default: '', placeholder: 'e.g. 6100,6200', description: 'One or more GL account numbers, comma-separated' },
		{
			displayName: 'Journal',
			name: 'journal',
			type: 'string',
			default: '',
			placeholder: 'e.g. GJ',
			description: 'Journal symbol. GL Entries have no journal field: the node first reads the journal entries (GLBATCH) of this journal, then their lines; GL Detail filters on SYMBOL.',
		},
		{
			displayName: 'State',
			name: 'state',
			type: 'options',
			options: [
				{ name: 'Posted', value: 'P' },
				{ name: 'Draft', value: 'I' },
			],
			default: 'P',
		},
		{ displayName: 'Journal Entry Record Number', name: 'journalEntryRecordNo', type: 'string', default: '', description: 'Only lines of this journal entry (GLBATCH RECORDNO)' },
		...DIMENSIONS.map(
			(d): INodeProperties => ({
				displayName: d.displayName,
				name: d.key,
				type: 'string',
				default: '',
				description: 'One or more IDs, comma-separated',
			}),
		),
		nameValueCollection('userDefinedDimensions', 'User-Defined Dimensions', 'User-defined dimension (e.g. FUNDINGSOURCE) and the record ID of its value', 'e.g. FUNDINGSOURCE'),
		{
			displayName: 'Entity ID',
			name: 'entity',
			type: 'string',
			default: '',
			description: 'Only lines of this entity: the read runs signed in to that entity (GL lines have no entity field to filter on)',
		},
		{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '', description: 'Only lines changed at or after this time (WHENMODIFIED)' },
		{ displayName: 'Query', name: 'query', type: 'string', default: '', placeholder: 'e.g. AMOUNT > 1000', description: 'Extra readByQuery condition, joined with AND' },
	];
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

const properties: INodeProperties[] = [
	sourceProperty,
	returnAllProperty,
	limitProperty,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: filterOptions(),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Fields', name: 'fields', type: 'string', default: '', placeholder: 'e.g. RECORDNO,ACCOUNTNO,AMOUNT', description: 'Fields to return, comma-separated. Empty: all.' },
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 2000 },
				default: 2000,
				description: 'Rows per request to Intacct, each request one API transaction: query allows up to 2,000, readByQuery (used with the State or Query filter) up to 1,000. Fewer rows per page means more requests.',
			},
		],
	},
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['glEntry'], operation: ['getMany'] } }, properties);

/**
 * The item's filters as conditions. State is a code here (P, I) and an enum label in `query`
 * (§4.4 wants labels), and the "Query" option is readByQuery text: reads with either use readByQuery.
 */
export function buildConditions(source: string, filters: IDataObject, what: string): Condition[] {
	const columns = FILTER_COLUMNS[source];
	const conditions: Condition[] = [];
	if (filters.startDate) conditions.push({ field: columns.date, op: '>=', value: intacctDate(what, 'startDate', filters.startDate) });
	if (filters.endDate) conditions.push({ field: columns.date, op: '<=', value: intacctDate(what, 'endDate', filters.endDate) });
	const accounts = commaList(filters.accountNos);
	if (accounts.length > 0) conditions.push({ field: columns.account, op: 'in', values: accounts });
	if (filters.journal && columns.journal) conditions.push({ field: columns.journal, op: '=', value: String(filters.journal) });
	if (filters.state) conditions.push({ text: `${columns.state} = ${quote(String(filters.state))}` });
	if (filters.journalEntryRecordNo) conditions.push({ field: columns.batch, op: '=', value: String(filters.journalEntryRecordNo) });
	for (const d of DIMENSIONS) {
		const ids = commaList(filters[d.key]);
		if (ids.length > 0) conditions.push({ field: columns[d.key], op: 'in', values: ids });
	}
	const udd = ((filters.userDefinedDimensions as IDataObject | undefined)?.field as IDataObject[] | undefined) ?? [];
	for (const pair of udd) {
		if (String(pair.name ?? '').trim() === '') continue;
		conditions.push({ field: userDimensionField(String(pair.name)) ?? String(pair.name), op: '=', value: String(pair.value ?? '') });
	}
	if (filters.modifiedSince) conditions.push({ field: 'WHENMODIFIED', op: '>=', value: timestampValue(what, filters.modifiedSince) });
	if (typeof filters.query === 'string' && filters.query.trim() !== '') conditions.push({ text: `(${filters.query.trim()})` });
	return conditions;
}

/** Most journal entries one journal filter on GLENTRY may expand to (an IN list of BATCHNO). */
export const MAX_JOURNAL_BATCHES = 1000;

/**
 * GLENTRY has no JOURNAL field on a real company: the journal's entries (GLBATCH RECORDNO, whose
 * JOURNAL is documented) become a BATCHNO condition. Returns undefined when the journal has none.
 */
async function journalBatchCondition(context: IExecuteFunctions, journal: string, entity: RequestOptions, what: string): Promise<Condition | undefined> {
	const fn = readByQuery({ object: 'GLBATCH', fields: ['RECORDNO'], query: `JOURNAL = ${quote(journal)}`, pageSize: MAX_READ_BY_QUERY_PAGE_SIZE });
	const batches = await collectPages(getClient(context), fn, entity, false, MAX_JOURNAL_BATCHES + 1);
	if (batches.length > MAX_JOURNAL_BATCHES) {
		throw new ItemValidationError(
			`${what}: journal ${journal} has more than ${MAX_JOURNAL_BATCHES} journal entries; read from GL Detail (which filters on the journal directly) or add a Journal Entry Record Number filter`,
		);
	}
	const keys = batches.map((b) => String(b.RECORDNO ?? '')).filter((k) => k !== '');
	return keys.length === 0 ? undefined : { field: 'BATCHNO', op: 'in', values: keys };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const what = `GL entry filter (item ${i + 1})`;
		const source = this.getNodeParameter('source', i, 'GLENTRY') as string;
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const conditions = buildConditions(source, filters, what);
		const entity = String(filters.entity ?? '').trim();
		const session: RequestOptions = entity !== '' ? { entityId: entity } : entityOption(this, i);
		if (source === 'GLENTRY' && filters.journal) {
			const journalCondition = await journalBatchCondition(this, String(filters.journal), session, what);
			if (journalCondition === undefined) return [];
			conditions.push(journalCondition);
		}
		const pageSize = Math.max(1, Math.floor(Number(options.pageSize ?? 2000)));
		return await getManyForItem(this, i, { object: source, conditions, fields: commaList(options.fields), pageSize, session, useQuery: true });
	});
}
