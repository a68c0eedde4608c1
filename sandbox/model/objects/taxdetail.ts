import { ACTIVE_STATUS, auditFields, enumValues, field, recordNoField, type ObjectDef } from '../schema';

/**
 * Tax details (Sage's Tax Details page: lookup, query, readByQuery, read by DETAILID; TAXTYPE S for
 * sales, P for purchases). Read-only here: the page documents no create. The seeded rows and the fields
 * beyond RECORDNO/DETAILID/TAXTYPE/DESCRIPTION (VALUE, GLACCOUNT, STATUS) are the sandbox's
 * (docs/fidelity-flows.md); the node's tax-detail search does not depend on STATUS (docs/fidelity.md).
 */
export const TAXDETAIL: ObjectDef = {
	name: 'TAXDETAIL',
	label: 'Tax Detail',
	idField: 'DETAILID',
	relationships: [],
	writes: [],
	fields: [
		recordNoField(),
		field('DETAILID', 'Tax detail ID', 'TEXT', { required: true }),
		field('TAXTYPE', 'Tax type', 'ENUM', { validValues: enumValues([['Sale', 'S'], ['Purchase', 'P']]) }),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('VALUE', 'Rate (percent)', 'DECIMAL'),
		field('GLACCOUNT', 'GL account', 'TEXT'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		...auditFields(),
	],
};
