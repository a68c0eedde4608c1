/**
 * How an emulated object is described: one field-definition table per object (objects/*.ts), read by
 * reads (rendering, filters), writes (input names, required fields) and lookup/inspect (§4.5).
 */

/** DATATYPE values seen in lookup output (§4.5). */
export type DataType = 'INTEGER' | 'TEXT' | 'ENUM' | 'DECIMAL' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP';

/** An enumeration value: the label `query`/create use, and the stored code readByQuery filters on (§4.2, §6.1). */
export interface EnumValue {
	label: string;
	code: string;
}

export interface FieldDef {
	/** Upper-case field ID; dotted IDs (DISPLAYCONTACT.EMAIL1) render nested in read/readByQuery. */
	id: string;
	label: string;
	type: DataType;
	required: boolean;
	readonly: boolean;
	description: string;
	validValues?: EnumValue[];
}

/** A MANY2ONE hop usable as a dotted field in `query` (§4.4): <PATH>.<FIELD>. */
export interface RelationshipDef {
	/** The dotted prefix, e.g. 'JOURNAL', 'VENDOR', 'ACCOUNT'. */
	path: string;
	/** Target object, e.g. 'GLJOURNAL'. */
	object: string;
	label: string;
	/** Field on this object holding the target's business ID (or RECORDNO when targetField is RECORDNO). */
	relatedBy: string;
	/** Field of the target matched by `relatedBy`. */
	targetField: string;
}

export interface ObjectDef {
	/** Intacct object name, upper case. */
	name: string;
	/** Display label (lookup Type Name is the object name; this is the human one). */
	label: string;
	fields: FieldDef[];
	/** Business ID used by readByName, e.g. ACCOUNTNO (absent: readByName uses RECORDNO). */
	idField?: string;
	relationships: RelationshipDef[];
	/** Read-only views (GLDETAIL) refuse create/update/delete. */
	readOnlyView?: boolean;
	/**
	 * The generic write functions the reference documents for the object (absent: create, update and
	 * delete). Others are refused as on a read-only object.
	 */
	writes?: readonly WriteFunction[];
	/**
	 * Nested groups the reference documents for create/update that are not stored as fields (e.g.
	 * CUSTOMER CUSTOMERCONTACTS, PROJECT PROJECT_RULES): accepted by their first element name.
	 */
	writeOnly?: readonly string[];
}

export type WriteFunction = 'create' | 'update' | 'delete';

interface FieldOptions {
	required?: boolean;
	readonly?: boolean;
	description?: string;
	validValues?: EnumValue[];
}

export function field(id: string, label: string, type: DataType, options: FieldOptions = {}): FieldDef {
	return {
		id,
		label,
		type,
		required: options.required ?? false,
		readonly: options.readonly ?? false,
		description: options.description ?? label,
		validValues: options.validValues,
	};
}

const SPEC_TYPES: Record<string, DataType> = { s: 'TEXT', b: 'BOOLEAN', c: 'DECIMAL', n: 'DECIMAL', i: 'INTEGER', d: 'DATE' };

/**
 * Optional, writable fields from a compact list copied from a reference page's parameter table:
 * "NAME:type" separated by spaces, type s string (default), b boolean, c currency, n number,
 * i integer, d date (mm/dd/yyyy). The label is the field ID: the page gives no labels.
 */
export function documentedFields(spec: string): FieldDef[] {
	return spec
		.trim()
		.split(/\s+/)
		.map((entry) => {
			const [id, code = 's'] = entry.split(':');
			const type = SPEC_TYPES[code];
			if (!type) throw new Error(`Unknown field type code ${code} for ${id}`);
			return field(id, id, type);
		});
}

/** Enum values from [label, code] pairs. */
export function enumValues(pairs: Array<[string, string]>): EnumValue[] {
	return pairs.map(([label, code]) => ({ label, code }));
}

/** Enum values whose stored code is the label itself (most documented string enumerations). */
export function labelledValues(...labels: string[]): EnumValue[] {
	return labels.map((label) => ({ label, code: label }));
}

export const ACTIVE_STATUS = enumValues([
	['active', 'T'],
	['inactive', 'F'],
]);

/** Audit and entity fields every stored record carries (§6, §8, §12.23). */
export function auditFields(): FieldDef[] {
	return [
		field('WHENCREATED', 'When created', 'TIMESTAMP', { readonly: true }),
		field('WHENMODIFIED', 'When modified', 'TIMESTAMP', { readonly: true }),
		field('CREATEDBY', 'Created by', 'INTEGER', { readonly: true }),
		field('MODIFIEDBY', 'Modified by', 'INTEGER', { readonly: true }),
		field('MEGAENTITYKEY', 'Created at - Entity key', 'INTEGER', { readonly: true }),
		field('MEGAENTITYID', 'Created at - Entity ID', 'TEXT', { readonly: true }),
		field('MEGAENTITYNAME', 'Created at - Entity name', 'TEXT', { readonly: true }),
		field('RECORD_URL', 'Record URL', 'TEXT', { readonly: true }),
	];
}

export function recordNoField(): FieldDef {
	return field('RECORDNO', 'Record number', 'INTEGER', { readonly: true });
}

export function findField(def: ObjectDef, id: string): FieldDef | undefined {
	const wanted = id.toUpperCase();
	return def.fields.find((f) => f.id === wanted);
}
