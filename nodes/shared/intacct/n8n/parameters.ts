/**
 * Text parameters read safely. `String(this.getNodeParameter(...))` turns an absent value into the
 * text "undefined" and an object into "[object Object]", which Intacct then stores. These helpers
 * accept only strings and finite numbers (trimmed), treat undefined / null / blank as "not given",
 * and fail the item naming the item and the field before anything is sent. Resource locator values
 * are read with extractValue (their `value`, whichever mode).
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { ItemValidationError } from './errors';

function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return typeof value;
}

/**
 * A value as trimmed text, '' when absent (undefined, null, blank). Strings, finite numbers and
 * booleans are text; anything else is an error naming `what` and `field`.
 */
export function textValue(what: string, field: string, value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'boolean') return String(value);
	throw new ItemValidationError(`${what}, field "${field}": must be text, got ${describeType(value)}`);
}

/** A collection field's value as text, undefined when absent or blank (objects are errors). */
export function optionalField(what: string, field: string, value: unknown): string | undefined {
	const text = textValue(what, field, value);
	return text === '' ? undefined : text;
}

export interface TextParameterOptions {
	/** The name the error gives the field (default: the parameter's name). */
	field?: string;
	/** A resource locator: its value is read with extractValue (whichever mode). */
	locator?: boolean;
}

function read(context: IExecuteFunctions, name: string, itemIndex: number, locator: boolean | undefined): unknown {
	return locator
		? (context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown)
		: (context.getNodeParameter(name, itemIndex, '') as unknown);
}

/** Required text parameter: a non-blank string or number, else an error naming the item and field. */
export function requiredText(context: IExecuteFunctions, name: string, itemIndex: number, what: string, options: TextParameterOptions = {}): string {
	const field = options.field ?? name;
	const text = textValue(what, field, read(context, name, itemIndex, options.locator));
	if (text === '') throw new ItemValidationError(`${what}, field "${field}": is required`);
	return text;
}

/** Optional text parameter: undefined when absent or blank; an object or list is an error. */
export function optionalText(context: IExecuteFunctions, name: string, itemIndex: number, what: string, options: TextParameterOptions = {}): string | undefined {
	const text = textValue(what, options.field ?? name, read(context, name, itemIndex, options.locator));
	return text === '' ? undefined : text;
}

/** A RECORDNO parameter: required, digits only (Intacct record numbers are positive integers). */
export function recordNoParameter(context: IExecuteFunctions, itemIndex: number, what: string): string {
	const recordNo = requiredText(context, 'recordNo', itemIndex, what);
	if (!/^\d+$/.test(recordNo)) throw new ItemValidationError(`${what}, field "recordNo": "${recordNo}" is not a record number (digits only)`);
	return recordNo;
}

/** The Limit of a Get Many: a whole number >= 1. */
export function limitParameter(context: IExecuteFunctions, itemIndex: number, what: string): number {
	const value = context.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new ItemValidationError(`${what}, field "limit": must be a whole number of at least 1, got ${JSON.stringify(value) ?? String(value)}`);
	}
	return limit;
}

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}

/** Per node run (execute context): parameter name -> value, for parameters that hold no expression. */
const constantParameters = new WeakMap<object, Map<string, { value: unknown }>>();

/**
 * A parameter's value for an item, read from n8n once per run when the parameter holds no
 * expression (its value is then the same for every item); an expression is evaluated per item.
 * Cached objects are frozen: callers must not modify them.
 */
export function itemParameter<T>(context: IExecuteFunctions, name: string, itemIndex: number, fallback: T, extractValue = false): T {
	let cache = constantParameters.get(context);
	if (!cache) {
		cache = new Map();
		constantParameters.set(context, cache);
	}
	const key = extractValue ? `${name}\u0000rl` : name;
	const cached = cache.get(key);
	if (cached) return cached.value as T;
	const read = () =>
		(extractValue ? context.getNodeParameter(name, itemIndex, fallback, { extractValue: true }) : context.getNodeParameter(name, itemIndex, fallback)) as T;
	let raw: unknown = context.getNode().parameters;
	for (const part of name.split('.')) raw = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[part] : undefined;
	if (raw === undefined || hasExpression(raw)) return read();
	const value = deepFreeze(read());
	cache.set(key, { value });
	return value;
}

/**
 * A parameter holding a JSON list (the text typed in, or an expression's array): the list, or an
 * error naming the field. `blankIsEmpty`: an empty text is an empty list.
 */
export function jsonListValue(what: string, field: string, raw: unknown, shape: string, blankIsEmpty = false): unknown[] {
	let value: unknown = raw;
	if (typeof raw === 'string') {
		const text = blankIsEmpty && raw.trim() === '' ? '[]' : raw;
		let invalid = false;
		try {
			value = JSON.parse(text);
		} catch {
			invalid = true;
		}
		if (invalid) throw new ItemValidationError(`${what}, field "${field}": not valid JSON`);
	}
	if (!Array.isArray(value)) throw new ItemValidationError(`${what}, field "${field}": must be a list of ${shape}`);
	return value;
}
