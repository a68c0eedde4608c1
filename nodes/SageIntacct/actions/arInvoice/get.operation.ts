import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { recordNoParameter } from '../../../shared/intacct/n8n/parameters';
import { getOneForItem, runPerItem } from '../../../shared/intacct/n8n/reads';
import { read } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, recordNoProperty, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [recordNoProperty('RECORDNO of the AR invoice (ARINVOICE)'), entityIdProperty, simplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['arInvoice'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const recordNo = recordNoParameter(this, i, `AR invoice (item ${i + 1})`);
		return await getOneForItem(this, i, 'ARINVOICE', read('ARINVOICE', recordNo), `AR invoice ${recordNo}`);
	});
}
