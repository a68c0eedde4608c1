/** The poll trigger's parameters as PollSettings, with the defaults and limits in one place. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { toIntacctTimestamp } from '../shared/intacct/records/dates';
import { MAX_QUERY_PAGE_SIZE } from '../shared/intacct/xml/functions';
import { GL_ENTRY_FIELDS } from '../shared/intacct/records/glEntryFields';
import type { PollSettings } from './pollChanges';

/** Always selected: the cursor and the created/updated decision need them. */
export const REQUIRED_FIELDS = ['RECORDNO', 'WHENCREATED', 'WHENMODIFIED'];

/** `query` has no "all fields" (docs/protocol.md §4.4): GL entries get the trigger's field list. */
export function defaultFields(object: string): string[] {
	return object === 'GLENTRY' ? GL_ENTRY_FIELDS.map((f) => f.field) : [...REQUIRED_FIELDS];
}

export function selectFields(object: string, fieldsText: string): string[] {
	const listed = fieldsText
		.split(',')
		.map((f) => f.trim().toUpperCase())
		.filter((f) => f !== '');
	const base = listed.length > 0 ? listed : defaultFields(object);
	return [...new Set([...REQUIRED_FIELDS, ...base])];
}

/** Share of n8n's poll budget spent fetching; the rest is left for emitting and committing. */
const FETCH_SHARE = 0.5;

export function readPollSettings(ctx: IPollFunctions): PollSettings {
	const object = String(ctx.getNodeParameter('object', 'GLENTRY')).trim().toUpperCase() || 'GLENTRY';
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const startDate = ctx.getNodeParameter('startDate', '') as unknown;
	const budget = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : 5 * 60_000;
	return {
		object,
		fields: selectFields(object, String(ctx.getNodeParameter('fields', ''))),
		changes: ctx.getNodeParameter('changes', 'createdOrUpdated') as PollSettings['changes'],
		lookBackMs: Math.max(0, Number(ctx.getNodeParameter('lookBackMinutes', 5))) * 60_000,
		startAt: startDate === '' || startDate === undefined || startDate === null ? undefined : toIntacctTimestamp(startDate),
		maxRecords: Math.max(1, Number(options.maxRecordsPerPoll ?? 5000)),
		pageSize: Math.min(MAX_QUERY_PAGE_SIZE, Math.max(1, Number(options.pageSize ?? MAX_QUERY_PAGE_SIZE))),
		fetchBudgetMs: budget * FETCH_SHARE,
	};
}
