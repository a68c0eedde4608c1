/**
 * The record an item creates or updates: the fields chosen in the mapper (`columns`, n8n's
 * resourceMapper, filled from the object's model service: methods/restObjectFields.ts) laid under
 * the JSON field (`body`: nested values, owned lines, custom fields; a JSON array is several
 * records). A workflow saved before the mapper existed has only `body` and runs as it did.
 */
import type { IDataObject, IExecuteFunctions, ResourceMapperField, ResourceMapperValue } from 'n8n-workflow';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { mergeJson, setJsonPath } from '../../../shared/intacct/rest/objectModel';
import type { JsonObject, JsonValue } from '../../../shared/intacct/rest/restWire';
import { jsonParameter } from './shared';

function isMapperValue(value: unknown): value is ResourceMapperValue {
	return value !== null && typeof value === 'object' && 'mappingMode' in value;
}

function dotted(json: IDataObject, path: string): unknown {
	if (path in json) return json[path];
	let node: unknown = json;
	for (const part of path.split('.')) {
		if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
		node = (node as IDataObject)[part];
	}
	return node;
}

function usable(value: unknown): value is JsonValue {
	return value !== undefined && value !== null && value !== '';
}

/** The mapped fields of one item as a nested REST body ({} when the mapper is empty or absent). */
export function mappedRecord(context: IExecuteFunctions, itemIndex: number, what: string): JsonObject {
	const mapper = context.getNodeParameter('columns', itemIndex, null) as unknown;
	if (!isMapperValue(mapper)) return {};
	const schema: ResourceMapperField[] = Array.isArray(mapper.schema) ? mapper.schema : [];
	const writable = (id: string): boolean => {
		const field = schema.find((f) => f.id === id);
		return field === undefined || (field.display !== false && field.readOnly !== true);
	};
	const record: JsonObject = {};
	if (mapper.mappingMode === 'autoMapInputData') {
		const json = context.getInputData()[itemIndex]?.json ?? {};
		for (const field of schema) {
			if (!writable(field.id)) continue;
			const value = dotted(json, field.id);
			if (usable(value)) setJsonPath(record, field.id, value);
		}
		return record;
	}
	if (mapper.value === null || mapper.value === undefined) return {};
	// Read through n8n (expressions resolved, values checked against the field types).
	const values = context.getNodeParameter('columns.value', itemIndex, {}) as IDataObject;
	for (const [id, value] of Object.entries(values)) {
		if (!usable(value)) continue;
		if (!writable(id)) throw new ItemValidationError(`${what}, field "${id}": read-only on this object; remove it from the mapped fields`);
		setJsonPath(record, id, value as JsonValue);
	}
	return record;
}

/**
 * The records one item writes: the mapped fields under the JSON field (an array there: one record
 * per element, each over the same mapped fields). Refused, naming the item, when nothing is given.
 */
export function itemRecords(context: IExecuteFunctions, itemIndex: number, what: string, allowArray: boolean): JsonObject[] {
	const mapped = mappedRecord(context, itemIndex, what);
	const json = jsonParameter(context, 'body', itemIndex, what, allowArray);
	const records = (Array.isArray(json) ? json : [json]).map((r) => mergeJson(mapped, r as JsonObject));
	if (records.length === 0 || records.every((r) => Object.keys(r).length === 0)) {
		throw new ItemValidationError(`${what}: no fields to write; map at least one field, or give them in Fields (JSON)`);
	}
	return records;
}
