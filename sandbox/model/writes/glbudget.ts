/**
 * Create Budget (Sage's Budgets page): a GLBUDGETHEADER with its GLBUDGETITEMS (the reference spells
 * the collection GLBDUGETITEMS in its table and GLBUDGETITEMS in its example; both are read). Each
 * detail needs ACCT_NO (an existing account), PERIODNAME ("Month Ended <Month> <yyyy>") and AMOUNT.
 */
import { RULES, RuleViolation, violation } from '../errors';
import { GLBUDGETHEADER, GLBUDGETITEM } from '../objects/glbudget';
import type { Row } from '../store';
import type { XmlElement } from '../contract';
import { requireReference } from './dimensions';
import { checkWriteFields } from './field-check';
import { createMasterRecord, updateMasterRecord, writableColumns } from './master-data';
import { readRecordInput, value, type FieldInput } from './record-input';
import type { WriteSession } from './write-session';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PERIOD = new RegExp(`^Month Ended (${MONTHS.join('|')}) (\\d{4})$`);

function checkItem(ws: WriteSession, line: FieldInput, index: number): void {
	try {
		// Only the detail fields Create Budget documents (PROJECTID, CLASSID: the sandbox's grant budgets).
		checkWriteFields(GLBUDGETITEM, line, 'create');
		for (const f of ['ACCT_NO', 'PERIODNAME', 'AMOUNT']) if (!value(line, f)) throw RULES.required(f);
		requireReference(ws.db, ws.ctx, 'GLACCOUNT', 'ACCT_NO', value(line, 'ACCT_NO')!);
		if (!PERIOD.test(value(line, 'PERIODNAME')!)) throw RULES.invalidValue('PERIODNAME', value(line, 'PERIODNAME')!, 'a budgetable period, e.g. Month Ended January 2026');
		if (value(line, 'LOCATION_NO')) requireReference(ws.db, ws.ctx, 'LOCATION', 'LOCATION_NO', value(line, 'LOCATION_NO')!);
		if (value(line, 'DEPT_NO')) requireReference(ws.db, ws.ctx, 'DEPARTMENT', 'DEPT_NO', value(line, 'DEPT_NO')!);
		if (value(line, 'PROJECTID')) requireReference(ws.db, ws.ctx, 'PROJECT', 'PROJECTID', value(line, 'PROJECTID')!);
		if (value(line, 'CLASSID')) requireReference(ws.db, ws.ctx, 'CLASS', 'CLASSID', value(line, 'CLASSID')!);
		writableColumns(GLBUDGETITEM, line);
	} catch (error: unknown) {
		if (error instanceof RuleViolation) for (const e of error.errors) e.description2 = `${e.description2 ?? ''} (budget detail ${index + 1})`;
		throw error;
	}
}

const COLLECTIONS = { GLBUDGETITEMS: 'GLBUDGETITEM', GLBDUGETITEMS: 'GLBUDGETITEM' };

export function createBudget(ws: WriteSession, el: XmlElement): Row {
	const input = readRecordInput(el, COLLECTIONS);
	checkWriteFields(GLBUDGETHEADER, input.fields, 'create');
	const lines = [...(input.lines.get('GLBUDGETITEMS') ?? []), ...(input.lines.get('GLBDUGETITEMS') ?? [])];
	// Every detail is checked before anything is written: a bad detail leaves no header behind.
	lines.forEach((line, i) => checkItem(ws, line, i));
	const header = createMasterRecord(ws, GLBUDGETHEADER, input.fields);
	const table = ws.db.table('GLBUDGETITEM');
	for (const line of lines) {
		const no = table.allocateRecordNo();
		table.put({ ...ws.createdStamp('GLBUDGETITEM', no), ...writableColumns(GLBUDGETITEM, line), BUDGETKEY: header.RECORDNO, BUDGETID: header.BUDGETID });
	}
	return header;
}

/**
 * Update Budget: the header's documented fields (Update Budget table); details in an update
 * (GLBDUGETITEMS with RECORDNO to modify) are not modelled, refused rather than dropped.
 */
export function updateBudget(ws: WriteSession, el: XmlElement): Row {
	const input = readRecordInput(el, COLLECTIONS);
	checkWriteFields(GLBUDGETHEADER, input.fields, 'update');
	if (input.lines.size > 0) throw violation('BL03000020', 'Updating budget details is not modelled by the sandbox.', 'Update the header only, or delete the budget and create it again.');
	return updateMasterRecord(ws, GLBUDGETHEADER, input.fields);
}
