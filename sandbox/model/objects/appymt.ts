import { auditFields, enumValues, field, recordNoField, type ObjectDef } from '../schema';

/**
 * AP payments (Sage's AP Payments page: Create AP Payment, Update AP Payment, Delete AP Payment,
 * Reverse AP Payment (Legacy)). Inputs of create: FINANCIALENTITY, PAYMENTMETHOD, VENDORID,
 * PAYMENTDATE (shown as WHENCREATED on reads), CURRENCY (required), APPYMTDETAILS (required).
 * Rules and sources: writes/appymt.ts and docs/fidelity-flows.md.
 */
export const APPYMT_PAYMENT_METHODS = [
	'Printed Check',
	'Joint Check',
	'Cash',
	'EFT',
	'Credit Card',
	'ACH',
	'Check Delivery',
	'WF Check',
	'WF Domestic ACH',
	'WF USD Wire',
];

/** States: Draft (D), Submitted (S) and Approved (A) are named on the Update AP Payment section; Voided is the sandbox's label for a reversed payment. */
export const APPYMT_STATE = enumValues([
	['Draft', 'D'],
	['Submitted', 'S'],
	['Approved', 'A'],
	['Complete', 'C'],
	['Voided', 'V'],
]);

export const APPYMT: ObjectDef = {
	name: 'APPYMT',
	label: 'AP Payment',
	// Create AP Payment inputs that are not stored fields: accepted (documented), the sandbox models
	// only PAYMENTDATE and ACTION of them (docs/fidelity.md); anything else is refused (writes/field-check.ts).
	writeOnly: ['PAYMENTDATE', 'ACTION', 'PAYMENTPROVIDER', 'EXCH_RATE_DATE', 'EXCH_RATE_TYPE_ID', 'AMOUNTTOPAY'],
	relationships: [
		{ path: 'VENDOR', object: 'VENDOR', label: 'Vendor', relatedBy: 'VENDORID', targetField: 'VENDORID' },
	],
	fields: [
		recordNoField(),
		field('FINANCIALENTITY', 'Financial entity (bank account)', 'TEXT'),
		field('PAYMENTMETHOD', 'Payment method', 'ENUM', { validValues: enumValues(APPYMT_PAYMENT_METHODS.map((m) => [m, m])) }),
		field('VENDORID', 'Vendor ID', 'TEXT', { required: true }),
		field('VENDORNAME', 'Vendor name', 'TEXT', { readonly: true }),
		field('DOCNUMBER', 'Document number', 'TEXT'),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('WHENCREATED', 'Payment date', 'DATE', { required: true, description: 'PAYMENTDATE of create' }),
		field('WHENPAID', 'Date paid', 'DATE', { readonly: true }),
		field('CURRENCY', 'Transaction currency', 'TEXT', { required: true }),
		field('BASECURR', 'Base currency', 'TEXT'),
		field('STATE', 'State', 'ENUM', { readonly: true, validValues: APPYMT_STATE }),
		field('TOTALENTERED', 'Total amount', 'DECIMAL', { readonly: true }),
		field('TOTALPAID', 'Total paid', 'DECIMAL', { readonly: true }),
		field('TRX_TOTALENTERED', 'Transaction total amount', 'DECIMAL', { readonly: true }),
		field('PAYMENTREQUESTMETHOD', 'Payment request method', 'ENUM', {
			validValues: enumValues([
				['vendorpref', 'vendorpref'],
				['vendor', 'vendor'],
				['bill', 'bill'],
				['payto', 'payto'],
			]),
		}),
		field('PARENTPAYMENTKEY', 'Reversed payment', 'INTEGER', { readonly: true, description: 'Sandbox: on a reversal, the RECORDNO of the payment it reverses' }),
		field('GLBATCHKEY', 'GL batch key', 'INTEGER', { readonly: true, description: 'Sandbox: RECORDNO of the GLBATCH this payment posted' }),
		...auditFields().map((f) => (f.id === 'WHENCREATED' ? { ...f, id: 'AUDITWHENCREATED' } : f)),
	],
};

/** One applied amount of a payment (Sage's AP Payment Details: RECORDKEY bill, ENTRYKEY line, TRX_PAYMENTAMOUNT). */
export const APPYMTDETAIL: ObjectDef = {
	name: 'APPYMTDETAIL',
	label: 'AP Payment Detail',
	// The other keys of Create AP Payment's APPYMTDETAIL table: accepted as documented; credit memos,
	// adjustments, advances and inline credits are refused as not modelled (writes/appymt.ts).
	writeOnly: [
		'POSADJKEY',
		'POSADJENTRYKEY',
		'INLINEKEY',
		'INLINEENTRYKEY',
		'TRX_INLINEAMOUNT',
		'DISCOUNTDATE',
		'ADJUSTMENTKEY',
		'ADJUSTMENTENTRYKEY',
		'TRX_ADJUSTMENTAMOUNT',
		'ADVANCEKEY',
		'ADVANCEENTRYKEY',
		'TRX_POSTEDADVANCEAMOUNT',
		'JOINTPAYEEPRINTAS',
	],
	relationships: [
		{ path: 'APPYMT', object: 'APPYMT', label: 'Payment', relatedBy: 'PAYMENTKEY', targetField: 'RECORDNO' },
		{ path: 'APBILL', object: 'APBILL', label: 'Bill', relatedBy: 'RECORDKEY', targetField: 'RECORDNO' },
	],
	fields: [
		recordNoField(),
		field('PAYMENTKEY', 'Payment key', 'INTEGER', { readonly: true }),
		field('RECORDKEY', 'Bill record number', 'INTEGER', { required: true }),
		field('ENTRYKEY', 'Bill line record number', 'INTEGER'),
		field('TRX_PAYMENTAMOUNT', 'Payment amount', 'DECIMAL'),
		field('PAYMENTAMOUNT', 'Base payment amount', 'DECIMAL', { readonly: true }),
		field('PAYMENTDATE', 'Payment date', 'DATE', { readonly: true }),
		field('CURRENCY', 'Transaction currency', 'TEXT'),
		field('STATE', 'State', 'ENUM', { readonly: true, validValues: APPYMT_STATE, description: 'State of the payment this detail belongs to' }),
		...auditFields(),
	],
};
