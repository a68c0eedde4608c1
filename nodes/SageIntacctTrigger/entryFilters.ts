/**
 * Optional filters on a GL entry: account, journal and dimensions. Each filter is a comma-separated
 * list of IDs; an ID ending in `*` matches by prefix (`6*` = every account starting with 6).
 * An entry passes when every filter that is set matches.
 */
import type { IDataObject } from 'n8n-workflow';

import { userDimensionField } from '../shared/intacct/records/dimensions';

/**
 * Filter parameter name -> field of the entry record. JOURNAL is not a GLENTRY field: handleDelivery
 * adds it from the entry's GLBATCH before filtering when a journal filter is set.
 */
export const FILTER_FIELDS: Record<string, string> = {
	accounts: 'ACCOUNTNO',
	journals: 'JOURNAL',
	departments: 'DEPARTMENT',
	locations: 'LOCATION',
	classes: 'CLASSID',
	projects: 'PROJECTID',
	customers: 'CUSTOMERID',
	vendors: 'VENDORID',
	employees: 'EMPLOYEEID',
	items: 'ITEMID',
};

export function parseIdList(text: string): string[] {
	return text
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

function matches(value: string, patterns: string[]): boolean {
	return patterns.some((p) => (p.endsWith('*') ? value.startsWith(p.slice(0, -1)) : value === p));
}

/** The first filter the entry fails, as "ACCOUNTNO", or undefined when it passes them all. */
export function failedFilter(record: Record<string, string>, filters: IDataObject, userDimension: string): string | undefined {
	const fields: Record<string, string> = { ...FILTER_FIELDS };
	const udd = userDimensionField(userDimension);
	if (udd) fields.userDimensionValues = udd;
	for (const [param, field] of Object.entries(fields)) {
		const raw = filters[param];
		if (typeof raw !== 'string') continue;
		const patterns = parseIdList(raw);
		if (patterns.length === 0) continue;
		if (!matches((record[field] ?? '').trim(), patterns)) return field;
	}
	return undefined;
}

/** Whether a journal filter is set (it needs the entry's GLBATCH). */
export function needsJournal(filters: IDataObject): boolean {
	return typeof filters.journals === 'string' && parseIdList(filters.journals).length > 0;
}
