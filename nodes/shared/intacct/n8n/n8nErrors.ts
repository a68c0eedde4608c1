/**
 * Client errors as n8n errors: a NodeApiError whose message is the client's plain-words message,
 * whose description lists every error of Intacct's chain (number, text, correction), with the HTTP
 * status and the item it belongs to.
 */
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { IntacctErrorLike } from '../core/types';
import { IntacctError, formatErrorDetail } from '../core/errors';

function isIntacctErrorLike(error: unknown): error is IntacctErrorLike {
	return (
		error instanceof Error &&
		typeof (error as Partial<IntacctErrorLike>).kind === 'string' &&
		Array.isArray((error as Partial<IntacctErrorLike>).errors)
	);
}

function descriptionOf(error: IntacctErrorLike): string {
	if (error instanceof IntacctError) return error.description;
	return error.errors.map(formatErrorDetail).join('\n');
}

export function toNodeApiError(node: INode, error: unknown, itemIndex?: number): NodeApiError {
	if (error instanceof NodeApiError) return error;
	if (!isIntacctErrorLike(error)) {
		const message = error instanceof Error ? error.message : String(error);
		return new NodeApiError(node, { message } as JsonObject, { message, itemIndex });
	}
	const description = descriptionOf(error) || undefined;
	const details: JsonObject = {
		message: error.message,
		kind: error.kind,
		errors: error.errors.map((e) => ({ ...e })),
		transient: error.transient,
	};
	if (error.functionName) details.functionName = error.functionName;
	if (error.controlId) details.controlId = error.controlId;
	const apiError = new NodeApiError(node, details, {
		message: error.message,
		description,
		httpCode: error.httpStatus !== undefined ? String(error.httpStatus) : undefined,
		itemIndex,
	});
	// NodeApiError swaps messages mentioning ECONNRESET & co. for generic texts; ours is already clear.
	apiError.message = error.message;
	if (description !== undefined) apiError.description = description;
	return apiError;
}
