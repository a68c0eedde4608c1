/**
 * Per-item read plumbing: every input item runs the operation once; each record becomes an output
 * item paired to it; with continueOnFail a failing item yields an error item and the others go on.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { IntacctApi, IntacctFunction, IntacctRecord, RequestOptions } from '../transport/types';
import { errorJson, toNodeError } from './errors';

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
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, itemIndex);
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
