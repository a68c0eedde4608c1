import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { itemParameter, limitParameter } from '../../../shared/intacct/n8n/parameters';
import { folderOutput } from '../../../shared/intacct/records/attachment';
import { entityIdProperty, limitProperty, returnAllProperty, simplifyProperty } from '../common.descriptions';
import { listLegacyRecords, runValidatedItems } from './shared';

const properties: INodeProperties[] = [returnAllProperty, limitProperty, entityIdProperty, simplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['getManyFolders'] } }, properties);

/** get_list object="supdocfolder" (List Attachment Folders (Legacy)). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const answers = await runValidatedItems(this, (i) => {
		const returnAll = itemParameter(this, 'returnAll', i, false);
		const limit = returnAll ? 0 : limitParameter(this, i, `Get Many Folders (item ${i + 1})`);
		const simplify = itemParameter(this, 'simplify', i, true);
		return {
			run: async (client, options) => ({ json: { records: (await listLegacyRecords(client, options, { object: 'supdocfolder', sortBy: 'name' }, returnAll, limit)).map((r) => folderOutput(r, simplify)) } }),
		};
	});
	const out: INodeExecutionData[] = [];
	for (const answer of answers) {
		const list = answer.json.records;
		if (Array.isArray(list)) for (const json of list as IDataObject[]) out.push({ json, pairedItem: answer.pairedItem });
		else out.push(answer);
	}
	return out;
}
