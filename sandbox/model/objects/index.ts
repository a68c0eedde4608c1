/** The emulated objects (§12.19): one definition each, looked up case-insensitively by name. */
import type { FieldDef, ObjectDef } from '../schema';
import { APBILL } from './apbill';
import { APBILLITEM } from './apbillitem';
import { APPYMT, APPYMTDETAIL } from './appymt';
import { APTERM } from './apterm';
import { ARINVOICE, ARINVOICEITEM } from './arinvoice';
import { ARPYMT, ARPYMTDETAIL } from './arpymt';
import { CCTRANSACTION, CCTRANSACTIONENTRY } from './cctransaction';
import { CHECKINGACCOUNT } from './checkingaccount';
import { CLASS } from './class';
import { CONTACT } from './contact';
import { CREDITCARD } from './creditcard';
import { CUSTOMER } from './customer';
import { DEPARTMENT } from './department';
import { DEPOSIT, DEPOSITENTRY } from './deposit';
import { EMPLOYEE } from './employee';
import { FUNDINGSOURCE } from './fundingsource';
import { GLACCOUNT } from './glaccount';
import { GLBATCH } from './glbatch';
import { GLBUDGETHEADER, GLBUDGETITEM } from './glbudget';
import { GLDETAIL } from './gldetail';
import { GLENTRY } from './glentry';
import { GLJOURNAL } from './gljournal';
import { ITEM } from './item';
import { LOCATION, LOCATIONENTITY } from './location';
import { PROJECT } from './project';
import { SUPDOC, SUPDOCFOLDER } from './supdoc';
import { TAXDETAIL } from './taxdetail';
import { VENDOR } from './vendor';

export const OBJECTS: readonly ObjectDef[] = [
	GLACCOUNT,
	GLJOURNAL,
	GLBATCH,
	GLENTRY,
	GLDETAIL,
	GLBUDGETHEADER,
	GLBUDGETITEM,
	APBILL,
	APBILLITEM,
	APTERM,
	APPYMT,
	APPYMTDETAIL,
	ARINVOICE,
	ARINVOICEITEM,
	ARPYMT,
	ARPYMTDETAIL,
	DEPOSIT,
	DEPOSITENTRY,
	CHECKINGACCOUNT,
	VENDOR,
	CUSTOMER,
	EMPLOYEE,
	DEPARTMENT,
	LOCATION,
	LOCATIONENTITY,
	CLASS,
	PROJECT,
	ITEM,
	FUNDINGSOURCE,
	CONTACT,
	SUPDOC,
	SUPDOCFOLDER,
	TAXDETAIL,
	CREDITCARD,
	CCTRANSACTION,
	CCTRANSACTIONENTRY,
];

const BY_NAME = new Map(OBJECTS.map((o) => [o.name, o]));
const FIELD_INDEX = new Map(OBJECTS.map((o) => [o.name, new Map(o.fields.map((f) => [f.id, f]))]));

export function objectDef(name: string): ObjectDef | undefined {
	return BY_NAME.get(name.trim().toUpperCase());
}

export function fieldDef(def: ObjectDef, id: string): FieldDef | undefined {
	return FIELD_INDEX.get(def.name)?.get(id.trim().toUpperCase());
}

/** Objects stored as tables (GLDETAIL is derived). */
export const STORED_OBJECTS = OBJECTS.filter((o) => !o.readOnlyView).map((o) => o.name);
