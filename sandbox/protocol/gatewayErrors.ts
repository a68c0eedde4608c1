/**
 * Gateway-level errors the protocol layer produces (§3.3-§3.6). One place for their numbers and
 * texts; business errors come from the model as BusinessError.
 */
import type { ApiError } from '../model/contract';

export function schemaError(description2: string): ApiError {
	return { errorno: 'XL03000003', description: '', description2, correction: '' };
}

/** §3.4: bad sender ID or password is a control failure. */
export const BAD_SENDER: ApiError = {
	errorno: 'XL03000006',
	description: '',
	description2: 'Incorrect Intacct XML Partner ID or password.',
	correction: '',
};

/** §3.4 (DOC FAQ): sender valid but not in the company's Web Services authorizations. */
export function senderNotAuthorised(senderId: string, companyId: string): ApiError {
	return {
		errorno: 'XL03000006',
		description: 'Invalid Web Services Authorization',
		description2: `The sender ID '${senderId}' is not authorized to make Web Services requests to company ID '${companyId}'.`,
		correction: 'Contact the company administrator to grant Web Services authorization to this sender ID.',
	};
}

/** §3.4: wrong user, company, password or entity (SDK test fixtures put the text in description2). */
export const SIGN_IN_INCORRECT: ApiError = {
	errorno: 'XL03000006',
	description: '',
	description2: 'Sign-in information is incorrect',
	correction: '',
};

/** §2.2 (jfcote87 fixture): unknown or expired session. */
export const INVALID_SESSION: ApiError = {
	errorno: 'XL03000006',
	description: '',
	description2: 'Invalid session',
	correction: 'Get a new session (getAPISession) or sign in again.',
};

/** §3.7: appended to every result of a rolled-back transaction. */
export const TRANSACTION_ROLLED_BACK: ApiError = {
	errorno: 'XL03000009',
	description: '',
	description2: 'The entire transaction in this operation has been rolled back due to an error.',
	correction: '',
};

/** §7 (Vena KB): the same function controlid is still running under uniqueid=true. */
export function functionInProcess(controlId: string): ApiError {
	return {
		errorno: '',
		description: '',
		description2: `A request's function with the control ID ${controlId} is in process.`,
		correction: 'Wait for the first request to finish before retrying.',
	};
}

/**
 * §7: a repeat of a function controlid that already completed under uniqueid=true. The real errorno
 * and text are UNCERTAIN (intacct-sdk-js #70 only shows the result lacked <status>); this wording is
 * the sandbox's choice, documented in docs/sandbox.md. The original key is deliberately not returned.
 */
export function functionAlreadyExecuted(controlId: string): ApiError {
	return {
		errorno: 'XL03000002',
		description: 'Duplicate function control ID',
		description2: `A function with the control ID ${controlId} was already executed for this company and sender; it was not executed again.`,
		correction: 'Use a new function control ID for a new operation, or look the record up by its reference.',
	};
}

/** §4.7 (Vena KB): a third concurrent request waited ~30 s without getting a slot. */
export const TOO_MANY_OPERATIONS: ApiError = {
	errorno: '',
	description: '',
	description2: 'There are too many operations running for this company (200024).',
	correction: 'Wait for running operations to finish, then try again.',
};

/** §2.1 (SDK): getAPISession failures use a literal errorno. */
export function getApiSessionFailed(description2: string): ApiError {
	return { errorno: 'Get API Session Failed', description: '', description2, correction: '' };
}

/** Gateway errors (HTTP 4xx) carry only errorno + description (§3.4). */
export function gatewayError(errorno: string, description: string): ApiError {
	return { errorno, description };
}

export function requestId(): string {
	return Math.random().toString(36).slice(2, 12).toUpperCase();
}

export const RATE_LIMITED = (): ApiError =>
	gatewayError('GW-0010', `Rate limit exceeded. Back off and retry. [Request ID: ${requestId()}]`);
export const INVALID_REQUEST = (): ApiError => gatewayError('GW-0011', `Invalid Request [Request ID: ${requestId()}]`);
export const SIGN_IN_REJECTED_401: ApiError = gatewayError(
	'XMLGW_JPP0002',
	'Sign-in information is incorrect. Please check your request.',
);
/** Maintenance/overload text seen by fylein/Meltano/Vena (§3.6); used for injected 5xx XML bodies. */
export const SERVICE_OFFLINE: ApiError = {
	errorno: '',
	description: 'The Service is Temporarily Off-line',
	correction: 'Please Try Again Later',
};

/**
 * A login naming a company the gateway does not know: a control-level failure (the account of
 * today's gateway; the exact text is not recorded publicly, see docs/fidelity.md "Sign-in").
 */
export const UNKNOWN_COMPANY_INVALID_REQUEST: ApiError = {
	errorno: 'invalidRequest',
	description: 'Invalid Request',
	description2: 'The request could not be processed for the company given.',
	correction: 'Check the company ID.',
};
