/**
 * CUSTOMER operations on top of master-data.ts (Sage's Customers page, Create Customer and Delete
 * Customer). Create: NAME and DISPLAYCONTACT with its PRINTAS are required. Delete: a customer with AR
 * invoices or payments is refused (the sandbox's rule, docs/fidelity-flows.md). The field table
 * itself (objects/customer.ts) is not changed here.
 */
import { RULES, violation } from '../errors';
import { objectDef } from '../objects';
import type { Row } from '../store';
import { createMasterRecord, deleteMasterRecord } from './master-data';
import { value, type FieldInput } from './record-input';
import type { WriteSession } from './write-session';

const CUSTOMER_DEF = objectDef('CUSTOMER')!;

export function createCustomer(ws: WriteSession, input: FieldInput): Row {
	if (!value(input, 'NAME')) throw RULES.required('NAME');
	if (!value(input, 'DISPLAYCONTACT.PRINTAS')) throw RULES.required('DISPLAYCONTACT.PRINTAS');
	return createMasterRecord(ws, CUSTOMER_DEF, input);
}

export function deleteCustomer(ws: WriteSession, key: string): void {
	const table = ws.db.table('CUSTOMER');
	const customer = /^\d+$/.test(key) ? table.get(Number(key)) ?? table.getById(key) : table.getById(key);
	if (customer) {
		const used = ['ARINVOICE', 'ARPYMT'].some((object) => [...ws.db.table(object).rows()].some((row) => row.CUSTOMERID === customer.CUSTOMERID));
		if (used) throw violation('BL01001973', `Customer ${customer.CUSTOMERID} has invoices or payments and cannot be deleted.`, 'Make the customer inactive instead.');
	}
	deleteMasterRecord(ws, CUSTOMER_DEF, key);
}
