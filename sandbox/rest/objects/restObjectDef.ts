/**
 * How one REST object is served over the company model: its REST name (`general-ledger/account`),
 * the model object behind it (`GLACCOUNT`) and a field table mapping each REST field path
 * (dotted, `requireDimensions.department`) to the model field, with the REST type. Field names and
 * types follow Sage's REST reference examples (docs/fidelity-rest.md lists where they come from).
 */

import type { RenderRecord, XmlElement } from '../../model/contract';

/** Model reads a modelWrite may need (an invoice line's number from its key). */
export interface ModelLookup {
	readKeys(xmlObject: string, keys: string[]): RenderRecord[];
}

/** REST field types as the model service reports them (`type` + `format`). */
export type RestKind = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'date-time' | 'decimal';

export interface ScalarFieldDef {
	/** Dotted REST path, e.g. 'name', 'requireDimensions.department', 'contacts.default.email1'. */
	path: string;
	/** Model field (as read renders it, dotted for nested: 'DISPLAYCONTACT.EMAIL1'). */
	xml: string;
	kind: RestKind;
	readOnly?: boolean;
	required?: boolean;
	/** [REST value, model label] pairs. */
	enumValues?: ReadonlyArray<readonly [string, string]>;
	/** The only values a create accepts (journal entry state: draft or posted). */
	createValues?: readonly string[];
	/** Settable on create only; a PATCH naming it is refused. */
	immutable?: boolean;
	/** Accepted on input, never rendered (OpenAPI writeOnly: an AP payment's paymentDate). */
	writeOnly?: boolean;
	/** Model input field written instead of `xml` (an AP payment's state -> ACTION). */
	writeXml?: string;
	/** [REST value, model input value] pairs for `writeXml` (state submitted -> ACTION Submit). */
	writeValues?: ReadonlyArray<readonly [string, string]>;
}

/** A reference to another object ({ key, id, name, href }); written with its id or key. */
export interface RefFieldDef {
	path: string;
	/** REST object referenced, e.g. 'general-ledger/account'. */
	ref: string;
	/** Model field holding the referenced object's business ID. */
	xml: string;
	/** Model field holding the referenced object's name, when the read returns one. */
	xmlName?: string;
	readOnly?: boolean;
	required?: boolean;
	/** A user-defined dimension on a line: read as { key, href } ({ key: null } when empty) and written
	 * with its key, as the reference's line examples show `nsp::` dimensions (platformObjects.ts). */
	keyOnly?: boolean;
}

export type RestFieldDef = ScalarFieldDef | RefFieldDef;

export function isRef(field: RestFieldDef): field is RefFieldDef {
	return 'ref' in field;
}

/** Owned lines (journal entry lines, bill lines): written and read through the owner. */
export interface OwnedLinesDef {
	/** REST property on the owner, 'lines'. */
	path: string;
	/** Model collection element on the owner (ENTRIES, APBILLITEMS) and per-line element. */
	xmlCollection: string;
	xmlLine: string;
	/** The REST object of a line (its own field table). */
	object: RestObjectDef;
	/** REST property of a line pointing back at its owner (journalEntry, bill). */
	ownerPath: string;
	/** Whether a create must carry lines (journal entries: at least one debit and one credit). */
	required?: boolean;
	/** Model field of a line naming its owner's RECORDNO, when the owner's read does not carry its
	 * lines (APPYMTDETAIL.PAYMENTKEY): the lines are read by this field. */
	ownerXml?: string;
}

