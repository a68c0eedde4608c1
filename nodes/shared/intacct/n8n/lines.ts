/**
 * Transaction lines (journal entry and bill lines) from the UI (fixedCollection) or from JSON (an
 * array or a JSON string, so one item can carry many lines), validated with zod before anything is
 * sent. Errors name the line (1-based, like Intacct's LINE_NO) and the field.
 */
import { z } from 'zod';
import type { IDataObject } from 'n8n-workflow';
import { DIMENSIONS, userDimensionField } from '../records/dimensions';
import { AmountInputError, parseAmount } from '../records/amounts';
import { ItemValidationError } from './errors';
import { textValue } from './parameters';

/** What a line is, once validated. Amount is canonical decimal text, signed only for bills. */
export interface LineInput {
	accountNo: string;
	/** journal entries: 'debit' | 'credit'; bills: undefined */
	side?: 'debit' | 'credit';
	amount: string;
	memo?: string;
	dimensions: Record<string, string>;
	/** GLDIM<NAME> -> UDD record id */
	userDefinedDimensions: Record<string, string>;
	customFields: Record<string, string>;
}

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const textMap = z.record(z.union([z.string(), z.number()]).transform((v) => String(v)));
const amountValue = z.union([z.number(), z.string()]);

const dimensionShape = Object.fromEntries(DIMENSIONS.map((d) => [d.key, text.optional()])) as Record<
	string,
	z.ZodOptional<typeof text>
>;

export const jsonLineSchema = z
	.object({
		accountNo: text,
		debit: amountValue.optional(),
		credit: amountValue.optional(),
		amount: amountValue.optional(),
		type: z.enum(['debit', 'credit']).optional(),
		memo: z.string().optional(),
		...dimensionShape,
		userDefinedDimensions: textMap.optional(),
		customFields: textMap.optional(),
	})
	.strict();

type JsonLine = z.infer<typeof jsonLineSchema>;

const TEXT_KEYS = new Set(['accountNo', ...DIMENSIONS.map((d) => d.key)]);
const AMOUNT_KEYS = new Set(['debit', 'credit', 'amount']);
const MAP_KEYS = new Set(['userDefinedDimensions', 'customFields']);

const isPlainText = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/**
 * The common line, checked by hand: what jsonLineSchema would return for it, or undefined when the
 * line has anything unusual (an unknown key, a missing account, another type, an absent value), which
 * then goes through zod for the same result or the same error. Issue 16: zod's safeParse was a
 * tenth of our own CPU per bill; this gives identical output for the lines it accepts.
 */
export function commonJsonLine(plain: IDataObject): JsonLine | undefined {
	if (!isPlainText(plain.accountNo)) return undefined;
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(plain)) {
		if (TEXT_KEYS.has(key)) {
			if (!isPlainText(v)) return undefined;
			out[key] = String(v).trim();
		} else if (AMOUNT_KEYS.has(key)) {
			if (!isPlainText(v)) return undefined;
			out[key] = v;
		} else if (key === 'memo') {
			if (typeof v !== 'string') return undefined;
			out[key] = v;
		} else if (key === 'type') {
			if (v !== 'debit' && v !== 'credit') return undefined;
			out[key] = v;
		} else if (MAP_KEYS.has(key)) {
			if (v === null || typeof v !== 'object' || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return undefined;
			const map: Record<string, string> = {};
			for (const [name, value] of Object.entries(v)) {
				if (!isPlainText(value)) return undefined;
				map[name] = String(value);
			}
			out[key] = map;
		} else return undefined;
	}
	return out as JsonLine;
}

function fieldError(what: string, line: number, field: string, reason: string): ItemValidationError {
	return new ItemValidationError(`${what} line ${line}, field "${field}": ${reason}`);
}

function amountOf(what: string, line: number, field: string, value: unknown): string {
	let reason = '';
	try {
		return parseAmount(value);
	} catch (error) {
		reason = error instanceof AmountInputError ? error.message : String(error);
	}
	throw fieldError(what, line, field, reason);
}

const FIELD_NAME = /^[A-Z][A-Z0-9_]*$/;

function checkNames(what: string, line: number, field: string, map: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(map)) {
		const upper = name.trim().toUpperCase();
		if (!FIELD_NAME.test(upper)) throw fieldError(what, line, field, `"${name}" is not an Intacct field name`);
		out[upper] = value;
	}
	return out;
}

/**
 * Lines given as data. `signed`: bills take one signed amount per line (negative = credit line);
 * journal entries take debit/credit (or type + amount, or a signed amount: positive = debit).
 */
export function parseJsonLines(what: string, raw: unknown, signed: boolean): LineInput[] {
	let value = raw;
	if (typeof value === 'string') {
		if (value.trim() === '') value = [];
		else {
			let parsed: unknown = undefined;
			try {
				parsed = JSON.parse(value);
			} catch {
				parsed = undefined;
			}
			if (parsed === undefined) throw new ItemValidationError(`${what} lines are not valid JSON`);
			value = parsed;
		}
	}
	if (!Array.isArray(value)) throw new ItemValidationError(`${what} lines must be an array of line objects`);
	return value.map((entry, index) => {
		const line = index + 1;
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
			throw new ItemValidationError(`${what} line ${line} is not an object`);
		}
		// GLDIM* keys at the top of a line are user-defined dimensions.
		const plain: IDataObject = {};
		const udd: Record<string, string> = {};
		for (const [key, v] of Object.entries(entry as IDataObject)) {
			if (/^gldim/i.test(key)) udd[key.toUpperCase()] = lineText(what, line, key, v);
			else plain[key] = v;
		}
		const common = commonJsonLine(plain);
		if (common) return fromJsonLine(what, line, common, udd, signed);
		const parsed = jsonLineSchema.safeParse(plain);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			if (issue.code === 'unrecognized_keys') {
				throw fieldError(what, line, issue.keys[0], 'unknown field (see the node documentation for line fields)');
			}
			const field = issue.path.join('.') || 'line';
			const missing = issue.path.length === 1 && plain[String(issue.path[0])] === undefined;
			const reason = missing ? 'is required' : issue.message;
			throw fieldError(what, line, field, reason);
		}
		return fromJsonLine(what, line, parsed.data, udd, signed);
	});
}

