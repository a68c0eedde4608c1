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
import type { IntacctErrorLike } from '../core/types';
import { IntacctError, formatErrorDetail } from '../core/errors';

export function isIntacctErrorLike(error: unknown): error is IntacctErrorLike {
	return (
		error instanceof Error &&
		typeof (error as IntacctErrorLike).kind === 'string' &&
		Array.isArray((error as IntacctErrorLike).errors)
	);
}

/** Thrown by our own validation: names the item, line and field; nothing was sent for that item. */
export class ItemValidationError extends Error {}

/**
 * What n8n shows under the message. The message already carries Intacct's chain (number, text,
 * correction), so the description adds only what the chain does not say: the advice of where to fix
 * it, or, for an error built elsewhere whose message lacks the chain, the chain itself. Each thing
 * is said once (issue 18 item 5).
 */
function descriptionOf(error: IntacctErrorLike): string {
	const chain = error.errors.map(formatErrorDetail).filter((line) => line !== '');
	const missing = chain.filter((line) => !error.message.includes(line));
	const hint = error instanceof IntacctError ? error.hint : undefined;
	return [...missing, ...(hint ? [hint] : [])].join('\n');
}

/**
 * The one way an error reaches n8n, from every node: our validation (nothing was sent) and the
 * client's validation kind as NodeOperationError; what Intacct or the network said as NodeApiError
 * whose message is the client's plain-words message with Intacct's chain (number, text, correction)
 * and whose description is the advice, with the HTTP status and the item it belongs to.
 */
export function toN8nError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof ItemValidationError) {
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: 'Nothing was sent to Intacct for this item. Fix the input and run again.',
		});
	}
	if (!isIntacctErrorLike(error)) {
		const message = error instanceof Error ? error.message : String(error);
		// Outside an item (a trigger's delivery or poll, a list search) anything unexpected is an API
		// failure: a webhook answers 500 and Intacct delivers again.
		if (itemIndex === undefined) return new NodeApiError(node, { message } as JsonObject, { message });
		return new NodeOperationError(node, message, { itemIndex });
	}
	if (error.kind === 'validation') return new NodeOperationError(node, error.message, { itemIndex });
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
