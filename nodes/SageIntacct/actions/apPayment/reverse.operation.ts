import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { optionalText, recordNoParameter } from '../../../shared/intacct/n8n/parameters';
import { intacctDate } from '../../../shared/intacct/n8n/transactions';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { legacyFunction } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, recordNoProperty, writeOptionsProperty } from '../common.descriptions';

/**
 * Reversing (voiding) a posted AP payment: reverse_appayment (Sage's AP Payments page, Reverse AP
 * Payment (Legacy)): the amounts go back to the bills, which are open again. A Draft payment is
 * deleted instead (generic delete).
 */
const properties: INodeProperties[] = [
	recordNoProperty('RECORDNO of the AP payment to reverse'),
	{ displayName: 'Reversal Date', name: 'reversalDate', type: 'dateTime', required: true, default: '', description: 'The date of the reversal (datereversed)' },
	{ displayName: 'Memo', name: 'memo', type: 'string', default: '', description: 'Memo of the reversal (description)' },
	entityIdProperty,
	writeOptionsProperty(true),
];

export const description = updateDisplayOptions({ show: { resource: ['apPayment'], operation: ['reverse'] } }, properties);

function dateParts(mmddyyyy: string): { year: string; month: string; day: string } {
	const [month, day, year] = mmddyyyy.split('/');
	return { year, month, day };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'appayment-reverse', true, (i) => {
		const what = `AP payment reversal (item ${i + 1})`;
		const recordNo = recordNoParameter(this, i, what);
		const date = intacctDate(what, 'reversalDate', this.getNodeParameter('reversalDate', i));
		const memo = optionalText(this, 'memo', i, what);
		return {
			fn: legacyFunction('reverse_appayment', { datereversed: dateParts(date), description: memo }, { attributes: { key: recordNo } }),
			onSuccess: (result) => ({ recordNo: Number(recordNo), reversed: true, reversalRecordNo: result.key !== undefined ? Number(result.key) : null }),
			// A repeated reversal key: the payment it names is the existing record (raw fields, as Intacct answers).
			findExisting: async () => ({ RECORDNO: recordNo }),
		};
	});
}
