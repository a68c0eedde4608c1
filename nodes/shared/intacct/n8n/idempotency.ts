/**
 * Idempotency keys for writes (docs/resilience.md "Writes"; docs/protocol.md §7).
 *
 * Each write function gets a stable `controlid` and the request is sent with `uniqueid=true`:
 * Intacct then refuses to run a function whose controlid already completed, so retries after a
 * lost answer and re-runs of the same workflow post nothing twice. Keys are computed, never
 * stored into the prepared function (the caller copies the function with its key).
 *
 * The key is, in this order:
 *  - the item's `Idempotency Key` option when set, scoped by the operation and the record's natural
 *    owner (the vendor of a bill, ...), not by workflow: two workflows posting the same invoice key
 *    for the same vendor dedupe against each other, the same key for another vendor does not;
 *  - derived: SHA-256 of the workflow ID, this node's ID, the content that would be sent (the
 *    function's body) and its occurrence number among the items of this run with the same content.
 *    Running the same workflow again on the same input gives the same keys wherever the items sit
 *    (a new item in front shifts nothing); two genuinely identical items stay two postings.
 */
import { createHash } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';
import type { XmlObject } from '../core/types';

/** Object keys as JSON text, kept (the same few element names recur in every function). */
const quotedKeys = new Map<string, string>();

function quotedKey(key: string): string {
	let quoted = quotedKeys.get(key);
	if (quoted === undefined) {
		quoted = JSON.stringify(key);
		if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
	}
	return quoted;
}

/** JSON with object keys sorted and undefined members left out (the same text for the same content;
 * keys derived from it must never change: test/nodes/shared/intacct/n8n/idempotency.test.ts). */
function stableStringify(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value);
	if (Array.isArray(value)) {
		let out = '[';
		for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + stableStringify(value[i]);
		return `${out}]`;
	}
	if (value !== null && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		const keys = Object.keys(record).sort();
		let out = '{';
		let first = true;
		for (const key of keys) {
			const member = record[key];
			if (member === undefined) continue;
			out += `${first ? '' : ','}${quotedKey(key)}:${stableStringify(member)}`;
			first = false;
		}
		return `${out}}`;
	}
	return JSON.stringify(value ?? null);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The workflow and node part of derived keys (the same for every item of a run). */
export function idempotencyScope(context: IExecuteFunctions): string {
	const node = context.getNode();
	return `[${stableStringify(context.getWorkflow().id ?? '')},${stableStringify(node.id ?? node.name)}]`;
}

/** SHA-256 of the content a function would send (the same text for the same content). */
export function contentDigest(content: XmlObject): string {
	return sha256(stableStringify(content));
}

export interface KeyInput {
	content: XmlObject;
	/** The user's key ('' = derive one). */
	userKey: string;
	/** The natural owner a user's key is scoped by (vendor ID, customer ID), when the record has one. */
	owner?: string;
}

/**
 * The control ID of every write of one run, in input order (pure: nothing is mutated), with the
 * digest of its content (to tell two items sharing a user's key apart).
 */
export function assignControlIds(scope: string, action: string, writes: KeyInput[]): Array<{ controlId: string; digest: string }> {
	const occurrences = new Map<string, number>();
	return writes.map(({ content, userKey, owner }) => {
		const digest = contentDigest(content);
		const key = userKey.trim();
		if (key !== '') {
			const scoped = owner === undefined ? key : stableStringify([action, owner, key]);
			return { controlId: `n8n-${action}-${sha256(scoped).slice(0, 40)}`, digest };
		}
		const occurrence = occurrences.get(digest) ?? 0;
		occurrences.set(digest, occurrence + 1);
		return { controlId: `n8n-${action}-${sha256(`${scope}${digest}#${occurrence}`).slice(0, 40)}`, digest };
	});
}
