import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { recordNoParameter } from '../../../shared/intacct/n8n/parameters';
import { getOneForItem, runPerItem } from '../../../shared/intacct/n8n/reads';
import { read } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, recordNoProperty, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [recordNoProperty('RECORDNO of the AP payment'), entityIdProperty, simplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['apPayment'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const recordNo = recordNoParameter(this, i, `AP payment (item ${i + 1})`);
		return await getOneForItem(this, i, 'APPYMT', read('APPYMT', recordNo), `AP payment ${recordNo}`);
	});
}
