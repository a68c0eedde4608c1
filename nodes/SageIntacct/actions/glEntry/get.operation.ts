import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { recordNoParameter } from '../../../shared/intacct/n8n/parameters';
import { read } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, recordNoProperty, simplifyProperty } from '../common.descriptions';
import { getOneForItem, runPerItem } from '../../../shared/intacct/n8n/reads';
import { sourceProperty } from './shared';

const properties: INodeProperties[] = [
	sourceProperty,
	recordNoProperty('RECORDNO of the GL entry line'),
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['glEntry'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const source = this.getNodeParameter('source', i, 'GLENTRY') as string;
		const recordNo = recordNoParameter(this, i, `GL entry (item ${i + 1})`);
		return await getOneForItem(this, i, source, read(source, recordNo, '*'), `${source} ${recordNo}`);
	});
}
