/**
 * The IntacctErrors the client builds from results and local checks: a failed, aborted or duplicate
 * result (§3.5, §3.7, §7), a missing result, an invalid credential or argument, and where to fix a
 * sign-in failure.
 */
import type { IntacctCredentials, IntacctErrorDetail, IntacctFunction, IntacctResult } from '../core/types';
import { IntacctError, validationError } from '../core/errors';
import { isTransientErrorChain } from '../xml/responseReader';
import { signInAdvice } from './signInHints';

/** The error every function of a rolled-back transaction carries (§3.7). */
export const ROLLBACK_ERROR: IntacctErrorDetail = {
	errorNo: 'XL03000009',
	description: '',
	description2: 'The entire transaction in this operation has been rolled back due to an error.',
	correction: '',
};

export function isHttpUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

/** Credential fields that must not be empty (Entity ID may be: top level). */
export function missingCredentialFields(credentials: IntacctCredentials): Array<keyof IntacctCredentials> {
	const required = ['senderId', 'senderPassword', 'companyId', 'userId', 'userPassword', 'endpointUrl'] as const;
	return required.filter((field) => !String(credentials[field] ?? '').trim());
}

export function validateCredentials(credentials: IntacctCredentials): void {
	const missing = missingCredentialFields(credentials);
	if (missing.length > 0) throw validationError(`The Sage Intacct credential is missing: ${missing.join(', ')}`);
	if (!isHttpUrl(credentials.endpointUrl)) {
		throw validationError('The endpoint URL of the Sage Intacct credential must be an http(s) URL, e.g. https://api.intacct.com/ia/xml/xmlgw.phtml');
	}
}

/** The error a failed (or duplicate) result stands for. */
export function resultError(result: IntacctResult): IntacctError {
	const duplicate = result.duplicate === true;
	return new IntacctError({
		kind: duplicate ? 'duplicate' : 'result',
		summary: duplicate
			? `Intacct did not run ${result.function || 'the function'} again: a function with control ID "${result.controlId}" already ran`
			: result.status === 'aborted'
				? 'Intacct rolled the request back'
				: 'Intacct rejected the request',
		errors: result.errors,
		functionName: result.function,
		controlId: result.controlId,
		transient: isTransientErrorChain(result.errors),
		hint: duplicate ? 'The earlier run already wrote the record; look it up (e.g. by its reference number) instead of sending it again.' : undefined,
	});
}

/** Stands in for a function the response had no <result> for (matched by controlid). */
export function missingResult(fn: IntacctFunction & { controlId: string }, transaction: boolean): IntacctResult {
	return {
		status: transaction ? 'aborted' : 'failure',
		function: fn.name,
		controlId: fn.controlId,
		records: [],
		errors: [
			{
				errorNo: '',
				description: 'No result',
				description2: `Intacct returned no result for function ${fn.name} (control ID "${fn.controlId}").`,
				correction: '',
			},
		],
	};
}

/** Unexpected (non-Intacct) failures pass through unchanged, as Errors. */
export function asError(error: unknown): Error {
	return error instanceof Error ? error : new Error(String(error));
}

/** Where to fix it, for control, authentication and gateway 400/401 sign-in failures. */
export function signInAdviceFor(error: IntacctError): string | undefined {
	if (error.kind === 'control' || error.kind === 'authentication' || (error.kind === 'http' && (error.httpStatus === 401 || error.httpStatus === 400))) {
		return signInAdvice(error.kind, error.errors, error.httpStatus);
	}
	return undefined;
}
