/**
 * Journal entries (GLBATCH, §5.2) and bills (APBILL, §5.4) as Intacct wants them, built from
 * validated input. Field names and the GLENTRY/APBILLITEM dimension asymmetry (DEPARTMENT vs
 * DEPARTMENTID) live here and in DIMENSIONS only.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { XmlObject } from '../core/types';
import { DIMENSIONS } from '../records/dimensions';
import { toCents, toDecimal } from '../records/amounts';
import { DateInputError, toIntacctDate } from '../records/dates';
import { ItemValidationError } from './errors';
import { itemParameter, textValue } from './parameters';
import { parseJsonLines, parseUiLines, type LineInput, type UiLine } from './lines';

/** Reads the item's lines from the UI collection or the JSON parameter. */
export function readLines(context: IExecuteFunctions, itemIndex: number, what: string, signed: boolean): LineInput[] {
	const mode = itemParameter<string>(context, 'lineInput', itemIndex, 'fields');
	if (mode === 'json') return parseJsonLines(what, context.getNodeParameter('linesJson', itemIndex, '[]'), signed);
	const lines = itemParameter<UiLine[]>(context, 'lines.line', itemIndex, []);
	return parseUiLines(what, lines, signed);
}

/** A date parameter -> mm/dd/yyyy, or an error naming the field. */
export function intacctDate(what: string, field: string, value: unknown): string {
	let reason = '';
	try {
		return toIntacctDate(value);
	} catch (error) {
		reason = error instanceof DateInputError ? error.message : String(error);
	}
	throw new ItemValidationError(`${what}, field "${field}": ${reason}`);
}

export function optionalDate(what: string, field: string, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return intacctDate(what, field, value);
}

/** Debits must equal credits (in cents); at least two lines (§5.2). */
export function checkJournalLines(what: string, lines: LineInput[]): void {
	if (lines.length === 0) throw new ItemValidationError(`${what} has no lines`);
	if (lines.length < 2) throw new ItemValidationError(`${what} needs at least two lines (a debit and a credit), got 1`);
	let debits = 0;
	let credits = 0;
	lines.forEach((line, index) => {
		const cents = toCents(line.amount);
		if (cents === 0) throw new ItemValidationError(`${what} line ${index + 1}, field "amount": must not be zero`);
		if (line.side === 'credit') credits += cents;
		else debits += cents;
	});
	if (debits !== credits) {
		throw new ItemValidationError(
			`${what} is not balanced: debits ${toDecimal(debits)}, credits ${toDecimal(credits)} (difference ${toDecimal(Math.abs(debits - credits))})`,
		);
	}
}

function lineExtras(line: LineInput, dimensionElement: 'glEntry' | 'billLine'): XmlObject {
	const out: XmlObject = {};
	for (const d of DIMENSIONS) {
		const value = line.dimensions[d.key];
		if (value !== undefined) out[d[dimensionElement]] = value;
	}
	Object.assign(out, line.userDefinedDimensions, line.customFields);
	return out;
}

export function glEntryElements(lines: LineInput[]): XmlObject[] {
	return lines.map((line) => ({
		ACCOUNTNO: line.accountNo,
		TR_TYPE: line.side === 'credit' ? '-1' : '1',
		TRX_AMOUNT: line.amount,
		DESCRIPTION: line.memo,
		...lineExtras(line, 'glEntry'),
	}));
}

export function billItemElements(lines: LineInput[]): XmlObject[] {
	return lines.map((line) => ({
		ACCOUNTNO: line.accountNo,
		TRX_AMOUNT: line.amount,
		ENTRYDESCRIPTION: line.memo,
		...lineExtras(line, 'billLine'),
	}));
}

/** Custom header fields (`customFields.field[]` name/value pairs) -> UPPER names. */
export function customHeaderFields(what: string, collection: IDataObject | undefined): XmlObject {
	const out: XmlObject = {};
	const pairs = ((collection?.field as IDataObject[] | undefined) ?? []).filter((p) => String(p.name ?? '').trim() !== '');
	for (const pair of pairs) {
		const name = String(pair.name).trim().toUpperCase();
		if (!/^[A-Z][A-Z0-9_]*$/.test(name)) throw new ItemValidationError(`${what}, custom field "${pair.name}": not an Intacct field name`);
		out[name] = textValue(what, `custom field ${name}`, pair.value);
	}
	return out;
}
