import { auditFields, field, type ObjectDef } from '../schema';

/**
 * The demo company's user-defined dimension (§5.1): a platform object whose records have a system
 * id (10001, 10002, ...) and a name. Lines reference it as GLDIMFUNDINGSOURCE = id. RECORDNO = id.
 */
export const FUNDINGSOURCE: ObjectDef = {
	name: 'FUNDINGSOURCE',
	label: 'Funding Source',
	idField: 'NAME',
	relationships: [],
	fields: [
		field('RECORDNO', 'Record number', 'INTEGER', { readonly: true }),
		field('ID', 'ID', 'INTEGER', { readonly: true, description: 'System id used as GLDIMFUNDINGSOURCE on lines' }),
		field('NAME', 'Name', 'TEXT', { required: true }),
		field('DESCRIPTION', 'Description', 'TEXT'),
		...auditFields(),
	],
};
