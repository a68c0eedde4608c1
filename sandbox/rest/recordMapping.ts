/**
 * One record between the model's rendering (RenderRecord, as read returns it) and REST JSON:
 * renderRestRecord() for reads, restInputToXml() for creates and updates (the model's generic
 * create/update element). References render as { key, id, name, href } with keys resolved through
 * the RefResolver; dates are yyyy-mm-dd, timestamps ISO UTC, amounts strings as the reference shows.
 */
import type { RenderRecord, RenderValue, XmlElement } from '../model/contract';
import { RestError } from './restErrors';
import { isRef, type RefFieldDef, type RestFieldDef, type RestObjectDef, type ScalarFieldDef } from './objects/restObjectDef';
import type { RefResolver } from './refResolver';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function hrefOf(objectName: string, key: string): string {
	return `/objects/${objectName}/${key}`;
}

const SPLIT = new Map<string, string[]>();

/** Dotted paths split once (rendering touches every field of every row). */
function parts(dotted: string): string[] {
	let split = SPLIT.get(dotted);
	if (split === undefined) {
		split = dotted.split('.');
		SPLIT.set(dotted, split);
	}
	return split;
}

/** A model value at a dotted path of a rendered record ('' when absent). */
export function modelValue(record: RenderRecord, dotted: string): string {
	const direct = record[dotted];
	if (typeof direct === 'string') return direct;
	let node: RenderValue | undefined = record;
	for (const part of parts(dotted)) {
		if (node === undefined || typeof node === 'string' || Array.isArray(node)) return '';
		node = node[part];
	}
	return typeof node === 'string' ? node : '';
}

function setPath(target: JsonObject, dotted: string, value: Json): void {
	const split = parts(dotted);
	let node = target;
	for (let i = 0; i < split.length - 1; i++) {
		const part = split[i];
		const existing = node[part];
		if (existing !== null && typeof existing === 'object' && !Array.isArray(existing)) node = existing;
		else {
			const created: JsonObject = {};
			node[part] = created;
			node = created;
		}
	}
	node[split[split.length - 1]] = value;
}

export function getPath(source: JsonObject, dotted: string): Json | undefined {
	let node: Json | undefined = source;
	for (const part of dotted.split('.')) {
		if (node === null || node === undefined || typeof node !== 'object' || Array.isArray(node)) return undefined;
		node = node[part];
	}
	return node;
}

const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const US_TIMESTAMP = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}:\d{2}:\d{2})$/;

function scalarToRest(field: ScalarFieldDef, raw: string): Json {
	if (raw === '') return field.kind === 'boolean' ? false : null;
	if (field.enumValues) {
		const hit = field.enumValues.find(([, label]) => label.toLowerCase() === raw.toLowerCase());
		// A boolean read through a table (showInContactList: the model's HIDEDISPLAYCONTACT inverted).
		if (hit && field.kind === 'boolean') return hit[0] === 'true';
		return hit ? hit[0] : raw;
	}
	switch (field.kind) {
		case 'integer':
		case 'number':
			return Number.isFinite(Number(raw)) ? Number(raw) : raw;
		case 'boolean':
			return raw === 'true';
		case 'date': {
			const m = US_DATE.exec(raw);
			return m ? `${m[3]}-${m[1]}-${m[2]}` : raw;
		}
		case 'date-time': {
			const m = US_TIMESTAMP.exec(raw);
			return m ? `${m[3]}-${m[1]}-${m[2]}T${m[4]}Z` : raw;
		}
		default:
			return raw;
	}
}

function refToRest(field: RefFieldDef, record: RenderRecord, refs: RefResolver): Json {
	const id = modelValue(record, field.xml);
	if (field.keyOnly === true) {
		const key = id === '' ? null : (refs.keyOf(field.ref, id) ?? id);
		return key === null ? { key } : { key, href: hrefOf(field.ref, key) };
	}
	if (id === '') return { key: null, id: null, ...(field.xmlName ? { name: null } : {}) };
	const key = refs.keyOf(field.ref, id);
	const out: JsonObject = { key, id };
	if (field.xmlName) out.name = modelValue(record, field.xmlName) || refs.nameOf(field.ref, id);
	if (key !== null) out.href = hrefOf(field.ref, key);
	return out;
}

