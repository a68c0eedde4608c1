import { auditFields, enumValues, field, recordNoField, type ObjectDef } from '../schema';

/** PAYMENTMETHOD values of Create AR Payment (Sage's AR Payments page). */
export const ARPYMT_PAYMENT_METHODS = ['Printed Check', 'Cash', 'EFT', 'Credit Card', 'Online Charge Card', 'Online ACH Debit'];

/** Draft (D) and Complete (C) are named on Update/Delete AR Payment; Voided is the sandbox's label for a reversed payment. */
export const ARPYMT_STATE = enumValues([
	['Draft', 'D'],
	['Complete', 'C'],
	['Voided', 'V'],
]);

/**
 * AR payments (Sage's AR Payments page: Create AR Payment (generic create of ARPYMT), Delete AR
 * Payment (Draft only), Reverse AR Payment (Legacy)). RECEIPTDATE is the GL date and is read back as
 * WHENCREATED too. A payment into UNDEPOSITEDACCOUNTNO waits for a deposit (record_deposit); DEPOSITKEY
 * is the sandbox's link to that deposit. Rules and sources: writes/arpymt.ts, docs/fidelity-flows.md.
 */
export const ARPYMT: ObjectDef = {
	name: 'ARPYMT',
	label: 'AR Payment',
	// Create/Update AR Payment inputs that are not (writable) fields here: accepted (documented; WHENPAID
	// is listed although the read table marks it computed), only ACTION and PRBATCH are acted on
	// (docs/fidelity.md); anything else is refused (writes/field-check.ts). ONLINECARDPAYMENT is read nested.
	writeOnly: ['ACTION', 'PRBATCH', 'EXCH_RATE_TYPE_ID', 'EXCHANGE_RATE', 'AMOUNTOPAY', 'TRX_AMOUNTTOPAY', 'WHENPAID', 'BILLTOPAYTONAME'],
	relationships: [{ path: 'CUSTOMER', object: 'CUSTOMER', label: 'Customer', relatedBy: 'CUSTOMERID', targetField: 'CUSTOMERID' }],
	fields: [
		recordNoField(),
		field('FINANCIALENTITY', 'Financial entity (bank account)', 'TEXT'),
		field('UNDEPOSITEDACCOUNTNO', 'Undeposited funds account', 'TEXT'),
		field('PAYMENTMETHOD', 'Payment method', 'ENUM', { validValues: enumValues(ARPYMT_PAYMENT_METHODS.map((m) => [m, m])) }),
		field('CUSTOMERID', 'Customer ID', 'TEXT'),
		field('CUSTOMERNAME', 'Customer name', 'TEXT', { readonly: true }),
		field('PAYERNAME', 'Payer name', 'TEXT'),
		field('DOCNUMBER', 'Reference number', 'TEXT'),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('RECEIPTDATE', 'Receipt date', 'DATE', { required: true }),
		field('PAYMENTDATE', 'Payment date', 'DATE'),
		field('WHENCREATED', 'Receipt date', 'DATE', { readonly: true }),
		field('WHENPAID', 'Date paid', 'DATE', { readonly: true }),
		field('CURRENCY', 'Transaction currency', 'TEXT', { required: true }),
		field('BASECURR', 'Base currency', 'TEXT'),
		field('STATE', 'State', 'ENUM', { readonly: true, validValues: ARPYMT_STATE }),
		field('TOTALENTERED', 'Total amount', 'DECIMAL', { readonly: true }),
		field('TOTALPAID', 'Total applied', 'DECIMAL', { readonly: true }),
		field('TRX_TOTALENTERED', 'Transaction total amount', 'DECIMAL', { readonly: true }),
		field('OVERPAYMENTAMOUNT', 'Overpayment amount', 'DECIMAL'),
		field('OVERPAYMENTLOCATIONID', 'Overpayment location', 'TEXT'),
		field('OVERPAYMENTDEPARTMENTID', 'Overpayment department', 'TEXT'),
		field('DEPOSITKEY', 'Deposit', 'INTEGER', { readonly: true, description: 'Sandbox: RECORDNO of the DEPOSIT that took this undeposited payment' }),
		field('PARENTPAYMENTKEY', 'Reversed payment', 'INTEGER', { readonly: true, description: 'Sandbox: on a reversal, the payment it reverses' }),
		field('GLBATCHKEY', 'GL batch key', 'INTEGER', { readonly: true, description: 'Sandbox: RECORDNO of the GLBATCH this payment posted' }),
		...auditFields().map((f) => (f.id === 'WHENCREATED' ? { ...f, id: 'AUDITWHENCREATED' } : f)),
	],
};

/** One applied amount (ARPYMTDETAIL: RECORDKEY invoice, ENTRYKEY line, TRX_PAYMENTAMOUNT). */
export const ARPYMTDETAIL: ObjectDef = {
	name: 'ARPYMTDETAIL',
	label: 'AR Payment Detail',
	// The other keys of Create AR Payment's ARPYMTDETAIL table: accepted as documented; the credits,
	// memos, advances, overpayments and discounts themselves are refused as not modelled (writes/arpymt.ts).
	writeOnly: [
		'POSADJKEY',
		'POSADJENTRYKEY',
		'ADJUSTMENTKEY',
		'ADJUSTMENTENTRYKEY',
		'TRX_ADJUSTMENTAMOUNT',
		'INLINEKEY',
		'INLINEENTRYKEY',
		'TRX_INLINEAMOUNT',
		'ADVANCEKEY',
		'ADVANCEENTRYKEY',
		'TRX_POSTEDADVANCEAMOUNT',
		'OVERPAYMENTKEY',
		'OVERPAYMENTENTRYKEY',
		'TRX_POSTEDOVERPAYMENTAMOUNT',
		'NEGATIVEINVOICEKEY',
		'NEGATIVEINVOICEENTRYKEY',
		'TRX_NEGATIVEINVOICEAMOUNT',
		'TRX_TOTALDISCOUNTTOAPPLY',
		'DISCOUNTDATE',
	],
	relationships: [
		{ path: 'ARPYMT', object: 'ARPYMT', label: 'Payment', relatedBy: 'PAYMENTKEY', targetField: 'RECORDNO' },
		{ path: 'ARINVOICE', object: 'ARINVOICE', label: 'Invoice', relatedBy: 'RECORDKEY', targetField: 'RECORDNO' },
	],
	fields: [
		recordNoField(),
		field('PAYMENTKEY', 'Payment key', 'INTEGER', { readonly: true }),
		field('RECORDKEY', 'Invoice record number', 'INTEGER', { required: true }),
		field('ENTRYKEY', 'Invoice line record number', 'INTEGER'),
		field('TRX_PAYMENTAMOUNT', 'Payment amount', 'DECIMAL'),
		field('PAYMENTAMOUNT', 'Base payment amount', 'DECIMAL', { readonly: true }),
		field('PAYMENTDATE', 'Payment date', 'DATE', { readonly: true }),
		field('CURRENCY', 'Transaction currency', 'TEXT'),
		field('STATE', 'State', 'ENUM', { readonly: true, validValues: ARPYMT_STATE, description: 'State of the payment this detail belongs to' }),
		...auditFields(),
	],
};