export interface RestObjectDef {
	/** `application/object`, e.g. 'general-ledger/journal-entry'. */
	name: string;
	/** Model object, e.g. 'GLBATCH'. */
	xmlObject: string;
	/** Model field that is the REST `id` (RECORDNO for transactions). */
	idXml: string;
	/** Model field that is the REST `name` of references to this object. */
	nameXml?: string;
	/** Whether `id` is given by the caller on create (master data) or system-assigned. */
	idWritable: boolean;
	fields: RestFieldDef[];
	lines?: OwnedLinesDef;
	/** Model audit creation field (APBILL's is AUDITWHENCREATED). */
	createdXml?: string;
	/** Owned objects are reachable only through their owner (no own endpoint writes). */
	owned?: boolean;
	/** A line carrying the company's user-defined dimensions (dimensions.nsp::<name>, platformObjects.ts). */
	userDimensions?: boolean;
	/** The owner reference the query service adds to an owned object's rows ({ path, REST object, model
	 * field of the owner's key }); null: none. Default: journal entry lines and bill lines. */
	owner?: { path: string; object: string; xml: string } | null;
	/** Files of an attachment (company-config/attachment). */
	files?: boolean;
	/** Values the REST API fills in on create when the caller leaves them out (the XML API requires them). */
	createDefaults?: (input: Readonly<Record<string, unknown>>) => Record<string, unknown>;
	/**
	 * The model function a write runs as, built from the generic record (<ARINVOICE>…</ARINVOICE>),
	 * when the model takes the object through another function (create_invoice, record_deposit, …).
	 * Absent: the model's generic create/update.
	 */
	modelWrite?: (verb: 'create' | 'update', record: XmlElement, lookup: ModelLookup) => XmlElement;
}

export const STATUS: ReadonlyArray<readonly [string, string]> = [
	['active', 'active'],
	['inactive', 'inactive'],
];

export const f = {
	str: (path: string, xml: string, extra: Partial<ScalarFieldDef> = {}): ScalarFieldDef => ({ path, xml, kind: 'string', ...extra }),
	int: (path: string, xml: string, extra: Partial<ScalarFieldDef> = {}): ScalarFieldDef => ({ path, xml, kind: 'integer', ...extra }),
	num: (path: string, xml: string, extra: Partial<ScalarFieldDef> = {}): ScalarFieldDef => ({ path, xml, kind: 'number', ...extra }),
	dec: (path: string, xml: string, extra: Partial<ScalarFieldDef> = {}): ScalarFieldDef => ({ path, xml, kind: 'decimal', ...extra }),
	bool: (path: string, xml: string, extra: Partial<ScalarFieldDef> = {}): ScalarFieldDef => ({ path, xml, kind: 'boolean', ...extra }),
	date: (path: string, xml: string, extra: Partial<ScalarFieldDef> = {}): ScalarFieldDef => ({ path, xml, kind: 'date', ...extra }),
	enum: (path: string, xml: string, values: ReadonlyArray<readonly [string, string]>, extra: Partial<ScalarFieldDef> = {}): ScalarFieldDef => ({
		path,
		xml,
		kind: 'string',
		enumValues: values,
		...extra,
	}),
	ref: (path: string, ref: string, xml: string, xmlName?: string, extra: Partial<RefFieldDef> = {}): RefFieldDef => ({ path, ref, xml, xmlName, ...extra }),
};

/** A vendor's vendorRestriction, a customer's customerRestriction: the model's OBJECTRESTRICTION labels. */
export const RESTRICTION: ReadonlyArray<readonly [string, string]> = [
	['unrestricted', 'Unrestricted'],
	['rootOnly', 'RootOnly'],
	['restricted', 'Restricted'],
];

/** The audit group every object carries (model WHENCREATED/WHENMODIFIED/CREATEDBY/MODIFIEDBY). */
export function auditFields(createdXml = 'WHENCREATED'): RestFieldDef[] {
	return [
		{ path: 'audit.createdDateTime', xml: createdXml, kind: 'date-time', readOnly: true },
		{ path: 'audit.modifiedDateTime', xml: 'WHENMODIFIED', kind: 'date-time', readOnly: true },
		f.str('audit.createdBy', 'CREATEDBY', { readOnly: true }),
		f.str('audit.modifiedBy', 'MODIFIEDBY', { readOnly: true }),
	];
}

