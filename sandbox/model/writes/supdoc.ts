/**
 * Supporting documents (attachments): generic create of SUPDOC and legacy create_supdoc (the SDK's
 * AttachmentsCreate). Each attachment has a name, a type (file extension) and base64 data; the
 * folder must exist (create_supdocfolder / SUPDOCFOLDER create).
 */
import type { XmlElement } from '../contract';
import { RULES, duplicate } from '../errors';
import type { Row } from '../store';
import { childElement, childElements, childText } from '../xml-element';
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

export function writeSupdoc(ws: WriteSession, input: SupdocInput): Row {
	if (!input.id) throw RULES.required('SUPDOCID');
	if (!input.name) throw RULES.required('SUPDOCNAME');
	const table = ws.db.table('SUPDOC');
	if (table.getById(input.id)) throw duplicate('Attachment', input.id);
	if (input.folder) requireReference(ws.db, ws.ctx, 'SUPDOCFOLDER', 'SUPDOCFOLDERNAME', input.folder);
	const files: StoredAttachment[] = input.attachments.map((a, index) => {
		const name = childText(a, 'attachmentname');
		const type = childText(a, 'attachmenttype') ?? '';
		const data = (childText(a, 'attachmentdata') ?? '').replace(/\s+/g, '');
		if (!name) throw RULES.required(`ATTACHMENTNAME (attachment ${index + 1})`);
		if (!data || !BASE64.test(data)) throw RULES.invalidValue('ATTACHMENTDATA', `${data.slice(0, 20)}…`, 'base64-encoded file content');
		return { ATTACHMENTNAME: name, ATTACHMENTTYPE: type, ATTACHMENTDATA: data };
	});
	const recordNo = table.allocateRecordNo();
	const row: Row = {
		...ws.createdStamp('SUPDOC', recordNo),
		SUPDOCID: input.id,
		SUPDOCNAME: input.name,
		FOLDERNAME: input.folder ?? '',
		DESCRIPTION: input.description ?? '',
		ATTACHMENTCOUNT: String(files.length),
		ATTACHMENTSJSON: JSON.stringify(files),
	};
	table.put(row);
	ws.emit('SUPDOC', 'create', row);
	return row;
}

/** Generic <create><SUPDOC>…<ATTACHMENTS><ATTACHMENT>… (field names case-insensitive). */
export function createSupdoc(ws: WriteSession, el: XmlElement): Row {
	return writeSupdoc(ws, {
		id: childText(el, 'SUPDOCID'),
		name: childText(el, 'SUPDOCNAME'),
		folder: childText(el, 'SUPDOCFOLDERNAME') ?? childText(el, 'FOLDERNAME'),
		description: childText(el, 'SUPDOCDESCRIPTION') ?? childText(el, 'DESCRIPTION'),
		attachments: readAttachments(childElement(el, 'ATTACHMENTS')),
	});
}

export function deleteSupdoc(ws: WriteSession, key: string): void {
	deleteMasterRecord(ws, objectDef('SUPDOC')!, key);
}
