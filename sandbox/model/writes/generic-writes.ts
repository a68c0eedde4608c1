/**
 * Generic create / update / delete (§5.1): several objects per <create>/<update>, each answered as a
 * lower-case element with RECORDNO and RECORD_URL (+ the business ID for master data) in
 * <data listtype="objects">. A failing object throws its specific errors followed by the
 * BL01001973 "Could not <verb> <Object> record!" wrapper (§3.3); objects before it stay written
 * (non-transactional; the gateway would also list them, the sandbox reports only the failure).
 */
import type { FunctionOutcome, RenderRecord, XmlElement } from '../contract';
import { RuleViolation, RULES, writeFailure, type WriteVerb } from '../errors';
import { objectDef } from '../objects';
import { queryFailed } from '../errors';
import type { ObjectDef } from '../schema';
import type { Row } from '../store';
import { childText } from '../xml-element';
import { createApBill, deleteApBill, updateApBill } from './apbill';
import { createApPayment, deleteApPayment, updateApPayment } from './appymt';
import { deleteArInvoice, genericInvoiceWriteRefused } from './arinvoice';
import { createArPayment, deleteArPayment, updateArPayment } from './arpymt';
import { createCustomer, deleteCustomer } from './customer';
import { createBudget, updateBudget } from './glbudget';
import { createGlBatch, deleteGlBatch, updateGlBatch } from './glbatch';
import { createMasterRecord, deleteMasterRecord, updateMasterRecord } from './master-data';
import { readRecordInput } from './record-input';
import { checkWriteFields } from './field-check';
import { GLBATCH } from '../objects/glbatch';
import { GLENTRY } from '../objects/glentry';
import { VENDOR } from '../objects/vendor';
import { createSupdoc, deleteSupdoc } from './supdoc';
import { refuseGenericCcTransaction } from './cctransaction';
import { createVendor, deleteVendor, updateVendor } from './vendor';
import type { WriteSession } from './write-session';

interface WriteHandler {
	create(ws: WriteSession, el: XmlElement): Row;
	update(ws: WriteSession, el: XmlElement): Row;
	delete(ws: WriteSession, key: string): void;
}

/** The input of a master-data create/update, refused when it names a field the reference does not document for it. */
function checkedFields(def: ObjectDef, el: XmlElement, verb: 'create' | 'update'): ReturnType<typeof readRecordInput>['fields'] {
	const { fields } = readRecordInput(el);
	checkWriteFields(def, fields, verb);
	return fields;
}

function masterHandler(def: ObjectDef): WriteHandler {
	return {
		create: (ws, el) => createMasterRecord(ws, def, checkedFields(def, el, 'create')),
		update: (ws, el) => updateMasterRecord(ws, def, checkedFields(def, el, 'update')),
		delete: (ws, key) => deleteMasterRecord(ws, def, key),
	};
}

const GL_COLLECTIONS = { ENTRIES: 'GLENTRY' };

/** GLBATCH header and lines: only documented, writable fields (docs/fidelity.md). */
function checkedGlInput(el: XmlElement, verb: 'create' | 'update'): ReturnType<typeof readRecordInput> {
	const input = readRecordInput(el, GL_COLLECTIONS);
	checkWriteFields(GLBATCH, input.fields, verb);
	(input.lines.get('ENTRIES') ?? []).forEach((line, index) => checkWriteFields(GLENTRY, line, 'create', index + 1));
	return input;
}

