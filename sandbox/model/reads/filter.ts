/**
 * One filter representation for both query languages: readByQuery's string (legacy-query-parser.ts,
 * §4.2) and query's <filter> tree (query-filter.ts, §4.4), compiled here to a row predicate with
 * typed comparisons (numbers as numbers, dates as dates, §12.16).
 */
import { parseUsDate, parseUsTimestamp } from '../dates';
import type { FieldDef } from '../schema';
import type { Row } from '../store';
import type { ResolvedField } from './field-access';

export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type FilterNode =
	| { kind: 'and' | 'or'; children: FilterNode[] }
	| { kind: 'not'; child: FilterNode }
	| { kind: 'compare'; field: string; op: ComparisonOp; value: string }
	| { kind: 'like'; field: string; pattern: string; negated: boolean }
	| { kind: 'in'; field: string; values: string[]; negated: boolean }
	| { kind: 'null'; field: string; negated: boolean };

export type RowPredicate = (row: Row) => boolean;

/** How literal values are read: readByQuery takes enum codes (STATE 'P'), query takes labels (§4.2, §4.4). */
export type EnumStyle = 'code' | 'label';

export interface CompileOptions {
	resolve: (fieldName: string) => ResolvedField;
	enumStyle: EnumStyle;
	caseInsensitive: boolean;
	/** Builds the error for a value that does not fit the field (e.g. a code where a label is needed). */
	badValue: (field: ResolvedField, value: string, expected?: string) => Error;
}

/** Converts a literal to the stored form of the field (dates ISO, enums label, booleans true/false). */
export function normaliseLiteral(field: ResolvedField, value: string, options: CompileOptions): string {
	const def: FieldDef = field.def;
	switch (def.type) {
		case 'DATE': {
			const iso = parseUsDate(value) ?? parseUsTimestamp(value)?.slice(0, 10);
			if (!iso) throw options.badValue(field, value);
			return iso;
		}
		case 'TIMESTAMP': {
			const ts = parseUsTimestamp(value);
			if (!ts) throw options.badValue(field, value);
			return ts;
		}
		case 'INTEGER':
		case 'DECIMAL':
			if (value.trim() === '' || !Number.isFinite(Number(value))) throw options.badValue(field, value);
			return value.trim();
		case 'BOOLEAN': {
			const v = value.trim().toLowerCase();
			if (v === 't' || v === 'true') return 'true';
			if (v === 'f' || v === 'false') return 'false';
			throw options.badValue(field, value, 'true, false');
		}
		case 'ENUM': {
			const values = def.validValues ?? [];
			if (options.enumStyle === 'label') {
				const hit = values.find((v) => v.label.toLowerCase() === value.trim().toLowerCase());
				if (!hit) throw options.badValue(field, value, values.map((v) => v.label).join(', '));
				return hit.label;
			}
			// readByQuery: stored codes (§4.2); labels are accepted too (sandbox leniency, documented).
			const hit = values.find((v) => v.code === value.trim()) ?? values.find((v) => v.label.toLowerCase() === value.trim().toLowerCase());
			if (!hit) throw options.badValue(field, value, values.map((v) => v.code).join(', '));
			return hit.label;
		}
		default:
			return value;
	}
}

export function isNumeric(def: FieldDef): boolean {
	return def.type === 'INTEGER' || def.type === 'DECIMAL';
}

/** Orders two stored values of one field; empty (NULL) sorts first. */
export function compareStored(def: FieldDef, a: string | undefined, b: string | undefined, caseInsensitive = false): number {
	const aEmpty = a === undefined || a === '';
	const bEmpty = b === undefined || b === '';
	if (aEmpty || bEmpty) return aEmpty && bEmpty ? 0 : aEmpty ? -1 : 1;
	if (isNumeric(def)) return Number(a) - Number(b);
	const x = caseInsensitive ? a.toLowerCase() : a;
	const y = caseInsensitive ? b.toLowerCase() : b;
	return x < y ? -1 : x > y ? 1 : 0;
}

function likeRegex(pattern: string, caseInsensitive: boolean): RegExp {
	let source = '';
	for (const ch of pattern) {
		if (ch === '%') source += '[\\s\\S]*';
		else if (ch === '_') source += '[\\s\\S]';
		else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`^${source}$`, caseInsensitive ? 'i' : '');
}

export function compileFilter(node: FilterNode, options: CompileOptions): RowPredicate {
	switch (node.kind) {
		case 'and': {
			const parts = node.children.map((c) => compileFilter(c, options));
			return (row) => parts.every((p) => p(row));
		}
		case 'or': {
			const parts = node.children.map((c) => compileFilter(c, options));
			return (row) => parts.some((p) => p(row));
		}
		case 'not': {
			const inner = compileFilter(node.child, options);
			return (row) => !inner(row);
		}
		case 'null': {
			const field = options.resolve(node.field);
			return (row) => {
				const v = field.get(row);
				const isNull = v === undefined || v === '';
				return node.negated ? !isNull : isNull;
			};
		}
		case 'like': {
			const field = options.resolve(node.field);
			const regex = likeRegex(node.pattern, options.caseInsensitive);
			return (row) => {
				const v = field.get(row);
				if (v === undefined || v === '') return false;
				return regex.test(v) !== node.negated;
			};
		}
		case 'in': {
			const field = options.resolve(node.field);
			const wanted = node.values.map((v) => normaliseLiteral(field, v, options));
			const ci = options.caseInsensitive && !isNumeric(field.def);
			const set = new Set(isNumeric(field.def) ? wanted.map((w) => String(Number(w))) : ci ? wanted.map((w) => w.toLowerCase()) : wanted);
			return (row) => {
				const v = field.get(row);
				if (v === undefined || v === '') return false;
				const key = isNumeric(field.def) ? String(Number(v)) : ci ? v.toLowerCase() : v;
				return set.has(key) !== node.negated;
			};
		}
		case 'compare': {
			const field = options.resolve(node.field);
			const literal = normaliseLiteral(field, node.value, options);
			const def = field.def;
			// A date-only value against a timestamp field compares with midnight (normaliseLiteral);
			// a timestamp against a date field compares its date part.
			const ci = options.caseInsensitive;
			const test = (c: number): boolean => {
				switch (node.op) {
					case '=':
						return c === 0;
					case '!=':
						return c !== 0;
					case '<':
						return c < 0;
					case '<=':
						return c <= 0;
					case '>':
						return c > 0;
					case '>=':
						return c >= 0;
				}
			};
			return (row) => {
				const v = field.get(row);
				if (v === undefined || v === '') return false;
				return test(compareStored(def, v, literal, ci));
			};
		}
	}
}
