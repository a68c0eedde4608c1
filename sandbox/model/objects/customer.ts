import { ACTIVE_STATUS, auditFields, field, recordNoField, type ObjectDef } from '../schema';
import { contactFields } from './contact-fields';

/** Customers; in the demo company these are the funders (foundations, agencies). */
export const CUSTOMER: ObjectDef = {
	name: 'CUSTOMER',
	label: 'Customer',
	idField: 'CUSTOMERID',
	relationships: [],
	fields: [
		recordNoField(),
		field('CUSTOMERID', 'Customer ID', 'TEXT', { required: true }),
		field('NAME', 'Customer name', 'TEXT', { required: true }),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		field('CUSTTYPE', 'Customer type', 'TEXT'),
		field('TERMNAME', 'Payment term', 'TEXT'),
		field('TOTALDUE', 'Total due', 'DECIMAL', { readonly: true }),
		...contactFields('DISPLAYCONTACT'),
		...auditFields(),
	],
};
