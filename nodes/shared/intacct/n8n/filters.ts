/**
 * readByQuery conditions (§4.2) built from node parameters: the Get Many filters. Each builder gives
 * the condition of a filter that is set, and nothing for one left empty, so an operation lists its
 * filters in the order it sends them.
 */
import type { IDataObject } from 'n8n-workflow';
import { DateInputError, toIntacctTimestamp } from '../records/dates';
import { ItemValidationError } from './errors';
import { commaList, quote } from './reads';
import { intacctDate } from './transactions';

export function timestampFilter(what: string, field: string, value: unknown, operator = '>='): string {
	return `${field} ${operator} ${quote(timestampValue(what, value))}`;
}

/** An Intacct timestamp for a filter, or an item error naming the field. */
export function timestampValue(what: string, value: unknown): string {
	let reason = '';
	try {
		return toIntacctTimestamp(value);
	} catch (error) {
		reason = error instanceof DateInputError ? error.message : String(error);
	}
	throw new ItemValidationError(`${what}, field "modifiedSince": ${reason}`);
}

/** `FIELD = 'a'` or `FIELD IN ('a','b')`. */
export function equalsAny(field: string, values: string[]): string {
	return values.length === 1 ? `${field} = ${quote(values[0])}` : `${field} IN (${values.map(quote).join(',')})`;
}

/** `FIELD = 'value'` for a filter that is set. */
export function equalsFilter(field: string, value: unknown): string[] {
	return value ? [`${field} = ${quote(String(value))}`] : [];
}

/** One or more values, comma-separated (IDs: VENDORID, CUSTOMERID), as `FIELD = 'a'` or `FIELD IN ('a','b')`. */
export function anyOfFilter(field: string, value: unknown): string[] {
	const values = commaList(value);
	return values.length > 0 ? [equalsAny(field, values)] : [];
}

/** The States multi-option: the codes chosen (STATE = 'A', STATE IN (...)). */
export function statesFilter(value: unknown): string[] {
	const states = (value as string[] | undefined) ?? [];
	return states.length > 0 ? [equalsAny('STATE', states)] : [];
}

/** The startDate / endDate filters on the object's date field (WHENCREATED, BATCH_DATE), both ends included. */
export function dateRangeFilter(what: string, field: string, filters: IDataObject): string[] {
	const conditions: string[] = [];
	if (filters.startDate) conditions.push(`${field} >= ${quote(intacctDate(what, 'startDate', filters.startDate))}`);
	if (filters.endDate) conditions.push(`${field} <= ${quote(intacctDate(what, 'endDate', filters.endDate))}`);
	return conditions;
}
