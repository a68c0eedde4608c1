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
import type { IntacctApi, IntacctFunction, IntacctResult, RequestOptions } from '../transport/types';
import { entityOption, getClient } from './client';
import { errorJson, toNodeError } from './errors';
import { idempotencyControlId } from './idempotency';

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
	return context.getNodeParameter('options', itemIndex, {}) as WriteOptions;
}

export async function runWrites(
	this: IExecuteFunctions,
	action: string,
	idempotentByDefault: boolean,
	prepare: (itemIndex: number) => Promise<PreparedWrite> | PreparedWrite,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const results: Array<INodeExecutionData | undefined> = new Array(items.length);
	const pending: Pending[] = [];
	/** Items whose idempotency key repeats an earlier item's in this run: sent once, reported as duplicates. */
	const repeats: Array<{ itemIndex: number; firstItem: number }> = [];
	const firstItemOfKey = new Map<string, number>();
	const continueOnFail = this.continueOnFail();

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
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
			pending.push({ itemIndex, write, options: { ...entityOption(this, itemIndex), idempotent } });
		} catch (error) {
			if (!continueOnFail) throw toNodeError(this.getNode(), error, itemIndex);
			results[itemIndex] = { json: errorJson(toNodeError(this.getNode(), error, itemIndex)), pairedItem: { item: itemIndex } };
		}
	}

	if (pending.length > 0) {
		const client = getClient(this);
		const batchSize = Math.max(1, Math.floor(writeOptions(this, pending[0].itemIndex).batchSize ?? 50));
		// One executeMany per (entity, idempotent) group: both are request-level settings.
		const groups = new Map<string, Pending[]>();
		for (const entry of pending) {
			const key = JSON.stringify([entry.options.entityId ?? null, entry.options.idempotent]);
			groups.set(key, [...(groups.get(key) ?? []), entry]);
		}
		for (const group of groups.values()) {
			const outcomes = await client.executeMany(
				group.map((entry) => entry.write.fn),
				{ ...group[0].options, batchSize },
			);
			for (let i = 0; i < group.length; i++) {
				const { itemIndex, write, options } = group[i];
				const outcome = outcomes[i];
				try {
					let json: IDataObject;
					if (outcome.ok) {
						json = await write.onSuccess(outcome.result, client, options);
					} else if (outcome.error.kind === 'duplicate') {
						const existing = write.findExisting ? await write.findExisting(client, options) : undefined;
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
					if (!continueOnFail) throw toNodeError(this.getNode(), error, itemIndex);
					results[itemIndex] = { json: errorJson(error), pairedItem: { item: itemIndex } };
				}
			}
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
