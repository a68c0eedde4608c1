import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { itemParameter, requiredText } from '../../../shared/intacct/n8n/parameters';
import { attachmentFiles, attachmentOutput } from '../../../shared/intacct/records/attachment';
import { mimeTypeOf } from '../../../shared/intacct/xml/attachments';
import { entityIdProperty, resourceLocator, simplifyProperty } from '../common.descriptions';
import { getLegacyRecord, runValidatedItems } from './shared';

const properties: INodeProperties[] = [
	resourceLocator('attachmentId', 'Attachment', 'searchAttachments', { required: true, placeholder: 'e.g. N8N1A2B3C4D5E6F7G8', description: 'supdocid of the attachment' }),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'Binary field of the first file; further files go to the same name followed by _2, _3, …',
	},
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['get'] } }, properties);

/** get object="supdoc" key="…" (Get Attachment by ID (Legacy)): the files back as n8n binary data. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runValidatedItems(this, (i) => {
		const what = `Attachment (item ${i + 1})`;
		const attachmentId = requiredText(this, 'attachmentId', i, what, { locator: true });
		const field = requiredText(this, 'binaryPropertyName', i, what);
		const simplify = itemParameter(this, 'simplify', i, true);
		return {
			run: async (client, options) => {
				const record = await getLegacyRecord(client, options, 'supdoc', attachmentId);
				if (!record) throw new ItemValidationError(`Attachment "${attachmentId}" was not found`);
				const binary: INodeExecutionData['binary'] = {};
				const files = attachmentFiles(record);
				for (let n = 0; n < files.length; n++) {
					const file = files[n];
					const fileName = file.type ? `${file.name}.${file.type}` : file.name;
					binary[n === 0 ? field : `${field}_${n + 1}`] = await this.helpers.prepareBinaryData(file.data, fileName, mimeTypeOf(file.type));
				}
				return { json: attachmentOutput(record, simplify), binary };
			},
		};
	});
}
