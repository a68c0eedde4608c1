/**
 * Parameter reads at the price of a property lookup, with n8n's answers (docs/benchmarks-cost.md,
 * "Parameter reads"). n8n's getNodeParameter builds a WorkflowDataProxy, `$now`/`$today` (luxon)
 * and a sandboxed evaluation for every expression of every item: ≈ 260 µs each, most of the CPU a
 * posted item costs. During one execution of the node this module answers instead of n8n when the
 * answer is provably n8n's:
 *
 * 1. A parameter without an expression is the same for every item: n8n is asked once per execution
 *    and the answer is kept (objects are handed out as copies: n8n builds a new object per call).
 * 2. An expression that is exactly `={{ $json.a }}`, `={{ $json["a"].b }}`, `={{ $json.lines[0] }}`
 *    (a path of own properties of the item's json, nothing else in the text) is read from the input
 *    item directly. n8n's rules, from n8n-core's `_getNodeParameter` and n8n-workflow's
 *    `WorkflowDataProxy` / `Expression` (the same in 1.x and 2.x):
 *    - `$json` in a node's parameter is `connectionInputData[itemIndex].json`, the item at the same
 *      index of the node's input (not a paired item; pairing applies to `$('Node')`). With one main
 *      input, connectionInputData is `getInputData()` (WorkflowExecute.prepareConnectionInputData).
 *    - an expression that is one `{{ }}` block returns the value itself (not text); an absent own
 *      property gives undefined.
 *    - objects are rebuilt per call (getParameterValue) and luxon DateTimes in them turned into text
 *      (cleanupParameterData): the fast read only answers for plain JSON (plain objects, arrays,
 *      strings, numbers, booleans, null) and answers a copy.
 *    - a collection (or resource locator) is resolved key by key, as getParameterValue does; a
 *      resource locator with extractValue gives its `value` (none of this node's locator modes has
 *      an extractValue regex; test/nodes/shared/intacct/n8n/fastParameters.test.ts checks).
 *    Everything else goes to n8n unchanged: other expressions (`$('Node')`, `$now`, functions, text
 *    around `{{ }}`), a missing item or a path through a non-object (n8n's own errors), keys n8n's
 *    sandbox refuses (`constructor`, `__proto__` ...) or inherits (`toString`), non-JSON values,
 *    calls with options other than extractValue.
 * 3. The first item of an execution that a parameter is read for also asks n8n and compares: if the
 *    answers differ (an n8n version with other rules), that parameter goes to n8n for the rest of the
 *    execution. n8n's answer is what the item gets.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

type GetNodeParameter = IExecuteFunctions['getNodeParameter'];
type Read = (name: string, itemIndex: number, fallback?: unknown, options?: { extractValue?: boolean }) => unknown;

/** Keys n8n's expression sandbox refuses (n8n-workflow utils: unsafeObjectProperties), and more. */
const REFUSED_KEYS = new Set([
	'__proto__', 'prototype', 'constructor', 'getPrototypeOf', 'setPrototypeOf', 'getOwnPropertyDescriptor',
	'getOwnPropertyDescriptors', 'defineProperty', 'defineProperties', 'mainModule', 'binding', '_linkedBinding',
	'_load', 'prepareStackTrace', '__lookupGetter__', '__lookupSetter__', '__defineGetter__', '__defineSetter__',
	'caller', 'callee', 'arguments', 'getBuiltinModule', 'dlopen', 'execve', 'loadEnvFile', 'process', 'require',
	'__sanitize', '___n8n_data',
]);

/** One step of the path: `.name`, `["key"]`, `['key']` or `[0]`; quoted keys of letters, digits, space, `_`, `-` only. */
const STEP = /\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*(?:"([A-Za-z0-9_ -]*)"|'([A-Za-z0-9_ -]*)'|(0|[1-9]\d*))\s*\]/y;
const WHOLE = /^=\{\{\s*\$json((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\s*(?:"[A-Za-z0-9_ -]*"|'[A-Za-z0-9_ -]*'|0|[1-9]\d*)\s*\])*)\s*\}\}$/;

