/**
 * readByQuery conditions (§4.2) built from node parameters.
 */
import { DateInputError, toIntacctTimestamp } from '../records/dates';
import { ItemValidationError } from './errors';
import { quote } from './reads';

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
