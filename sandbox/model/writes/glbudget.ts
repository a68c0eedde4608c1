/**
 * Create Budget (Sage's Budgets page): a GLBUDGETHEADER with its GLBUDGETITEMS (the reference spells
 * the collection GLBDUGETITEMS in its table and GLBUDGETITEMS in its example; both are read). Each
 * detail needs ACCT_NO (an existing account), PERIODNAME ("Month Ended <Month> <yyyy>") and AMOUNT.
 */
import { RULES, RuleViolation } from '../errors';
import { objectDef } from '../objects';
import type { Row } from '../store';
import type { XmlElement } from '../contract';
import { requireReference } from './dimensions';
import { createMasterRecord, writableColumns } from './master-data';
import { readRecordInput, value, type FieldInput } from './record-input';
import type { WriteSession } from './write-session';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PERIOD = new RegExp(`^Month Ended (${MONTHS.join('|')}) (\\d{4})$`);

function checkItem(ws: WriteSession, line: FieldInput, index: number): void {
	try {
		for (const f of ['ACCT_NO', 'PERIODNAME', 'AMOUNT']) if (!value(line, f)) throw RULES.required(f);
		requireReference(ws.db, ws.ctx, 'GLACCOUNT', 'ACCT_NO', value(line, 'ACCT_NO')!);
		if (!PERIOD.test(value(line, 'PERIODNAME')!)) throw RULES.invalidValue('PERIODNAME', value(line, 'PERIODNAME')!, 'a budgetable period, e.g. Month Ended January 2026');
		if (value(line, 'LOCATION_NO')) requireReference(ws.db, ws.ctx, 'LOCATION', 'LOCATION_NO', value(line, 'LOCATION_NO')!);
		if (value(line, 'DEPT_NO')) requireReference(ws.db, ws.ctx, 'DEPARTMENT', 'DEPT_NO', value(line, 'DEPT_NO')!);
		if (value(line, 'PROJECTID')) requireReference(ws.db, ws.ctx, 'PROJECT', 'PROJECTID', value(line, 'PROJECTID')!);
		if (value(line, 'CLASSID')) requireReference(ws.db, ws.ctx, 'CLASS', 'CLASSID', value(line, 'CLASSID')!);
		writableColumns(objectDef('GLBUDGETITEM')!, line);
	} catch (error: unknown) {
		if (error instanceof RuleViolation) for (const e of error.errors) e.description2 = `${e.description2 ?? ''} (budget detail ${index + 1})`;
		throw error;
	}
}

export function createBudget(ws: WriteSession, el: XmlElement): Row {
	const input = readRecordInput(el, { GLBUDGETITEMS: 'GLBUDGETITEM', GLBDUGETITEMS: 'GLBUDGETITEM' });
	const lines = [...(input.lines.get('GLBUDGETITEMS') ?? []), ...(input.lines.get('GLBDUGETITEMS') ?? [])];
	// Every detail is checked before anything is written: a bad detail leaves no header behind.
	lines.forEach((line, i) => checkItem(ws, line, i));
	const header = createMasterRecord(ws, objectDef('GLBUDGETHEADER')!, input.fields);
	const table = ws.db.table('GLBUDGETITEM');
	for (const line of lines) {
		const no = table.allocateRecordNo();
		table.put({ ...ws.createdStamp('GLBUDGETITEM', no), ...writableColumns(objectDef('GLBUDGETITEM')!, line), BUDGETKEY: header.RECORDNO, BUDGETID: header.BUDGETID });
	}
	return header;
}
