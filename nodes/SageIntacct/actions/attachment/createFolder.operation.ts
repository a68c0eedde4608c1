import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { optionalText, requiredText } from '../../../shared/intacct/n8n/parameters';
import { folderOutput } from '../../../shared/intacct/records/attachment';
import { createSupdocFolder } from '../../../shared/intacct/xml/attachments';
import { entityIdProperty } from '../common.descriptions';
import { getLegacyRecord, runValidatedItems } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Receipts 2026', description: 'Name of the folder (supdocfoldername)' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Parent Folder', name: 'parentFolder', type: 'string', default: '', description: 'An existing folder to create this one in (supdocparentfoldername)' },
	entityIdProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['createFolder'] } }, properties);

/** create_supdocfolder; a folder of that name that already exists is answered as it is (duplicate), not created again. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runValidatedItems(this, (i) => {
		const what = `Attachment folder (item ${i + 1})`;
		const name = requiredText(this, 'name', i, what);
		const description = optionalText(this, 'description', i, what) ?? '';
		const parent = optionalText(this, 'parentFolder', i, what);
		return {
			run: async (client, options) => {
				const existing = await getLegacyRecord(client, options, 'supdocfolder', name);
				if (existing) return { json: { ...folderOutput(existing, true), created: false, duplicate: true, message: 'The folder already exists; nothing was created.' } };
				await client.execute(createSupdocFolder(name, description, parent), options);
				return { json: { name, description, parentFolder: parent ?? '', created: true } };
			},
		};
	});
}
