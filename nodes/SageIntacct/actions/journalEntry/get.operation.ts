import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { read } from '../../transport/functions';
import { entityIdProperty, recordNoProperty, simplifyProperty } from '../common.descriptions';
import { entityOption, getClient } from '../../helpers/client';
import { runPerItem } from '../../helpers/reads';
import { outputRecord } from '../../helpers/simplify';
import { ItemValidationError } from '../../helpers/errors';

const properties: INodeProperties[] = [
	recordNoProperty('RECORDNO of the journal entry (GLBATCH)'),
	entityIdProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['journalEntry'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const recordNo = String(this.getNodeParameter('recordNo', i)).trim();
		const result = await getClient(this).execute(read('GLBATCH', recordNo, '*'), entityOption(this, i));
		if (result.records.length === 0) throw new ItemValidationError(`Journal entry ${recordNo} was not found`);
		return [outputRecord('GLBATCH', result.records[0], this.getNodeParameter('simplify', i, true) as boolean)];
	});
}
