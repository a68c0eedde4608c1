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
export function createSupdoc(supdocId: string, label: string, folder: string, files: AttachmentFile[], description = `Attached by n8n to ${label}`): IntacctFunction {
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
		supdocdescription: description.slice(0, 200) || undefined,
		attachments: { attachment: attachments },
	});
}

export function createSupdocFolder(folder: string, description = 'Supporting documents attached by n8n', parent?: string): IntacctFunction {
	return legacyFunction('create_supdocfolder', { supdocfoldername: folder, supdocfolderdescription: description, supdocparentfoldername: parent });
}

/** The legacy objects Sage documents reads of for attachments (get / get_list, Sage's Attachments page). */
export type SupdocObject = 'supdoc' | 'supdocfolder';

/** get object="supdoc" key="…" (an attachment with its files) or object="supdocfolder" key="<folder name>". */
export function getSupdocRecord(object: SupdocObject, key: string, fields?: string[]): IntacctFunction {
	return legacyFunction('get', fields && fields.length > 0 ? { fields: { field: fields } } : {}, { attributes: { object, key } });
}

export interface SupdocListParams {
	object: SupdocObject;
	/** Zero-based first item (get_list start). */
	start: number;
	maxItems: number;
	/** field = value expressions, and-ed (get_list.filter). */
	equals?: Record<string, string>;
	fields?: string[];
	/** Sort field, ascending. */
	sortBy?: string;
}

/** get_list of supdoc / supdocfolder: filter, sorts, fields in the schema's order (api.xsd get_list). */
export function listSupdocRecords(params: SupdocListParams): IntacctFunction {
	const expressions = Object.entries(params.equals ?? {}).map(([field, value]) => ({ field, operator: '=', value }));
	const filter =
		expressions.length === 0
			? undefined
			: expressions.length === 1
				? { expression: expressions[0] }
				: { logical: { $attributes: { logical_operator: 'and' }, expression: expressions } };
	return legacyFunction(
		'get_list',
		{
			filter,
			sorts: params.sortBy ? { sortfield: { $attributes: { order: 'asc' }, '#text': params.sortBy } } : undefined,
			fields: params.fields && params.fields.length > 0 ? { field: params.fields } : undefined,
		},
		{ attributes: { object: params.object, start: String(params.start), maxitems: String(params.maxItems) } },
	);
}

/** MIME type of a file extension (the inverse of EXTENSION_OF_MIME, plus common images). */
export function mimeTypeOf(type: string): string {
	const lower = type.toLowerCase();
	const known = Object.entries(EXTENSION_OF_MIME).find(([, extension]) => extension === lower);
	if (known) return known[0];
	const images: Record<string, string> = { png: 'image/png', gif: 'image/gif', jpeg: 'image/jpeg', tif: 'image/tiff', tiff: 'image/tiff', webp: 'image/webp', heic: 'image/heic', bmp: 'image/bmp' };
	return images[lower] ?? 'application/octet-stream';
}
