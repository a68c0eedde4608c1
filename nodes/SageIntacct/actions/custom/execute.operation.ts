import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { optionalText } from '../../../shared/intacct/n8n/parameters';
import type { IntacctResult } from '../../../shared/intacct/core/types';
import { entityIdProperty } from '../common.descriptions';
import { entityOption, getClient } from '../../../shared/intacct/n8n/client';
import { errorJson, toN8nError } from '../../../shared/intacct/n8n/errors';
import { maskSessionIds, parseCustomFunctions } from '../../../shared/intacct/n8n/customXml';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { resultError } from '../../../shared/intacct/client/clientErrors';

const properties: INodeProperties[] = [
	{
		displayName: 'XML Functions',
		name: 'xml',
		type: 'string',
		typeOptions: { rows: 8 },
		required: true,
		default: '',
		placeholder: '<readByName><object>GLACCOUNT</object><keys>1000</keys><fields>*</fields></readByName>',
		description: 'One or more Intacct functions (the content of &lt;function&gt;, or whole &lt;function controlid="..."&gt; elements). The node adds the envelope and signs in.',
	},
	{
		displayName: 'Transaction',
		name: 'transaction',
		type: 'boolean',
		default: false,
		description: 'Whether all functions must succeed together (operation transaction="true"): one failure rolls back the others',
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description: 'Whether to convert returned records to readable names, numbers and ISO dates',
	},
	entityIdProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['custom'], operation: ['execute'] } }, properties);

function resultJson(result: IntacctResult, simplify: boolean): IDataObject {
	const object = result.listType ?? '';
	return {
		function: result.function,
		controlId: result.controlId,
		status: result.status,
		...(result.listType !== undefined ? { listType: result.listType } : {}),
		...(result.count !== undefined ? { count: result.count } : {}),
		...(result.totalCount !== undefined ? { totalCount: result.totalCount } : {}),
		...(result.numRemaining !== undefined ? { numRemaining: result.numRemaining } : {}),
		...(result.resultId ? { resultId: result.resultId } : {}),
		...(result.key !== undefined ? { key: result.key } : {}),
		data: result.records.map((record) => outputRecord(object, maskSessionIds(record), simplify)),
		...(result.errors.length > 0 ? { errors: result.errors.map((e) => ({ ...e })) } : {}),
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const fns = parseCustomFunctions(optionalText(this, 'xml', i, `Custom XML (item ${i})`) ?? '');
			const transaction = this.getNodeParameter('transaction', i, false) as boolean;
			const simplify = this.getNodeParameter('simplify', i, false) as boolean;
			const results = await getClient(this).executeBatch(fns, { ...entityOption(this, i), transaction });
			const failed = results.find((r) => r.status !== 'success');
			if (failed && !this.continueOnFail()) throw resultError(failed);
			for (const result of results) {
				const json = resultJson(result, simplify);
				out.push({ json: result.status === 'success' ? json : { ...errorJson(resultError(result)), ...json }, pairedItem: { item: i } });
			}
		} catch (error) {
			if (!this.continueOnFail()) throw toN8nError(this.getNode(), error, i);
			out.push({ json: errorJson(error), pairedItem: { item: i } });
		}
	}
	return out;
}
