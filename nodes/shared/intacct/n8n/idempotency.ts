/**
 * Idempotency keys for writes (docs/protocol.md §7).
 *
 * Each write function gets a stable `controlid` and the request is sent with `uniqueid=true`:
 * Intacct then refuses to run a function whose controlid already completed, so retries after a
 * lost answer and re-runs of the same workflow post nothing twice.
 *
 * The key is, in this order:
 *  - the item's `Idempotency Key` option when set (scoped by resource and operation, not by
 *    workflow: two workflows posting the same invoice key dedupe against each other), or
 *  - derived: SHA-256 of the workflow ID, this node's ID, the item's index and the content that
 *    would be sent (the function's body). Running the same workflow again on the same input gives
 *    the same key; changing any value sent (or the item's position) gives a new key.
 */
import { createHash } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';
import type { XmlObject } from '../core/types';

/** JSON with object keys sorted and undefined members left out (the same text for the same content). */
function stableStringify(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value);
	if (Array.isArray(value)) {
		let out = '[';
		for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + stableStringify(value[i]);
		return `${out}]`;
	}
	if (value !== null && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		const keys = Object.keys(record)
			.filter((key) => record[key] !== undefined)
			.sort();
		let out = '{';
		for (let i = 0; i < keys.length; i++) out += `${i === 0 ? '' : ','}${JSON.stringify(keys[i])}:${stableStringify(record[keys[i]])}`;
		return `${out}}`;
	}
	return JSON.stringify(value ?? null);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Per node run: the workflow and node part of derived keys (the same for every item). */
const scopes = new WeakMap<object, string>();

export function idempotencyControlId(
	context: IExecuteFunctions,
	itemIndex: number,
	action: string,
	content: XmlObject,
	userKey: string,
): string {
	if (userKey.trim() !== '') return `n8n-${action}-${sha256(userKey.trim()).slice(0, 40)}`;
	let scope = scopes.get(context);
	if (scope === undefined) {
		const node = context.getNode();
		// The text of [workflowId, nodeId, ...] up to the item index, exactly as stableStringify writes it.
		scope = `[${stableStringify(context.getWorkflow().id ?? '')},${stableStringify(node.id ?? node.name)},`;
		scopes.set(context, scope);
	}
	const digest = sha256(`${scope}${stableStringify(itemIndex)},${stableStringify(content)}]`);
	return `n8n-${action}-${digest.slice(0, 40)}`;
}
