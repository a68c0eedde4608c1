import { ACTIVE_STATUS, auditFields, field, recordNoField, type ObjectDef } from '../schema';

/**
 * GL journal: GLBATCH.JOURNAL holds its SYMBOL (§5.2; the 2.1 DTD types it as max 4 chars). The
 * journals page is not in our reference copy: the field list is *invented* (docs/fidelity.md); the
 * node reads SYMBOL, TITLE and STATUS only. No writes (journals are set up in the UI).
 */
export const GLJOURNAL: ObjectDef = {
	name: 'GLJOURNAL',
	label: 'Journal',
	idField: 'SYMBOL',
	relationships: [],
	writes: [],
	fields: [
		recordNoField(),
		field('SYMBOL', 'Journal symbol', 'TEXT', { required: true }),
		field('TITLE', 'Title', 'TEXT', { required: true }),
		field('BOOKID', 'Book', 'TEXT'),
		field('ADJ', 'Adjustment journal', 'BOOLEAN'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		...auditFields(),
	],
};
