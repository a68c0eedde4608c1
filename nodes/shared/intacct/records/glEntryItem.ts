/**
 * A GL entry (template fields or an API read) as a clean output item: numbers as numbers, ISO
 * dates, debit/credit spelled out, dimension IDs grouped and named.
 */
import type { IDataObject } from 'n8n-workflow';

import { templateFields } from './glEntryFields';
import { convertValue } from './intacctValues';

/** GLENTRY fields as text (template merge values, or a read's record flattened to text). */
export type GlEntryText = Record<string, string>;

export function glEntryItem(record: GlEntryText, userDimension: string): IDataObject {
	const item: IDataObject = {};
	const dimensions: IDataObject = {};
	for (const f of templateFields(userDimension)) {
		const text = record[f.field];
		if (text === undefined) continue;
		const value = convertValue(f.kind, text);
		if (f.dimension) dimensions[f.output] = value === '' ? null : value;
		else item[f.output] = value;
	}
	if (typeof item.trType === 'number') {
		item.debitCredit = item.trType < 0 ? 'credit' : 'debit';
		if (typeof item.amount === 'number') item.signedAmount = item.trType < 0 ? -item.amount : item.amount;
	}
	item.dimensions = dimensions;
	return item;
}

/** Flattens an API record to GLENTRY field -> text (nested values are skipped). */
export function recordText(record: Record<string, unknown>): GlEntryText {
	const out: GlEntryText = {};
	for (const [k, v] of Object.entries(record)) if (typeof v === 'string') out[k.toUpperCase()] = v;
	return out;
}
