import { auditFields, enumValues, field, recordNoField, type ObjectDef } from '../schema';

/**
 * Tax details (Sage's Tax Details page: lookup, query, readByQuery, read by DETAILID; TAXTYPE S for
 * sales, P for purchases). Read-only here: the page documents no create. The seeded rows and the fields
 * beyond RECORDNO/DETAILID/TAXTYPE/DESCRIPTION (VALUE, GLACCOUNT) are the sandbox's
 * (docs/fidelity-flows.md). The page documents no STATUS: the sandbox has none, so the node's
 * tax-detail search meets a company without it (docs/fidelity.md).
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
		...auditFields(),
	],
};
