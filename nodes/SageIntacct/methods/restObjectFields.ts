/**
 * The REST Object resource's field mapper (n8n's `resourceMapper`): the chosen object's fields from
 * the company's own model service (`GET /services/core/model?name=<object>`): names (dotted REST
 * paths; a reference is written through its `id` or `key`), types, required, read-only and
 * enumerations. Create offers the writable fields (required ones shown first); update the mutable
 * ones, none required (a PATCH changes only what it names). Owned lines and anything nested beyond
 * a field go in the JSON field next to the mapper.
 */
import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { readObjectModel, type RestModelField } from '../../shared/intacct/rest/objectModel';
import { restClientForContext } from '../../shared/intacct/n8n/restClient';
import { toN8nError } from '../../shared/intacct/n8n/errors';
import { isRestObjectName } from '../actions/restObject/shared';

type Purpose = 'create' | 'update';

function fieldType(field: RestModelField): FieldType {
	if (field.enumValues && field.enumValues.length > 0) return 'options';
	if (field.type === 'boolean') return 'boolean';
	// Amounts (decimal formats) stay text: no float rounding on money; integers and plain numbers are numbers.
	if ((field.type === 'integer' || field.type === 'number') && !(field.format ?? '').startsWith('decimal')) return 'number';
	return 'string';
}

function label(field: RestModelField): string {
	const hints: string[] = [];
	if (field.format === 'date') hints.push('YYYY-MM-DD');
	else if (field.format === 'date-time') hints.push('ISO date-time');
	if (field.ref !== undefined) hints.push(field.ref);
	return hints.length > 0 ? `${field.path} (${hints.join(', ')})` : field.path;
}

/** The mapper's fields for an object model: writable fields on create, mutable ones on update. */
export function mapperFields(fields: RestModelField[], purpose: Purpose): ResourceMapperField[] {
	const out: ResourceMapperField[] = [];
	for (const field of fields) {
		const writable = purpose === 'create' ? !field.readOnly : !field.readOnly && field.mutable;
		// The record's own key travels in the URL (update) or is assigned by Intacct (create).
		const usable = writable && field.path !== 'key' && field.path !== 'href';
		const required = purpose === 'create' && field.required && usable;
		const entry: ResourceMapperField = {
			id: field.path,
			displayName: label(field),
			required,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: usable,
			type: fieldType(field),
			readOnly: !usable,
			removed: !required,
		};
		if (entry.type === 'options') entry.options = (field.enumValues ?? []).map((v) => ({ name: v, value: v }));
		out.push(entry);
	}
	// Required first, then by path (groups and references next to their kin).
	return out.sort((a, b) => Number(b.required) - Number(a.required) || a.id.localeCompare(b.id));
}

async function objectFields(context: ILoadOptionsFunctions, purpose: Purpose): Promise<ResourceMapperFields> {
	const chosen = context.getCurrentNodeParameter('restObject', { extractValue: true }) as unknown;
	const object = typeof chosen === 'string' ? chosen.trim().replace(/^\/?(objects\/)?/, '') : '';
	if (object === '' || object.startsWith('=') || !isRestObjectName(object)) {
		return { fields: [], emptyFieldsNotice: 'Choose the object first (Object above); its fields come from the company\'s model service' };
	}
	let result: unknown;
	try {
		result = (await (await restClientForContext(context)).request('GET', '/services/core/model', { query: { name: object } })).result;
	} catch (error) {
		throw toN8nError(context.getNode(), error);
	}
	const model = readObjectModel(result);
	if (model.fields.length === 0) throw new NodeOperationError(context.getNode(), `The model service has no fields for ${object}`);
	const fields = mapperFields(model.fields, purpose);
	const lists = Object.keys(model.lists);
	return {
		fields,
		emptyFieldsNotice: lists.length > 0 ? `Lines (${lists.join(', ')}) go in Fields (JSON)` : undefined,
	};
}

export async function getRestObjectCreateFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await objectFields(this, 'create');
}

export async function getRestObjectUpdateFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await objectFields(this, 'update');
}
