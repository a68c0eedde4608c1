import { auditFields, field, recordNoField, type ObjectDef } from '../schema';

/**
 * Supporting documents ("Attachments", Sage's Attachments page). Written only through the legacy
 * create_supdoc / delete_supdoc (writes/supdoc.ts; the SDK's AttachmentsCreate); the generic create is
 * refused. APBILL.SUPDOCID and GLBATCH.SUPDOCID reference its SUPDOCID. The reference documents reads
 * only as legacy get/get_list; the sandbox also serves it to read/readByQuery with these fields, a
 * read shape of its own (docs/fidelity-ap.md). The files are kept on the row (ATTACHMENTSJSON) and
 * rendered as ATTACHMENTS/attachment records.
 */
export const SUPDOC: ObjectDef = {
	name: 'SUPDOC',
	label: 'Attachment',
	idField: 'SUPDOCID',
	relationships: [],
	fields: [
		recordNoField(),
		field('SUPDOCID', 'Attachment ID', 'TEXT', { required: true }),
		field('SUPDOCNAME', 'Attachment name', 'TEXT', { required: true }),
		field('FOLDERNAME', 'Folder', 'TEXT'),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('ATTACHMENTCOUNT', 'Number of files', 'INTEGER', { readonly: true }),
		...auditFields(),
	],
};

/** Attachment folders: create_supdocfolder (supdocfoldername required, description and parent optional). */
export const SUPDOCFOLDER: ObjectDef = {
	name: 'SUPDOCFOLDER',
	label: 'Attachment Folder',
	idField: 'NAME',
	relationships: [],
	fields: [
		recordNoField(),
		field('NAME', 'Folder name', 'TEXT', { required: true }),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('PARENTFOLDERNAME', 'Parent folder', 'TEXT'),
		...auditFields(),
	],
};
