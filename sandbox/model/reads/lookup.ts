/**
 * Metadata: `lookup` and `inspect` (§4.5) for every emulated object. lookup returns
 * <Type Name=".." DocumentType=""><Fields><Field>ID, LABEL, DESCRIPTION, REQUIRED, READONLY,
 * DATATYPE, VALIDVALUES, ISCUSTOM</Field>…</Fields><Relationships>…</Relationships></Type>;
 * inspect detail 0 lists field names, detail 1 is lookup's shape; inspect object * lists objects.
 */
import type { FunctionOutcome, RenderRecord, XmlElement } from '../contract';
import { OBJECTS } from '../objects';
import type { ObjectDef } from '../schema';
import { attribute, childText } from '../xml-element';
import { requireObject, type ReadContext } from './read-context';

function fieldRecords(def: ObjectDef): RenderRecord[] {
	return def.fields.map((f) => {
		// Element order as in Sage's lookup samples (queries.md, platform-services-objects.md): VALIDVALUES before ISCUSTOM.
		const record: RenderRecord = {
			ID: f.id,
			LABEL: f.label,
			DESCRIPTION: f.description,
			REQUIRED: String(f.required),
			READONLY: String(f.readonly),
			DATATYPE: f.type,
		};
		if (f.validValues) record.VALIDVALUES = { VALIDVALUE: f.validValues.map((v) => v.label) };
		record.ISCUSTOM = 'false';
		return record;
	});
}

function relationshipRecords(def: ObjectDef): RenderRecord[] {
	return def.relationships.map((r) => ({
		OBJECTPATH: r.path,
		OBJECTNAME: r.object,
		LABEL: r.label,
		RELATIONSHIPTYPE: 'MANY2ONE',
		RELATEDBY: r.relatedBy,
	}));
}

function typeRecord(def: ObjectDef): RenderRecord {
	return {
		$attributes: { Name: def.name, DocumentType: '' },
		Fields: { Field: fieldRecords(def) },
		Relationships: { Relationship: relationshipRecords(def) },
	};
}

function typeOutcome(def: ObjectDef, fields: RenderRecord): FunctionOutcome {
	return { kind: 'data', listType: def.name, records: [{ element: 'Type', fields }], attributes: {} };
}

export function lookup(_rc: ReadContext, fn: XmlElement): FunctionOutcome {
	const def = requireObject(childText(fn, 'object') ?? childText(fn, 'name'));
	return typeOutcome(def, typeRecord(def));
}

export function inspect(_rc: ReadContext, fn: XmlElement): FunctionOutcome {
	const name = childText(fn, 'object') ?? childText(fn, 'name');
	if (name === '*') {
		return {
			kind: 'data',
			listType: 'All',
			records: OBJECTS.map((def) => ({ element: 'Type', fields: { $attributes: { typename: def.name }, LABEL: def.label } })),
			attributes: {},
		};
	}
	const def = requireObject(name);
	if ((attribute(fn, 'detail') ?? '0') === '1') return typeOutcome(def, typeRecord(def));
	return typeOutcome(def, { $attributes: { Name: def.name }, Fields: { Field: def.fields.map((f) => f.id) } });
}
