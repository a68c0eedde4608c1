/**
 * Table-driven create/update/delete for master data (VENDOR, CUSTOMER, EMPLOYEE, DEPARTMENT,
 * LOCATION, CLASS, PROJECT, ITEM, APTERM, GLACCOUNT, CONTACT, FUNDINGSOURCE, SUPDOCFOLDER): the
 * object's field table says what is required, typed and read-only; the business ID must be unique
 * (BL34000061, §3.3). The gateway refuses unknown and read-only input fields before these run
 * (generic-writes.ts, field-check.ts); the seed writes through them directly.
 */
import { RULES, duplicate } from '../errors';
import { fieldDef } from '../objects';
import { EMPLOYEE } from '../objects/employee';
import type { FieldDef, ObjectDef } from '../schema';
import type { Row } from '../store';
import { visibleTo } from '../entity-visibility';
import { dateInput } from './input-values';
import { value, type FieldInput } from './record-input';
import type { WriteSession } from './write-session';
import { parseAmount, formatAmount } from './gl-amounts';

/** Defaults applied on create when the field is absent. */
const DEFAULTS: Record<string, Record<string, string>> = {
	'*': { STATUS: 'active' },
	// general-ledger-accounts.md, Create Account: the documented defaults.
	GLACCOUNT: { ACCOUNTTYPE: 'balancesheet', NORMALBALANCE: 'debit', CLOSINGTYPE: 'non-closing account', ALTERNATIVEACCOUNT: 'None', REQUIREDEPT: 'false', REQUIRELOC: 'false', REQUIREPROJECT: 'false', REQUIRECLASS: 'false' },
	// accounts-payable-vendors.md / accounts-receivable-customers.md, Create Vendor / Create Customer: the documented
	// "(Default: …)" of the boolean and restriction fields, so a read answers them as Intacct's does (docs/fidelity-rest.md).
	VENDOR: {
		APACCOUNT: '2000',
		ONHOLD: 'false',
		TOTALDUE: '0.00',
		CURRENCY: 'USD',
		...{ ONETIME: 'false', HIDEDISPLAYCONTACT: 'false', DONOTCUTCHECK: 'false', MERGEPAYMENTREQ: 'true', PAYMENTNOTIFY: 'false', DISPLAYTERMDISCOUNT: 'true' },
		...{ ACHENABLED: 'false', DISPLOCACCTNOCHECK: 'false', ISINDIVIDUAL: 'false', FILEPAYMENTSERVICE: 'NONE', OBJECTRESTRICTION: 'Unrestricted' },
	},
	// EMAILOPTIN has no documented XML default; Sage's OpenAPI customer schema gives emailOptIn `default: false`.
	CUSTOMER: { TOTALDUE: '0.00', ONETIME: 'false', HIDEDISPLAYCONTACT: 'false', ONHOLD: 'false', EMAILOPTIN: 'false', OBJECTRESTRICTION: 'Unrestricted' },
	PROJECT: { PROJECTSTATUS: 'In Progress' },
};

/** Stored form of one input value, per the field's type. */
export function storedValue(def: FieldDef, text: string): string {
	switch (def.type) {
		case 'DATE':
			return dateInput(new Map([[def.id, text]]), def.id) ?? '';
		case 'INTEGER':
			if (!/^-?\d+$/.test(text)) throw RULES.invalidValue(def.id, text);
			return text;
		case 'DECIMAL':
			return formatAmount(parseAmount(def.id, text));
		case 'BOOLEAN': {
			const v = text.toLowerCase();
			if (v === 'true' || v === 't' || v === '1') return 'true';
			if (v === 'false' || v === 'f' || v === '0') return 'false';
			throw RULES.invalidValue(def.id, text, 'true, false');
		}
		case 'ENUM': {
			const hit = def.validValues?.find((v) => v.label.toLowerCase() === text.toLowerCase());
			if (!hit) throw RULES.invalidValue(def.id, text, (def.validValues ?? []).map((v) => v.label).join(', '));
			return hit.label;
		}
		default:
			return text;
	}
}

/** Writable fields of the input in stored form. */
export function writableColumns(object: ObjectDef, input: FieldInput): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, text] of input) {
		const def = fieldDef(object, name);
		if (!def || def.readonly) continue;
		out[def.id] = text === '' ? '' : storedValue(def, text);
	}
	return out;
}

function checkRequired(object: ObjectDef, row: Record<string, string>): void {
	const missing = object.fields.filter((f) => f.required && !f.readonly && !row[f.id]).map((f) => f.id);
	if (missing.length) throw RULES.required(missing.join(', '));
}

/** References between master records checked on write. */
const REFERENCES: Record<string, Array<{ field: string; object: string }>> = {
	VENDOR: [{ field: 'TERMNAME', object: 'APTERM' }],
	PROJECT: [
		{ field: 'CUSTOMERID', object: 'CUSTOMER' },
		{ field: 'DEPARTMENTID', object: 'DEPARTMENT' },
		{ field: 'LOCATIONID', object: 'LOCATION' },
	],
	EMPLOYEE: [
		{ field: 'DEPARTMENTID', object: 'DEPARTMENT' },
		{ field: 'LOCATIONID', object: 'LOCATION' },
	],
};

