/**
 * The write pipeline shared by every create/update/delete operation:
 *  1. read and validate every item (its parameters, zod + our checks) and build its function; a bad
 *     item fails alone - with continueOnFail it becomes an error item and nothing is sent for it,
 *     without it the node stops before anything at all is sent (so then every item is validated
 *     before the first send). The sign-in (getAPISession) goes out as soon as the first item is
 *     valid, so it overlaps the validation of the others instead of delaying the first batch;
 *  2. send the valid items' functions with client.executeMany, `batchSize` functions per request,
 *     grouped by entity, idempotent (stable controlid + uniqueid) unless turned off. The per-item
 *     work left after validation (idempotency keys, grouping) runs batch by batch: a batch's request
 *     goes out as soon as the batch is full, while the next one is still being keyed (with
 *     continueOnFail also while later items are still being validated), up to the credential's
 *     concurrency cap, so CPU work overlaps the network;
 *  3. pair every outcome back to its item: success -> the operation's output; a duplicate (the same
 *     idempotency key already posted) -> the existing record looked up, with duplicate = true;
 *     a failure -> error item (continueOnFail) or a NodeApiError naming the item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import type { BatchOutcome, IntacctApi, IntacctFunction, IntacctResult, RequestOptions } from '../core/types';
import { settle, type Settled } from '../client/settle';
import { CLIENT_DEFAULTS } from '../client/client';
import { entityOption, getClient } from './client';
import { errorJson, isIntacctErrorLike, toN8nError } from './errors';
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
	/** Runs right before the write is sent (e.g. uploading the item's attachments), so nothing goes
	 * out while items are still being validated; a failure fails this item alone. */
	before?(client: IntacctApi, options: RequestOptions): Promise<void>;
}

interface Pending {
	itemIndex: number;
	write: PreparedWrite;
	options: RequestOptions;
}

export function writeOptions(context: IExecuteFunctions, itemIndex: number): WriteOptions {
	return itemParameter<WriteOptions>(context, 'options', itemIndex, {});
}

/** While a sign-in is under way, item preparation yields to the event loop after this much CPU
 * time (ms), so the sign-in's socket work is not held up by a long synchronous run of items. */
