/**
 * A GL entry as an output item, the same from every node: the webhook trigger's template fields (or an
 * API read flattened to text) go through the one converter of GLENTRY records (simplify.ts), which
 * Get/Get Many and the poll trigger use too.
 */
import type { IDataObject } from 'n8n-workflow';

import type { IntacctRecord } from '../core/types';
import { templateFields } from './glEntryFields';
import { simplifyRecord } from './simplify';

/** GLENTRY fields as text (template merge values, or a read's record flattened to text). */
export type GlEntryText = Record<string, string>;

export function glEntryItem(record: GlEntryText, userDimension: string): IDataObject {
	const fields: IntacctRecord = {};
	for (const f of templateFields(userDimension)) {
		const text = record[f.field];
		if (text !== undefined) fields[f.field] = text;
	}
	return simplifyRecord('GLENTRY', fields);
}

/** Flattens an API record to GLENTRY field -> text (nested values are skipped). */
export function recordText(record: Record<string, unknown>): GlEntryText {
	const out: GlEntryText = {};
	for (const [k, v] of Object.entries(record)) if (typeof v === 'string') out[k.toUpperCase()] = v;
	return out;
}
