/** Typed reading of input fields with the sandbox's error texts. */
import { formatUsDate, parseUsDate } from '../dates';
import { RULES } from '../errors';
import { value, type FieldInput } from './record-input';

/** A date field: 'yyyy-mm-dd', undefined when absent; invalid dates are rejected (§12.23). */
export function dateInput(input: FieldInput, fieldId: string): string | undefined {
	const text = value(input, fieldId);
	if (text === undefined) return undefined;
	const iso = parseUsDate(text);
	if (!iso) throw RULES.invalidDate(fieldId, text);
	return iso;
}

export function requireText(input: FieldInput, fieldId: string): string {
	const text = value(input, fieldId);
	if (text === undefined) throw RULES.required(fieldId);
	return text;
}

/** The closed-period rule (§5.2, §12.20): dates before the company's first open period fail. */
export function requireOpenPeriod(closedBefore: string, isoDate: string): void {
	if (isoDate < closedBefore) throw RULES.closedPeriod(formatUsDate(isoDate));
}