/**
 * EMPLOYEE PERSONALINFO/CONTACTNAME is "the contact name of an existing contact"
 * (employee-expenses-employees.md, Create Employee); the rest of PERSONALINFO is that contact's.
 */
function personalInfo(ws: WriteSession, row: Record<string, string>): void {
	const name = row['PERSONALINFO.CONTACTNAME'];
	if (!name) return;
	const contact = ws.db.table('CONTACT').getById(name);
	if (!contact) throw RULES.unknownReference('Contact', 'PERSONALINFO.CONTACTNAME', name);
	for (const key of Object.keys(row)) if (key.startsWith('PERSONALINFO.') && key !== 'PERSONALINFO.CONTACTNAME') delete row[key];
	for (const [key, value] of Object.entries(contact)) {
		if (fieldDef(EMPLOYEE, `PERSONALINFO.${key}`) && key !== 'CONTACTNAME' && value) row[`PERSONALINFO.${key}`] = value;
	}
}

function checkReferences(ws: WriteSession, object: ObjectDef, row: Record<string, string>): void {
	for (const ref of REFERENCES[object.name] ?? []) {
		const key = row[ref.field];
		if (key && !ws.db.table(ref.object).getById(key)) throw RULES.unknownReference(ref.object, ref.field, key);
	}
	if (object.name === 'EMPLOYEE') personalInfo(ws, row);
	if (object.name === 'PROJECT' && row.CUSTOMERID) row.CUSTOMERNAME = ws.db.table('CUSTOMER').getById(row.CUSTOMERID)?.NAME ?? '';
	if (row.PARENTID && object.idField && object.idField !== 'NAME' && !ws.db.table(object.name).getById(row.PARENTID)) {
		throw RULES.unknownReference(object.label, 'PARENTID', row.PARENTID);
	}
}

export function createMasterRecord(ws: WriteSession, object: ObjectDef, input: FieldInput): Row {
	const table = ws.db.table(object.name);
	// Defaults only for fields the object has (TAXDETAIL and CHECKINGACCOUNT have no STATUS).
	const defaults = Object.entries({ ...DEFAULTS['*'], ...DEFAULTS[object.name] }).filter(([id]) => fieldDef(object, id));
	const columns = { ...Object.fromEntries(defaults), ...writableColumns(object, input) };
	checkRequired(object, columns);
	if (object.idField && table.getById(columns[object.idField])) throw duplicate(object.label, columns[object.idField]);
	checkReferences(ws, object, columns);
	// UDD records are numbered from 10001 and that number is their id (§5.1).
	const recordNo = object.name === 'FUNDINGSOURCE' ? Math.max(table.allocateRecordNo(), 10001) : table.allocateRecordNo();
	const row: Row = { ...ws.createdStamp(object.name, recordNo), ...columns, ...(object.name === 'FUNDINGSOURCE' ? { ID: String(recordNo) } : {}) };
	table.put(row);
	ws.emit(object.name, 'create', row);
	return row;
}

/** Update by RECORDNO or by the business ID (§5.1). */
export function findMasterRecord(ws: WriteSession, object: ObjectDef, input: FieldInput, verb: 'update' | 'delete'): Row {
	const table = ws.db.table(object.name);
	const recordNo = value(input, 'RECORDNO');
	const id = object.idField ? value(input, object.idField) : undefined;
	const row = recordNo ? table.get(Number(recordNo)) : id ? table.getById(id) : undefined;
	if (!recordNo && !id) throw RULES.required(object.idField ? `RECORDNO or ${object.idField}` : 'RECORDNO');
	if (!row || !visibleTo(ws.ctx, row)) throw RULES.notFound(object.label, recordNo ?? id ?? '', verb);
	return row;
}

export function updateMasterRecord(ws: WriteSession, object: ObjectDef, input: FieldInput): Row {
	const table = ws.db.table(object.name);
	const existing = findMasterRecord(ws, object, input, 'update');
	const changes = writableColumns(object, input);
	if (object.idField && changes[object.idField] && changes[object.idField] !== existing[object.idField]) {
		const other = table.getById(changes[object.idField]);
		if (other && other.RECORDNO !== existing.RECORDNO) throw duplicate(object.label, changes[object.idField]);
	}
	const columns = { ...existing, ...changes };
	checkRequired(object, columns);
	checkReferences(ws, object, columns);
	const row: Row = { ...columns, ...ws.modifiedStamp() };
	table.put(row);
	ws.emit(object.name, 'update', row);
	return row;
}

export function deleteMasterRecord(ws: WriteSession, object: ObjectDef, key: string): void {
	const table = ws.db.table(object.name);
	const row = /^\d+$/.test(key) ? table.get(Number(key)) ?? (object.idField ? table.getById(key) : undefined) : object.idField ? table.getById(key) : undefined;
	if (!row || !visibleTo(ws.ctx, row)) throw RULES.notFound(object.label, key, 'delete');
	table.remove(Number(row.RECORDNO));
	ws.emit(object.name, 'delete', row);
}