const YIELD_EVERY_MS = 8;

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

	// Requests go out as soon as a batch of one (entity, idempotent) group is full, so CPU work on
	// later items (idempotency keys, output shaping) overlaps the network; the client's semaphore
	// keeps requests within the credential's concurrency cap.
	let client: IntacctApi | undefined;
	const api = (): IntacctApi => (client ??= getClient(this));
	let batchSize = 0;
	const groups = new Map<string, Pending[]>();
	const inFlight: Array<Promise<void>> = [];
	/** What each sent item came to: its output, or the error that failed it. */
	const answers = new Map<number, { json: IDataObject } | { error: unknown }>();
	let sendFailure: { error: unknown } | undefined;

	/** Sign-ins started early, per entity ('\u0000' = the credential's): a batch waits for its own. */
	const sessions = new Map<string, Promise<Settled<void>>>();
	let signingIn = 0;
	const sessionFor = (options: RequestOptions): Promise<Settled<void>> => {
		const key = options.entityId ?? '\u0000';
		let session = sessions.get(key);
		if (!session) {
			const current = api();
			if (current.openSession) {
				signingIn++;
				session = settle(current.openSession(options.entityId === undefined ? {} : { entityId: options.entityId })).finally(() => {
					signingIn--;
				});
			} else {
				session = Promise.resolve({ ok: true, value: undefined });
			}
			sessions.set(key, session);
		}
		return session;
	};
	/** Yields to the event loop now and then while a sign-in is under way (see YIELD_EVERY_MS). */
	let workSince = Date.now();
	const letSignInProgress = async (): Promise<void> => {
		if (signingIn === 0) return;
		if (Date.now() - workSince < YIELD_EVERY_MS) return;
		await sleep(0);
		workSince = Date.now();
	};

	const answer = async (entry: Pending, outcome: BatchOutcome, current: IntacctApi): Promise<void> => {
		const { itemIndex, write, options } = entry;
		try {
			let json: IDataObject;
			if (outcome.ok) {
				json = await write.onSuccess(outcome.result, current, options);
			} else if (outcome.error.kind === 'duplicate') {
				const existing = write.findExisting ? await write.findExisting(current, options) : undefined;
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
			answers.set(itemIndex, { json });
		} catch (error) {
			answers.set(itemIndex, { error });
		}
	};
	const sendChunk = async (chunk: Pending[], current: IntacctApi): Promise<void> => {
		// The early sign-in of this entity: a failure fails the chunk's items as the request would
		// have (nothing is sent: a second sign-in with the same credentials would fail the same way).
		const session = await sessionFor(chunk[0].options);
		if (!session.ok) {
			if (!isIntacctErrorLike(session.error)) {
				sendFailure ??= { error: session.error };
				return;
			}
			for (const entry of chunk) answers.set(entry.itemIndex, { error: session.error });
			return;
		}
		let batch = chunk;
		if (chunk.some((entry) => entry.write.before)) {
			const failed = new Set<Pending>();
			await Promise.all(
				chunk.map(async (entry) => {
					try {
						await entry.write.before?.(current, entry.options);
					} catch (error) {
						failed.add(entry);
						answers.set(entry.itemIndex, { error });
					}
				}),
			);
			batch = chunk.filter((entry) => !failed.has(entry));
			if (batch.length === 0) return;
		}
		let outcomes: BatchOutcome[];
		try {
			outcomes = await current.executeMany(
				batch.map((entry) => entry.write.fn),
				{ ...batch[0].options, batchSize: batch.length },
			);
		} catch (error) {
			sendFailure ??= { error };
			return;
		}
		await Promise.all(batch.map(async (entry, i) => await answer(entry, outcomes[i], current)));
	};
	const send = (chunk: Pending[]) => {
		inFlight.push(sendChunk(chunk, api()));
	};
	/** Gives a validated item its idempotency key and puts it in its group's batch; true when that
	 * completed a batch and its request went out. */
	const enqueue = (entry: Pending, userKey: string): boolean => {
		if (entry.options.idempotent) {
			const controlId = idempotencyControlId(this, entry.itemIndex, action, entry.write.fn.body, userKey);
			const firstItem = firstItemOfKey.get(controlId);
			if (firstItem !== undefined) {
				repeats.push({ itemIndex: entry.itemIndex, firstItem });
				return false;
			}
			firstItemOfKey.set(controlId, entry.itemIndex);
			entry.write.fn.controlId = controlId;
		}
		if (batchSize === 0) batchSize = Math.max(1, Math.floor(writeOptions(this, entry.itemIndex).batchSize ?? CLIENT_DEFAULTS.batchSize));
		// One executeMany per (entity, idempotent) group: both are request-level settings.
		const group = `${entry.options.entityId ?? '\u0000'}|${String(entry.options.idempotent)}`;
		let batch = groups.get(group);
		if (!batch) {
			batch = [];
			groups.set(group, batch);
		}
		batch.push(entry);
		if (batch.length < batchSize) return false;
		groups.delete(group);
		send(batch);
		return true;
	};
	/** A request just went out: let it leave (its socket work needs the event loop) before keying more. */
	const afterSend = async (sent: boolean): Promise<void> => {
		if (!sent) return;
		await sleep(0);
		workSince = Date.now();
	};

	/** Without continueOnFail every item is validated before the first request goes out. */
	const validated: Array<{ entry: Pending; userKey: string }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let ready: { entry: Pending; userKey: string } | undefined;
		try {
			const write = await prepare(itemIndex);
			const options = writeOptions(this, itemIndex);
			const userKey = options.idempotencyKey ?? '';
			const idempotent = userKey.trim() !== '' || (options.idempotent ?? idempotentByDefault);
			ready = { entry: { itemIndex, write, options: { ...entityOption(this, itemIndex), idempotent } }, userKey };
		} catch (error) {
			if (!continueOnFail) throw toN8nError(node, error, itemIndex);
			results[itemIndex] = { json: errorJson(toN8nError(node, error, itemIndex)), pairedItem: { item: itemIndex } };
		}
		if (ready) {
			// A valid item will be sent (unless a later one is invalid without continueOnFail): its
			// entity's sign-in can start now, while the other items are validated.
			void sessionFor(ready.entry.options);
			if (continueOnFail) await afterSend(enqueue(ready.entry, ready.userKey));
			else validated.push(ready);
		}
		await letSignInProgress();
	}
	for (const { entry, userKey } of validated) await afterSend(enqueue(entry, userKey));
	for (const batch of groups.values()) send(batch);
	groups.clear();
	await Promise.all(inFlight);
	if (sendFailure) throw sendFailure.error;

	for (const itemIndex of [...answers.keys()].sort((a, b) => a - b)) {
		const result = answers.get(itemIndex) as { json: IDataObject } | { error: unknown };
		if ('json' in result) {
			results[itemIndex] = { json: result.json, pairedItem: { item: itemIndex } };
		} else {
			if (!continueOnFail) throw toN8nError(node, result.error, itemIndex);
			results[itemIndex] = { json: errorJson(result.error), pairedItem: { item: itemIndex } };
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