/** The property path of a plain `={{ $json... }}` expression, undefined for any other text. */
export function jsonPath(expression: string): string[] | undefined {
	const whole = WHOLE.exec(expression);
	if (!whole) return undefined;
	const path: string[] = [];
	const text = whole[1];
	STEP.lastIndex = 0;
	while (STEP.lastIndex < text.length) {
		const step = STEP.exec(text);
		if (!step) return undefined;
		const key = step[1] ?? step[2] ?? step[3] ?? step[4];
		if (REFUSED_KEYS.has(key)) return undefined;
		path.push(key);
	}
	return path;
}

const NO_ANSWER = Symbol('no fast answer');

function isPlainObject(value: object): boolean {
	const proto = Object.getPrototypeOf(value) as unknown;
	return proto === Object.prototype || proto === null;
}

/** A copy of plain JSON, NO_ANSWER for anything else (Dates, DateTimes, class instances, functions). */
function plainCopy(value: unknown): unknown {
	if (value === null || value === undefined) return value;
	const type = typeof value;
	if (type === 'string' || type === 'number' || type === 'boolean') return value;
	if (type !== 'object') return NO_ANSWER;
	if (Array.isArray(value)) {
		const copy: unknown[] = new Array<unknown>(value.length);
		for (let i = 0; i < value.length; i++) {
			const inner = plainCopy(value[i]);
			if (inner === NO_ANSWER) return NO_ANSWER;
			copy[i] = inner;
		}
		return copy;
	}
	if (!isPlainObject(value as object)) return NO_ANSWER;
	const copy: Record<string, unknown> = {};
	for (const key of Object.keys(value as object)) {
		const inner = plainCopy((value as Record<string, unknown>)[key]);
		if (inner === NO_ANSWER) return NO_ANSWER;
		copy[key] = inner;
	}
	return copy;
}

/** `$json` followed along `path` (own properties only), as a copy; NO_ANSWER where n8n would decide otherwise. */
export function readJsonPath(json: unknown, path: string[]): unknown {
	let value: unknown = json;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return NO_ANSWER;
		if (!Array.isArray(value) && !isPlainObject(value)) return NO_ANSWER;
		if (Object.prototype.hasOwnProperty.call(value, key)) value = (value as Record<string, unknown>)[key];
		else if (key in value) return NO_ANSWER;
		else value = undefined;
	}
	return plainCopy(value);
}

