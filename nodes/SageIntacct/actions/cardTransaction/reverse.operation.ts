import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { optionalText, recordNoParameter } from '../../../shared/intacct/n8n/parameters';
import { intacctDate } from '../../../shared/intacct/n8n/transactions';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { legacyFunction } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, recordNoProperty, writeOptionsProperty } from '../common.descriptions';
import { dateParts } from './shared';

/** reverse_cctransaction (Sage's Charge Card Transactions page, Reverse Charge Card Transaction (Legacy)). */
const properties: INodeProperties[] = [
	recordNoProperty('RECORDNO of the charge card transaction to reverse'),
	{ displayName: 'Reversal Date', name: 'reversalDate', type: 'dateTime', required: true, default: '', description: 'Date of the reversal (datereversed)' },
	{ displayName: 'Memo', name: 'memo', type: 'string', default: '', placeholder: 'e.g. Wrong card used' },
	entityIdProperty,
	writeOptionsProperty(true),
];

export const description = updateDisplayOptions({ show: { resource: ['cardTransaction'], operation: ['reverse'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'cardtransaction-reverse', true, (i) => {
		const what = `Card transaction reversal (item ${i + 1})`;
		const recordNo = recordNoParameter(this, i, what);
		const date = intacctDate(what, 'reversalDate', this.getNodeParameter('reversalDate', i));
		return {
			fn: legacyFunction('reverse_cctransaction', { datereversed: dateParts(date), memo: optionalText(this, 'memo', i, what) }, { attributes: { key: recordNo } }),
			onSuccess: (result) => ({ recordNo: Number(recordNo), reversed: true, reversalRecordNo: result.key !== undefined ? Number(result.key) : null }),
			findExisting: async () => ({ RECORDNO: recordNo }),
		};
	});
}
