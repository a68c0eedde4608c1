/**
 * VENDOR specifics on top of master-data.ts (Sage's Vendors page, Create Vendor):
 * DISPLAYCONTACT is required and so is its PRINTAS; nothing is filled in for a vendor that lacks it
 * (Sage's SDK VendorCreate always writes PRINTAS, defaulting it to the vendor name). The display
 * contact is kept as a CONTACT record; its CONTACTNAME, when not given, is "[NAME](V[VENDORID])" as
 * the reference says. A vendor with bills cannot be deleted.
 * Sources and inventions: docs/fidelity-ap.md.
 */
import { RULES, violation } from '../errors';
import { objectDef } from '../objects';
import type { Row } from '../store';
import { createMasterRecord, deleteMasterRecord, updateMasterRecord } from './master-data';
import { value, type FieldInput } from './record-input';
import type { WriteSession } from './write-session';

const VENDOR_DEF = objectDef('VENDOR')!;
const CONTACT_DEF = objectDef('CONTACT')!;

function ensureContact(ws: WriteSession, vendor: Row): void {
	const name = vendor['DISPLAYCONTACT.CONTACTNAME'];
	if (!name || ws.db.table('CONTACT').getById(name)) return;
	const input: FieldInput = new Map();
	for (const [k, v] of Object.entries(vendor)) if (k.startsWith('DISPLAYCONTACT.') && v) input.set(k.slice('DISPLAYCONTACT.'.length), v);
	createMasterRecord(ws, CONTACT_DEF, input);
}

export function createVendor(ws: WriteSession, input: FieldInput): Row {
	if (!value(input, 'NAME')) throw RULES.required('NAME');
	if (!value(input, 'DISPLAYCONTACT.PRINTAS')) throw RULES.required('DISPLAYCONTACT.PRINTAS');
	const withContact = new Map(input);
	if (!value(input, 'DISPLAYCONTACT.CONTACTNAME')) {
		withContact.set('DISPLAYCONTACT.CONTACTNAME', `${value(input, 'NAME') ?? ''}(V${value(input, 'VENDORID') ?? ''})`);
	}
	const vendor = createMasterRecord(ws, VENDOR_DEF, withContact);
	ensureContact(ws, vendor);
	return vendor;
}

export function updateVendor(ws: WriteSession, input: FieldInput): Row {
	const vendor = updateMasterRecord(ws, VENDOR_DEF, input);
	ensureContact(ws, vendor);
	return vendor;
}

export function deleteVendor(ws: WriteSession, key: string): void {
	const table = ws.db.table('VENDOR');
	const vendor = /^\d+$/.test(key) ? table.get(Number(key)) : table.getById(key);
	if (vendor) {
		for (const bill of ws.db.table('APBILL').rows()) {
			if (bill.VENDORID === vendor.VENDORID) {
				throw violation('BL01001973', `Vendor ${vendor.VENDORID} has bills and cannot be deleted.`, 'Make the vendor inactive instead.');
			}
		}
	}
	deleteMasterRecord(ws, VENDOR_DEF, key);
}
