/**
 * What one write came to, for its item (docs/resilience.md "Writes"):
 *  - success: the operation's output;
 *  - a duplicate Intacct reported for our own control ID (client.ts: by its error number, only
 *    under uniqueid): the existing record looked up by its natural key, in the same shape as a fresh
 *    post plus `duplicate: true`; when a user's key points at a record holding other values than
 *    this item's, an error saying so (never a silent success);
 *  - a failure after the request was sent more than once (a lost answer, then an answer we cannot
 *    read as "already ran"): the record is looked up by its natural key first; found and matching,
 *    it is reported as that duplicate, so a retry never ends as a false error nor posts twice.
 */
import type { IDataObject } from 'n8n-workflow';
import type { BatchOutcome, IntacctApi, IntacctFunction, IntacctRecord, IntacctResult, RequestOptions } from '../core/types';
import { IntacctError } from '../core/errors';
import { settle } from '../client/settle';
import type { PreparedWrite } from './preparedWrite';

export type Answer = { json: IDataObject } | { error: unknown };

const DEFAULT_ANSWER_FIELDS = ['RECORDNO', 'RECORD_URL'];

/** Text as compared: numbers by value, mm/dd/yyyy and yyyy-mm-dd dates alike, else trimmed text. */
function comparable(value: string): string {
	const text = value.trim();
	const us = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
	if (us) return `${us[3]}-${us[1]}-${us[2]}`;
	if (text !== '' && Number.isFinite(Number(text))) return String(Number(text));
	return text.toLowerCase();
}

/** The intended fields the existing record holds other values for: "FIELD: existing ≠ sent". */
export function differences(existing: IntacctRecord, intended: Record<string, string>): string[] {
	const out: string[] = [];
	for (const [field, sent] of Object.entries(intended)) {
		const held = existing[field];
		if (typeof held !== 'string') continue;
		if (comparable(held) !== comparable(sent)) out.push(`${field} is ${held} there, ${sent} here`);
	}
	return out;
}

export function sameKeyDifferentContent(itemIndex: number, firstItem: number): IntacctError {
	return new IntacctError({
		kind: 'validation',
		summary: `Item ${itemIndex + 1} has the same idempotency key as item ${firstItem + 1} but different content: it was not sent`,
		hint: 'Give each different record its own idempotency key.',
	});
}

function mismatch(fn: IntacctFunction, differing: string[]): IntacctError {
	return new IntacctError({
		kind: 'result',
		summary: `The idempotency key was already used for a different record, so nothing was posted: ${differing.join('; ')}`,
		functionName: fn.name,
		controlId: fn.controlId,
		hint: 'Use a new idempotency key for a changed record (or update the existing one).',
	});
}

/** The existing record as Intacct would have answered the write (its answer fields only). */
function answerOf(fn: IntacctFunction, existing: IntacctRecord, fields: string[]): IntacctResult {
	const record: IntacctRecord = {};
	for (const field of fields) record[field] = existing[field] ?? '';
	return { status: 'success', function: fn.name, controlId: fn.controlId ?? '', records: [record], errors: [] };
}

async function lookUp(write: PreparedWrite, client: IntacctApi, options: RequestOptions): Promise<IntacctRecord | undefined> {
	if (!write.findExisting) return undefined;
	const found = await settle(write.findExisting(client, options));
	return found.ok ? found.value : undefined;
}

/** What a duplicate's output says when an earlier run's record was found by its idempotency key. */
const ALREADY_POSTED = 'Already posted by an earlier run with the same idempotency key; nothing was posted again.';
const ANSWER_LOST = 'Posted by an earlier attempt whose answer was lost; found by its natural key, nothing was posted again.';
const KEY_EXPIRED = 'Already posted by an earlier run with the same idempotency key more than 48 hours ago (Intacct refuses the key, HTTP 409); found by its natural key, nothing was posted again.';

async function duplicateOutput(write: PreparedWrite, fn: IntacctFunction, existing: IntacctRecord, client: IntacctApi, options: RequestOptions, why: string): Promise<IDataObject> {
	const json = await write.onSuccess(answerOf(fn, existing, write.answerFields ?? DEFAULT_ANSWER_FIELDS), client, options);
	return { ...json, duplicate: true, message: why };
}

export async function answerWrite(
	write: PreparedWrite,
	fn: IntacctFunction,
	userKey: string,
	outcome: BatchOutcome,
	client: IntacctApi,
	options: RequestOptions,
): Promise<Answer> {
	try {
		if (outcome.ok) {
			const json = await write.onSuccess(outcome.result, client, options);
			// Over REST a repeated Idempotency-Key is answered with the first answer (restClient.ts): the
			// record an earlier run posted, reported like the XML wire's duplicates.
			return { json: outcome.result.duplicate === true ? { ...json, duplicate: true, message: ALREADY_POSTED } : json };
		}
		const idempotent = options.idempotent === true && fn.controlId !== undefined;
		if (outcome.error.kind === 'duplicate' && idempotent) {
			const existing = await lookUp(write, client, options);
			if (!existing) {
				const why = 'Already posted by an earlier run with the same idempotency key; nothing was posted again (the existing record could not be looked up).';
				return { json: await duplicateOutput(write, fn, {}, client, options, why) };
			}
			const differing = userKey.trim() !== '' ? differences(existing, write.intended ?? {}) : [];
			if (differing.length > 0) return { error: mismatch(fn, differing) };
			return { json: await duplicateOutput(write, fn, existing, client, options, ALREADY_POSTED) };
		}
		const keyRefused = outcome.error.httpStatus === 409;
		if ((outcome.retried === true || keyRefused) && idempotent && outcome.error.kind !== 'validation') {
			// Intacct's answer to a repeated control ID is not documented (docs/fidelity.md): whatever
			// the retry met, the first attempt may have posted. Over REST, a key replayed for 48 hours
			// is then refused with 409 for 60 days (bulk-requests.md): a re-run after two days. Look
			// before reporting a failure; a record that differs, or none, leaves the error as it is.
			const existing = await lookUp(write, client, options);
			if (existing && write.intended && differences(existing, write.intended).length === 0) {
				return { json: await duplicateOutput(write, fn, existing, client, options, keyRefused ? KEY_EXPIRED : ANSWER_LOST) };
			}
		}
		return { error: outcome.error };
	} catch (error) {
		return { error };
	}
}
