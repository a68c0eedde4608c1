/**
 * REST error payloads (docs: intacct-docs/rest/error-handling.md): `ia::error` with code, message,
 * supportId and details, `ia::meta` with the operation counts; gateway errors GW-00xx; the model's
 * business errors become 422 operationFailed with one detail per Intacct error.
 */
import { randomBytes } from 'node:crypto';
import type { ApiError } from '../model/contract';
import type { FieldProblem, JsonObject } from './recordMapping';

export interface ErrorDetail {
	code: string;
	message: string;
	field?: string;
	correction?: string;
}

export function supportId(): string {
	return randomBytes(18).toString('base64url');
}

export class RestError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details: ErrorDetail[] = [],
		/** Extra response headers (Retry-After on 429). */
		readonly headers: Record<string, string> = {},
	) {
		super(message);
		this.name = 'RestError';
	}

	static invalidFields(problems: FieldProblem[]): RestError {
		return new RestError(
			400,
			'invalidRequest',
			problems.length === 1 ? problems[0].message : `${problems.length} fields are not valid`,
			problems.map((p) => ({ code: 'invalidRequest', message: p.message, field: p.field })),
		);
	}

	static notFound(what: string): RestError {
		return new RestError(404, 'notFound', what);
	}

	static gateway(status: number, code: string, message: string, headers: Record<string, string> = {}): RestError {
		return new RestError(status, code, message, [], headers);
	}

	/** The model refused a write or read: 422 operationFailed with Intacct's own error numbers. */
	static business(verb: string, objectName: string, errors: ApiError[]): RestError {
		return new RestError(
			422,
			'operationFailed',
			`Operation ${verb} object ${objectName} failed`,
			errors.map((e) => ({
				code: e.errorno,
				message: [e.description, e.description2].filter((t) => t !== undefined && t !== '').join(' '),
				...(e.correction ? { correction: e.correction } : {}),
			})),
		);
	}

	/** The `ia::error` object of this error. */
	body(): JsonObject {
		const error: JsonObject = { code: this.code, message: this.message };
		if (this.code.startsWith('GW-')) {
			error.details = { requestId: supportId() };
			return error;
		}
		error.supportId = supportId();
		if (this.details.length > 0) error.details = this.details.map((d) => ({ ...d }));
		return error;
	}

	/** The whole response payload of a failed single operation. */
	payload(): JsonObject {
		if (this.code.startsWith('GW-')) return { 'ia::error': this.body() };
		return { 'ia::error': this.body(), 'ia::meta': { totalCount: 1, totalSuccess: 0, totalError: 1 } };
	}
}

export const GATEWAY = {
	rateLimited: (retryAfterSeconds: number): RestError =>
		RestError.gateway(429, 'GW-0010', 'API rate limit exceeded', { 'Retry-After': String(retryAfterSeconds), 'X-IA-Throttle-Limit-RetryAfter': String(retryAfterSeconds) }),
	invalidRequest: (): RestError => RestError.gateway(400, 'GW-0011', 'Invalid Request'),
	missingTenant: (): RestError => RestError.gateway(400, 'GW-0012', 'Missing Tenant Data'),
	invalidContentType: (): RestError => RestError.gateway(400, 'GW-0014', 'Invalid Content Type'),
	invalidToken: (): RestError => RestError.gateway(401, 'GW-0031', 'Invalid Token'),
	invalidTokenPayload: (): RestError => RestError.gateway(400, 'GW-0032', 'Invalid Token Payload'),
	invalidTokenEndpoint: (): RestError => RestError.gateway(404, 'GW-0033', 'Invalid Token Endpoint'),
	invalidAuthorizationHeader: (): RestError => RestError.gateway(401, 'GW-0034', 'Invalid Authorization Header'),
	missingTokenPayload: (): RestError => RestError.gateway(400, 'GW-0035', 'Missing Token Payload'),
	missingUserName: (): RestError => RestError.gateway(400, 'GW-0036', 'Missing User Name'),
	missingClientId: (): RestError => RestError.gateway(400, 'GW-0037', 'Missing Client ID'),
	multipleClientIds: (): RestError => RestError.gateway(400, 'GW-0038', 'Multiple Client IDs'),
	multipleUserNames: (): RestError => RestError.gateway(400, 'GW-0039', 'Multiple Usernames'),
	unableToProcess: (status = 503): RestError => RestError.gateway(status, 'GW-0001', 'Unable to process request'),
};
