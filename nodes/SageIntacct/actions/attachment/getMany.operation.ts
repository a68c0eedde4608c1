import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { itemParameter, limitParameter } from '../../../shared/intacct/n8n/parameters';
import { attachmentOutput } from '../../../shared/intacct/records/attachment';
import { entityIdProperty, limitProperty, returnAllProperty, simplifyProperty } from '../common.descriptions';
import { ATTACHMENT_HEADER_FIELDS, listLegacyRecords, runValidatedItems } from './shared';

const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [{ displayName: 'Folder', name: 'folder', type: 'string', default: '', description: 'Only attachments in this folder' }],
	},
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['getMany'] } }, properties);

/** get_list object="supdoc" without the files' data (the reference: "consider limiting the fields"); Get downloads them. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	const answers = await runValidatedItems(this, (i) => {
		const returnAll = itemParameter(this, 'returnAll', i, false);
		const limit = returnAll ? 0 : limitParameter(this, i, `Get Many (item ${i + 1})`);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const folder = typeof filters.folder === 'string' ? filters.folder.trim() : '';
		const simplify = itemParameter(this, 'simplify', i, true);
		return {
			run: async (client, options) => {
				const records = await listLegacyRecords(client, options, { object: 'supdoc', fields: ATTACHMENT_HEADER_FIELDS, equals: folder ? { folder } : undefined, sortBy: 'supdocid' }, returnAll, limit);
				return { json: { records: records.map((r) => attachmentOutput(r, simplify)) } };
			},
		};
	});
	for (const answer of answers) {
		const list = answer.json.records;
		if (Array.isArray(list)) for (const json of list as IDataObject[]) out.push({ json, pairedItem: answer.pairedItem });
		else out.push(answer);
	}
	return out;
}
