import { ACTIVE_STATUS, auditFields, field, recordNoField, type ObjectDef } from '../schema';
import { contactFields } from './contact-fields';

/** Vendor (§6.4). DISPLAYCONTACT.* renders nested in read/readByQuery, dotted in query. */
export const VENDOR: ObjectDef = {
	name: 'VENDOR',
	label: 'Vendor',
	idField: 'VENDORID',
	relationships: [{ path: 'TERM', object: 'APTERM', label: 'Payment term', relatedBy: 'TERMNAME', targetField: 'NAME' }],
	fields: [
		recordNoField(),
		field('VENDORID', 'Vendor ID', 'TEXT', { required: true }),
		field('NAME', 'Vendor name', 'TEXT', { required: true }),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		field('PARENTID', 'Parent', 'TEXT'),
		field('VENDTYPE', 'Vendor type', 'TEXT'),
		field('TERMNAME', 'Payment term', 'TEXT'),
		field('TAXID', 'Tax ID', 'TEXT'),
		field('APACCOUNT', 'Default AP account', 'TEXT'),
		field('CURRENCY', 'Default currency', 'TEXT'),
		field('ONHOLD', 'On hold', 'BOOLEAN'),
		field('TOTALDUE', 'Total due', 'DECIMAL', { readonly: true }),
		...contactFields('DISPLAYCONTACT'),
		...auditFields(),
	],
};
