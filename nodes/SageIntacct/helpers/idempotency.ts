/**
 * Idempotency keys for writes (intacct-xml-api.md §7).
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
import type { XmlObject } from '../transport/types';

function stableStringify(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function idempotencyControlId(
	context: IExecuteFunctions,
	itemIndex: number,
	action: string,
	content: XmlObject,
	userKey: string,
): string {
	if (userKey.trim() !== '') return `n8n-${action}-${sha256(userKey.trim()).slice(0, 40)}`;
	const workflowId = context.getWorkflow().id ?? '';
	const node = context.getNode();
	const digest = sha256(stableStringify([workflowId, node.id ?? node.name, itemIndex, content]));
	return `n8n-${action}-${digest.slice(0, 40)}`;
}
