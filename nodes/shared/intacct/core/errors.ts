/**
 * IntacctError: every failure the client reports, in people's words, with Intacct's own error chain
 * (docs/protocol.md §3.3) kept intact for whoever needs the numbers.
 */
import type { IntacctErrorDetail, IntacctErrorKind, IntacctErrorLike } from './types';
import { maskSecrets } from './secretMasking';

export interface IntacctErrorInit {
	kind: IntacctErrorKind;
	/** Plain-words summary; the error chain is appended to it. */
	summary: string;
	errors?: IntacctErrorDetail[];
	functionName?: string;
	controlId?: string;
	httpStatus?: number;
	transient?: boolean;
	/** Network error code (ECONNRESET, ETIMEDOUT, ...) when no HTTP answer arrived. */
	code?: string;
	/** What the user can do about it (goes into `description`). */
	hint?: string;
}

/** "BL01001973 Could not create Bill record! Correction: ..." - empty pieces dropped (§3.3). */
export function formatErrorDetail(detail: IntacctErrorDetail): string {
	const text = [detail.errorNo, detail.description, detail.description2]
		.map((piece) => piece.trim())
		.filter((piece) => piece !== '')
		.join(' ');
	const correction = detail.correction.trim();
	return correction ? `${text} Correction: ${correction}` : text;
}

/** `description2` often ends with a URL-encoded "[Support ID: a%7Eb]"; decode that one marker (§3.3). */
export function decodeSupportId(text: string): string {
	return text.replace(/\[Support ID: ([^\]]*)\]/g, (_m, id: string) => {
		try {
			return `[Support ID: ${decodeURIComponent(id)}]`;
		} catch {
			return `[Support ID: ${id}]`;
		}
	});
}

export class IntacctError extends Error implements IntacctErrorLike {
	kind: IntacctErrorKind;
	errors: IntacctErrorDetail[];
	functionName?: string;
	controlId?: string;
	httpStatus?: number;
	transient: boolean;
	code?: string;
	/** Longer text for n8n's error panel: every error of the chain on its own line, then the hint. */
	description: string;
	/** The summary without the chain (kept so the message can be rebuilt after masking). */
	readonly summary: string;
	hint?: string;

	constructor(init: IntacctErrorInit) {
		const errors = init.errors ?? [];
		super(IntacctError.composeMessage(init.summary, errors));
		this.name = 'IntacctError';
		this.kind = init.kind;
		this.errors = errors;
		this.functionName = init.functionName;
		this.controlId = init.controlId;
		this.httpStatus = init.httpStatus;
		this.transient = init.transient ?? false;
		this.code = init.code;
		this.summary = init.summary;
		this.hint = init.hint;
		this.description = IntacctError.composeDescription(errors, init.hint);
	}

	private static composeMessage(summary: string, errors: IntacctErrorDetail[]): string {
		if (errors.length === 0) return summary;
		return `${summary}: ${errors.map(formatErrorDetail).join(' - ')}`;
	}

	private static composeDescription(errors: IntacctErrorDetail[], hint?: string): string {
		const lines = errors.map(formatErrorDetail);
		if (hint) lines.push(hint);
		return lines.join('\n');
	}

	/** Adds advice (where to fix it) unless the error already has some. */
	addHint(hint: string | undefined): this {
		if (!hint || this.hint) return this;
		this.hint = hint;
		this.description = IntacctError.composeDescription(this.errors, hint);
		return this;
	}

	/** Removes the given secrets from every text this error carries (message, description, chain). */
	maskWith(secrets: Iterable<string | undefined>): this {
		const list = [...secrets];
		this.errors = this.errors.map((e) => ({
			errorNo: maskSecrets(e.errorNo, list),
			description: maskSecrets(e.description, list),
			description2: maskSecrets(e.description2, list),
			correction: maskSecrets(e.correction, list),
		}));
		this.message = maskSecrets(this.message, list);
		this.description = maskSecrets(this.description, list);
		if (this.hint) this.hint = maskSecrets(this.hint, list);
		if (this.stack) this.stack = maskSecrets(this.stack, list);
		return this;
	}
}

/**
 * The one builder of a local refusal: a bad argument, credential or request shape found before
 * anything was sent (kind 'validation'; toN8nError shows it as a NodeOperationError).
 */
export function validationError(summary: string): IntacctError {
	return new IntacctError({ kind: 'validation', summary });
}

export function isIntacctError(error: unknown): error is IntacctError {
	return error instanceof IntacctError;
}
