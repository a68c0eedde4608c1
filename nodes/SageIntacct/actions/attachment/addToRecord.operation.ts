import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import type { XmlObject } from '../../../shared/intacct/core/types';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { itemParameter, recordNoParameter, requiredText } from '../../../shared/intacct/n8n/parameters';
import { read, update } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, recordNoProperty, resourceLocator } from '../common.descriptions';
import { existingLineElements } from '../journalEntry/shared';
import { runValidatedItems } from './shared';

/**
 * Linking an existing attachment to an existing record is an update of the record's SUPDOCID, the
 * only route the reference documents (Sage's Bills page, Update Bill: SUPDOCID "Attachments ID",
 * with WHENDUE required; Journal Entries page, Update Journal Entry: SUPDOCID, with BATCH_DATE,
 * BATCH_TITLE and the complete ENTRIES required). The Attachments page itself documents no "attach
 * to record" function. Other records are not offered: their pages were not checked for it.
 */
const properties: INodeProperties[] = [
	{
		displayName:
			"Intacct documents linking an attachment only as an update of the record's Attachments ID (SUPDOCID): on bills and journal entries here. Its Attachments reference has no function that attaches a document to a record.",
		name: 'linkNotice',
		type: 'notice',
		default: '',
	},
	resourceLocator('attachmentId', 'Attachment', 'searchAttachments', { required: true, placeholder: 'e.g. N8N1A2B3C4D5E6F7G8', description: 'supdocid of an existing attachment' }),
	{
		displayName: 'Record Type',
		name: 'recordType',
		type: 'options',
		options: [
			{ name: 'Bill', value: 'bill', description: 'An AP bill (APBILL) without payments applied' },
			{ name: 'Journal Entry', value: 'journalEntry', description: 'A draft or posted journal entry (GLBATCH) of the General Ledger' },
		],
		default: 'bill',
	},
	recordNoProperty('RECORDNO of the bill or journal entry'),
	{
		displayName: 'Replace Existing Attachment',
		name: 'replace',
		type: 'boolean',
		default: false,
		description: 'Whether to link this attachment when the record already has another one (a record holds one attachment ID)',
	},
	entityIdProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['addToRecord'] } }, properties);

const OBJECTS = { bill: { object: 'APBILL', label: 'Bill' }, journalEntry: { object: 'GLBATCH', label: 'Journal entry' } } as const;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runValidatedItems(this, (i) => {
		const what = `Add attachment (item ${i + 1})`;
		const attachmentId = requiredText(this, 'attachmentId', i, what, { locator: true });
		const recordType = requiredText(this, 'recordType', i, what);
		if (recordType !== 'bill' && recordType !== 'journalEntry') throw new ItemValidationError(`${what}, field "recordType": "${recordType}" is not bill or journalEntry`);
		const { object, label } = OBJECTS[recordType];
		const recordNo = recordNoParameter(this, i, what);
		const replace = itemParameter(this, 'replace', i, false);
		return {
			run: async (client, options) => {
				const current = (await client.execute(read(object, recordNo, '*'), options)).records[0];
				if (!current) throw new ItemValidationError(`${label} ${recordNo} was not found`);
				const previous = typeof current.SUPDOCID === 'string' ? current.SUPDOCID : '';
				const out = { recordType, recordNo: Number(recordNo), attachmentId };
				// Already linked (a re-run): nothing to send.
				if (previous === attachmentId) return { json: { ...out, linked: true, alreadyLinked: true } };
				if (previous !== '' && !replace) {
					throw new ItemValidationError(`${what}: ${label.toLowerCase()} ${recordNo} already has attachment "${previous}"; turn on Replace Existing Attachment to link "${attachmentId}" instead`);
				}
				const fields: XmlObject =
					object === 'APBILL'
						? { RECORDNO: recordNo, WHENDUE: typeof current.WHENDUE === 'string' ? current.WHENDUE : undefined, SUPDOCID: attachmentId }
						: {
								RECORDNO: recordNo,
								BATCH_DATE: String(current.BATCH_DATE ?? ''),
								BATCH_TITLE: String(current.BATCH_TITLE ?? ''),
								SUPDOCID: attachmentId,
								ENTRIES: { GLENTRY: existingLineElements(current) },
							};
				await client.execute(update(object, fields), options);
				return { json: { ...out, linked: true, alreadyLinked: false, ...(previous ? { replacedAttachmentId: previous } : {}) } };
			},
		};
	});
}
