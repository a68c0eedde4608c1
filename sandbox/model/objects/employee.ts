import { ACTIVE_STATUS, auditFields, field, recordNoField, type ObjectDef } from '../schema';
import { contactFields } from './contact-fields';

/** Employees: the name lives on PERSONALINFO (the employee's contact). */
export const EMPLOYEE: ObjectDef = {
	name: 'EMPLOYEE',
	label: 'Employee',
	idField: 'EMPLOYEEID',
	relationships: [],
	fields: [
		recordNoField(),
		field('EMPLOYEEID', 'Employee ID', 'TEXT', { required: true }),
		field('TITLE', 'Job title', 'TEXT'),
		field('DEPARTMENTID', 'Department', 'TEXT'),
		field('LOCATIONID', 'Location', 'TEXT'),
		field('STARTDATE', 'Start date', 'DATE'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		...contactFields('PERSONALINFO'),
		...auditFields(),
	],
};
