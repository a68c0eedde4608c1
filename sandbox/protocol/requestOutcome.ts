/**
 * One-line outcome of a gateway request for the sandbox's request log: a control failure, a failed
 * sign-in and a function failure all answer HTTP 200, so the status code alone says nothing.
 */
import type { ApiError } from '../model/contract';
import type { OperationBlock } from './responseRendering';

const MAX_TEXT = 120;

function firstError(errors: ApiError[]): string {
	const e = errors[0];
	if (e === undefined) return '';
	const text = [e.description, e.description2].filter((t) => t !== undefined && t !== '').join(' ');
	const short = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
	return ` (${e.errorno}${short === '' ? '' : ` ${short}`})`;
}

/** Nothing ran: the request was refused as a whole (bad XML, envelope, sender, too many operations). */
export function controlFailureOutcome(kind: string, errors: ApiError[]): string {
	return `refused: ${kind}${firstError(errors)}`;
}

/** Sign-in and function results of an answered request, e.g. "ok: 3 succeeded" or "sign-in failed (…)". */
export function operationsOutcome(operations: OperationBlock[]): string {
	const parts: string[] = [];
	let succeeded = 0;
	let failed = 0;
	let aborted = 0;
	let firstFailure: ApiError[] | undefined;
	for (const operation of operations) {
		if (!operation.authentication.ok) {
			parts.push(`sign-in failed for user ${operation.authentication.userId}${firstError(operation.authentication.errors)}`);
			continue;
		}
		for (const result of operation.results) {
			if (result.status === 'failure') {
				failed++;
				firstFailure ??= result.errors;
			} else if (result.status === 'aborted') aborted++;
			else succeeded++;
		}
	}
	const counts: string[] = [];
	if (succeeded > 0) counts.push(`${succeeded} succeeded`);
	if (failed > 0) counts.push(`${failed} failed${firstFailure === undefined ? '' : firstError(firstFailure)}`);
	if (aborted > 0) counts.push(`${aborted} rolled back`);
	if (counts.length > 0) parts.push(`${failed + aborted > 0 ? 'failed' : 'ok'}: ${counts.join(', ')}`);
	return parts.join('; ');
}
