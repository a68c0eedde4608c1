/**
 * An object's definition from the REST model service (`GET /services/core/model?name=…`, Sage's
 * reference: intacct-docs/rest/common-resources.md "Get an object model definition"; docs/rest-wire.md):
 * `fields` (type, format, enum, readOnly, required, mutable), `groups` (nested fields, e.g. audit),
 * `refs` (references to other objects, written through their `id` or `key`) and `lists` (owned lines).
 * Flattened here to one entry per dotted REST path, for the field mapper and for lookup over REST.
 */
import type { JsonObject, JsonValue } from './restWire';

export interface RestModelField {
	/** Dotted REST path, e.g. `name`, `audit.createdBy`, `vendor.id`. */
	path: string;
	/** JSON type of the value: string, integer, number or boolean. */
	type: string;
	/** date, date-time, decimal-precision-2, … when the model names one. */
	format?: string;
	required: boolean;
	readOnly: boolean;
	/** Whether a PATCH may change it (false: settable on create only). */
	mutable: boolean;
	enumValues?: string[];
	/** The object a reference field points at (`vendor.id` -> accounts-payable/vendor). */
	ref?: string;
}

export interface RestObjectModel {
	fields: RestModelField[];
	/** Owned line collections: property -> REST object of a line (written as JSON arrays). */
	lists: Record<string, string>;
	httpMethods: string[];
}

function asObject(value: JsonValue | undefined): JsonObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function leaf(path: string, def: JsonObject, ref?: string): RestModelField {
	const readOnly = def.readOnly === true;
	const field: RestModelField = {
		path,
		type: typeof def.type === 'string' ? def.type : 'string',
		required: def.required === true,
		readOnly,
		mutable: def.mutable === undefined ? !readOnly : def.mutable === true,
	};
	if (typeof def.format === 'string') field.format = def.format;
	if (Array.isArray(def.enum)) field.enumValues = def.enum.map((v) => String(v as string));
	if (ref !== undefined) field.ref = ref;
	return field;
}

function walk(node: JsonObject, prefix: string, out: RestModelField[]): void {
	for (const [name, def] of Object.entries(asObject(node.fields))) out.push(leaf(`${prefix}${name}`, asObject(def)));
	for (const [name, ref] of Object.entries(asObject(node.refs))) {
		const refDef = asObject(ref);
		const apiObject = typeof refDef.apiObject === 'string' ? refDef.apiObject : undefined;
		for (const [sub, def] of Object.entries(asObject(refDef.fields))) out.push(leaf(`${prefix}${name}.${sub}`, asObject(def), apiObject));
	}
	for (const [name, group] of Object.entries(asObject(node.groups))) walk(asObject(group), `${prefix}${name}.`, out);
}

/** The model service's answer (`ia::result`) as flat fields, owned lists and allowed methods. */
export function readObjectModel(result: unknown): RestObjectModel {
	const model = asObject(result as JsonValue);
	const fields: RestModelField[] = [];
	walk(model, '', fields);
	const lists: Record<string, string> = {};
	for (const [name, list] of Object.entries(asObject(model.lists))) {
		const apiObject = asObject(list).apiObject;
		lists[name] = typeof apiObject === 'string' ? apiObject : '';
	}
	const methods = typeof model.httpMethods === 'string' ? model.httpMethods.split(',').map((m) => m.trim().toUpperCase()).filter((m) => m !== '') : [];
	return { fields, lists, httpMethods: methods };
}

/** Sets a dotted path in a JSON body ({} created on the way): vendor.id -> { vendor: { id } }. */
export function setJsonPath(target: JsonObject, path: string, value: JsonValue): void {
	const parts = path.split('.');
	let node = target;
	for (const part of parts.slice(0, -1)) {
		const next = node[part];
		if (next === null || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
		node = node[part] as JsonObject;
	}
	node[parts[parts.length - 1]] = value;
}

/** `over` laid over `base`, objects merged key by key (arrays and values of `over` win). */
export function mergeJson(base: JsonObject, over: JsonObject): JsonObject {
	const out: JsonObject = { ...base };
	for (const [key, value] of Object.entries(over)) {
		const current = out[key];
		const bothObjects = value !== null && typeof value === 'object' && !Array.isArray(value) && current !== null && typeof current === 'object' && !Array.isArray(current);
		out[key] = bothObjects ? mergeJson(current, value) : value;
	}
	return out;
}
