import { ACTIVE_STATUS, auditFields, enumValues, field, recordNoField, type ObjectDef } from '../schema';

/** Projects; the demo company tracks grants as projects (GR-2025-001 ...). PROJECTCATEGORY is required on create (§6.4). */
export const PROJECT: ObjectDef = {
	name: 'PROJECT',
	label: 'Project',
	idField: 'PROJECTID',
	relationships: [{ path: 'CUSTOMER', object: 'CUSTOMER', label: 'Customer', relatedBy: 'CUSTOMERID', targetField: 'CUSTOMERID' }],
	fields: [
		recordNoField(),
		field('PROJECTID', 'Project ID', 'TEXT', { required: true }),
		field('NAME', 'Project name', 'TEXT', { required: true }),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('PROJECTCATEGORY', 'Project category', 'ENUM', {
			required: true,
			validValues: enumValues([
				['Contract', 'Contract'],
				['Capitalized', 'Capitalized'],
				['Internal Billable', 'Internal Billable'],
				['Internal Non-billable', 'Internal Non-billable'],
			]),
		}),
		field('PROJECTSTATUS', 'Project status', 'TEXT'),
		field('CUSTOMERID', 'Customer', 'TEXT'),
		field('CUSTOMERNAME', 'Customer name', 'TEXT', { readonly: true }),
		field('PARENTID', 'Parent project', 'TEXT'),
		field('DEPARTMENTID', 'Department', 'TEXT'),
		field('LOCATIONID', 'Location', 'TEXT'),
		field('BEGINDATE', 'Begin date', 'DATE'),
		field('ENDDATE', 'End date', 'DATE'),
		field('BUDGETAMOUNT', 'Budgeted amount', 'DECIMAL'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		...auditFields(),
	],
};
