/** `read` (RECORDNO keys) and `readByName` (business IDs) (§4.1, §12.19): UPPER elements, ≤100 keys. */
import type { FunctionOutcome, XmlElement } from '../contract';
import { visibleTo } from '../entity-visibility';
import { queryFailed } from '../errors';
import type { ObjectDef } from '../schema';
import type { Row } from '../store';
import { childText } from '../xml-element';
import { requireObject, type ReadContext } from './read-context';
import { renderForRead, selectedFields } from './record-output';

const MAX_KEYS = 100;

function parseKeys(text: string | undefined): string[] {
	const keys = (text ?? '').split(',').map((k) => k.trim()).filter(Boolean);
	if (keys.length > MAX_KEYS) throw queryFailed(`Too many keys: ${keys.length}. A read accepts at most ${MAX_KEYS} keys.`, 'Split the keys into several reads.');
	return keys;
}

function outcome(rc: ReadContext, def: ObjectDef, rows: Row[], fieldsParam: string | undefined): FunctionOutcome {
	const fields = selectedFields(def, fieldsParam);
	const includeOwned = (fieldsParam ?? '*').trim() === '*' || (fieldsParam ?? '').trim() === '';
	return {
		kind: 'data',
		listType: def.name,
		records: rows.map((row) => ({ element: def.name, fields: renderForRead(def, row, fields, rc.db, includeOwned) })),
		attributes: { count: String(rows.length) },
	};
}

function checkReturnFormat(fn: XmlElement): void {
	const format = (childText(fn, 'returnFormat') ?? 'xml').toLowerCase();
	if (format !== 'xml' && format !== '') throw queryFailed(`returnFormat ${format} is not supported by the sandbox`, 'Use xml.');
}

export function read(rc: ReadContext, fn: XmlElement): FunctionOutcome {
	const def = requireObject(childText(fn, 'object'));
	checkReturnFormat(fn);
	const rows: Row[] = [];
	for (const key of parseKeys(childText(fn, 'keys'))) {
		// Missing keys: success with fewer records (§4.1, UNCERTAIN).
		const row = rc.rows.get(def, key);
		if (row && visibleTo(rc.ctx, row)) rows.push(row);
	}
	return outcome(rc, def, rows, childText(fn, 'fields'));
}

export function readByName(rc: ReadContext, fn: XmlElement): FunctionOutcome {
	const def = requireObject(childText(fn, 'object'));
	checkReturnFormat(fn);
	const rows: Row[] = [];
	for (const key of parseKeys(childText(fn, 'keys'))) {
		const row = def.idField ? rc.db.table(def.name).getById(key) : rc.rows.get(def, key);
		if (row && visibleTo(rc.ctx, row)) rows.push(row);
	}
	return outcome(rc, def, rows, childText(fn, 'fields'));
}
