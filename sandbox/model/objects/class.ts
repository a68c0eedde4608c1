import { ACTIVE_STATUS, auditFields, field, recordNoField, type ObjectDef } from '../schema';

/**
 * Class (developer.intacct.com company-console/classes; the local page copy is empty). Create fields
 * from Sage's SDK ClassCreate/ClassUpdate: CLASSID and NAME required, DESCRIPTION, PARENTID, STATUS.
 * Ledger: docs/fidelity.md "Master data and dimensions".
 */
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
