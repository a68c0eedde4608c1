import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { recordNoParameter } from '../../../shared/intacct/n8n/parameters';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { deleteRecords } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, recordNoProperty, writeOptionsProperty } from '../common.descriptions';

const properties: INodeProperties[] = [recordNoProperty('RECORDNO of the AR invoice (ARINVOICE) to delete; an invoice with payments applied cannot be deleted'), entityIdProperty, writeOptionsProperty(false)];

export const description = updateDisplayOptions({ show: { resource: ['arInvoice'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'arinvoice-delete', false, (i) => {
		const recordNo = recordNoParameter(this, i, `AR invoice delete (item ${i + 1})`);
		return {
			fn: deleteRecords('ARINVOICE', recordNo),
			onSuccess: () => ({ deleted: true, recordNo: Number(recordNo) }),
			findExisting: async () => ({ RECORDNO: recordNo }),
		};
	});
}
