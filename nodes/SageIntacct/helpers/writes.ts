/**
 * The write pipeline shared by every create/update/delete operation:
 *  1. build and validate every item first (zod + our checks); a bad item fails alone - with
 *     continueOnFail it becomes an error item and nothing is sent for it, without it the node
 *     stops before anything at all is sent;
 *  2. send the valid items' functions with client.executeMany, `batchSize` functions per request,
 *     grouped by entity, idempotent (stable controlid + uniqueid) unless turned off;
 *  3. pair every outcome back to its item: success -> the operation's output; a duplicate (the same
 *     idempotency key already posted) -> the existing record looked up, with duplicate = true;
 *     a failure -> error item (continueOnFail) or a NodeApiError naming the item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { BatchOutcome, IntacctApi, IntacctFunction, IntacctResult, RequestOptions } from '../transport/types';
import { entityOption, getClient } from './client';
import { errorJson, toNodeError } from './errors';
import { idempotencyControlId } from './idempotency';
import { itemParameter } from './parameters';

export interface WriteOptions {
	batchSize?: number;
	idempotent?: boolean;
	idempotencyKey?: string;
}

export interface PreparedWrite {
	fn: IntacctFunction;
	/** Output of a successful write. */
	onSuccess(result: IntacctResult, client: IntacctApi, options: RequestOptions): Promise<IDataObject> | IDataObject;
	/** The record a duplicate stands for (when it can be found), for duplicate = true outputs. */
	findExisting?(client: IntacctApi, options: RequestOptions): Promise<IDataObject | undefined>;
}

interface Pending {
	itemIndex: number;
	write: PreparedWrite;
	options: RequestOptions;
}

export function writeOptions(context: IExecuteFunctions, itemIndex: number): WriteOptions {
	return itemParameter<WriteOptions>(context, 'options', itemIndex, {});
}

export async function runWrites(
	this: IExecuteFunctions,
	action: string,
	idempotentByDefault: boolean,
	prepare: (itemIndex: number) => Promise<PreparedWrite> | PreparedWrite,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const results: Array<INodeExecutionData | undefined> = new Array(items.length);
	/** Items whose idempotency key repeats an earlier item's in this run: sent once, reported as duplicates. */
	const repeats: Array<{ itemIndex: number; firstItem: number }> = [];
	const firstItemOfKey = new Map<string, number>();
	const continueOnFail = this.continueOnFail();
	const node = this.getNode();

	// Requests go out as soon as a batch of one (entity, idempotent) group is full, while later items
	// are still being prepared, so CPU overlaps the network; the client's semaphore caps concurrency.
	let client: IntacctApi | undefined;
	let batchSize = 0;
	const groups = new Map<string, Pending[]>();
	const inFlight: Array<Promise<void>> = [];
	const outcomes = new Map<number, { entry: Pending; outcome: BatchOutcome }>();
	let sendFailure: { error: unknown } | undefined;
	const send = (chunk: Pending[]) => {
		client ??= getClient(this);
		const sending = client.executeMany(
			chunk.map((entry) => entry.write.fn),
			{ ...chunk[0].options, batchSize: chunk.length },
		);
		inFlight.push(
			sending.then(
				(chunkOutcomes) => chunk.forEach((entry, i) => outcomes.set(entry.itemIndex, { entry, outcome: chunkOutcomes[i] })),
				(error: unknown) => {
					sendFailure ??= { error };
				},
			),
		);
	};
	const enqueue = (entry: Pending) => {
		if (batchSize === 0) batchSize = Math.max(1, Math.floor(writeOptions(this, entry.itemIndex).batchSize ?? 50));
		// One executeMany per (entity, idempotent) group: both are request-level settings.
		const key = `${entry.options.entityId ?? '\u0000'}|${String(entry.options.idempotent)}`;
		let group = groups.get(key);
		if (!group) {
			group = [];
			groups.set(key, group);
		}
		group.push(entry);
		if (group.length >= batchSize) {
			send(group);
			groups.delete(key);
		}
	};

	/** Validated items waiting to be sent: all items are validated before anything is sent unless continueOnFail. */
	const ready: Pending[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let entry: Pending | undefined;
		try {
			const write = await prepare(itemIndex);
			const options = writeOptions(this, itemIndex);
			const key = options.idempotencyKey ?? '';
			const idempotent = key.trim() !== '' || (options.idempotent ?? idempotentByDefault);
			if (idempotent) {
				const controlId = idempotencyControlId(this, itemIndex, action, write.fn.body, key);
				const firstItem = firstItemOfKey.get(controlId);
				if (firstItem !== undefined) {
					repeats.push({ itemIndex, firstItem });
					continue;
				}
				firstItemOfKey.set(controlId, itemIndex);
				write.fn.controlId = controlId;
			}
			entry = { itemIndex, write, options: { ...entityOption(this, itemIndex), idempotent } };
		} catch (error) {
			if (!continueOnFail) throw toNodeError(node, error, itemIndex);
			results[itemIndex] = { json: errorJson(toNodeError(node, error, itemIndex)), pairedItem: { item: itemIndex } };
		}
		if (entry && continueOnFail) enqueue(entry);
		else if (entry) ready.push(entry);
	}
	for (const entry of ready) enqueue(entry);
	for (const group of groups.values()) send(group);
	groups.clear();
	await Promise.all(inFlight);
	if (sendFailure) throw sendFailure.error;

	const pending = [...outcomes.keys()].sort((a, b) => a - b);
	for (const itemIndex of pending) {
		const { entry, outcome } = outcomes.get(itemIndex) as { entry: Pending; outcome: BatchOutcome };
		const { write, options } = entry;
		try {
			let json: IDataObject;
			if (outcome.ok) {
				json = await write.onSuccess(outcome.result, client as IntacctApi, options);
			} else if (outcome.error.kind === 'duplicate') {
				const existing = write.findExisting ? await write.findExisting(client as IntacctApi, options) : undefined;
				json = {
					duplicate: true,
					...(existing ?? {}),
					message: existing
						? 'Already posted by an earlier run with the same idempotency key; nothing was posted again.'
						: 'Already posted by an earlier run with the same idempotency key; nothing was posted again (the existing record could not be looked up).',
				};
			} else {
				throw outcome.error;
			}
			results[itemIndex] = { json, pairedItem: { item: itemIndex } };
		} catch (error) {
			if (!continueOnFail) throw toNodeError(node, error, itemIndex);
			results[itemIndex] = { json: errorJson(error), pairedItem: { item: itemIndex } };
		}
	}
	for (const { itemIndex, firstItem } of repeats) {
		const first = results[firstItem]?.json ?? {};
		results[itemIndex] = {
			json:
				first.error !== undefined
					? { ...first }
					: { ...first, duplicate: true, duplicateOfItem: firstItem, message: `Same idempotency key as item ${firstItem} of this run: sent once.` },
			pairedItem: { item: itemIndex },
		};
	}
	const output = results.filter((item): item is INodeExecutionData => item !== undefined);
	const duplicates = output.filter((item) => item.json.duplicate === true).length;
	if (duplicates > 0) {
		this.addExecutionHints({
			message: `${duplicates} of ${items.length} items had already been sent by an earlier run with the same idempotency key: nothing was posted again for them (duplicate = true).`,
			location: 'outputPane',
		});
	}
	return output;
}
