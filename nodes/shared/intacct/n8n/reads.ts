/**
 * Per-item read plumbing: every input item runs the operation once; each record becomes an output
 * item paired to it; with continueOnFail a failing item yields an error item and the others go on.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { IntacctApi, IntacctFunction, IntacctRecord, RequestOptions } from '../core/types';
import { MAX_READ_BY_QUERY_PAGE_SIZE, readByQuery } from '../xml/functions';
import { ItemValidationError } from './errors';
import { entityOption, getClient } from './client';
import { errorJson, toN8nError } from './errors';
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

/** Quotes a value for a readByQuery condition (§4.2: single quotes, apostrophe as \'). */
export function quote(value: string): string {
	return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function commaList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
	if (typeof value !== 'string') return [];
	return value
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

/**
 * A "Get Many" for one item: readByQuery on `object` with the item's Return All / Limit / Simplify /
 * entity parameters. Return All reads every page to the end; Limit asks for no more rows than needed.
 */
export async function getManyForItem(
	context: IExecuteFunctions,
	itemIndex: number,
	request: { object: string; conditions: string[]; fields?: string[]; pageSize?: number; session?: RequestOptions },
): Promise<IDataObject[]> {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : limitParameter(context, itemIndex, `Get Many (item ${itemIndex})`);
	const pageSize = Math.min(MAX_READ_BY_QUERY_PAGE_SIZE, request.pageSize ?? MAX_READ_BY_QUERY_PAGE_SIZE);
	const fn = readByQuery({
		object: request.object,
		fields: request.fields && request.fields.length > 0 ? request.fields : '*',
		query: request.conditions.join(' AND '),
		pageSize: returnAll ? pageSize : Math.min(limit, pageSize),
	});
	const records = await collectPages(getClient(context), fn, request.session ?? entityOption(context, itemIndex), returnAll, limit);
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
