import { auditFields, field, recordNoField, type ObjectDef } from '../schema';

/**
 * AP bill line (Sage's Bills page, APBILL.APBILLITEMS.APBILLITEM; §5.4). Dimensions carry the ID
 * suffix here (DEPARTMENTID, LOCATIONID), unlike GLENTRY. ACCOUNTNO is required unless ACCOUNTLABEL is
 * used; the sandbox has no account labels, so it asks for ACCOUNTNO.
 * Sources and inventions: docs/fidelity-ap.md.
 */
export const APBILLITEM: ObjectDef = {
	name: 'APBILLITEM',
	label: 'Bill Detail',
	// Create Bill, APBILLITEM.TAXENTRIES.TAXENTRY (AU, GB, ZA): documented, not stored.
	writeOnly: ['TAXENTRIES'],
	relationships: [
		{ path: 'ACCOUNT', object: 'GLACCOUNT', label: 'Account', relatedBy: 'ACCOUNTNO', targetField: 'ACCOUNTNO' },
		{ path: 'APBILL', object: 'APBILL', label: 'Bill', relatedBy: 'RECORDKEY', targetField: 'RECORDNO' },
	],
	fields: [
		recordNoField(),
		field('RECORDKEY', 'Bill key', 'INTEGER', { readonly: true }),
		field('LINE_NO', 'Line number', 'INTEGER'),
		field('ACCOUNTNO', 'Account', 'TEXT', { required: true }),
		field('ACCOUNTTITLE', 'Account title', 'TEXT', { readonly: true }),
		field('ACCOUNTLABEL', 'AP account label', 'TEXT'),
		field('OFFSETGLACCOUNTNO', 'Offset account', 'TEXT'),
		field('TRX_AMOUNT', 'Transaction amount', 'DECIMAL', { required: true }),
		field('AMOUNT', 'Base amount', 'DECIMAL', { readonly: true }),
		field('TOTALTRXAMOUNT', 'Transaction amount including taxes', 'DECIMAL'),
		field('ENTRYDESCRIPTION', 'Memo', 'TEXT'),
		field('FORM1099', 'Form 1099', 'BOOLEAN'),
		field('FORM1099TYPE', 'Form 1099 type', 'TEXT'),
		field('FORM1099BOX', 'Form 1099 box', 'TEXT'),
		field('ALLOCATION', 'Allocation ID', 'TEXT'),
		field('PARTIALEXEMPT', 'Partial exemption', 'BOOLEAN'),
		field('LOCATIONID', 'Location', 'TEXT'),
		field('LOCATIONNAME', 'Location name', 'TEXT', { readonly: true }),
		field('DEPARTMENTID', 'Department', 'TEXT'),
		field('DEPARTMENTNAME', 'Department name', 'TEXT', { readonly: true }),
		field('PROJECTID', 'Project', 'TEXT'),
		field('PROJECTNAME', 'Project name', 'TEXT', { readonly: true }),
		field('TASKID', 'Task', 'TEXT'),
		field('COSTTYPEID', 'Cost type', 'TEXT'),
		field('CLASSID', 'Class', 'TEXT'),
		field('CLASSNAME', 'Class name', 'TEXT', { readonly: true }),
		field('CUSTOMERID', 'Customer', 'TEXT'),
		field('VENDORID', 'Vendor', 'TEXT'),
		field('EMPLOYEEID', 'Employee', 'TEXT'),
		field('ITEMID', 'Item', 'TEXT'),
		field('CONTRACTID', 'Contract', 'TEXT'),
		field('WAREHOUSEID', 'Warehouse', 'TEXT'),
		field('GLDIMFUNDINGSOURCE', 'Funding source', 'TEXT'),
		field('BILLABLE', 'Billable', 'BOOLEAN'),
		...auditFields(),
	],
};
