import { auditFields, field, recordNoField, type ObjectDef } from '../schema';

/**
 * Checking accounts (Sage's Checking Accounts page: read/readByName by BANKACCOUNTID). An AP payment's
 * or AR payment's FINANCIALENTITY and a deposit's bankaccountid name one of these. GLACCOUNTNO (the
 * cash account a payment credits) is the link the sandbox posts through (docs/fidelity-flows.md).
 * The page documents RECORDNO, DESCRIPTION (query example) and BANKACCOUNTID (readByName key); the
 * other fields are *invented* (docs/fidelity.md); STATUS is left out, so the node's bank-account
 * search meets a company without it. It documents no create/update/delete of accounts.
 */
export const CHECKINGACCOUNT: ObjectDef = {
	name: 'CHECKINGACCOUNT',
	label: 'Checking Account',
	idField: 'BANKACCOUNTID',
	writes: [],
	relationships: [{ path: 'GLACCOUNT', object: 'GLACCOUNT', label: 'GL account', relatedBy: 'GLACCOUNTNO', targetField: 'ACCOUNTNO' }],
	fields: [
		recordNoField(),
		field('BANKACCOUNTID', 'Bank account ID', 'TEXT', { required: true }),
		field('BANKACCOUNTNO', 'Bank account number', 'TEXT'),
		field('BANKNAME', 'Bank name', 'TEXT'),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('GLACCOUNTNO', 'GL account', 'TEXT', { required: true }),
		field('CURRENCY', 'Currency', 'TEXT'),
		field('LOCATIONID', 'Location', 'TEXT'),
		...auditFields(),
	],
};
