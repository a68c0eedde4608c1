/**
 * Optional enrichment: re-read the GL entry and its batch through the XML API before emitting.
 * Template posts are unsigned (docs/protocol.md §9.1), so a re-read also confirms the data really
 * is Intacct's. Both reads go in one request (2 API transactions, §4.7).
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { simplifyRecord } from '../shared/intacct/records/simplify';
import { read } from '../shared/intacct/xml/functions';
import { createClientFromContext } from '../shared/intacct/n8n/n8nHttpPost';
import { costMeterFor, logCost } from '../shared/intacct/n8n/costReport';
import type { IntacctApi, IntacctFunction, IntacctRecord, IntacctResult } from '../shared/intacct/core/types';
import { resultError } from '../shared/intacct/client/clientErrors';

export interface Enrichment {
	/** The GL entry as `read` returns it; undefined when it was not found. */
	entry?: IntacctRecord;
	/** True only when reads that could have seen the entry (its entity and the top level) both
	 * succeeded and found nothing: the one case in which the entry may be called deleted. */
	notFound?: boolean;
	batch?: IntacctRecord;
	/** The batch as a clean output object. */
	batchItem?: IDataObject;
}

function firstRecord(result: IntacctResult | undefined): IntacctRecord | undefined {
	if (!result || result.status !== 'success') return undefined;
	return result.records[0];
}

/** The entry's read must have succeeded: a failed read says nothing about whether the entry exists,
 * so it is an error (the webhook answers 5xx and Intacct delivers again later), never "deleted". */
function succeeded(result: IntacctResult | undefined, what: string): IntacctResult {
	if (result === undefined) throw new Error(`Intacct gave no result for the ${what} read`);
	if (result.status !== 'success') throw resultError(result);
	return result;
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
	let entry = firstRecord(succeeded(entryResult, 'GL entry'));
	let notFound = false;
	if (!entry) {
		// A session in one entity does not see another entity's entries: only a top-level read that
		// finds nothing either makes the entry deleted (docs/fidelity.md, "General ledger").
		const [topLevel] = await client.executeBatch([read('GLENTRY', recordNo)], { entityId: '' });
		entry = firstRecord(succeeded(topLevel, 'GL entry (top level)'));
		notFound = entry === undefined;
	}
	let batch = firstRecord(batchResult);
	const entryBatchKey = typeof entry?.BATCHNO === 'string' ? entry.BATCHNO : undefined;
	if (!batch && entryBatchKey && entryBatchKey !== batchKey) {
		batch = firstRecord((await client.executeBatch([read('GLBATCH', entryBatchKey)]))[0]);
	}
	if (!batch) return { entry, notFound };
	const header = withoutLines(batch);
	return { entry, notFound, batch: header, batchItem: simplifyRecord('GLBATCH', header) };
}
