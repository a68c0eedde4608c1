/**
 * Optional enrichment: re-read the GL entry and its batch through the XML API before emitting.
 * Template posts are unsigned (intacct-xml-api.md §9.1), so a re-read also confirms the data really
 * is Intacct's. Both reads go in one request (2 API transactions, §4.7).
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { simplifyRecord } from '../shared/intacct/records/simplify';
import { read } from '../shared/intacct/xml/functions';
import { createClientFromContext } from '../shared/intacct/n8n/n8nHttpPost';
import { costMeterFor, logCost } from '../shared/intacct/n8n/costReport';
import type { IntacctApi, IntacctFunction, IntacctRecord, IntacctResult } from '../shared/intacct/core/types';

export interface Enrichment {
	/** The GL entry as `read` returns it; undefined when it no longer exists. */
	entry?: IntacctRecord;
	batch?: IntacctRecord;
	/** The batch as a clean output object. */
	batchItem?: IDataObject;
}

function firstRecord(result: IntacctResult | undefined): IntacctRecord | undefined {
	if (!result || result.status !== 'success') return undefined;
	return result.records[0];
}

function withoutLines(batch: IntacctRecord): IntacctRecord {
	const { ENTRIES: _lines, ...header } = batch;
	return header;
}

export async function fetchEntryAndBatch(
	ctx: IWebhookFunctions,
	recordNo: string,
	batchKey: string | undefined,
): Promise<Enrichment> {
	const client = createClientFromContext(ctx, { meter: costMeterFor(ctx) });
	try {
		return await readEntryAndBatch(client, recordNo, batchKey);
	} finally {
		logCost(ctx, 'webhook enrichment');
	}
}

async function readEntryAndBatch(client: IntacctApi, recordNo: string, batchKey: string | undefined): Promise<Enrichment> {
	const fns: IntacctFunction[] = [read('GLENTRY', recordNo)];
	if (batchKey) fns.push(read('GLBATCH', batchKey));
	const [entryResult, batchResult] = await client.executeBatch(fns);
	const entry = firstRecord(entryResult);
	let batch = firstRecord(batchResult);
	const entryBatchKey = typeof entry?.BATCHNO === 'string' ? entry.BATCHNO : undefined;
	if (!batch && entryBatchKey && entryBatchKey !== batchKey) {
		batch = firstRecord((await client.executeBatch([read('GLBATCH', entryBatchKey)]))[0]);
	}
	if (!batch) return { entry };
	const header = withoutLines(batch);
	return { entry, batch: header, batchItem: simplifyRecord('GLBATCH', header) };
}
