/**
 * The write pipeline shared by every create/update/delete operation, as four stages
 * (docs/resilience.md "Writes"):
 *  1. validateItems: read and validate every item and build its function. A bad item fails alone
 *     (an error item with continueOnFail; without it the node stops before anything is sent). The
 *     entity's sign-in is started (client.warmUp) as soon as one item is valid, so it overlaps the
 *     validation of the others;
 *  2. assignKeys: give each idempotent write its control ID (idempotency.ts), copying the function;
 *     items repeating a key of this run are sent once (same content) or refused (different content);
 *  3. sendWrites: upload what must precede each write (attachments), then client.executeMany per
 *     (entity, idempotent) group: the client owns batching, concurrency and the sign-in;
 *  4. outputs: each outcome back to its item (answers.ts): a fresh post, a duplicate in the same
 *     shape plus `duplicate: true`, or an error naming the item as the editor counts it.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import type { BatchOutcome, IntacctApi, IntacctFunction, RequestOptions } from '../core/types';
import type { PreparedWrite } from './preparedWrite';

import { CLIENT_DEFAULTS } from '../client/client';
import { entityOption, getClient } from './client';
import { errorJson, toN8nError } from './errors';
import { assignControlIds, idempotencyScope } from './idempotency';
import { itemParameter } from './parameters';
import { answerWrite, sameKeyDifferentContent, type Answer } from './writeAnswers';

export interface WriteOptions {
	batchSize?: number;
	idempotent?: boolean;
	idempotencyKey?: string;
}

/** A validated item. */
interface Ready {
	itemIndex: number;
	write: PreparedWrite;
	options: RequestOptions;
	userKey: string;
}

/** A validated item with the function to send (its control ID set when idempotent). */
interface Keyed extends Ready {
	fn: IntacctFunction;
}

export function writeOptions(context: IExecuteFunctions, itemIndex: number): WriteOptions {
	return itemParameter<WriteOptions>(context, 'options', itemIndex, {});
}

/** While validating, yield to the event loop after this much CPU time (ms), so the warm-up sign-in's
 * socket work is not held up by a long synchronous run of items. */
const YIELD_EVERY_MS = 8;

async function validateItems(
	context: IExecuteFunctions,
	idempotentByDefault: boolean,
	prepare: (itemIndex: number) => Promise<PreparedWrite> | PreparedWrite,
	answers: Map<number, Answer>,
): Promise<Ready[]> {
	const ready: Ready[] = [];
	const client = (): IntacctApi => getClient(context);
	let since = Date.now();
	for (let itemIndex = 0; itemIndex < context.getInputData().length; itemIndex++) {
		try {
			const write = await prepare(itemIndex);
			const options = writeOptions(context, itemIndex);
			const userKey = options.idempotencyKey ?? '';
			const idempotent = userKey.trim() !== '' || (options.idempotent ?? idempotentByDefault);
			const entry: Ready = { itemIndex, write, userKey, options: { ...entityOption(context, itemIndex), idempotent } };
			client().warmUp?.(entry.options);
			ready.push(entry);
		} catch (error) {
			if (!context.continueOnFail()) throw toN8nError(context.getNode(), error, itemIndex);
			answers.set(itemIndex, { error });
		}
		if (Date.now() - since >= YIELD_EVERY_MS) {
			await sleep(0);
			since = Date.now();
		}
	}
	return ready;
}

function assignKeys(context: IExecuteFunctions, action: string, ready: Ready[], answers: Map<number, Answer>, repeats: Map<number, number>): Keyed[] {
	const idempotent = ready.filter((entry) => entry.options.idempotent);
	const keys = assignControlIds(
		idempotent.length > 0 ? idempotencyScope(context) : '',
		action,
		// The function's attributes are content too (reverse_appayment key=…: two payments reversed on one date are two writes).
		idempotent.map((entry) => {
			const fn = entry.write.fn;
			return { content: fn.attributes ? { ...fn.body, $attributes: fn.attributes } : fn.body, userKey: entry.userKey, owner: entry.write.owner };
		}),
	);
	const keyOf = new Map(idempotent.map((entry, i) => [entry, keys[i]]));
	const firstOfKey = new Map<string, { itemIndex: number; digest: string }>();
	const keyed: Keyed[] = [];
	for (const entry of ready) {
		const key = keyOf.get(entry);
		if (!key) {
			keyed.push({ ...entry, fn: entry.write.fn });
			continue;
		}
		const first = firstOfKey.get(key.controlId);
		if (first === undefined) {
			firstOfKey.set(key.controlId, { itemIndex: entry.itemIndex, digest: key.digest });
			keyed.push({ ...entry, fn: { ...entry.write.fn, controlId: key.controlId } });
		} else if (first.digest === key.digest) {
			repeats.set(entry.itemIndex, first.itemIndex);
		} else {
			answers.set(entry.itemIndex, { error: sameKeyDifferentContent(entry.itemIndex, first.itemIndex) });
		}
	}
	return keyed;
}

