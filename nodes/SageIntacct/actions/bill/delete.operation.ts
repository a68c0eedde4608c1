import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { recordNoParameter } from '../../../shared/intacct/n8n/parameters';
import { deleteRecords } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, recordNoProperty, writeOptionsProperty } from '../common.descriptions';
import { runWrites } from '../../../shared/intacct/n8n/writes';

const properties: INodeProperties[] = [recordNoProperty('RECORDNO of the bill (APBILL) to delete'), entityIdProperty, writeOptionsProperty(false)];

export const description = updateDisplayOptions({ show: { resource: ['bill'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'bill-delete', false, (i) => {
		const recordNo = recordNoParameter(this, i, `Bill delete (item ${i + 1})`);
		return {
			fn: deleteRecords('APBILL', recordNo),
			onSuccess: () => ({ deleted: true, recordNo: Number(recordNo) }),
			findExisting: async () => ({ RECORDNO: recordNo }),
		};
	});
}
