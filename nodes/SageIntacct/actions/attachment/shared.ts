/**
 * Attachments (supporting documents) and folders: Intacct documents them only through legacy
 * functions (Sage's Attachments page: get_list / get of supdoc and supdocfolder, create_supdoc,
 * create_supdocfolder). The per-item plumbing of the attachment writes, which are not batched:
 * each create carries its files (base64, often megabytes) and is looked for first, so a re-run
 * never uploads twice. Sources: docs/fidelity-flows.md.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { IntacctApi, IntacctRecord, RequestOptions } from '../../../shared/intacct/core/types';
import { entityOption, getClient } from '../../../shared/intacct/n8n/client';
import { errorJson, toN8nError } from '../../../shared/intacct/n8n/errors';
import { getSupdocRecord, listSupdocRecords, type SupdocObject } from '../../../shared/intacct/xml/attachments';

/** Fields of an attachment without its files (the reference: "consider limiting the fields"). */
export const ATTACHMENT_HEADER_FIELDS = ['recordno', 'supdocid', 'supdocname', 'folder', 'description', 'creationdate', 'createdby'];

/** get object="supdoc|supdocfolder" key="…": the record, or undefined when Intacct answers none. */
export async function getLegacyRecord(client: IntacctApi, options: RequestOptions, object: SupdocObject, key: string, fields?: string[]): Promise<IntacctRecord | undefined> {
	const result = await client.execute(getSupdocRecord(object, key, fields), options);
	return result.records[0];
}

/** get_list pages (start / maxitems) until `limit` records or the end. */
export async function listLegacyRecords(
	client: IntacctApi,
	options: RequestOptions,
	params: { object: SupdocObject; equals?: Record<string, string>; fields?: string[]; sortBy?: string },
	returnAll: boolean,
	limit: number,
): Promise<IntacctRecord[]> {
	const pageSize = 100;
	const out: IntacctRecord[] = [];
	for (let start = 0; ; start += pageSize) {
		const maxItems = returnAll ? pageSize : Math.min(pageSize, limit - out.length);
		const result = await client.execute(listSupdocRecords({ ...params, start, maxItems }), options);
		out.push(...result.records);
		const total = result.totalCount ?? Number.POSITIVE_INFINITY;
		if (result.records.length < maxItems || out.length >= total || (!returnAll && out.length >= limit)) break;
	}
	return returnAll ? out : out.slice(0, limit);
}

export interface ItemTask {
	run(client: IntacctApi, options: RequestOptions): Promise<INodeExecutionData>;
}

/**
 * Validates every item first (a bad item fails before anything is sent, or alone with Continue On
 * Fail), then runs the valid ones in order, each in its item's entity.
 */
export async function runValidatedItems(context: IExecuteFunctions, prepare: (itemIndex: number) => Promise<ItemTask> | ItemTask): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const tasks: Array<ItemTask | { error: unknown }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			tasks.push(await prepare(i));
		} catch (error) {
			if (!context.continueOnFail()) throw toN8nError(context.getNode(), error, i);
			tasks.push({ error });
		}
	}
	const client = getClient(context);
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < tasks.length; i++) {
		const task = tasks[i];
		let answer: INodeExecutionData;
		try {
			if ('error' in task) throw task.error;
			answer = await task.run(client, entityOption(context, i));
		} catch (error) {
			if (!context.continueOnFail()) throw toN8nError(context.getNode(), error, i);
			answer = { json: errorJson(error) as IDataObject };
		}
		out.push({ ...answer, pairedItem: { item: i } });
	}
	return out;
}
