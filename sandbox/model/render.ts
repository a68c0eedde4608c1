/**
 * Turning stored rows into the values the gateway returns (§3.2): dates mm/dd/yyyy, timestamps
 * mm/dd/yyyy HH:MM:SS, empty elements for empty values. read/readByQuery nest dotted fields
 * (DISPLAYCONTACT.EMAIL1 -> <DISPLAYCONTACT><EMAIL1>); `query` keeps dotted element names.
 */
import type { RenderRecord } from './contract';
import { formatUsDate, formatUsTimestamp } from './dates';
import type { FieldDef } from './schema';
import type { Row } from './store';

export function renderValue(fieldDef: FieldDef, stored: string | undefined): string {
	if (stored === undefined || stored === '') return '';
	if (fieldDef.type === 'DATE') return formatUsDate(stored);
	if (fieldDef.type === 'TIMESTAMP') return formatUsTimestamp(stored);
	return stored;
}

/** Fields nested by their dots, in the given order. */
export function renderNested(row: Row, fields: readonly FieldDef[]): RenderRecord {
	const out: RenderRecord = {};
	for (const f of fields) {
		const value = renderValue(f, row[f.id]);
		if (!f.id.includes('.')) {
			out[f.id] = value;
			continue;
		}
		const parts = f.id.split('.');
		let node: RenderRecord = out;
		for (const part of parts.slice(0, -1)) {
			const existing = node[part];
			if (typeof existing === 'object' && !Array.isArray(existing)) node = existing;
			else {
				const created: RenderRecord = {};
				node[part] = created;
				node = created;
			}
		}
		node[parts[parts.length - 1]] = value;
	}
	return out;
}
