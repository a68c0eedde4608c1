import { auditFields, enumValues, field, recordNoField, type ObjectDef } from '../schema';

/** Labels and readByQuery codes of GLBATCH/GLENTRY STATE (§6.1). */
export const GL_STATE = enumValues([
	['Draft', 'I'],
	['Submitted', 'S'],
	['Partially Approved', 'X'],
	['Approved', 'A'],
	['Posted', 'P'],
	['Declined', 'R'],
	['Reversal pending', 'L'],
	['Reversed', 'Z'],
]);

/** Journal entry header (§5.2, §6.1). `read` adds ENTRIES (its GLENTRY lines). */
export const GLBATCH: ObjectDef = {
	name: 'GLBATCH',
	label: 'Journal Entry',
	relationships: [{ path: 'JOURNAL', object: 'GLJOURNAL', label: 'Journal', relatedBy: 'JOURNAL', targetField: 'SYMBOL' }],
	fields: [
		recordNoField(),
		field('BATCHNO', 'Transaction number', 'INTEGER', { readonly: true, description: 'Sequence number within the journal' }),
		field('BATCH_TITLE', 'Description', 'TEXT', { required: true }),
		field('JOURNAL', 'Journal', 'TEXT', { required: true }),
		field('JOURNALKEY', 'Journal key', 'INTEGER', { readonly: true }),
		field('BATCH_DATE', 'Posting date', 'DATE', { required: true }),
		field('REVERSEDATE', 'Reverse date', 'DATE', { description: 'Auto-reverse date; must be greater than BATCH_DATE (general-ledger-journal-entries.md, Create)' }),
		field('REVERSED', 'Reversed on', 'DATE', { readonly: true }),
		field('REVERSEDKEY', 'Reversed by', 'INTEGER', { readonly: true }),
		field('REVERSEDFROM', 'Reversal of', 'INTEGER', { readonly: true }),
		field('ADJ', 'Adjustment', 'BOOLEAN', { readonly: true }),
		field('MODULE', 'Module', 'TEXT', { readonly: true }),
		// Readable states are the eight readByQuery codes; create/update accept only Posted or Draft.
		field('STATE', 'State', 'ENUM', { validValues: GL_STATE }),
		field('REFERENCENO', 'Reference number', 'TEXT'),
		field('HISTORY_COMMENT', 'History comment', 'TEXT'),
		field('BASELOCATION_NO', 'Source entity', 'TEXT'),
		field('BASELOCATION_NAME', 'Source entity name', 'TEXT', { readonly: true }),
		field('SUPDOCID', 'Attachment', 'TEXT'),
		field('TRANSACTIONSOURCE', 'Transaction source', 'TEXT'),
		field('PRRECORDKEY', 'AP bill key', 'INTEGER', { readonly: true, description: 'Sandbox: RECORDNO of the AP bill this batch posts (MODULE 3.AP)' }),
		field('USERINFO.LOGINID', 'Created by user', 'TEXT', { readonly: true }),
		...auditFields(),
	],
};
