import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { optionalField, recordNoParameter } from '../../../shared/intacct/n8n/parameters';
import { read, update } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, linesProperties, recordNoProperty, simplifyProperty, writeOptionsProperty } from '../common.descriptions';
import { entityOption, getClient } from '../../../shared/intacct/n8n/client';
import { checkJournalLines, glEntryElements, intacctDate, readLines } from '../../../shared/intacct/n8n/transactions';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { existingLineElements, headerElements, journalAdditionalFields, type JournalAdditionalFields } from './shared';

const [lineInput, ...lineParameters] = linesProperties('journalEntry', false);

const properties: INodeProperties[] = [
	recordNoProperty('RECORDNO of the draft or posted journal entry (GLBATCH) to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Posting Date', name: 'postingDate', type: 'string', default: '', placeholder: 'e.g. 2026-03-31' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				options: [
					{ name: 'Draft', value: 'Draft' },
					{ name: 'Posted', value: 'Posted' },
				],
				default: 'Draft',
				description: 'Posted posts the draft',
			},
			...journalAdditionalFields(),
		],
	},
	{
		...lineInput,
		options: [{ name: 'Keep Existing Lines', value: 'keep' }, ...(lineInput.options ?? [])],
		default: 'keep',
		description: 'New lines replace all existing lines (Intacct updates lines as a whole set)',
	} as INodeProperties,
	...lineParameters,
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(false),
];

export const description = updateDisplayOptions({ show: { resource: ['journalEntry'], operation: ['update'] } }, properties);

interface UpdateFields extends JournalAdditionalFields {
	postingDate?: string;
	description?: string;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'journalEntry-update', false, async (i) => {
		const what = `Journal entry update (item ${i})`;
		const recordNo = recordNoParameter(this, i, what);
		const fields = this.getNodeParameter('updateFields', i, {}) as UpdateFields;
		const mode = this.getNodeParameter('lineInput', i, 'keep') as string;
		const newLines = mode === 'keep' ? undefined : readLines(this, i, what, false);
		if (newLines) checkJournalLines(what, newLines);
		const postingDate = fields.postingDate ? intacctDate(what, 'postingDate', fields.postingDate) : undefined;
		// Intacct's update needs the date, description and the complete line set (§5.2): read the entry first.
		const current = await getClient(this).execute(read('GLBATCH', recordNo, '*'), entityOption(this, i));
		const existing = current.records[0];
		if (!existing) throw new ItemValidationError(`${what}: journal entry ${recordNo} was not found`);
		// Draft and Posted entries may be updated (general-ledger-journal-entries.md, Update Journal Entry:
		// STATE "Posted to post to the GL, otherwise Draft"); Intacct itself refuses the others.
		const batchDate = postingDate ?? String(existing.BATCH_DATE);
		const simplify = this.getNodeParameter('simplify', i, true) as boolean;
		return {
			fn: update('GLBATCH', {
				RECORDNO: recordNo,
				BATCH_DATE: batchDate,
				BATCH_TITLE: optionalField(what, 'description', fields.description) ?? String(existing.BATCH_TITLE ?? ''),
				...headerElements(what, fields),
				ENTRIES: { GLENTRY: newLines ? glEntryElements(newLines) : existingLineElements(existing) },
			}),
			onSuccess: (result) => ({ ...outputRecord('GLBATCH', result.records[0] ?? { RECORDNO: recordNo }, simplify), updated: true }),
			findExisting: async () => ({ ...outputRecord('GLBATCH', { RECORDNO: recordNo }, simplify), updated: true }),
		};
	});
}
