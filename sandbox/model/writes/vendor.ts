/**
 * VENDOR specifics on top of master-data.ts: the display contact defaults to the vendor name and
 * is kept as a CONTACT record (DISPLAYCONTACT, §6.4); a vendor with bills cannot be deleted.
 */
import { violation } from '../errors';
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
	const withContact = new Map(input);
	const name = value(input, 'NAME') ?? '';
	if (!value(input, 'DISPLAYCONTACT.CONTACTNAME') && name) withContact.set('DISPLAYCONTACT.CONTACTNAME', `${name} (${value(input, 'VENDORID') ?? ''})`);
	if (!value(input, 'DISPLAYCONTACT.PRINTAS') && name) withContact.set('DISPLAYCONTACT.PRINTAS', name);
	if (!value(input, 'DISPLAYCONTACT.COMPANYNAME') && name) withContact.set('DISPLAYCONTACT.COMPANYNAME', name);
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
