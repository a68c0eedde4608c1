import { auditFields, field, recordNoField, type FieldDef, type ObjectDef } from '../schema';
import { GL_STATE } from './glbatch';

/**
 * Dimension fields of a GL line, as create takes them and read returns them (§5.2: DEPARTMENT and
 * LOCATION have no ID suffix on GLENTRY; the others do). Each has a name column for reads.
 */
export function glLineDimensionFields(): FieldDef[] {
	return [
		field('DEPARTMENT', 'Department', 'TEXT'),
		field('DEPARTMENTTITLE', 'Department name', 'TEXT', { readonly: true }),
		field('LOCATION', 'Location', 'TEXT'),
		field('LOCATIONNAME', 'Location name', 'TEXT', { readonly: true }),
		field('PROJECTID', 'Project', 'TEXT'),
		field('PROJECTNAME', 'Project name', 'TEXT', { readonly: true }),
		field('CLASSID', 'Class', 'TEXT'),
		field('CLASSNAME', 'Class name', 'TEXT', { readonly: true }),
		field('CUSTOMERID', 'Customer', 'TEXT'),
		field('CUSTOMERNAME', 'Customer name', 'TEXT', { readonly: true }),
		field('VENDORID', 'Vendor', 'TEXT'),
		field('VENDORNAME', 'Vendor name', 'TEXT', { readonly: true }),
		field('EMPLOYEEID', 'Employee', 'TEXT'),
		field('EMPLOYEENAME', 'Employee name', 'TEXT', { readonly: true }),
		field('ITEMID', 'Item', 'TEXT'),
		field('ITEMNAME', 'Item name', 'TEXT', { readonly: true }),
		field('GLDIMFUNDINGSOURCE', 'Funding source', 'TEXT', { description: 'User-defined dimension FUNDINGSOURCE: the record id, e.g. 10001 (§5.1)' }),
		field('FUNDINGSOURCENAME', 'Funding source name', 'TEXT', { readonly: true }),
	];
}

/**
 * Journal entry line (general-ledger-journal-entries.md "Journal Entry Lines"; field list checked
 * against a recorded real `query`). BATCHNO is the parent GLBATCH.RECORDNO; BATCH_NUMBER is GLBATCH.BATCHNO. */
export const GLENTRY: ObjectDef = {
	name: 'GLENTRY',
	label: 'Journal Entry Line',
	relationships: [
		{ path: 'ACCOUNT', object: 'GLACCOUNT', label: 'Account', relatedBy: 'ACCOUNTNO', targetField: 'ACCOUNTNO' },
		{ path: 'GLBATCH', object: 'GLBATCH', label: 'Journal entry', relatedBy: 'BATCHNO', targetField: 'RECORDNO' },
	],
	fields: [
		recordNoField(),
		field('BATCHNO', 'Journal entry key', 'INTEGER', { readonly: true, description: 'RECORDNO of the parent GLBATCH' }),
		field('BATCH_NUMBER', 'Transaction number', 'INTEGER', { readonly: true, description: 'BATCHNO of the parent GLBATCH' }),
		field('LINE_NO', 'Line number', 'INTEGER', { readonly: true }),
		field('TR_TYPE', 'Debit/credit', 'INTEGER', { required: true, description: '1 = debit, -1 = credit' }),
		field('ENTRY_DATE', 'Entry date', 'DATE', { readonly: true }),
		field('BATCH_DATE', 'Posting date', 'DATE', { readonly: true }),
		field('BATCHTITLE', 'Journal entry description', 'TEXT', { readonly: true }),
		field('AMOUNT', 'Base amount', 'DECIMAL'),
		field('TRX_AMOUNT', 'Transaction amount', 'DECIMAL', { required: true }),
		field('ACCOUNTKEY', 'Account key', 'INTEGER', { readonly: true }),
		field('ACCOUNTNO', 'Account', 'TEXT', { required: true }),
		field('ACCOUNTTITLE', 'Account title', 'TEXT', { readonly: true }),
		field('STATISTICAL', 'Statistical', 'BOOLEAN', { readonly: true }),
		field('CURRENCY', 'Transaction currency', 'TEXT'),
		field('BASECURR', 'Base currency', 'TEXT', { readonly: true }),
		field('DESCRIPTION', 'Memo', 'TEXT'),
		field('DOCUMENT', 'Document', 'TEXT'),
		field('STATE', 'State', 'ENUM', { readonly: true, validValues: GL_STATE }),
		...glLineDimensionFields(),
		// The recorded GLENTRY select list (test/support/recorded/glentry-query.xml) has the audit
		// fields but neither JOURNAL nor MEGAENTITYKEY/ID/NAME: journal and entity are not GLENTRY fields.
		...auditFields().filter((f) => !f.id.startsWith('MEGAENTITY')),
	],
};
