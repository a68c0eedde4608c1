import { auditFields, field, recordNoField, type ObjectDef } from '../schema';

/**
 * Charge card transactions (Sage's Charge Card Transactions page): created only with the legacy
 * record_cctransaction (writes/cctransaction.ts), read with read/readByQuery/query of CCTRANSACTION
 * and CCTRANSACTIONENTRY. The page shows no field table (lookup only): the read field names below
 * follow Intacct's other cash-management records (FINANCIALENTITY, RECORDID, WHENCREATED,
 * TOTALENTERED, RECORDKEY) and are listed as the sandbox's own in docs/fidelity-flows.md.
 */
export const CCTRANSACTION: ObjectDef = {
	name: 'CCTRANSACTION',
	label: 'Charge Card Transaction',
	relationships: [{ path: 'CREDITCARD', object: 'CREDITCARD', label: 'Charge card', relatedBy: 'FINANCIALENTITY', targetField: 'CARDID' }],
	fields: [
		recordNoField(),
		field('FINANCIALENTITY', 'Charge card ID', 'TEXT'),
		field('WHENCREATED', 'Payment date', 'DATE'),
		field('RECORDID', 'Reference number', 'TEXT'),
		field('PAYEE', 'Payee', 'TEXT'),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('SUPDOCID', 'Attachments ID', 'TEXT'),
		field('CURRENCY', 'Currency', 'TEXT'),
		field('BASECURR', 'Base currency', 'TEXT'),
		field('EXCH_RATE_TYPE_ID', 'Exchange rate type', 'TEXT'),
		field('TOTALENTERED', 'Total', 'DECIMAL', { readonly: true }),
		field('TRX_TOTALENTERED', 'Transaction total', 'DECIMAL', { readonly: true }),
		field('STATE', 'State', 'TEXT', { readonly: true }),
		field('REVERSALKEY', 'Reversed by', 'INTEGER', { readonly: true }),
		field('REVERSEDKEY', 'Reverses', 'INTEGER', { readonly: true }),
		field('GLBATCHKEY', 'Journal entry', 'INTEGER', { readonly: true }),
		// The audit creation stamp is AUDITWHENCREATED: WHENCREATED is the payment date (as on APPYMT).
		...auditFields().map((f) => (f.id === 'WHENCREATED' ? { ...f, id: 'AUDITWHENCREATED' } : f)),
	],
};

export const CCTRANSACTIONENTRY: ObjectDef = {
	name: 'CCTRANSACTIONENTRY',
	label: 'Charge Card Transaction Line',
	relationships: [{ path: 'CCTRANSACTION', object: 'CCTRANSACTION', label: 'Charge card transaction', relatedBy: 'RECORDKEY', targetField: 'RECORDNO' }],
	fields: [
		recordNoField(),
		field('RECORDKEY', 'Charge card transaction', 'INTEGER', { readonly: true }),
		field('LINE_NO', 'Line number', 'INTEGER', { readonly: true }),
		field('ACCOUNTNO', 'Account', 'TEXT'),
		field('ACCOUNTTITLE', 'Account title', 'TEXT', { readonly: true }),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('TRX_AMOUNT', 'Transaction amount', 'DECIMAL'),
		field('AMOUNT', 'Amount', 'DECIMAL'),
		field('DEPARTMENTID', 'Department', 'TEXT'),
		field('DEPARTMENTNAME', 'Department name', 'TEXT', { readonly: true }),
		field('LOCATIONID', 'Location', 'TEXT'),
		field('LOCATIONNAME', 'Location name', 'TEXT', { readonly: true }),
		field('PROJECTID', 'Project', 'TEXT'),
		field('CLASSID', 'Class', 'TEXT'),
		field('CUSTOMERID', 'Customer', 'TEXT'),
		field('VENDORID', 'Vendor', 'TEXT'),
		field('EMPLOYEEID', 'Employee', 'TEXT'),
		field('ITEMID', 'Item', 'TEXT'),
		// The user-defined dimension a line's customfields carry (GLDIM<name>), stored and read as on bill and invoice lines.
		field('GLDIMFUNDINGSOURCE', 'Funding source', 'TEXT'),
		...auditFields(),
	],
};
