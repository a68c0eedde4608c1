import { ACTIVE_STATUS, auditFields, field, recordNoField, type ObjectDef } from '../schema';

export const CLASS: ObjectDef = {
	name: 'CLASS',
	label: 'Class',
	idField: 'CLASSID',
	relationships: [],
	fields: [
		recordNoField(),
		field('CLASSID', 'Class ID', 'TEXT', { required: true }),
		field('NAME', 'Class name', 'TEXT', { required: true }),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('PARENTID', 'Parent class', 'TEXT'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		...auditFields(),
	],
};
