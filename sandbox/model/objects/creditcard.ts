import { ACTIVE_STATUS, auditFields, field, recordNoField, type ObjectDef } from '../schema';

/**
 * Charge card accounts (Sage's Charge Card Accounts page: read/readByName by CARDID, "made up of
 * credit and debit payment method accounts"). A card transaction's chargecardid names one of these.
 * The page documents no field table; CARDTYPE, LIABILITYTYPE and the liability account GLACCOUNTNO
 * the sandbox posts through are its own (docs/fidelity-flows.md).
 */
export const CREDITCARD: ObjectDef = {
	name: 'CREDITCARD',
	label: 'Charge Card Account',
	idField: 'CARDID',
	relationships: [{ path: 'GLACCOUNT', object: 'GLACCOUNT', label: 'Liability account', relatedBy: 'GLACCOUNTNO', targetField: 'ACCOUNTNO' }],
	fields: [
		recordNoField(),
		field('CARDID', 'Card ID', 'TEXT', { required: true }),
		field('CARDTYPE', 'Card type', 'TEXT'),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('LIABILITYTYPE', 'Liability type', 'TEXT'),
		field('GLACCOUNTNO', 'Liability GL account', 'TEXT', { required: true }),
		field('CURRENCY', 'Currency', 'TEXT'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		...auditFields(),
	],
};
