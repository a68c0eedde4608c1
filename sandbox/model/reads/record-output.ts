/**
 * What a read returns for one row: the requested fields (`*` = all, in definition order) and, for
 * `read`/`readByName` with `*`, the owned lines (GLBATCH ENTRIES, APBILL APBILLITEMS, SUPDOC
 * ATTACHMENTS; §4.1 — the nesting is UNCERTAIN, the sandbox renders <ENTRIES><glentry>…).
 */
import type { RenderRecord } from '../contract';
import type { Database } from '../database';
import { queryFailed } from '../errors';
import { fieldDef, objectDef } from '../objects';
import { renderNested } from '../render';
import type { FieldDef, ObjectDef } from '../schema';
import type { Row } from '../store';

export function selectedFields(def: ObjectDef, fieldsParam: string | undefined): FieldDef[] {
	const text = (fieldsParam ?? '*').trim();
	if (text === '' || text === '*') return def.fields;
	const out: FieldDef[] = [];
	const unknown: string[] = [];
	for (const name of text.split(',').map((s) => s.trim()).filter(Boolean)) {
		const f = fieldDef(def, name);
		if (f) out.push(f);
		else unknown.push(name);
	}
	if (unknown.length) throw queryFailed(`Invalid fields list ${unknown.join(',')} for object ${def.name}`, 'Check the fields exist (use lookup), and try again.');
	return out;
}

interface OwnedLines {
	collection: string;
	element: string;
	object: string;
}

const OWNED: Record<string, OwnedLines> = {
	GLBATCH: { collection: 'ENTRIES', element: 'glentry', object: 'GLENTRY' },
	APBILL: { collection: 'APBILLITEMS', element: 'apbillitem', object: 'APBILLITEM' },
};

export function renderForRead(def: ObjectDef, row: Row, fields: readonly FieldDef[], db: Database, includeOwned: boolean): RenderRecord {
	const record = renderNested(row, fields);
	if (!includeOwned) return record;
	const owned = OWNED[def.name];
	if (owned) {
		const lineDef = objectDef(owned.object)!;
		const lines = db.table(owned.object).children(Number(row.RECORDNO));
		record[owned.collection] = { [owned.element]: lines.map((line) => renderNested(line, lineDef.fields)) };
	}
	if (def.name === 'SUPDOC') record.ATTACHMENTS = { attachment: attachmentsOf(row) };
	return record;
}

export interface StoredAttachment {
	ATTACHMENTNAME: string;
	ATTACHMENTTYPE: string;
	ATTACHMENTDATA: string;
}

/** SUPDOC rows keep their files as JSON in the ATTACHMENTSJSON column (not a rendered field). */
export function attachmentsOf(row: Row): RenderRecord[] {
	const parsed: unknown = JSON.parse(row.ATTACHMENTSJSON || '[]');
	if (!Array.isArray(parsed)) return [];
	return parsed.map((a: StoredAttachment) => ({ ATTACHMENTNAME: a.ATTACHMENTNAME, ATTACHMENTTYPE: a.ATTACHMENTTYPE, ATTACHMENTDATA: a.ATTACHMENTDATA }));
}
