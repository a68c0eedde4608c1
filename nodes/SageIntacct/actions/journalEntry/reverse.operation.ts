import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { recordNoParameter } from '../../helpers/parameters';
import { read, update } from '../../transport/functions';
import { entityIdProperty, recordNoProperty, simplifyProperty, writeOptionsProperty } from '../common.descriptions';
import { intacctDate } from '../../helpers/transactions';
import { runWrites } from '../../helpers/writes';
import { outputRecord } from '../../helpers/simplify';
import type { IntacctApi, RequestOptions } from '../../transport/types';

const properties: INodeProperties[] = [
	recordNoProperty('RECORDNO of the posted journal entry (GLBATCH) to reverse'),
	{
		displayName: 'Reverse Date',
		name: 'reverseDate',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2026-03-31',
		description: 'Posting date of the reversing entry (on or after the original posting date)',
	},
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(true),
];

export const description = updateDisplayOptions({ show: { resource: ['journalEntry'], operation: ['reverse'] } }, properties);

async function readBack(client: IntacctApi, options: RequestOptions, recordNo: string, simplify: boolean) {
	const result = await client.execute(read('GLBATCH', recordNo, '*'), { entityId: options.entityId });
	return result.records[0] ? outputRecord('GLBATCH', result.records[0], simplify) : outputRecord('GLBATCH', { RECORDNO: recordNo }, simplify);
}

/**
 * Reverses a posted entry: an update of the GLBATCH to STATE Reversed with the reverse date.
 * Intacct posts the mirror entry (lines with debit and credit swapped, REVERSEDFROM = original) and
 * marks the original Reversed with REVERSEDKEY = the reversing entry (docs/sandbox-model.md).
 * The output is the original entry read back, so reversedByRecordNo names the new entry.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'journalEntry-reverse', true, (i) => {
		const what = `Journal entry reversal (item ${i})`;
		const recordNo = recordNoParameter(this, i, what);
		const reverseDate = intacctDate(what, 'reverseDate', this.getNodeParameter('reverseDate', i));
		const simplify = this.getNodeParameter('simplify', i, true) as boolean;
		return {
			fn: update('GLBATCH', { RECORDNO: recordNo, STATE: 'Reversed', REVERSEDATE: reverseDate }),
			onSuccess: async (_result, client, options) => await readBack(client, options, recordNo, simplify),
			findExisting: async (client, options) => await readBack(client, options, recordNo, simplify),
		};
	});
}
