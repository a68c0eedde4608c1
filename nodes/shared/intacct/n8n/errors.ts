/**
 * Errors for people (design.md "Habits"): what happened, for which item, with Intacct's own error
 * numbers and texts, and what to do. Validation problems are NodeOperationErrors (nothing was sent);
 * anything Intacct or the network said is a NodeApiError.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INode,
	type JsonObject,
} from 'n8n-workflow';
import type { IntacctErrorDetail, IntacctErrorLike } from '../core/types';

export function isIntacctErrorLike(error: unknown): error is IntacctErrorLike {
	return (
		error instanceof Error &&
		typeof (error as IntacctErrorLike).kind === 'string' &&
		Array.isArray((error as IntacctErrorLike).errors)
	);
}

/** Thrown by our own validation: names the item, line and field; nothing was sent for that item. */
export class ItemValidationError extends Error {}

export function describeDetails(details: IntacctErrorDetail[]): string {
	return details
		.map((d) => {
			const text = [d.errorNo, d.description, d.description2].filter((s) => s && s.trim() !== '').join(' ');
			return d.correction ? `${text} (${d.correction})` : text;
		})
		.join('\n');
}

/** Any error met while processing item `itemIndex` -> the n8n error to throw. */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof ItemValidationError) {
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: 'Nothing was sent to Intacct for this item. Fix the input and run again.',
		});
	}
	if (isIntacctErrorLike(error)) {
		if (error.kind === 'validation') return new NodeOperationError(node, error.message, { itemIndex });
		const details = describeDetails(error.errors);
		return new NodeApiError(node, { message: error.message, errors: error.errors } as unknown as JsonObject, {
			message: error.message,
			description: details || undefined,
			httpCode: error.httpStatus !== undefined ? String(error.httpStatus) : undefined,
			itemIndex,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex });
}

/** continueOnFail output of a failed item: `error` text plus Intacct's error chain. */
export function errorJson(error: unknown): IDataObject {
	if (isIntacctErrorLike(error)) {
		return {
			error: error.message,
			errorKind: error.kind,
			errorNumber: error.errors[0]?.errorNo ?? null,
			errors: error.errors.map((d) => ({ ...d })),
		};
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		return { error: error.message, ...(error.description ? { errorDescription: error.description } : {}) };
	}
	return { error: error instanceof Error ? error.message : String(error) };
}
