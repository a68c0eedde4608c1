/**
 * Journal entry header parameters and GLBATCH building shared by create and update.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { IntacctApi, IntacctRecord, RequestOptions, XmlObject } from '../../../shared/intacct/core/types';
import { readByQuery } from '../../../shared/intacct/xml/functions';
import { nameValueCollection, resourceLocator } from '../common.descriptions';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { quote } from '../../../shared/intacct/n8n/reads';
import { customHeaderFields, optionalDate } from '../../../shared/intacct/n8n/transactions';
import { itemParameter, optionalField } from '../../../shared/intacct/n8n/parameters';

export const journalProperty: INodeProperties = resourceLocator('journal', 'Journal', 'searchJournals', {
	required: true,
	placeholder: 'e.g. GJ',
	description: 'The journal (symbol) to post to',
});

export const stateProperty: INodeProperties = {
	displayName: 'State',
	name: 'state',
	type: 'options',
	options: [
		{ name: 'Posted', value: 'Posted' },
		{ name: 'Draft', value: 'Draft' },
	],
	default: 'Posted',
	description: 'Post now, or save as a draft that can still be updated',
};

export function journalAdditionalFields(): INodeProperties[] {
	return [
		{ displayName: 'Reference Number', name: 'referenceNumber', type: 'string', default: '', description: 'REFERENCENO; also used to find the entry again after a duplicate' },
		{ displayName: 'Reverse Date', name: 'reverseDate', type: 'string', default: '', placeholder: 'e.g. 2026-03-31', description: 'Date on which Intacct reverses this entry automatically (after the posting date)' },
		{ displayName: 'History Comment', name: 'historyComment', type: 'string', default: '' },
		{ displayName: 'Source Entity', name: 'sourceEntity', type: 'string', default: '', description: 'BASELOCATION_NO: the source entity when lines do not balance per entity' },
		{ displayName: 'Attachments ID', name: 'attachmentsId', type: 'string', default: '', description: 'SUPDOCID of an existing attachment' },
		nameValueCollection('customFields', 'Custom Fields', 'Custom header fields by integration name', 'e.g. GRANT_CODE'),
	];
}

export interface JournalAdditionalFields extends IDataObject {
	referenceNumber?: string;
	reverseDate?: string;
	historyComment?: string;
	sourceEntity?: string;
	attachmentsId?: string;
	state?: string;
	customFields?: IDataObject;
}

export function headerElements(what: string, fields: JournalAdditionalFields): XmlObject {
	const reverseDate = optionalDate(what, 'reverseDate', fields.reverseDate);
	return {
		REVERSEDATE: reverseDate,
		REFERENCENO: optionalField(what, 'referenceNumber', fields.referenceNumber),
		HISTORY_COMMENT: optionalField(what, 'historyComment', fields.historyComment),
		BASELOCATION_NO: optionalField(what, 'sourceEntity', fields.sourceEntity),
		SUPDOCID: optionalField(what, 'attachmentsId', fields.attachmentsId),
		STATE: optionalField(what, 'state', fields.state),
		...customHeaderFields(what, fields.customFields),
	};
}

/** Finds a journal entry by journal + reference number (+ posting date), for duplicate reports. */
export async function findJournalEntry(
	client: IntacctApi,
	options: RequestOptions,
	journal: string,
	referenceNumber: string | undefined,
	batchDate: string | undefined,
	simplify: boolean,
): Promise<IDataObject | undefined> {
	if (!referenceNumber) return undefined;
	const conditions = [`JOURNAL = ${quote(journal)}`, `REFERENCENO = ${quote(referenceNumber)}`];
	if (batchDate) conditions.push(`BATCH_DATE = ${quote(batchDate)}`);
	const result = await client.execute(
		readByQuery({ object: 'GLBATCH', fields: '*', query: conditions.join(' AND '), pageSize: 1 }),
		{ entityId: options.entityId },
	);
	const record: IntacctRecord | undefined = result.records[0];
	return record ? outputRecord('GLBATCH', record, simplify) : undefined;
}

export function simplifyParameter(context: IExecuteFunctions, itemIndex: number): boolean {
	return itemParameter(context, 'simplify', itemIndex, true);
}

/** GLBATCH ENTRIES as read returns them: <ENTRIES><GLENTRY/>...</ENTRIES> in whatever nesting the parser kept. */
export function entriesOf(record: IntacctRecord, container = 'ENTRIES', element = 'GLENTRY'): IntacctRecord[] {
	const value = record[container];
	if (value === undefined || typeof value === 'string') return [];
	const list = Array.isArray(value) ? value : [value];
	return list.flatMap((entry) => {
		// read renders the lines' element in lower case (<ENTRIES><glentry>...): match either case.
		const innerKey = Object.keys(entry).find((key) => key.toUpperCase() === element);
		const inner = innerKey === undefined ? undefined : entry[innerKey];
		if (inner === undefined) return [entry];
		if (typeof inner === 'string') return [];
		return Array.isArray(inner) ? inner : [inner];
	});
}

const LINE_ELEMENTS_TO_KEEP = /^(ACCOUNTNO|TR_TYPE|TRX_AMOUNT|DESCRIPTION|DEPARTMENT|LOCATION|PROJECTID|CLASSID|CUSTOMERID|VENDORID|EMPLOYEEID|ITEMID|TASKID|CONTRACTID|WAREHOUSEID|CURRENCY|DOCUMENT|GLDIM\w+)$/;

/** Existing GLENTRY lines (from read) -> create/update elements, so an update can re-send them unchanged. */
export function existingLineElements(record: IntacctRecord): XmlObject[] {
	return entriesOf(record).map((line) => {
		const out: XmlObject = {};
		for (const [key, value] of Object.entries(line)) {
			if (typeof value === 'string' && value !== '' && LINE_ELEMENTS_TO_KEEP.test(key)) out[key] = value;
		}
		if (out.TRX_AMOUNT === undefined && typeof line.AMOUNT === 'string') out.TRX_AMOUNT = line.AMOUNT;
		return out;
	});
}