/** `entity` of a record (the model's MEGAENTITY* columns). */
export function entityFields(): RestFieldDef[] {
	return [f.str('entity.key', 'MEGAENTITYKEY', { readOnly: true }), f.str('entity.id', 'MEGAENTITYID', { readOnly: true }), f.str('entity.name', 'MEGAENTITYNAME', { readOnly: true })];
}

/** A contact block (mailing address, email, phone) over a model contact prefix (DISPLAYCONTACT). */
export function contactFields(restPrefix: string, xmlPrefix: string): RestFieldDef[] {
	const p = (name: string): string => `${restPrefix}.${name}`;
	const x = (name: string): string => `${xmlPrefix}.${name}`;
	return [
		f.str(p('printAs'), x('PRINTAS')),
		f.str(p('companyName'), x('COMPANYNAME')),
		f.str(p('firstName'), x('FIRSTNAME')),
		f.str(p('lastName'), x('LASTNAME')),
		f.str(p('email1'), x('EMAIL1')),
		f.str(p('phone1'), x('PHONE1')),
		f.str(p('mailingAddress.addressLine1'), x('MAILADDRESS.ADDRESS1')),
		f.str(p('mailingAddress.addressLine2'), x('MAILADDRESS.ADDRESS2')),
		f.str(p('mailingAddress.city'), x('MAILADDRESS.CITY')),
		f.str(p('mailingAddress.state'), x('MAILADDRESS.STATE')),
		f.str(p('mailingAddress.postCode'), x('MAILADDRESS.ZIP')),
		f.str(p('mailingAddress.country'), x('MAILADDRESS.COUNTRY')),
	];
}

/**
 * Sage's REST examples create vendors and customers without contacts (accounts-payable.md "Create a
 * vendor"), while the XML API requires DISPLAYCONTACT.PRINTAS: the REST layer fills the print-as name
 * in. Which value Intacct uses is not documented; the record's name is the sandbox's choice (ledgered).
 */
export function printAsDefault(input: Readonly<Record<string, unknown>>): Record<string, unknown> {
	const contacts = (input.contacts ?? {}) as Record<string, Record<string, unknown> | undefined>;
	const contact = contacts.default ?? {};
	if (typeof contact.printAs === 'string' && contact.printAs !== '') return {};
	return { contacts: { ...contacts, default: { ...contact, printAs: input.name } } };
}

/** The standard dimensions of AP/AR/cash lines: [REST object referenced, model ID field, model name field]. */
const LINE_DIMENSIONS = {
	location: ['company-config/location', 'LOCATIONID', 'LOCATIONNAME'],
	department: ['company-config/department', 'DEPARTMENTID', 'DEPARTMENTNAME'],
	project: ['projects/project', 'PROJECTID', 'PROJECTNAME'],
	class: ['company-config/class', 'CLASSID', 'CLASSNAME'],
	customer: ['accounts-receivable/customer', 'CUSTOMERID', undefined],
	vendor: ['accounts-payable/vendor', 'VENDORID', undefined],
	employee: ['company-config/employee', 'EMPLOYEEID', undefined],
	item: ['inventory-control/item', 'ITEMID', undefined],
} as const;

type LineDimension = keyof typeof LINE_DIMENSIONS;

/**
 * A line's dimension references; `named`: the dimensions whose name the model's line keeps
 * (LOCATIONNAME, ...); `required`, when given: the ones a line must carry (every reference then says
 * whether it is required).
 */
export function lineDimensions(named: readonly LineDimension[] = ['location', 'department', 'project', 'class'], required?: readonly LineDimension[]): RestFieldDef[] {
	return Object.entries(LINE_DIMENSIONS).map(([dim, [ref, xml, name]]) =>
		f.ref(`dimensions.${dim}`, ref, xml, named.includes(dim as LineDimension) ? name : undefined, required ? { required: required.includes(dim as LineDimension) } : {}),
	);
}
