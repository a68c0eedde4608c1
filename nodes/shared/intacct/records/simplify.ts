/**
 * "Simplify" output: Intacct records as n8n users want them - readable camelCase names, numbers as
 * numbers, ISO dates - while "raw" keeps Intacct's own field names and text values untouched.
 *
 * Names and types come from FIELD_MAP (one place for every object we render); a field not in the map
 * keeps its value as text and gets a mechanical camelCase name (CUSTOM_FIELD -> customField).
 */
import type { IDataObject } from 'n8n-workflow';
import type { IntacctFieldValue, IntacctRecord } from '../core/types';
import { fieldInfo, type FieldKind } from './fields';
import { intacctToIso } from './dates';
import { isUserDimensionField } from './dimensions';

/** Field name -> camelCase name; field names are few, records many. */
const camelCaseNames = new Map<string, string>();

export function camelCaseFieldName(field: string): string {
	let name = camelCaseNames.get(field);
	if (name === undefined) {
		name = toCamelCase(field);
		if (camelCaseNames.size < 10_000) camelCaseNames.set(field, name);
	}
	return name;
}

function toCamelCase(field: string): string {
	const parts = field
		.split(/[_.\s]+/)
		.filter((part) => part !== '')
		.map((part) => part.toLowerCase());
	return parts.map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1))).join('');
}

function convert(kind: FieldKind | undefined, text: string): IDataObject[string] {
	if (text === '') return kind === 'text' || kind === undefined ? '' : null;
	switch (kind) {
		case 'number': {
			const n = Number(text.replace(/,/g, ''));
			return Number.isFinite(n) ? n : text;
		}
		case 'boolean':
			if (/^(true|t)$/i.test(text)) return true;
			if (/^(false|f)$/i.test(text)) return false;
			return text;
		case 'date':
			return intacctToIso(text);
		default:
			// Dates in unknown fields are still dates: Intacct only ever writes mm/dd/yyyy[ HH:MM:SS].
			return intacctToIso(text);
	}
}

function simplifyValue(object: string, key: string, value: IntacctFieldValue): IDataObject[string] {
	if (typeof value === 'string') return convert(fieldInfo(object, key)?.kind, value);
	// Nested records: GLBATCH ENTRIES hold GLENTRY lines, APBILL APBILLITEMS hold APBILLITEM lines.
	const childObject = NESTED_OBJECT[key] ?? key;
	if (Array.isArray(value)) return value.map((record) => simplifyRecord(childObject, record));
	const children = Object.values(value);
	if (NESTED_OBJECT[key] && children.length === 1 && typeof children[0] !== 'string') {
		// <ENTRIES><GLENTRY>..</GLENTRY></ENTRIES> -> entries: [ {...} ]
		const inner = children[0];
		return (Array.isArray(inner) ? inner : [inner]).map((record) => simplifyRecord(childObject, record));
	}
	return simplifyRecord(childObject, value);
}

const NESTED_OBJECT: Record<string, string> = { ENTRIES: 'GLENTRY', APBILLITEMS: 'APBILLITEM' };

/** `object` is the Intacct object the record belongs to (GLENTRY, APBILL, ...). */
export function simplifyRecord(object: string, record: IntacctRecord): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		// A user-defined dimension keeps its field name (GLDIMFUNDINGSOURCE), as lines take it.
		const name = fieldInfo(object, key)?.name ?? (isUserDimensionField(key) ? key : camelCaseFieldName(key));
		out[name] = simplifyValue(object, key, value);
	}
	if (object === 'GLENTRY') addDebitCredit(out);
	return out;
}

/** A GL entry line's side spelled out, and its amount signed (debit +, credit -). */
function addDebitCredit(entry: IDataObject): void {
	if (typeof entry.trType !== 'number') return;
	const credit = entry.trType < 0;
	entry.debitCredit = credit ? 'credit' : 'debit';
	if (typeof entry.amount === 'number') entry.signedAmount = credit ? -entry.amount : entry.amount;
}

/** Raw output: Intacct's field names and texts, nested records kept. */
export function rawRecord(record: IntacctRecord): IDataObject {
	return JSON.parse(JSON.stringify(record)) as IDataObject;
}

export function outputRecord(object: string, record: IntacctRecord, simplify: boolean): IDataObject {
	return simplify ? simplifyRecord(object.toUpperCase(), record) : rawRecord(record);
}
