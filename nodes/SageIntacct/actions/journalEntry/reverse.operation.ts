import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { recordNoParameter } from '../../../shared/intacct/n8n/parameters';
import { create, read, readByQuery } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, recordNoProperty, simplifyProperty, writeOptionsProperty } from '../common.descriptions';
import { entityOption, getClient } from '../../../shared/intacct/n8n/client';
import { intacctDate } from '../../../shared/intacct/n8n/transactions';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { quote } from '../../../shared/intacct/n8n/reads';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import type { IntacctApi, IntacctRecord, RequestOptions, XmlObject } from '../../../shared/intacct/core/types';
import { existingLineElements } from './shared';

const properties: INodeProperties[] = [
	{
		displayName:
			'Intacct\'s XML API has no "reverse" function. This operation posts a mirror entry: a new journal entry in the same journal with every debit and credit swapped, dated Reverse Date and with reference number REV-&lt;record number&gt;. To have Intacct reverse an entry by itself, set Reverse Date when you create it.',
		name: 'reverseNotice',
		type: 'notice',
		default: '',
	},
	recordNoProperty('RECORDNO of the posted journal entry (GLBATCH) to reverse'),
	{
		displayName: 'Reverse Date',
		name: 'reverseDate',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2026-03-31',
		description: 'Posting date of the mirror entry; must be after the original posting date',
	},
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(true),
];

export const description = updateDisplayOptions({ show: { resource: ['journalEntry'], operation: ['reverse'] } }, properties);

/** The mirror entry's reference number: how a retry finds it again, and how a reader links the two. */
export function reversalReference(recordNo: string): string {
	return `REV-${recordNo}`;
}

/** MM/DD/YYYY -> a sortable YYYYMMDD. */
function sortableDate(usDate: string): string {
	const [month, day, year] = usDate.split('/');
	return `${year}${month}${day}`;
}

/** Lines of the original with debit and credit swapped. */
export function mirroredLines(original: IntacctRecord): XmlObject[] {
	return existingLineElements(original).map((line) => ({ ...line, TR_TYPE: line.TR_TYPE === '1' ? '-1' : '1' }));
}

async function findReversal(client: IntacctApi, options: RequestOptions, journal: string, recordNo: string, simplify: boolean): Promise<IDataObject | undefined> {
	const query = `JOURNAL = ${quote(journal)} AND REFERENCENO = ${quote(reversalReference(recordNo))}`;
	const result = await client.execute(readByQuery({ object: 'GLBATCH', fields: '*', query, pageSize: 1 }), { entityId: options.entityId });
	const found = result.records[0];
	return found ? { ...outputRecord('GLBATCH', found, simplify), reversesRecordNo: Number(recordNo) } : undefined;
}

/**
 * Reverses a posted entry by a documented route: `create GLBATCH` of the mirror entry
 * (general-ledger-journal-entries.md, Create Journal Entry). Intacct documents no reverse function
 * and only Posted/Draft as writable states (docs/fidelity.md, "General ledger"). The output is the
 * mirror entry, with reversesRecordNo naming the original.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites.call(this, 'journalEntry-reverse', true, async (i) => {
		const what = `Journal entry reversal (item ${i})`;
		const recordNo = recordNoParameter(this, i, what);
		const reverseDate = intacctDate(what, 'reverseDate', this.getNodeParameter('reverseDate', i));
		const simplify = this.getNodeParameter('simplify', i, true) as boolean;
		const current = await getClient(this).execute(read('GLBATCH', recordNo, '*'), entityOption(this, i));
		const original = current.records[0];
		if (!original) throw new ItemValidationError(`${what}: journal entry ${recordNo} was not found`);
		if (original.STATE !== 'Posted') {
			throw new ItemValidationError(`${what}: journal entry ${recordNo} is ${String(original.STATE)}; only posted journal entries can be reversed`);
		}
		const batchDate = String(original.BATCH_DATE ?? '');
		if (sortableDate(reverseDate) <= sortableDate(batchDate)) {
			throw new ItemValidationError(`${what}, field "reverseDate": ${reverseDate} must be after the posting date ${batchDate} of journal entry ${recordNo}`);
		}
		const journal = String(original.JOURNAL ?? '');
		const title = `Reversal of ${recordNo}: ${String(original.BATCH_TITLE ?? '')}`;
		const fields: XmlObject = {
			JOURNAL: journal,
			BATCH_DATE: reverseDate,
			BATCH_TITLE: title,
			REFERENCENO: reversalReference(recordNo),
			BASELOCATION_NO: typeof original.BASELOCATION_NO === 'string' && original.BASELOCATION_NO !== '' ? original.BASELOCATION_NO : undefined,
			STATE: 'Posted',
			ENTRIES: { GLENTRY: mirroredLines(original) },
		};
		return {
			fn: create('GLBATCH', fields),
			onSuccess: async (result, client, options) => {
				const key = String(result.records[0]?.RECORDNO ?? '');
				const back = key ? await client.execute(read('GLBATCH', key, '*'), { entityId: options.entityId }) : undefined;
				const record = back?.records[0] ?? result.records[0] ?? {};
				return { ...outputRecord('GLBATCH', record, simplify), reversesRecordNo: Number(recordNo) };
			},
			findExisting: async (client, options) => await findReversal(client, options, journal, recordNo, simplify),
		};
	});
}
