import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { read } from '../../transport/functions';
import { entityIdProperty, recordNoProperty, simplifyProperty } from '../common.descriptions';
import { entityOption, getClient } from '../../helpers/client';
import { runPerItem } from '../../helpers/reads';
import { outputRecord } from '../../helpers/simplify';
import { ItemValidationError } from '../../helpers/errors';
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
		const recordNo = String(this.getNodeParameter('recordNo', i)).trim();
		const result = await getClient(this).execute(read(source, recordNo, '*'), entityOption(this, i));
		if (result.records.length === 0) throw new ItemValidationError(`${source} ${recordNo} was not found`);
		return [outputRecord(source, result.records[0], this.getNodeParameter('simplify', i, true) as boolean)];
	});
}