function renderFields(def: RestObjectDef, record: RenderRecord, refs: RefResolver, out: JsonObject, only?: ReadonlySet<RestFieldDef>): void {
	for (const field of def.fields) {
		if (only !== undefined && !only.has(field)) continue;
		if (!isRef(field) && field.writeOnly === true) continue;
		setPath(out, field.path, isRef(field) ? refToRest(field, record, refs) : scalarToRest(field, modelValue(record, field.xml)));
	}
}

function linesOf(record: RenderRecord, collection: string, line: string): RenderRecord[] {
	const container = record[collection];
	if (container === undefined || typeof container === 'string' || Array.isArray(container)) return [];
	const items = container[line.toLowerCase()] ?? container[line];
	if (items === undefined || typeof items === 'string') return [];
	return (Array.isArray(items) ? items : [items]).filter((i): i is RenderRecord => typeof i === 'object');
}

/** The full REST shape of one record (GET by key); `only` limits it to some fields (query service). */
export function renderRestRecord(def: RestObjectDef, record: RenderRecord, refs: RefResolver, only?: ReadonlySet<RestFieldDef>): JsonObject {
	const key = modelValue(record, 'RECORDNO');
	const out: JsonObject = { key, id: modelValue(record, def.idXml), href: hrefOf(def.name, key) };
	renderFields(def, record, refs, out, only);
	if (only !== undefined) return out;
	if (def.lines) {
		const owner = { key, id: key, href: hrefOf(def.name, key) };
		const lineDef = def.lines.object;
		out[def.lines.path] = linesOf(record, def.lines.xmlCollection, def.lines.xmlLine).map((line) => {
			const lineKey = modelValue(line, 'RECORDNO');
			const rendered: JsonObject = { key: lineKey, id: lineKey, [def.lines!.ownerPath]: owner };
			renderFields(lineDef, line, refs, rendered);
			rendered.href = hrefOf(lineDef.name, lineKey);
			return rendered;
		});
	}
	if (def.files) {
		out.files = linesOf(record, 'ATTACHMENTS', 'attachment').map((file, index) => {
			const type = modelValue(file, 'ATTACHMENTTYPE');
			const name = modelValue(file, 'ATTACHMENTNAME');
			const data = modelValue(file, 'ATTACHMENTDATA');
			return { id: String(index + 1), key: String(index + 1), attachment: { key }, name: type ? `${name}.${type}` : name, data, size: Buffer.from(data, 'base64').length };
		});
	}
	out.href = hrefOf(def.name, key);
	return out;
}

// ---------------------------------------------------------------- input

interface XmlNode {
	name: string;
	children: XmlNode[];
	text: string;
}

function toXmlElement(node: XmlNode): XmlElement {
	return { name: node.name, attributes: {}, children: node.children.map(toXmlElement), text: node.text };
}

function putXml(root: XmlNode, dotted: string, text: string): void {
	const parts = dotted.split('.');
	let node = root;
	for (const part of parts.slice(0, -1)) {
		let child = node.children.find((c) => c.name === part && c.children.length > 0);
		if (!child) {
			child = { name: part, children: [], text: '' };
			node.children.push(child);
		}
		node = child;
	}
	node.children.push({ name: parts[parts.length - 1], children: [], text });
}

