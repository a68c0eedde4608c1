/**
 * Attachments (supporting documents) and their folders as the legacy get / get_list answer them
 * (Sage's Attachments page; a recorded answer: recordno, supdocid, supdocname, folder, description,
 * creationdate, createdby, attachments/attachment {attachmentname, attachmenttype, attachmentdata}).
 * The one output shape of each, and the files of an attachment as bytes.
 */
import type { IDataObject } from 'n8n-workflow';
import type { IntacctFieldValue, IntacctRecord } from '../core/types';
import { intacctToIso } from './dates';

function text(value: IntacctFieldValue | undefined): string {
	if (typeof value === 'string') return value;
	if (value && !Array.isArray(value) && typeof value['#text'] === 'string') return value['#text'];
	return '';
}

function records(value: IntacctFieldValue | undefined): IntacctRecord[] {
	if (value === undefined || typeof value === 'string') return [];
	return Array.isArray(value) ? value.filter((v): v is IntacctRecord => typeof v === 'object') : [value];
}

export interface AttachmentFileData {
	/** Without period or extension. */
	name: string;
	type: string;
	data: Buffer;
}

/** The files of an attachment record, decoded. */
export function attachmentFiles(record: IntacctRecord): AttachmentFileData[] {
	const container = records(record.attachments)[0];
	return records(container?.attachment).map((file) => ({
		name: text(file.attachmentname),
		type: text(file.attachmenttype),
		data: Buffer.from(text(file.attachmentdata).replace(/\s+/g, ''), 'base64'),
	}));
}

function recordNo(record: IntacctRecord): number | null {
	const n = Number(text(record.recordno));
	return text(record.recordno) !== '' && Number.isFinite(n) ? n : null;
}

/** An attachment without its file contents (simplified), or the raw legacy record minus the data. */
export function attachmentOutput(record: IntacctRecord, simplify: boolean): IDataObject {
	const files = attachmentFiles(record).map((f) => ({ fileName: f.type ? `${f.name}.${f.type}` : f.name, type: f.type, size: f.data.length }));
	if (!simplify) {
		const { attachments: _files, ...rest } = record;
		return { ...(rest as IDataObject), files };
	}
	return {
		recordNo: recordNo(record),
		attachmentId: text(record.supdocid),
		name: text(record.supdocname),
		folder: text(record.folder),
		description: text(record.description),
		createdOn: text(record.creationdate) ? intacctToIso(text(record.creationdate)) : null,
		createdBy: text(record.createdby),
		...(record.attachments !== undefined ? { files } : {}),
	};
}

export function folderOutput(record: IntacctRecord, simplify: boolean): IDataObject {
	if (!simplify) return record as IDataObject;
	return {
		recordNo: recordNo(record),
		name: text(record.name),
		description: text(record.description),
		parentFolder: text(record.parentfolder),
		createdOn: text(record.creationdate) ? intacctToIso(text(record.creationdate)) : null,
		createdBy: text(record.createdby),
	};
}
