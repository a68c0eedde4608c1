import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { entityOption, getClient } from '../../../shared/intacct/n8n/client';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { itemParameter, recordNoParameter } from '../../../shared/intacct/n8n/parameters';
import { runPerItem } from '../../../shared/intacct/n8n/reads';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { read, readByQuery } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, recordNoProperty, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [recordNoProperty('RECORDNO of the charge card transaction'), entityIdProperty, simplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['cardTransaction'], operation: ['get'] } }, properties);

/** The transaction (read CCTRANSACTION) and its lines (readByQuery CCTRANSACTIONENTRY by RECORDKEY), both documented reads. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const recordNo = recordNoParameter(this, i, `Card transaction (item ${i + 1})`);
		const client = getClient(this);
		const options = entityOption(this, i);
		const [header, lines] = await Promise.all([
			client.execute(read('CCTRANSACTION', recordNo), options),
			client.execute(readByQuery({ object: 'CCTRANSACTIONENTRY', fields: '*', query: `RECORDKEY = ${recordNo}`, pageSize: 1000 }), options),
		]);
		if (header.records.length === 0) throw new ItemValidationError(`Card transaction ${recordNo} was not found`);
		const simplify = itemParameter(this, 'simplify', i, true);
		const sorted = [...lines.records].sort((a, b) => Number(a.LINE_NO) - Number(b.LINE_NO));
		return [{ ...outputRecord('CCTRANSACTION', header.records[0], simplify), [simplify ? 'lines' : 'CCTRANSACTIONENTRIES']: sorted.map((line) => outputRecord('CCTRANSACTIONENTRY', line, simplify)) }];
	});
}