export interface FieldProblem {
	field: string;
	message: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function scalarToXml(field: ScalarFieldDef, value: Json, where: string, problems: FieldProblem[]): string | undefined {
	if (value === null) return '';
	if (typeof value === 'object') {
		problems.push({ field: where, message: `${where} must be a ${field.kind}, not an object or array` });
		return undefined;
	}
	const text = String(value);
	if (field.enumValues) {
		const hit = field.enumValues.find(([rest]) => rest === text);
		if (!hit) {
			problems.push({ field: where, message: `${where} must be one of ${field.enumValues.map(([rest]) => rest).join(', ')}` });
			return undefined;
		}
		return hit[1];
	}
	switch (field.kind) {
		case 'date': {
			const m = ISO_DATE.exec(text);
			if (!m) {
				problems.push({ field: where, message: `${where} must be a date written yyyy-mm-dd` });
				return undefined;
			}
			return `${m[2]}/${m[3]}/${m[1]}`;
		}
		case 'decimal':
		case 'number':
		case 'integer':
			if (typeof value === 'boolean' || text.trim() === '' || !Number.isFinite(Number(text))) {
				problems.push({ field: where, message: `${where} must be a number` });
				return undefined;
			}
			return text;
		case 'boolean':
			if (typeof value !== 'boolean' && text !== 'true' && text !== 'false') {
				problems.push({ field: where, message: `${where} must be true or false` });
				return undefined;
			}
			return text;
		default:
			return text;
	}
}

function refToXml(field: RefFieldDef, value: Json, where: string, refs: RefResolver, problems: FieldProblem[]): string | undefined {
	if (value === null) return '';
	if (typeof value !== 'object' || Array.isArray(value)) {
		problems.push({ field: where, message: `${where} must be an object with id or key` });
		return undefined;
	}
	const id = value.id;
	const key = value.key;
	if (field.keyOnly === true && id !== undefined) {
		// A user-defined dimension is named by its key, as the reference's examples write it (docs/fidelity-rest.md).
		problems.push({ field: `${where}.id`, message: `${where} is set with its key` });
		return undefined;
	}
	if (typeof id === 'string' && id !== '') return id;
	// A user-defined dimension's key is its record id (custom objects: key and id are the same): it goes to
	// the model as the XML wire's GLDIM<NAME>, whose one rule refuses a key that is none of the UDD's records.
	if (field.keyOnly === true && typeof key === 'string' && key !== '') return key;
	if (typeof key === 'string' && key !== '') {
		const resolved = refs.idOf(field.ref, key);
		if (resolved === null) {
			problems.push({ field: `${where}.key`, message: `${where}.key ${key} does not identify a ${field.ref} record` });
			return undefined;
		}
		return resolved;
	}
	if (id === null || key === null) return '';
	problems.push({ field: where, message: `${where} needs an id or a key` });
	return undefined;
}

/** REST properties every object accepts and ignores on input (system fields). */
const IGNORED_INPUT = new Set(['key', 'href', 'ia::operation']);

function allowedPaths(def: RestObjectDef): Set<string> {
	const paths = new Set<string>(['id']);
	for (const field of def.fields) paths.add(field.path);
	if (def.lines) paths.add(def.lines.path);
	if (def.files) paths.add('files');
	return paths;
}

/** Flattens an input object into REST field paths (stopping at reference objects and arrays). */
function flattenInput(def: RestObjectDef, input: JsonObject, prefix: string, into: Map<string, Json>, problems: FieldProblem[], allowed: Set<string>): void {
	for (const [name, value] of Object.entries(input)) {
		const path = prefix + name;
		if (IGNORED_INPUT.has(path)) continue;
		if (allowed.has(path)) {
			into.set(path, value);
			continue;
		}
		const isPrefix = [...allowed].some((p) => p.startsWith(`${path}.`));
		if (isPrefix && value !== null && typeof value === 'object' && !Array.isArray(value)) {
			flattenInput(def, value, `${path}.`, into, problems, allowed);
			continue;
		}
		if (path.startsWith('audit') || path.startsWith('entity')) continue;
		problems.push({ field: path, message: `${path} is not a field of ${def.name}` });
	}
}

/**
 * A REST body as the model's create/update element (<GLBATCH>…</GLBATCH>). `key` is the record's
 * RECORDNO for updates. Throws a 400 RestError listing every field problem.
 */
export function restInputToXml(def: RestObjectDef, input: JsonObject, mode: 'create' | 'update', refs: RefResolver, key?: string, where = ''): XmlElement {
	const problems: FieldProblem[] = [];
	const root: XmlNode = { name: def.xmlObject, children: [], text: '' };
	collectInput(def, input, mode, refs, root, problems, where, key);
	if (problems.length > 0) throw RestError.invalidFields(problems);
	return toXmlElement(root);
}

function collectInput(def: RestObjectDef, input: JsonObject, mode: 'create' | 'update', refs: RefResolver, root: XmlNode, problems: FieldProblem[], where: string, key?: string): void {
	const values = new Map<string, Json>();
	flattenInput(def, input, '', values, problems, allowedPaths(def));
	const label = (path: string): string => (where ? `${where}.${path}` : path);
	if (key !== undefined) putXml(root, 'RECORDNO', key);
	const id = values.get('id');
	if (id !== undefined && id !== null) {
		if (def.idWritable) putXml(root, def.idXml, String(id));
		else if (mode === 'create') problems.push({ field: label('id'), message: `${label('id')} is assigned by the system` });
	} else if (mode === 'create' && def.idWritable) {
		problems.push({ field: label('id'), message: `${label('id')} is required` });
	}
	for (const field of def.fields) {
		const value = values.get(field.path);
		if (value === undefined) {
			if (mode === 'create' && field.required && !field.readOnly) problems.push({ field: label(field.path), message: `${label(field.path)} is required` });
			continue;
		}
		if (field.readOnly) continue;
		if (!isRef(field) && mode === 'update' && field.immutable === true) {
			problems.push({ field: label(field.path), message: `${label(field.path)} cannot be changed by an update` });
			continue;
		}
		if (!isRef(field) && mode === 'create' && field.createValues !== undefined && typeof value === 'string' && !field.createValues.includes(value)) {
			problems.push({ field: label(field.path), message: `${label(field.path)} of a new record must be one of ${field.createValues.join(', ')}` });
			continue;
		}
		const input = !isRef(field) && field.writeValues !== undefined ? { ...field, enumValues: field.writeValues } : field;
		const text = isRef(input) ? refToXml(input, value, label(field.path), refs, problems) : scalarToXml(input, value, label(field.path), problems);
		if (text !== undefined) putXml(root, (!isRef(field) && field.writeXml) || field.xml, text);
	}
	if (def.lines) {
		const lines = values.get(def.lines.path);
		if (lines === undefined && mode === 'create' && def.lines.required === true) problems.push({ field: label(def.lines.path), message: `${label(def.lines.path)} is required` });
		if (lines !== undefined) {
			if (!Array.isArray(lines)) problems.push({ field: label(def.lines.path), message: `${label(def.lines.path)} must be an array` });
			else {
				const collection: XmlNode = { name: def.lines.xmlCollection, children: [], text: '' };
				lines.forEach((line, index) => {
					const lineWhere = label(`${def.lines!.path}[${index}]`);
					if (line === null || typeof line !== 'object' || Array.isArray(line)) {
						problems.push({ field: lineWhere, message: `${lineWhere} must be an object` });
						return;
					}
					const node: XmlNode = { name: def.lines!.xmlLine, children: [], text: '' };
					// In a PATCH a line with its key changes that line (owner-and-owned-objects.md); without one it is added.
					const lineKey = mode === 'update' && (typeof line.key === 'string' || typeof line.key === 'number') ? String(line.key) : undefined;
					collectInput(def.lines!.object, line, lineKey === undefined ? 'create' : 'update', refs, node, problems, lineWhere, lineKey);
					collection.children.push(node);
				});
				root.children.push(collection);
			}
		}
	}
	if (def.files) {
		const files = values.get('files');
		if (Array.isArray(files)) {
			const container: XmlNode = { name: 'ATTACHMENTS', children: [], text: '' };
			files.forEach((file, index) => {
				const fileWhere = label(`files[${index}]`);
				if (file === null || typeof file !== 'object' || Array.isArray(file) || typeof file.name !== 'string' || typeof file.data !== 'string') {
					problems.push({ field: fileWhere, message: `${fileWhere} needs a name and base64 data` });
					return;
				}
				const dot = file.name.lastIndexOf('.');
				const node: XmlNode = { name: 'attachment', children: [], text: '' };
				putXml(node, 'attachmentname', dot > 0 ? file.name.slice(0, dot) : file.name);
				putXml(node, 'attachmenttype', dot > 0 ? file.name.slice(dot + 1) : '');
				putXml(node, 'attachmentdata', file.data);
				container.children.push(node);
			});
			root.children.push(container);
		} else if (files !== undefined) problems.push({ field: label('files'), message: `${label('files')} must be an array` });
	}
}
