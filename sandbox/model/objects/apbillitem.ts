import { auditFields, field, recordNoField, type ObjectDef } from '../schema';

/** AP bill line (§5.4). Dimensions carry the ID suffix here (DEPARTMENTID, LOCATIONID), unlike GLENTRY. */
export const APBILLITEM: ObjectDef = {
	name: 'APBILLITEM',
	label: 'Bill Detail',
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
		field('OFFSETGLACCOUNTNO', 'Offset account', 'TEXT'),
		field('TRX_AMOUNT', 'Transaction amount', 'DECIMAL', { required: true }),
		field('AMOUNT', 'Base amount', 'DECIMAL', { readonly: true }),
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
		field('BILLABLE', 'Billable', 'BOOLEAN'),
		...auditFields(),
	],
};