/** Deep equality of plain JSON answers (Object.is for primitives). */
export function sameAnswer(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const keysA = Object.keys(a);
	const keysB = Object.keys(b);
	if (keysA.length !== keysB.length) return false;
	for (const key of keysA) {
		if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
		if (!sameAnswer((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
	}
	return true;
}

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

/** The parameter's stored value (lodash get on a dotted name), NO_ANSWER for names with brackets. */
function rawParameter(parameters: unknown, name: string): unknown {
	if (name.includes('[')) return NO_ANSWER;
	let raw: unknown = parameters;
	for (const part of name.split('.')) {
		if (raw === null || typeof raw !== 'object') return undefined;
		raw = (raw as Record<string, unknown>)[part];
	}
	return raw;
}

export interface FastParameterStats {
	/** Reads answered without n8n. */
	fast: number;
	/** Reads n8n answered (first-item checks, constants' single read, everything not provable). */
	n8n: number;
	/** Parameters whose first-item check disagreed with n8n (then read through n8n for the run). */
	disagreed: string[];
}

/**
 * getNodeParameter for one execution: answers as described at the top of this file, n8n otherwise.
 * `items` is the node's input (getInputData()).
 */
export function fastParameterReader(context: IExecuteFunctions, n8nRead: Read, items: INodeExecutionData[], stats?: FastParameterStats): Read {
	const node = context.getNode();
	const constants = new Map<string, unknown>();
	/** The node's stored parameters do not change during an execution: looked up once per name. */
	const raws = new Map<string, { raw: unknown; expression: boolean }>();
	const paths = new Map<string, string[] | undefined>();
	/** Parameter key -> state: 'checked' after a first-item agreement, 'off' after a disagreement. */
	const state = new Map<string, 'checked' | 'off'>();
	const count = (fast: boolean) => {
		if (stats) stats[fast ? 'fast' : 'n8n']++;
	};

	const resolve = (raw: unknown, json: unknown): unknown => {
		if (typeof raw === 'string') {
			if (!raw.startsWith('=')) return raw;
			let path = paths.get(raw);
			if (!paths.has(raw)) {
				path = jsonPath(raw);
				paths.set(raw, path);
			}
			return path ? readJsonPath(json, path) : NO_ANSWER;
		}
		if (Array.isArray(raw)) {
			const out: unknown[] = [];
			for (const inner of raw) {
				const value = resolve(inner, json);
				if (value === NO_ANSWER) return NO_ANSWER;
				out.push(value);
			}
			return out;
		}
		if (raw !== null && typeof raw === 'object') {
			const out: Record<string, unknown> = {};
			for (const [key, inner] of Object.entries(raw)) {
				const value = resolve(inner, json);
				if (value === NO_ANSWER) return NO_ANSWER;
				out[key] = value;
			}
			return out;
		}
		return raw;
	};

	return (name, itemIndex, fallback, options) => {
		const otherOptions = options !== undefined && Object.keys(options).some((key) => key !== 'extractValue');
		let stored = otherOptions ? undefined : raws.get(name);
		if (!otherOptions && stored === undefined) {
			const raw = rawParameter(node.parameters, name);
			stored = { raw, expression: hasExpression(raw) };
			raws.set(name, stored);
		}
		const raw = stored === undefined ? NO_ANSWER : stored.raw;
		if (raw === NO_ANSWER || raw === undefined) {
			count(false);
			return n8nRead(name, itemIndex, fallback, options);
		}
		const extract = options?.extractValue === true;
		const key = extract ? `${name}\u0000extract` : name;
		if (!stored?.expression) {
			if (!constants.has(key)) {
				count(false);
				const value = n8nRead(name, itemIndex, fallback, options);
				const copy = plainCopy(value);
				if (copy === NO_ANSWER) return value;
				constants.set(key, copy);
				return value;
			}
			count(true);
			return plainCopy(constants.get(key));
		}
		const seen = state.get(key);
		const item = items[itemIndex] as INodeExecutionData | undefined;
		let fast: unknown = NO_ANSWER;
		if (seen !== 'off' && item !== undefined && item.json !== null && typeof item.json === 'object') {
			fast = resolve(raw, item.json);
			if (fast !== NO_ANSWER && extract && fast !== null && typeof fast === 'object' && !Array.isArray(fast)) {
				const locator = fast as Record<string, unknown>;
				if ('mode' in locator && 'value' in locator) fast = locator.value;
			}
		}
		if (fast === NO_ANSWER || seen === undefined) {
			count(false);
			const answer = n8nRead(name, itemIndex, fallback, options);
			if (fast !== NO_ANSWER) {
				const agrees = sameAnswer(fast, answer);
				state.set(key, agrees ? 'checked' : 'off');
				if (!agrees && stats) stats.disagreed.push(name);
			}
			return answer;
		}
		count(true);
		return fast;
	};
}

/**
 * Puts the fast reader in place of the context's getNodeParameter for this execution (the context
 * is the node's own for this run); returns the function that puts n8n's back.
 */
export function useFastParameters(context: IExecuteFunctions, stats?: FastParameterStats): () => void {
	const original = context.getNodeParameter;
	const n8nRead: Read = (name, itemIndex, fallback, options) =>
		options === undefined ? original.call(context, name, itemIndex, fallback) : original.call(context, name, itemIndex, fallback, options);
	let items: INodeExecutionData[] = [];
	try {
		items = context.getInputData();
	} catch {
		items = []; // no main input: every expression goes to n8n
	}
	const fast = fastParameterReader(context, n8nRead, items, stats);
	context.getNodeParameter = fast as GetNodeParameter;
	return () => {
		context.getNodeParameter = original;
	};
}
