import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { recordNoParameter } from '../../../shared/intacct/n8n/parameters';
import { read } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, recordNoProperty, simplifyProperty } from '../common.descriptions';
import { getOneForItem, runPerItem } from '../../../shared/intacct/n8n/reads';

const properties: INodeProperties[] = [
	recordNoProperty('RECORDNO of the journal entry (GLBATCH)'),
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['journalEntry'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const recordNo = recordNoParameter(this, i, `Journal entry (item ${i + 1})`);
		return await getOneForItem(this, i, 'GLBATCH', read('GLBATCH', recordNo, '*'), `Journal entry ${recordNo}`);
	});
}
