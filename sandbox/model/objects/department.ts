import { ACTIVE_STATUS, auditFields, field, recordNoField, type ObjectDef } from '../schema';

/**
 * Department (developer.intacct.com company-console/departments: "Query and List Departments"
 * selects DEPARTMENTID and MANAGER.EMPLOYEEID; readByQuery filters STATUS T/F; readByName keys are
 * DEPARTMENTID). The local page copy is empty, so the create fields are those of Sage's SDK
 * DepartmentCreate/DepartmentUpdate: DEPARTMENTID and TITLE required, PARENTID, SUPERVISORID,
 * CUSTTITLE, STATUS. Ledger: docs/fidelity.md "Master data and dimensions".
 */
export const DEPARTMENT: ObjectDef = {
	name: 'DEPARTMENT',
	label: 'Department',
	idField: 'DEPARTMENTID',
	relationships: [
		{ path: 'MANAGER', object: 'EMPLOYEE', label: 'Manager', relatedBy: 'SUPERVISORID', targetField: 'EMPLOYEEID' },
	],
	fields: [
		recordNoField(),
		field('DEPARTMENTID', 'Department ID', 'TEXT', { required: true }),
		field('TITLE', 'Department name', 'TEXT', { required: true }),
		field('PARENTID', 'Parent department', 'TEXT'),
		field('SUPERVISORID', 'Manager employee ID', 'TEXT'),
		field('CUSTTITLE', 'Department title for reporting', 'TEXT'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		...auditFields(),
	],
};
