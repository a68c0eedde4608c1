import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { contentAttachmentId, ensureFolder, readItemFiles, type FolderCache } from '../../../shared/intacct/n8n/attachments';
import { isIntacctErrorLike, ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { optionalField, requiredText } from '../../../shared/intacct/n8n/parameters';
import { attachmentFiles } from '../../../shared/intacct/records/attachment';
import { createSupdoc, type AttachmentFile } from '../../../shared/intacct/xml/attachments';
import { entityIdProperty, resourceLocator } from '../common.descriptions';
import { getLegacyRecord, runValidatedItems } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Receipt EXP-1001', description: 'Name of the attachment record (supdocname)' },
	resourceLocator('folder', 'Folder', 'searchAttachmentFolders', { required: true, placeholder: 'e.g. Receipts', idModeName: 'Name', description: 'Attachment folder (supdocfoldername); Intacct requires one' }),
	{ displayName: 'Input Binary Fields', name: 'binaryPropertyNames', type: 'string', default: 'data', required: true, placeholder: 'e.g. data, receipt', description: 'Names of the binary fields whose files make up the attachment, comma-separated' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Attachment ID', name: 'attachmentId', type: 'string', default: '', description: 'The attachment ID (supdocid). Empty: derived from the files, so a re-run finds the same attachment.' },
			{ displayName: 'Create Folder If Missing', name: 'createFolder', type: 'boolean', default: true, description: 'Whether to create the folder first when it does not exist' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		],
	},
	entityIdProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['create'] } }, properties);

interface Fields {
	attachmentId?: string;
	createFolder?: boolean;
	description?: string;
}

function sameFiles(existing: ReturnType<typeof attachmentFiles>, sent: AttachmentFile[]): boolean {
	const key = (f: { name: string; type: string; data: Buffer }) => `${f.name}.${f.type}`.toLowerCase() + ':' + f.data.toString('base64');
	const a = existing.map(key).sort();
	const b = sent.map(key).sort();
	return a.length === b.length && a.every((k, i) => k === b[i]);
}

/**
 * create_supdoc of the item's files. The attachment is looked for first (get supdoc): the same files
 * under that ID are this attachment already uploaded (a re-run: duplicate, nothing sent); other files
 * under that ID are an error, never an overwrite.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const folders: FolderCache = new Map();
	return await runValidatedItems(this, async (i) => {
		const what = `Attachment (item ${i + 1})`;
		const name = requiredText(this, 'name', i, what);
		const folder = requiredText(this, 'folder', i, what, { locator: true });
		const fields = this.getNodeParameter('additionalFields', i, {}) as Fields;
		const { files, digest } = await readItemFiles(this, i, what, `attachment|${folder}`);
		const givenId = optionalField(what, 'attachmentId', fields.attachmentId);
		const attachmentId = givenId ?? contentAttachmentId(digest);
		const descriptionText = optionalField(what, 'description', fields.description) ?? '';
		const createFolder = fields.createFolder !== false;
		const output = (extra: Record<string, unknown>) => ({
			json: { attachmentId, name, folder, description: descriptionText, files: files.map((f) => ({ fileName: `${f.name}.${f.type}`, type: f.type, size: f.data.length })), ...extra },
		});
		return {
			run: async (client, options) => {
				const existing = await getLegacyRecord(client, options, 'supdoc', attachmentId);
				if (existing) {
					if (!sameFiles(attachmentFiles(existing), files)) {
						throw new ItemValidationError(`${what}: attachment ID "${attachmentId}" already exists in Intacct with other files; nothing was uploaded. Use another attachment ID, or leave it empty to derive one from the files.`);
					}
					return output({ created: false, duplicate: true, message: 'This attachment was already uploaded (same ID and files); nothing was sent again.' });
				}
				if (createFolder) await ensureFolder(client, options, folder, folders);
				let failure: unknown;
				try {
					await client.execute({ ...createSupdoc(attachmentId, name, folder, files, descriptionText), controlId: `n8n-supdoc-${attachmentId}` }, { ...options, idempotent: true });
				} catch (error) {
					failure = error;
				}
				if (failure === undefined) return output({ created: true });
				if (isIntacctErrorLike(failure) && failure.kind === 'duplicate') {
					return output({ created: false, duplicate: true, message: 'Uploaded by an earlier attempt with the same control ID; nothing was sent again.' });
				}
				throw failure;
			},
		};
	});
}
