/**
 * Per-item read plumbing: every input item runs the operation once; each record becomes an output
 * item paired to it; with continueOnFail a failing item yields an error item and the others go on.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { IntacctApi, IntacctFunction, IntacctRecord, RequestOptions } from '../core/types';
import { MAX_QUERY_PAGE_SIZE, MAX_READ_BY_QUERY_PAGE_SIZE, lookup, query, readByQuery, type QueryParams } from '../xml/functions';
import { asRecords, fieldText } from '../xml/responseReader';
import { queryFilter, readByQueryCondition, type Condition } from './conditions';
import { entityOption, getClient } from './client';
import { errorJson, ItemValidationError, toN8nError } from './errors';
import { outputRecord } from '../records/simplify';
import { itemParameter, limitParameter } from './parameters';

export async function runPerItem(
	this: IExecuteFunctions,
	run: (itemIndex: number) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const records = await run(itemIndex);
			for (const json of records) out.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw toN8nError(this.getNode(), error, itemIndex);
			out.push({ json: errorJson(error), pairedItem: { item: itemIndex } });
		}
	}
	return out;
}

/** Reads pages to the end (returnAll) or until `limit` records. */
export async function collectPages(
	client: IntacctApi,
	fn: IntacctFunction,
	options: RequestOptions,
	returnAll: boolean,
	limit: number,
): Promise<IntacctRecord[]> {
	const records: IntacctRecord[] = [];
	for await (const page of client.pages(fn, returnAll ? options : { ...options, limit })) {
		records.push(...page);
		if (!returnAll && records.length >= limit) break;
	}
	return returnAll ? records : records.slice(0, limit);
}

/** Quotes a value for a readByQuery condition (conditions.ts). */
export { quote } from './conditions';

export function commaList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
	if (typeof value !== 'string') return [];
	return value
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

/**
 * A "Get Many" for one item with the item's Return All / Limit / Simplify / entity parameters.
 * With `useQuery`, and when every condition has a `query` form, it reads with `query` (2,000 rows a
 * call, keyset-paged on RECORDNO: client/paging.ts); the fields are the caller's or, for "all",
 * the object's field list from one `lookup` per node run. Otherwise - a free-text condition, an enum
 * given as a code, an object whose lookup fails - it reads with readByQuery (1,000 rows a call).
 */
export async function getManyForItem(
	context: IExecuteFunctions,
	itemIndex: number,
	request: { object: string; conditions: Array<string | Condition>; fields?: string[]; pageSize?: number; session?: RequestOptions; useQuery?: boolean },
): Promise<IDataObject[]> {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : limitParameter(context, itemIndex, `Get Many (item ${itemIndex + 1})`);
	const conditions = request.conditions.map((c): Condition => (typeof c === 'string' ? { text: c } : c));
	const options = request.session ?? entityOption(context, itemIndex);
	const client = getClient(context);
	const viaQuery = request.useQuery ? await queryFunction(context, client, request.object, conditions, request.fields, options) : undefined;
	let records: IntacctRecord[];
	if (viaQuery) {
		const pageSize = Math.min(MAX_QUERY_PAGE_SIZE, request.pageSize ?? MAX_QUERY_PAGE_SIZE);
		const fn = query({ ...viaQuery.params, pageSize: returnAll ? pageSize : Math.min(limit, pageSize) });
		records = await collectPages(client, fn, options, returnAll, limit);
		// RECORDNO was added for the keyset only: the caller did not ask for it.
		if (viaQuery.addedRecordNo) records = records.map(({ RECORDNO: _key, ...rest }) => rest);
	} else {
		const pageSize = Math.min(MAX_READ_BY_QUERY_PAGE_SIZE, request.pageSize ?? MAX_READ_BY_QUERY_PAGE_SIZE);
		const fn = readByQuery({
			object: request.object,
			fields: request.fields && request.fields.length > 0 ? request.fields : '*',
			query: conditions.map(readByQueryCondition).join(' AND '),
			pageSize: returnAll ? pageSize : Math.min(limit, pageSize),
		});
		records = await collectPages(client, fn, options, returnAll, limit);
	}
	// n8n's editor adds its own "Limit of N items reached" hint when the node's whole output is
	// Limit items (one input item); ours is for several items, where that check never matches.
	if (!returnAll && records.length === limit && context.getInputData().length > 1 && !limitHinted.has(context)) {
		limitHinted.add(context);
		context.addExecutionHints({
			message: `Some input items returned their first ${limit} records (Limit) and may have more. Turn on Return All to get every matching record.`,
			location: 'outputPane',
		});
	}
	const simplify = itemParameter(context, 'simplify', itemIndex, true);
	return records.map((record) => outputRecord(request.object, record, simplify));
}

/** The `query` a Get Many can use, or undefined when only readByQuery can express it. */
async function queryFunction(
	context: IExecuteFunctions,
	client: IntacctApi,
	object: string,
	conditions: Condition[],
	fields: string[] | undefined,
	options: RequestOptions,
): Promise<{ params: QueryParams; addedRecordNo: boolean } | undefined> {
	const filter = queryFilter(conditions);
	if (filter === null) return undefined;
	const select = fields && fields.length > 0 ? fields.map((f) => f.trim().toUpperCase()) : await objectFields(context, client, object, options);
	if (!select) return undefined;
	const addedRecordNo = !select.includes('RECORDNO');
	return {
		// readByQuery at the top level returns entity-private records too; query only when asked (§8).
		params: { object, select: addedRecordNo ? [...select, 'RECORDNO'] : select, filter, orderBy: [{ field: 'RECORDNO' }], showPrivate: true },
		addedRecordNo,
	};
}

/** Every field of an object, from one `lookup` per node run and object (query has no "all fields", §4.4). */
async function objectFields(context: IExecuteFunctions, client: IntacctApi, object: string, options: RequestOptions): Promise<string[] | undefined> {
	let perRun = fieldLists.get(context);
	if (!perRun) fieldLists.set(context, (perRun = new Map()));
	const key = `${object}|${options.entityId ?? ''}`;
	let list = perRun.get(key);
	if (!list) {
		list = client.execute(lookup(object), options).then(
			(result) => {
				const type = result.records[0];
				const ids = asRecords(asRecords(type?.Fields)[0]?.Field)
					.map((f) => fieldText(f.ID)?.trim() ?? '')
					.filter((id) => id !== '');
				return ids.length > 0 ? ids : undefined;
			},
			// An object lookup cannot describe: readByQuery '*' still reads it.
			() => undefined,
		);
		perRun.set(key, list);
	}
	return await list;
}

const fieldLists = new WeakMap<object, Map<string, Promise<string[] | undefined>>>();

/** One "Limit reached" hint per node run, not one per item. */
const limitHinted = new WeakSet<object>();

/** A "Get" for one item: runs `fn` (read / readByName) and returns the one record, or fails the item. */
export async function getOneForItem(
	context: IExecuteFunctions,
	itemIndex: number,
	object: string,
	fn: IntacctFunction,
	notFound: string,
): Promise<IDataObject[]> {
	const result = await getClient(context).execute(fn, entityOption(context, itemIndex));
	if (result.records.length === 0) throw new ItemValidationError(`${notFound} was not found`);
	return [outputRecord(object, result.records[0], itemParameter(context, 'simplify', itemIndex, true))];
}