const SPECIAL: Record<string, WriteHandler> = {
	GLBATCH: {
		create: (ws, el) => {
			const input = checkedGlInput(el, 'create');
			return createGlBatch(ws, { fields: input.fields, lines: input.lines.get('ENTRIES') ?? [] });
		},
		update: (ws, el) => {
			const input = checkedGlInput(el, 'update');
			return updateGlBatch(ws, { fields: input.fields, lines: input.lines.get('ENTRIES') });
		},
		delete: (ws, key) => deleteGlBatch(ws, key),
	},
	APBILL: { create: createApBill, update: updateApBill, delete: deleteApBill },
	APPYMT: { create: createApPayment, update: updateApPayment, delete: deleteApPayment },
	ARINVOICE: { create: () => genericInvoiceWriteRefused('create'), update: () => genericInvoiceWriteRefused('update'), delete: deleteArInvoice },
	ARPYMT: { create: createArPayment, update: updateArPayment, delete: deleteArPayment },
	CUSTOMER: {
		create: (ws, el) => createCustomer(ws, checkedFields(objectDef('CUSTOMER')!, el, 'create')),
		update: (ws, el) => updateMasterRecord(ws, objectDef('CUSTOMER')!, checkedFields(objectDef('CUSTOMER')!, el, 'update')),
		delete: deleteCustomer,
	},
	GLBUDGETHEADER: {
		create: createBudget,
		update: updateBudget,
		delete: (ws, key) => deleteMasterRecord(ws, objectDef('GLBUDGETHEADER')!, key),
	},
	VENDOR: {
		create: (ws, el) => createVendor(ws, checkedFields(VENDOR, el, 'create')),
		update: (ws, el) => updateVendor(ws, checkedFields(VENDOR, el, 'update')),
		delete: deleteVendor,
	},
	CCTRANSACTION: { create: refuseGenericCcTransaction, update: refuseGenericCcTransaction, delete: refuseGenericCcTransaction },
	SUPDOC: {
		create: createSupdoc,
		update: () => {
			throw RULES.readonlyObject('SUPDOC', 'update');
		},
		delete: deleteSupdoc,
	},
};

/**
 * Objects created only through their parent (lines) or not writable at all; an object whose table
 * lists its documented write functions (`writes`, e.g. none for LOCATIONENTITY, TAXDETAIL,
 * CHECKINGACCOUNT) refuses the others.
 */
const NOT_WRITABLE = new Set(['GLENTRY', 'APBILLITEM', 'APPYMTDETAIL', 'GLBUDGETITEM', 'GLDETAIL', 'ARINVOICEITEM', 'ARPYMTDETAIL', 'DEPOSIT', 'DEPOSITENTRY', 'CCTRANSACTIONENTRY', 'CREDITCARD']);

function handlerFor(def: ObjectDef, verb: WriteVerb): WriteHandler {
	if (NOT_WRITABLE.has(def.name) || (def.writes !== undefined && !def.writes.includes(verb))) {
		throw writeFailure(verb, def.label, RULES.readonlyObject(def.name, verb).errors);
	}
	return SPECIAL[def.name] ?? masterHandler(def);
}

function guarded<T>(verb: WriteVerb, def: ObjectDef, action: () => T): T {
	try {
		return action();
	} catch (error: unknown) {
		if (error instanceof RuleViolation) throw writeFailure(verb, def.label, error.errors);
		throw error;
	}
}

function writtenRecord(def: ObjectDef, row: Row): { element: string; fields: RenderRecord } {
	const fields: RenderRecord = { RECORDNO: row.RECORDNO };
	if (def.idField && def.idField !== 'RECORDNO') fields[def.idField] = row[def.idField] ?? '';
	fields.RECORD_URL = row.RECORD_URL ?? '';
	return { element: def.name.toLowerCase(), fields };
}

function requireWriteObject(name: string, verb: WriteVerb): ObjectDef {
	const def = objectDef(name);
	if (!def) throw writeFailure(verb, name, [{ errorno: 'BL01001973', description: '', description2: `Object ${name} is not supported by the sandbox.`, correction: '' }]);
	return def;
}

export function genericCreateOrUpdate(ws: WriteSession, fn: XmlElement, verb: 'create' | 'update'): FunctionOutcome {
	const records = fn.children.map((el) => {
		const def = requireWriteObject(el.name, verb);
		const handler = handlerFor(def, verb);
		const row = guarded(verb, def, () => handler[verb](ws, el));
		return writtenRecord(def, row);
	});
	return { kind: 'data', listType: 'objects', records, attributes: { count: String(records.length) } };
}

export function genericDelete(ws: WriteSession, fn: XmlElement): FunctionOutcome {
	const name = childText(fn, 'object');
	if (!name) throw queryFailed('No object given', 'Add an <object> element.');
	const def = requireWriteObject(name, 'delete');
	const handler = handlerFor(def, 'delete');
	const keys = (childText(fn, 'keys') ?? '').split(',').map((k) => k.trim()).filter(Boolean);
	if (keys.length === 0) throw writeFailure('delete', def.label, RULES.required('keys').errors);
	for (const key of keys) guarded('delete', def, () => handler.delete(ws, key));
	return { kind: 'none' };
}
