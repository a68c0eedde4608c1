/**
 * Changes to existing invoice lines (update_invoice updatelineitem line_num="n"): JSON
 * [{ lineNo, accountNo?, amount?, memo?, locationId?, departmentId?, projectId?, customerId?, vendorId?,
 * employeeId?, itemId?, classId? }], validated before sending (line n counted from 1 as Intacct does).
 */
import type { XmlObject } from '../../../shared/intacct/core/types';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { jsonListValue } from '../../../shared/intacct/n8n/parameters';
import { AmountInputError, parseAmount } from '../../../shared/intacct/records/amounts';

export interface LineUpdate {
	lineNo: number;
	fields: XmlObject;
}

/** JSON key -> updatelineitem element, in api.xsd's order. */
const ELEMENTS: Array<[string, string]> = [
	['accountNo', 'glaccountno'],
	['amount', 'amount'],
	['memo', 'memo'],
	['locationId', 'locationid'],
	['departmentId', 'departmentid'],
	['projectId', 'projectid'],
	['customerId', 'customerid'],
	['vendorId', 'vendorid'],
	['employeeId', 'employeeid'],
	['itemId', 'itemid'],
	['classId', 'classid'],
];

export function readLineUpdates(what: string, raw: unknown): LineUpdate[] {
	return jsonListValue(what, 'lineUpdatesJson', raw, '{ lineNo, ... }', true).map((entry, index) => {
		const at = `${what} line change ${index + 1}`;
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new ItemValidationError(`${at}: must be an object { lineNo, ... }`);
		const record = entry as Record<string, unknown>;
		const unknown = Object.keys(record).filter((k) => k !== 'lineNo' && !ELEMENTS.some(([key]) => key === k));
		if (unknown.length > 0) throw new ItemValidationError(`${at}, field "${unknown[0]}": not a line field (use ${ELEMENTS.map(([k]) => k).join(', ')})`);
		const lineNo = Number(record.lineNo);
		if (!Number.isInteger(lineNo) || lineNo < 1) throw new ItemValidationError(`${at}, field "lineNo": must be a line number from 1`);
		const fields: XmlObject = { $attributes: { line_num: String(lineNo) } };
		for (const [key, element] of ELEMENTS) {
			const value = record[key];
			if (value === undefined || value === null || value === '') continue;
			if (key === 'amount') {
				let amount = '';
				let reason = '';
				try {
					amount = parseAmount(value);
				} catch (error) {
					reason = error instanceof AmountInputError ? error.message : String(error);
				}
				if (reason) throw new ItemValidationError(`${at}, field "amount": ${reason}`);
				fields[element] = amount;
			} else {
				if (typeof value !== 'string' && typeof value !== 'number') throw new ItemValidationError(`${at}, field "${key}": must be text`);
				fields[element] = String(value).trim();
			}
		}
		if (Object.keys(fields).length === 1) throw new ItemValidationError(`${at}: changes nothing (give at least one field besides lineNo)`);
		return { lineNo, fields };
	});
}
