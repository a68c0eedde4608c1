import { auditFields, field, recordNoField, type ObjectDef } from '../schema';

/**
 * Supporting documents ("Attachments", SDK AttachmentsCreate = legacy create_supdoc). A SUPDOC holds
 * base64 attachments; APBILL.SUPDOCID and GLBATCH.SUPDOCID reference its SUPDOCID. The attachment
 * list is kept on the row (ATTACHMENTS, JSON) and rendered as ATTACHMENTS/attachment records.
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
