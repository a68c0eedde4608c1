/**
 * Supporting documents (attachments) exist only through the legacy functions Sage documents
 * (Sage's Attachments page, "Create Attachment (Legacy)"; api.xsd create_supdoc, the SDK's
 * AttachmentsCreate): supdocname and supdocfoldername are required, the folder must exist
 * (create_supdocfolder), and each attachment is a name and a type without a period plus base64 data.
 * No generic <create><SUPDOC> route is documented: the sandbox refuses it (docs/fidelity-ap.md).
 */
import type { XmlElement } from '../contract';
import { RULES, duplicate, violation } from '../errors';
import type { Row } from '../store';
import { childElements, childText } from '../xml-element';
import { requireReference } from './dimensions';
import { deleteMasterRecord } from './master-data';
import { objectDef } from '../objects';
import type { WriteSession } from './write-session';
import type { StoredAttachment } from '../reads/record-output';

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}$/;

export interface SupdocInput {
	id: string | undefined;
	name: string | undefined;
	folder: string | undefined;
	description: string | undefined;
	attachments: XmlElement[];
}

export function readAttachments(container: XmlElement | undefined): XmlElement[] {
	return container ? childElements(container, 'attachment') : [];
}

/** attachmentname / attachmenttype: "File name, no period or extension" / "File extension, no period". */
function withoutPeriod(fieldId: string, text: string | undefined, index: number): string {
	if (!text) throw RULES.required(`${fieldId} (attachment ${index + 1})`);
	if (text.includes('.')) throw RULES.invalidValue(fieldId, text, `a ${fieldId === 'attachmentname' ? 'file name' : 'file extension'} without a period`);
	return text;
}

export function writeSupdoc(ws: WriteSession, input: SupdocInput): Row {
	// supdocid: the XSD requires the element; the sandbox has no attachment autonumbering, so a value too.
	if (!input.id) throw RULES.required('supdocid');
	if (!input.name) throw RULES.required('supdocname');
	if (!input.folder) throw RULES.required('supdocfoldername');
	const table = ws.db.table('SUPDOC');
	if (table.getById(input.id)) throw duplicate('Attachment', input.id);
	requireReference(ws.db, ws.ctx, 'SUPDOCFOLDER', 'supdocfoldername', input.folder);
	const names = new Set<string>();
	const files: StoredAttachment[] = input.attachments.map((a, index) => {
		const name = withoutPeriod('attachmentname', childText(a, 'attachmentname'), index);
		const type = withoutPeriod('attachmenttype', childText(a, 'attachmenttype'), index);
		const data = (childText(a, 'attachmentdata') ?? '').replace(/\s+/g, '');
		if (!data || !BASE64.test(data)) throw RULES.invalidValue('attachmentdata', `${data.slice(0, 20)}…`, 'base64-encoded file content');
		// The SDK's AttachmentFile: the name "needs to be unique from other files in attachment record".
		if (names.has(`${name}.${type}`.toLowerCase())) throw violation('BL03000020', `Attachment file ${name}.${type} is given twice.`, 'Give each file its own name.');
		names.add(`${name}.${type}`.toLowerCase());
		return { ATTACHMENTNAME: name, ATTACHMENTTYPE: type, ATTACHMENTDATA: data };
	});
	const recordNo = table.allocateRecordNo();
	const row: Row = {
		...ws.createdStamp('SUPDOC', recordNo),
		SUPDOCID: input.id,
		SUPDOCNAME: input.name,
		FOLDERNAME: input.folder,
		DESCRIPTION: input.description ?? '',
		ATTACHMENTCOUNT: String(files.length),
		ATTACHMENTSJSON: JSON.stringify(files),
	};
	table.put(row);
	ws.emit('SUPDOC', 'create', row);
	return row;
}

/** Generic <create><SUPDOC>: not a documented route (attachments are legacy-only), refused. */
export function createSupdoc(): Row {
	throw violation(
		'BL01001973',
		'SUPDOC cannot be created with the generic create function.',
		'Use create_supdoc (Create Attachment (Legacy)) with supdocfoldername.',
	);
}

/** Generic delete of SUPDOC: likewise undocumented (delete_supdoc is the documented route), refused. */
export function deleteSupdoc(): void {
	throw violation('BL01001973', 'SUPDOC cannot be deleted with the generic delete function.', 'Use delete_supdoc (Delete Attachment (Legacy)).');
}

/** delete_supdoc key="…" */
export function removeSupdoc(ws: WriteSession, key: string): void {
	deleteMasterRecord(ws, objectDef('SUPDOC')!, key);
}
