import { ACTIVE_STATUS, auditFields, field, recordNoField, type ObjectDef } from '../schema';

export const DEPARTMENT: ObjectDef = {
	name: 'DEPARTMENT',
	label: 'Department',
	idField: 'DEPARTMENTID',
	relationships: [],
	fields: [
		recordNoField(),
		field('DEPARTMENTID', 'Department ID', 'TEXT', { required: true }),
		field('TITLE', 'Department name', 'TEXT', { required: true }),
		field('PARENTID', 'Parent department', 'TEXT'),
		field('SUPERVISORID', 'Manager', 'TEXT'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		...auditFields(),
	],
};
