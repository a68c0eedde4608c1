import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { itemParameter, requiredText } from '../../../shared/intacct/n8n/parameters';
import { create } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, linesProperties, simplifyProperty, writeOptionsProperty } from '../common.descriptions';
import { checkJournalLines, glEntryElements, intacctDate, readLines } from '../../../shared/intacct/n8n/transactions';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { intacctToIso } from '../../../shared/intacct/records/dates';
import {
	findJournalEntry,
	headerElements,
	journalAdditionalFields,
	journalProperty,
	simplifyParameter,
	stateProperty,
	type JournalAdditionalFields,
} from './shared';

const properties: INodeProperties[] = [
	journalProperty,
	{
		displayName: 'Posting Date',
		name: 'postingDate',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2026-03-31',
		description: 'BATCH_DATE. ISO (2026-01-31), mm/dd/yyyy or a date expression such as {{ $now }}.',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		required: true,
		default: '',
		description: 'BATCH_TITLE: the journal entry description',
	},
	stateProperty,
	...linesProperties('journalEntry', true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: journalAdditionalFields(),
	},
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(true),
];

export const description = updateDisplayOptions({ show: { resource: ['journalEntry'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'journalEntry-create', true, (i) => {
		const what = `Journal entry (item ${i})`;
		const journal = requiredText(this, 'journal', i, what, { locator: true });
		const batchDate = intacctDate(what, 'postingDate', this.getNodeParameter('postingDate', i));
		const title = requiredText(this, 'description', i, what);
		const state = itemParameter(this, 'state', i, 'Posted');
		const additional = this.getNodeParameter('additionalFields', i, {}) as JournalAdditionalFields;
		const lines = readLines(this, i, what, false);
		checkJournalLines(what, lines);
		const simplify = simplifyParameter(this, i);
		const fn = create('GLBATCH', {
			JOURNAL: journal,
			BATCH_DATE: batchDate,
			BATCH_TITLE: title,
			...headerElements(what, { ...additional, state }),
			ENTRIES: { GLENTRY: glEntryElements(lines) },
		});
		return {
			fn,
			onSuccess: (result) => ({
				...outputRecord('GLBATCH', result.records[0] ?? {}, simplify),
				...(simplify
					? { journal, postingDate: intacctToIso(batchDate), description: title, state, lineCount: lines.length }
					: {}),
			}),
			findExisting: async (client, options) =>
				await findJournalEntry(client, options, journal, additional.referenceNumber, batchDate, simplify),
		};
	});
}
