import { ACTIVE_STATUS, auditFields, field, recordNoField, type ObjectDef } from '../schema';

/** AP payment term: APBILL TERMNAME derives WHENDUE = bill date + DUEDATE days (§5.4). */
export const APTERM: ObjectDef = {
	name: 'APTERM',
	label: 'AP Term',
	idField: 'NAME',
	relationships: [],
	fields: [
		recordNoField(),
		field('NAME', 'Term name', 'TEXT', { required: true }),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('DUEDATE', 'Due in days', 'INTEGER', { required: true }),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		...auditFields(),
	],
};
