/**
 * Resolving a field name of a query to a getter: plain fields of the object (case-insensitive,
 * §12.7) and, for `query`, one hop through a MANY2ONE relationship (JOURNAL.TITLE on GLBATCH,
 * VENDOR.NAME on APBILL, ACCOUNT.TITLE on GLENTRY; §4.4, §12.18).
 */
import type { Database } from '../database';
import { fieldDef, objectDef } from '../objects';
import type { FieldDef, ObjectDef } from '../schema';
import type { Row } from '../store';

export interface ResolvedField {
	/** Upper-case name as it will be rendered (e.g. 'JOURNAL.TITLE'). */
	name: string;
	def: FieldDef;
	get: (row: Row) => string | undefined;
}

export function resolveField(object: ObjectDef, name: string, db: Database, allowRelated: boolean): ResolvedField | undefined {
	const upper = name.trim().toUpperCase();
	const own = fieldDef(object, upper);
	if (own) return { name: upper, def: own, get: (row) => row[own.id] };
	if (!allowRelated || !upper.includes('.')) return undefined;
	const dot = upper.indexOf('.');
	const path = upper.slice(0, dot);
	const rest = upper.slice(dot + 1);
	const relation = object.relationships.find((r) => r.path === path);
	if (!relation) return undefined;
	const target = objectDef(relation.object);
	const targetField = target ? fieldDef(target, rest) : undefined;
	if (!target || !targetField) return undefined;
	const table = db.table(target.name);
	const lookup: (key: string) => Row | undefined =
		relation.targetField === 'RECORDNO' ? (key) => table.get(Number(key)) : (key) => table.getById(key);
	return {
		name: upper,
		def: targetField,
		get: (row) => {
			const key = row[relation.relatedBy];
			if (!key) return undefined;
			return lookup(key)?.[targetField.id];
		},
	};
}
