/**
 * Attachments (supporting documents) on the wire: Intacct documents them only through the legacy
 * create_supdoc / create_supdocfolder functions (company-console-attachments.md; api.xsd elements
 * create_supdoc, create_supdocfolder; docs/fidelity-ap.md). Any record with a SUPDOCID field (bills,
 * card transactions, journal entries) links to the document by that ID.
 */
import type { IntacctFunction, XmlObject } from '../core/types';
import { legacyFunction } from './functions';

/** MIME types whose usual extension is not their subtype. */
const EXTENSION_OF_MIME: Record<string, string> = {
	'application/pdf': 'pdf',
	'image/jpeg': 'jpg',
	'image/svg+xml': 'svg',
	'text/plain': 'txt',
	'text/csv': 'csv',
	'application/msword': 'doc',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.ms-excel': 'xls',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/**
 * Intacct's attachment name and type: "File name, no period or extension" and "File extension, no
 * period" (Sage's Attachments page, create_supdoc; Sage's SDK AttachmentFile splits a path the
 * same way). 'inv.2026.10.pdf' -> name 'inv_2026_10', type 'pdf'; without an extension the type comes
 * from the MIME type.
 */
export function attachmentNameAndType(fileName: string, mimeType: string | undefined): { name: string; type: string } {
	const dot = fileName.lastIndexOf('.');
	const base = dot > 0 ? fileName.slice(0, dot) : fileName;
	const extension = dot > 0 ? fileName.slice(dot + 1) : '';
	const mime = (mimeType ?? '').split(';')[0].trim().toLowerCase();
	const fromMime = EXTENSION_OF_MIME[mime] ?? mime.split('/')[1]?.split('+')[0]?.split('.').pop() ?? '';
	const type = (extension || fromMime).toLowerCase().replace(/[^a-z0-9]/g, '') || 'bin';
	const name = base.replace(/\./g, '_').trim() || 'file';
	return { name, type };
}

export interface AttachmentFile {
	/** Without period or extension (attachmentNameAndType). */
	name: string;
	type: string;
	data: Buffer;
}

/** create_supdoc of files into a folder; each file of one document needs its own name (SDK AttachmentFile). */
export function createSupdoc(supdocId: string, label: string, folder: string, files: AttachmentFile[]): IntacctFunction {
	const used = new Set<string>();
	const attachments: XmlObject[] = files.map((file) => {
		let fileName = file.name;
		for (let n = 2; used.has(`${fileName}.${file.type}`.toLowerCase()); n++) fileName = `${file.name}-${n}`;
		used.add(`${fileName}.${file.type}`.toLowerCase());
		return { attachmentname: fileName, attachmenttype: file.type, attachmentdata: file.data.toString('base64') };
	});
	return legacyFunction('create_supdoc', {
		supdocid: supdocId,
		supdocname: label.slice(0, 100),
		supdocfoldername: folder,
		supdocdescription: `Attached by n8n to ${label}`.slice(0, 200),
		attachments: { attachment: attachments },
	});
}

export function createSupdocFolder(folder: string): IntacctFunction {
	return legacyFunction('create_supdocfolder', { supdocfoldername: folder, supdocfolderdescription: 'Supporting documents attached by n8n' });
}
