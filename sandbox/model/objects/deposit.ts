import { auditFields, field, recordNoField, type ObjectDef } from '../schema';

/**
 * Deposits (Sage's Deposits page: read/readByQuery/query DEPOSIT and DEPOSITENTRY, Create Deposit
 * (Legacy) record_deposit). record_deposit inputs: bankaccountid -> FINANCIALENTITY, depositdate ->
 * WHENCREATED, depositid -> DEPOSITID, description, supdocid; receiptkeys name undeposited AR payments.
 * Rules and sources: writes/deposit.ts, docs/fidelity-flows.md.
 */
export const DEPOSIT: ObjectDef = {
	name: 'DEPOSIT',
	label: 'Deposit',
	relationships: [{ path: 'CHECKINGACCOUNT', object: 'CHECKINGACCOUNT', label: 'Bank account', relatedBy: 'FINANCIALENTITY', targetField: 'BANKACCOUNTID' }],
	fields: [
		recordNoField(),
		field('FINANCIALENTITY', 'Bank account', 'TEXT', { required: true }),
		field('DEPOSITID', 'Deposit slip ID', 'TEXT', { required: true }),
		field('WHENCREATED', 'Deposit date', 'DATE', { required: true }),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('TOTALENTERED', 'Total amount', 'DECIMAL', { readonly: true }),
		field('TRX_TOTALENTERED', 'Transaction total amount', 'DECIMAL', { readonly: true }),
		field('CURRENCY', 'Currency', 'TEXT', { readonly: true }),
		field('STATE', 'State', 'TEXT', { readonly: true }),
		field('SUPDOCID', 'Attachments ID', 'TEXT'),
		field('GLBATCHKEY', 'GL batch key', 'INTEGER', { readonly: true, description: 'Sandbox: RECORDNO of the GLBATCH this deposit posted' }),
		...auditFields().map((f) => (f.id === 'WHENCREATED' ? { ...f, id: 'AUDITWHENCREATED' } : f)),
	],
};

/** One deposited receipt (DEPOSITENTRY: ACCOUNTNO, AMOUNT on Sage's page; PAYMENTKEY is the sandbox's link to the receipt). */
export const DEPOSITENTRY: ObjectDef = {
	name: 'DEPOSITENTRY',
	label: 'Deposit Line',
	relationships: [{ path: 'DEPOSIT', object: 'DEPOSIT', label: 'Deposit', relatedBy: 'RECORDKEY', targetField: 'RECORDNO' }],
	fields: [
		recordNoField(),
		field('RECORDKEY', 'Deposit key', 'INTEGER', { readonly: true }),
		field('PAYMENTKEY', 'Receipt (AR payment) key', 'INTEGER', { readonly: true }),
		field('ACCOUNTNO', 'Account', 'TEXT', { readonly: true, description: 'The undeposited funds account the receipt leaves' }),
		field('AMOUNT', 'Amount', 'DECIMAL', { readonly: true }),
		field('TRX_AMOUNT', 'Transaction amount', 'DECIMAL', { readonly: true }),
		...auditFields(),
	],
};
