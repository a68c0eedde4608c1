/**
 * GET /services/core/model (docs: intacct-docs/rest/common-resources.md "Get an object model
 * definition"): ?name=<application/object> answers fields, groups (nested fields), refs (with
 * apiObject), lists (owned lines), httpMethods and idempotenceSupported; without a name, the list
 * of objects the sandbox serves (for a searchable object picker).
 */
import { REST_OBJECTS } from './objects';
import { isRef, type RefFieldDef, type RestFieldDef, type RestObjectDef } from './objects/restObjectDef';
import type { ModelCalls } from './modelCalls';
import { requireObject, type RestReply } from './objectService';
import { platformObjects } from './platformObjects';
import type { JsonObject } from './recordMapping';

function fieldModel(field: RestFieldDef & { kind?: string }): JsonObject {
	const readOnly = field.readOnly === true;
	const out: JsonObject = { type: 'string' };
	if (!isRef(field)) {
		if (field.kind === 'integer') out.type = 'integer';
		else if (field.kind === 'number') out.type = 'number';
		else if (field.kind === 'boolean') out.type = 'boolean';
		else if (field.kind === 'date') out.format = 'date';
		else if (field.kind === 'date-time') out.format = 'date-time';
		else if (field.kind === 'decimal') out.format = 'decimal-precision-2';
		if (field.enumValues && field.kind !== 'boolean') out.enum = field.enumValues.map(([rest]) => rest);
	}
	return { ...out, readOnly, writeOnly: false, required: field.required === true, nullable: field.required !== true, mutable: !readOnly };
}

function refModel(field: RefFieldDef): JsonObject {
	const sub = (readOnly: boolean): JsonObject => ({ type: 'string', readOnly, writeOnly: false, required: false, nullable: true, mutable: !readOnly });
	if (field.keyOnly === true) return { apiObject: field.ref, fields: { key: sub(false), href: sub(true) } };
	return { apiObject: field.ref, fields: { id: sub(false), key: sub(false), name: sub(true), href: sub(true) } };
}

interface Group {
	fields: JsonObject;
	groups: Map<string, Group>;
	refs: JsonObject;
}

function emptyGroup(): Group {
	return { fields: {}, groups: new Map(), refs: {} };
}

function renderGroup(group: Group): JsonObject {
	const out: JsonObject = { fields: group.fields };
	if (group.groups.size > 0) out.groups = Object.fromEntries([...group.groups].map(([name, g]) => [name, renderGroup(g)]));
	if (Object.keys(group.refs).length > 0) out.refs = group.refs;
	return out;
}

export function objectModel(def: RestObjectDef): JsonObject {
	const root = emptyGroup();
	const keyField = { type: 'string', readOnly: true, writeOnly: false, required: false, nullable: true, mutable: false };
	root.fields.key = keyField;
	root.fields.id = { type: 'string', readOnly: !def.idWritable, writeOnly: false, required: def.idWritable, nullable: false, mutable: false };
	root.fields.href = { ...keyField };
	for (const field of def.fields) {
		const parts = field.path.split('.');
		let group = root;
		for (const part of parts.slice(0, -1)) {
			const next = group.groups.get(part) ?? emptyGroup();
			group.groups.set(part, next);
			group = next;
		}
		const leaf = parts[parts.length - 1];
		if (isRef(field)) group.refs[leaf] = refModel(field);
		else group.fields[leaf] = fieldModel(field);
	}
	const body = renderGroup(root);
	const writable = !def.owned;
	return {
		...body,
		refs: body.refs ?? [],
		lists: def.lines ? { [def.lines.path]: { apiObject: def.lines.object.name } } : [],
		httpMethods: writable ? 'OPTIONS,GET,POST,DELETE,PATCH' : 'OPTIONS,GET',
		idempotenceSupported: writable,
	};
}

export function modelService(query: URLSearchParams, calls: ModelCalls): RestReply {
	const name = query.get('name');
	if (name === null || name === '') {
		const list = [...REST_OBJECTS, ...platformObjects(calls)].map((o) => ({ apiObject: o.name, type: o.owned ? 'ownedObject' : 'object', href: `/services/core/model?name=${o.name}` }));
		return { status: 200, body: { 'ia::result': list, 'ia::meta': { totalCount: list.length, totalSuccess: list.length, totalError: 0 } } };
	}
	const def = requireObject(name, calls);
	return { status: 200, body: { 'ia::result': objectModel(def), 'ia::meta': { totalCount: 1, totalSuccess: 1, totalError: 0 } } };
}
