import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { limitParameter, optionalText, requiredText } from '../../../shared/intacct/n8n/parameters';
import { query, readByQuery, type QueryFilter } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, limitProperty, returnAllProperty, simplifyProperty } from '../common.descriptions';
import { entityOption, getClient } from '../../../shared/intacct/n8n/client';
import { collectPages, commaList, runPerItem } from '../../../shared/intacct/n8n/reads';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';

const OPERATORS = [
	{ name: 'Equal To', value: 'equalto' },
	{ name: 'Greater Than', value: 'greaterthan' },
	{ name: 'Greater Than or Equal To', value: 'greaterthanorequalto' },
	{ name: 'In (Comma-Separated)', value: 'in' },
	{ name: 'Is Empty', value: 'isnull' },
	{ name: 'Is Not Empty', value: 'isnotnull' },
	{ name: 'Less Than', value: 'lessthan' },
	{ name: 'Less Than or Equal To', value: 'lessthanorequalto' },
	{ name: 'Like', value: 'like' },
	{ name: 'Not Equal To', value: 'notequalto' },
	{ name: 'Not In (Comma-Separated)', value: 'notin' },
	{ name: 'Not Like', value: 'notlike' },
];

const properties: INodeProperties[] = [
	{
		displayName: 'Object',
		name: 'object',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. GLACCOUNT',
		description: 'Intacct object name (GLACCOUNT, APBILL, VENDOR, a custom object, ...). Over OAuth 2.0 (REST) also a REST object with its fields as REST paths (accounts-payable/bill with REST paths as fields, e.g. key,totalTxnAmount).',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'string',
		default: '',
		placeholder: 'e.g. RECORDNO,ACCOUNTNO,TITLE',
		description: 'Fields to return, comma-separated. Empty: all fields (Intacct query syntax only; the builder needs fields).',
	},
	{
		displayName: 'Filter Type',
		name: 'filterType',
		type: 'options',
		options: [
			{ name: 'Intacct Query Syntax', value: 'string', description: 'ReadByQuery condition, e.g. STATUS = \'T\' AND ACCOUNTNO LIKE \'6%\'' },
			{ name: 'Build Conditions', value: 'builder', description: 'Conditions and sort order (the query function)' },
		],
		default: 'string',
	},
	{
		displayName: 'Filter',
		name: 'filter',
		type: 'string',
		default: '',
		placeholder: "e.g. STATUS = 'T' AND ACCOUNTNO LIKE '6%'",
		description: 'Empty: all records. Dates as mm/dd/yyyy; enumerations as stored codes (e.g. STATE = \'P\').',
		displayOptions: { show: { filterType: ['string'] } },
	},
	{
		displayName: 'Combine Conditions',
		name: 'combinator',
		type: 'options',
		options: [
			{ name: 'AND', value: 'and' },
			{ name: 'OR', value: 'or' },
		],
		default: 'and',
		displayOptions: { show: { filterType: ['builder'] } },
	},
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		displayOptions: { show: { filterType: ['builder'] } },
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{ displayName: 'Field', name: 'field', type: 'string', default: '', placeholder: 'e.g. ACCOUNTNO' },
					{ displayName: 'Operator', name: 'operator', type: 'options', options: OPERATORS, default: 'equalto' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Enumerations by label (e.g. Posted); dates as mm/dd/yyyy' },
				],
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Sort Field',
		default: {},
		displayOptions: { show: { filterType: ['builder'] } },
		options: [
			{
				displayName: 'Sort Field',
				name: 'order',
				values: [
					{ displayName: 'Field', name: 'field', type: 'string', default: '' },
					{
						displayName: 'Direction',
						name: 'direction',
						type: 'options',
						options: [
							{ name: 'Ascending', value: 'ascending' },
							{ name: 'Descending', value: 'descending' },
						],
						default: 'ascending',
					},
				],
			},
		],
	},
	returnAllProperty,
	limitProperty,
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['query'], operation: ['run'] } }, properties);

function builderFilter(combinator: 'and' | 'or', conditions: IDataObject[]): QueryFilter | undefined {
	const filters: QueryFilter[] = conditions
		.filter((c) => String(c.field ?? '').trim() !== '')
		.map((c) => {
			const field = String(c.field).trim();
			const operator = String(c.operator ?? 'equalto');
			const value = String(c.value ?? '');
			if (operator === 'isnull' || operator === 'isnotnull') return { operator, field };
			if (operator === 'in' || operator === 'notin') return { operator, field, values: commaList(value) };
			return { operator, field, value } as QueryFilter;
		});
	if (filters.length === 0) return undefined;
	return filters.length === 1 ? filters[0] : { operator: combinator, filters };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const named = requiredText(this, 'object', i, `Query (item ${i + 1})`);
		// A REST object name (accounts-payable/bill, nsp::...) keeps its spelling; XML names are upper case.
		const object = /[/:]/.test(named) ? named.trim() : named.toUpperCase();
		const fields = commaList(this.getNodeParameter('fields', i, ''));
		const filterType = this.getNodeParameter('filterType', i, 'string') as string;
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? 0 : limitParameter(this, i, `Query (item ${i + 1})`);
		let fn;
		if (filterType === 'builder') {
			if (fields.length === 0) throw new ItemValidationError(`Query (item ${i + 1}), field "fields": the condition builder needs the fields to return`);
			const conditions = (this.getNodeParameter('conditions.condition', i, []) as IDataObject[]) ?? [];
			const orders = (this.getNodeParameter('sort.order', i, []) as IDataObject[]) ?? [];
			fn = query({
				object,
				select: fields,
				filter: builderFilter(this.getNodeParameter('combinator', i, 'and') as 'and' | 'or', conditions),
				orderBy: orders
					.filter((o) => String(o.field ?? '').trim() !== '')
					.map((o) => ({ field: String(o.field).trim(), descending: o.direction === 'descending' })),
				pageSize: returnAll ? 2000 : Math.min(limit, 2000),
			});
		} else {
			// The user's readByQuery filter text: only readByQuery reads it (1,000 rows a call, readMore
			// paging with lost-page recovery); the condition builder above reads with `query` at 2,000.
			fn = readByQuery({
				object,
				fields: fields.length > 0 ? fields : '*',
				query: optionalText(this, 'filter', i, `Query (item ${i + 1})`) ?? '',
				pageSize: returnAll ? 1000 : Math.min(limit, 1000),
			});
		}
		const records = await collectPages(getClient(this), fn, entityOption(this, i), returnAll, limit);
		const simplify = this.getNodeParameter('simplify', i, true) as boolean;
		return records.map((record) => outputRecord(object, record, simplify));
	});
}
