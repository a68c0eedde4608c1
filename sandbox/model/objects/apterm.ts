import { ACTIVE_STATUS, auditFields, enumValues, field, recordNoField, type EnumValue, type ObjectDef } from '../schema';

/** create_apterm due.duefrom / discount.discfrom values (sources and inventions: docs/fidelity-ap.md). */
const DUE_FROM: EnumValue[] = enumValues(
	[
		'from invoice/bill date',
		'of the month of invoice/bill date',
		'of next month from invoice/bill date',
		'of 2nd month from invoice/bill date',
		'of 3rd month from invoice/bill date',
		'of 4th month from invoice/bill date',
		'of 5th month from invoice/bill date',
		'of 6th month from invoice/bill date',
	].map((v): [string, string] => [v, v]),
);

/**
 * AP payment term (Sage's AP Terms page). Written only through create_apterm / update_apterm /
 * delete_apterm in the reference (no generic create); the sandbox seeds its terms. DUEDATE is the
 * due day and DUEFROM what it counts from (the query example selects both); the sandbox's due-date
 * arithmetic (bill date + DUEDATE days, used by legacy create_bill with termname) ignores DUEFROM.
 */
export const APTERM: ObjectDef = {
	name: 'APTERM',
	label: 'AP Term',
	idField: 'NAME',
	relationships: [],
	fields: [
		recordNoField(),
		field('NAME', 'Term name', 'TEXT', { required: true }),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		field('DUEDATE', 'Due day', 'INTEGER'),
		field('DUEFROM', 'Due from', 'ENUM', { validValues: DUE_FROM }),
		field('DISCDATE', 'Discount day', 'INTEGER'),
		field('DISCFROM', 'Discount from', 'ENUM', { validValues: DUE_FROM }),
		field('DISCAMOUNT', 'Discount amount', 'DECIMAL'),
		field('DISCPERCAMN', 'Discount amount type', 'ENUM', { validValues: enumValues([['$', '$'], ['%', '%']]) }),
		field('DISCCALCON', 'Calculate discount on', 'ENUM', { validValues: enumValues([['Line items total', 'Line items total'], ['Bill total', 'Bill total']]) }),
		...auditFields(),
	],
};
