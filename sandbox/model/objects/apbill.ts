import { auditFields, enumValues, field, recordNoField, type ObjectDef } from '../schema';

/**
 * AP bill states: labels for create/query, codes for readByQuery. D/PA/S/U/A are documented
 * (developer.intacct.com AP bills, "Query and List Bills (Legacy)"); the codes of the payment states
 * (Selected, Partially Paid, Paid) and Reversed are the sandbox's choice (UNCERTAIN).
 * Sources and inventions: docs/fidelity-ap.md.
 */
export const APBILL_STATE = enumValues([
	['Draft', 'D'],
	['Partially Approved', 'PA'],
	['Submitted', 'S'],
	['Declined', 'U'],
	['Posted', 'A'],
	['Selected', 'SE'],
	['Partially Paid', 'PP'],
	['Paid', 'P'],
	['Reversed', 'V'],
]);

/**
 * AP bill header (Sage's Bills page, Create Bill and Update Bill; §5.4, §6.4). WHENCREATED is
 * the bill *date* here (a DATE); the audit timestamps are AUDITWHENCREATED and WHENMODIFIED.
 * VENDORID, WHENCREATED and WHENDUE are "Required if Action is not set to Draft" (writes/apbill.ts);
 * ACTION (Submit | Draft) is an input of create and update, not a stored field. A create/update names
 * only the fields of those two tables (writes/field-check.ts): the writable fields below, ACTION and
 * the APBILLITEMS collection; the read-only ones and anything else are refused.
 */
export const APBILL: ObjectDef = {
	name: 'APBILL',
	label: 'Bill',
	writeOnly: ['ACTION'],
	relationships: [
		{ path: 'VENDOR', object: 'VENDOR', label: 'Vendor', relatedBy: 'VENDORID', targetField: 'VENDORID' },
		{ path: 'TERM', object: 'APTERM', label: 'Payment term', relatedBy: 'TERMNAME', targetField: 'NAME' },
	],
	fields: [
		recordNoField(),
		field('RECORDID', 'Bill number', 'TEXT'),
		field('RECORDTYPE', 'Record type', 'TEXT', { readonly: true }),
		field('VENDORID', 'Vendor ID', 'TEXT', { required: true }),
		field('VENDORNAME', 'Vendor name', 'TEXT', { readonly: true }),
		field('DOCNUMBER', 'Reference number', 'TEXT'),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('TERMNAME', 'Payment term', 'TEXT'),
		field('WHENCREATED', 'Bill date', 'DATE', { required: true }),
		field('WHENPOSTED', 'GL posting date', 'DATE'),
		field('WHENDUE', 'Due date', 'DATE', { required: true }),
		field('BILLTOPAYTOCONTACTNAME', 'Pay to contact', 'TEXT'),
		field('SHIPTORETURNTOCONTACTNAME', 'Return to contact', 'TEXT'),
		field('PRBATCH', 'Summary', 'TEXT'),
		field('WHENPAID', 'Date fully paid', 'DATE', { readonly: true }),
		field('RECPAYMENTDATE', 'Recommended payment date', 'DATE'),
		field('STATE', 'State', 'ENUM', { readonly: true, validValues: APBILL_STATE }),
		field('TOTALENTERED', 'Total amount', 'DECIMAL', { readonly: true }),
		field('TOTALPAID', 'Total paid', 'DECIMAL', { readonly: true }),
		field('TOTALDUE', 'Total due', 'DECIMAL', { readonly: true }),
		field('TRX_TOTALENTERED', 'Transaction total amount', 'DECIMAL', { readonly: true }),
		field('TRX_TOTALDUE', 'Transaction total due', 'DECIMAL', { readonly: true }),
		field('CURRENCY', 'Transaction currency', 'TEXT'),
		field('BASECURR', 'Base currency', 'TEXT'),
		field('EXCH_RATE_DATE', 'Exchange rate date', 'DATE'),
		field('EXCH_RATE_TYPE_ID', 'Exchange rate type', 'TEXT'),
		field('EXCHANGE_RATE', 'Exchange rate', 'DECIMAL'),
		field('INCLUSIVETAX', 'Inclusive taxes', 'BOOLEAN'),
		field('TAXSOLUTIONID', 'Tax solution', 'TEXT'),
		field('MODULEKEY', 'Module', 'TEXT', { readonly: true }),
		field('SUPDOCID', 'Attachments ID', 'TEXT'),
		field('ONHOLD', 'On hold', 'BOOLEAN'),
		field('PAYMENTPRIORITY', 'Payment priority', 'ENUM', {
			validValues: enumValues([
				['urgent', 'urgent'],
				['high', 'high'],
				['normal', 'normal'],
				['low', 'low'],
			]),
		}),
		field('GLBATCHKEY', 'GL batch key', 'INTEGER', { readonly: true, description: 'Sandbox: RECORDNO of the GLBATCH this bill posted' }),
		// The audit creation stamp is AUDITWHENCREATED here: WHENCREATED is the bill date.
		...auditFields().map((f) => (f.id === 'WHENCREATED' ? { ...f, id: 'AUDITWHENCREATED' } : f)),
	],
};