function fromJsonLine(what: string, line: number, data: JsonLine, udd: Record<string, string>, signed: boolean): LineInput {
	if (data.accountNo === '') throw fieldError(what, line, 'accountNo', 'is required');
	let side: LineInput['side'];
	let amount: string;
	if (signed) {
		if (data.debit !== undefined || data.credit !== undefined || data.type !== undefined) {
			const field = data.debit !== undefined ? 'debit' : data.credit !== undefined ? 'credit' : 'type';
			throw fieldError(what, line, field, 'unknown field for bill lines (use a signed "amount")');
		}
		if (data.amount === undefined) throw fieldError(what, line, 'amount', 'is required');
		amount = amountOf(what, line, 'amount', data.amount);
	} else {
		const given = (['debit', 'credit', 'amount'] as const).filter((k) => data[k] !== undefined && data[k] !== '');
		if (given.length !== 1) {
			throw fieldError(what, line, given.join('/') || 'debit', 'give exactly one of "debit", "credit" or "amount"');
		}
		const field = given[0];
		amount = amountOf(what, line, field, data[field]);
		if (field === 'amount') {
			side = data.type ?? (amount.startsWith('-') ? 'credit' : 'debit');
			if (data.type && amount.startsWith('-')) throw fieldError(what, line, 'amount', 'must be positive when "type" is given');
			amount = amount.replace('-', '');
		} else {
			if (amount.startsWith('-')) throw fieldError(what, line, field, 'must not be negative');
			side = field;
		}
	}
	const dimensions: Record<string, string> = {};
	for (const d of DIMENSIONS) {
		const v = data[d.key as keyof JsonLine];
		if (typeof v === 'string' && v !== '') dimensions[d.key] = v;
	}
	return {
		accountNo: data.accountNo,
		side,
		amount,
		memo: data.memo,
		dimensions,
		userDefinedDimensions: {
			...Object.fromEntries(Object.entries(data.userDefinedDimensions ?? {}).map(([k, v]) => [userDimensionField(k) ?? k, v])),
			...udd,
		},
		customFields: checkNames(what, line, 'customFields', data.customFields ?? {}),
	};
}

interface UiNameValues {
	/** Plain strings, or resource locators ({ __rl, mode, value }) for user-defined dimensions. */
	field?: Array<{ name?: string | IDataObject; value?: string | IDataObject }>;
}

export interface UiLine extends IDataObject {
	accountNo?: string | IDataObject;
	type?: string;
	amount?: number | string;
	memo?: string;
	userDefinedDimensions?: UiNameValues;
	customFields?: UiNameValues;
}

/** A line field's value as text ('' when absent); an object or list fails naming the line and field. */
function lineText(what: string, line: number, field: string, value: unknown): string {
	try {
		return textValue(what, field, value);
	} catch {
		throw fieldError(what, line, field, 'must be text');
	}
}

/** A resource-locator value inside a fixedCollection ({ __rl, mode, value }) or a plain value -> text. */
function locatorText(what: string, line: number, field: string, value: unknown): string {
	const inner = value !== null && typeof value === 'object' && !Array.isArray(value) && 'value' in value ? (value as { value: unknown }).value : value;
	return lineText(what, line, field, inner);
}

/** Lines from the fixedCollection (`lines.line`). */
export function parseUiLines(what: string, lines: UiLine[], signed: boolean): LineInput[] {
	return lines.map((ui, index) => {
		const line = index + 1;
		const accountNo = locatorText(what, line, 'accountNo', ui.accountNo);
		if (accountNo === '') throw fieldError(what, line, 'accountNo', 'is required');
		let amount = amountOf(what, line, 'amount', ui.amount ?? '');
		let side: LineInput['side'];
		if (!signed) {
			if (amount.startsWith('-')) throw fieldError(what, line, 'amount', 'must not be negative (choose Debit or Credit)');
			side = ui.type === 'credit' ? 'credit' : 'debit';
			amount = amount.replace('-', '');
		}
		const dimensions: Record<string, string> = {};
		for (const d of DIMENSIONS) {
			const v = locatorText(what, line, d.key, ui[d.key]);
			if (v !== '') dimensions[d.key] = v;
		}
		const pairs = (values: UiNameValues | undefined) =>
			Object.fromEntries(
				(values?.field ?? [])
					.map((p) => [locatorText(what, line, 'name', p.name).trim(), p.value] as const)
					.filter(([name]) => name !== '')
					.map(([name, value]) => [name, locatorText(what, line, name, value)]),
			);
		const udd = Object.fromEntries(Object.entries(pairs(ui.userDefinedDimensions)).map(([k, v]) => [userDimensionField(k) ?? k, v]));
		return {
			accountNo,
			side,
			amount,
			memo: lineText(what, line, 'memo', ui.memo) || undefined,
			dimensions,
			userDefinedDimensions: udd,
			customFields: checkNames(what, line, 'customFields', pairs(ui.customFields)),
		};
	});
}
