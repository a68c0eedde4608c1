import { auditFields, enumValues, field, recordNoField, type ObjectDef } from '../schema';

/**
 * AR invoice states. Draft/Posted/Partially Paid/Paid/Reversed mirror the AP bill's (objects/apbill.ts);
 * Sage's Invoices page names no state list, so labels and codes are the sandbox's choice
 * (docs/fidelity-flows.md).
 */
export const ARINVOICE_STATE = enumValues([
	['Draft', 'D'],
	['Posted', 'A'],
	['Partially Paid', 'PP'],
	['Paid', 'P'],
	['Reversed', 'V'],
]);

/**
 * AR invoice header (Sage's Invoices page: read/readByQuery/query ARINVOICE, Create Invoice (Legacy)
 * create_invoice, Update Invoice (Legacy) update_invoice, Delete Invoice (generic delete)). Legacy
 * inputs map onto these fields in writes/arinvoice.ts: invoiceno -> RECORDID, ponumber -> DOCNUMBER,
 * datecreated -> WHENCREATED (the invoice date), dateposted -> WHENPOSTED, datedue -> WHENDUE.
 */
export const ARINVOICE: ObjectDef = {
	name: 'ARINVOICE',
	label: 'Invoice',
	relationships: [
		{ path: 'CUSTOMER', object: 'CUSTOMER', label: 'Customer', relatedBy: 'CUSTOMERID', targetField: 'CUSTOMERID' },
		{ path: 'TERM', object: 'APTERM', label: 'Payment term', relatedBy: 'TERMNAME', targetField: 'NAME' },
	],
	fields: [
		recordNoField(),
		field('RECORDID', 'Invoice number', 'TEXT'),
		field('RECORDTYPE', 'Record type', 'TEXT', { readonly: true }),
		field('CUSTOMERID', 'Customer ID', 'TEXT', { required: true }),
		field('CUSTOMERNAME', 'Customer name', 'TEXT', { readonly: true }),
		field('DOCNUMBER', 'Reference number', 'TEXT'),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('TERMNAME', 'Payment term', 'TEXT'),
		field('WHENCREATED', 'Invoice date', 'DATE', { required: true }),
		field('WHENPOSTED', 'GL posting date', 'DATE'),
		field('WHENDUE', 'Due date', 'DATE'),
		field('WHENPAID', 'Date fully paid', 'DATE', { readonly: true }),
		field('STATE', 'State', 'ENUM', { readonly: true, validValues: ARINVOICE_STATE }),
		field('TOTALENTERED', 'Total amount', 'DECIMAL', { readonly: true }),
		field('TOTALPAID', 'Total paid', 'DECIMAL', { readonly: true }),
		field('TOTALDUE', 'Total due', 'DECIMAL', { readonly: true }),
		field('TRX_TOTALENTERED', 'Transaction total amount', 'DECIMAL', { readonly: true }),
		field('TRX_TOTALPAID', 'Transaction total paid', 'DECIMAL', { readonly: true }),
		field('TRX_TOTALDUE', 'Transaction total due', 'DECIMAL', { readonly: true }),
		field('CURRENCY', 'Transaction currency', 'TEXT'),
		field('BASECURR', 'Base currency', 'TEXT'),
		field('MODULEKEY', 'Module', 'TEXT', { readonly: true, description: '4.AR for invoices created in Accounts Receivable' }),
		field('SUPDOCID', 'Attachments ID', 'TEXT'),
		field('GLBATCHKEY', 'GL batch key', 'INTEGER', { readonly: true, description: 'Sandbox: RECORDNO of the GLBATCH this invoice posted' }),
		...auditFields().map((f) => (f.id === 'WHENCREATED' ? { ...f, id: 'AUDITWHENCREATED' } : f)),
	],
};

/** AR invoice line (create_invoice lineitem). TOTALPAID/TOTALDUE per line follow the waterfall of payments (Sage's AR Payments page). */
export const ARINVOICEITEM: ObjectDef = {
	name: 'ARINVOICEITEM',
	label: 'Invoice Detail',
	relationships: [
		{ path: 'ACCOUNT', object: 'GLACCOUNT', label: 'Account', relatedBy: 'ACCOUNTNO', targetField: 'ACCOUNTNO' },
		{ path: 'ARINVOICE', object: 'ARINVOICE', label: 'Invoice', relatedBy: 'RECORDKEY', targetField: 'RECORDNO' },
	],
	fields: [
		recordNoField(),
		field('RECORDKEY', 'Invoice key', 'INTEGER', { readonly: true }),
		field('LINE_NO', 'Line number', 'INTEGER'),
		field('ACCOUNTNO', 'Account', 'TEXT', { required: true }),
		field('ACCOUNTTITLE', 'Account title', 'TEXT', { readonly: true }),
		field('OFFSETGLACCOUNTNO', 'Offset account', 'TEXT'),
		field('TRX_AMOUNT', 'Transaction amount', 'DECIMAL', { required: true }),
		field('AMOUNT', 'Base amount', 'DECIMAL', { readonly: true }),
		field('TOTALPAID', 'Total paid', 'DECIMAL', { readonly: true }),
		field('TOTALDUE', 'Total due', 'DECIMAL', { readonly: true }),
		field('ENTRYDESCRIPTION', 'Memo', 'TEXT'),
		field('LOCATIONID', 'Location', 'TEXT'),
		field('LOCATIONNAME', 'Location name', 'TEXT', { readonly: true }),
		field('DEPARTMENTID', 'Department', 'TEXT'),
		field('DEPARTMENTNAME', 'Department name', 'TEXT', { readonly: true }),
		field('PROJECTID', 'Project', 'TEXT'),
		field('PROJECTNAME', 'Project name', 'TEXT', { readonly: true }),
		field('CLASSID', 'Class', 'TEXT'),
		field('CLASSNAME', 'Class name', 'TEXT', { readonly: true }),
		field('CUSTOMERID', 'Customer', 'TEXT'),
		field('VENDORID', 'Vendor', 'TEXT'),
		field('EMPLOYEEID', 'Employee', 'TEXT'),
		field('ITEMID', 'Item', 'TEXT'),
		field('GLDIMFUNDINGSOURCE', 'Funding source', 'TEXT'),
		...auditFields(),
	],
};