/** Runs each write's `before` step; the writes whose step failed are answered and left out. */
async function runBefore(client: IntacctApi, writes: Keyed[], answers: Map<number, Answer>): Promise<Keyed[]> {
	const failed = new Set<number>();
	await Promise.all(
		writes.map(async (entry) => {
			if (!entry.write.before) return;
			try {
				await entry.write.before(client, entry.options);
			} catch (error) {
				failed.add(entry.itemIndex);
				answers.set(entry.itemIndex, { error });
			}
		}),
	);
	return writes.filter((entry) => !failed.has(entry.itemIndex));
}

async function sendWrites(context: IExecuteFunctions, client: IntacctApi, keyed: Keyed[], answers: Map<number, Answer>): Promise<void> {
	if (keyed.length === 0) return;
	const batchSize = Math.max(1, Math.floor(writeOptions(context, keyed[0].itemIndex).batchSize ?? CLIENT_DEFAULTS.batchSize));
	// One executeMany per (entity, idempotent) group: both are request-level settings.
	const groups = new Map<string, Keyed[]>();
	for (const entry of keyed) {
		const group = `${entry.options.entityId ?? '\u0000'}|${String(entry.options.idempotent)}`;
		groups.set(group, [...(groups.get(group) ?? []), entry]);
	}
	await Promise.all(
		[...groups.values()].map(async (group) => {
			const writes = await runBefore(client, group, answers);
			if (writes.length === 0) return;
			const outcomes: BatchOutcome[] = await client.executeMany(
				writes.map((entry) => entry.fn),
				{ ...writes[0].options, batchSize },
			);
			await Promise.all(
				writes.map(async (entry, i) => answers.set(entry.itemIndex, await answerWrite(entry.write, entry.fn, entry.userKey, outcomes[i], client, entry.options))),
			);
		}),
	);
}

function outputs(context: IExecuteFunctions, answers: Map<number, Answer>, repeats: Map<number, number>): INodeExecutionData[] {
	const node = context.getNode();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < context.getInputData().length; itemIndex++) {
		const firstItem = repeats.get(itemIndex);
		const answer = answers.get(firstItem ?? itemIndex);
		if (!answer) continue;
		if ('error' in answer) {
			if (!context.continueOnFail()) throw toN8nError(node, answer.error, itemIndex);
			output.push({ json: errorJson(answer.error), pairedItem: { item: itemIndex } });
		} else if (firstItem !== undefined) {
			const json = { ...answer.json, duplicate: true, duplicateOfItem: firstItem, message: `Same idempotency key and content as item ${firstItem + 1} of this run: sent once.` };
			output.push({ json, pairedItem: { item: itemIndex } });
		} else {
			output.push({ json: answer.json, pairedItem: { item: itemIndex } });
		}
	}
	const duplicates = output.filter((item) => item.json.duplicate === true).length;
	if (duplicates > 0) {
		context.addExecutionHints({
			message: `${duplicates} of ${context.getInputData().length} items had already been sent with the same idempotency key: nothing was posted again for them (duplicate = true).`,
			location: 'outputPane',
		});
	}
	return output;
}

export async function runWrites(
	this: IExecuteFunctions,
	action: string,
	idempotentByDefault: boolean,
	prepare: (itemIndex: number) => Promise<PreparedWrite> | PreparedWrite,
): Promise<INodeExecutionData[]> {
	const answers = new Map<number, Answer>();
	/** Items repeating an earlier item's key and content: item -> that earlier item. */
	const repeats = new Map<number, number>();
	const ready = await validateItems(this, idempotentByDefault, prepare, answers);
	const keyed = assignKeys(this, action, ready, answers, repeats);
	if (keyed.length > 0) await sendWrites(this, getClient(this), keyed, answers);
	return outputs(this, answers, repeats);
}
