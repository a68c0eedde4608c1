/**
 * GL balances and budgets as Intacct reports them (Sage's Account Balances, Trial Balances and Budgets
 * pages): get_accountbalancesbydimensions, get_trialbalance (elements in api.xsd order) and
 * GLBUDGETITEM reads. A spend-down workflow gets actuals per grant without pulling every GL line.
 */
import type { IDataObject } from 'n8n-workflow';
import type { IntacctRecord, XmlObject } from '../../../shared/intacct/core/types';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { fieldText } from '../../../shared/intacct/xml/responseReader';

/** Dimension filters in the order api.xsd gives them (get_accountbalancesbydimensions / get_trialbalance). */
export const DIMENSION_FILTERS: Array<{ param: string; subs?: string; label: string }> = [
	{ param: 'departmentid', subs: 'dept_subs', label: 'Department ID' },
	{ param: 'locationid', subs: 'loc_subs', label: 'Location ID' },
	{ param: 'projectid', subs: 'projectid_subs', label: 'Project ID' },
	{ param: 'customerid', subs: 'customerid_subs', label: 'Customer ID' },
	{ param: 'vendorid', subs: 'vendorid_subs', label: 'Vendor ID' },
	{ param: 'employeeid', subs: 'employeeid_subs', label: 'Employee ID' },
	{ param: 'itemid', label: 'Item ID' },
	{ param: 'classid', subs: 'classid_subs', label: 'Class ID' },
];

export const GROUP_BY_OPTIONS = ['department', 'location', 'project', 'customer', 'vendor', 'employee', 'item', 'class'];

/** mm/dd/yyyy -> the <year><month><day> block legacy reports take. */
export function dateBlock(mmddyyyy: string): XmlObject {
	const [month, day, year] = mmddyyyy.split('/');
	return { year, month, day };
}

export interface AccountRange {
	glaccountno?: string;
	startaccountno?: string;
	endaccountno?: string;
}

export function accountRange(what: string, account: string | undefined, from: string | undefined, to: string | undefined): AccountRange {
	if (account) {
		if (from || to) throw new ItemValidationError(`${what}: give either "Account" or "From Account" and "To Account", not both`);
		return { glaccountno: account };
	}
	if (Boolean(from) !== Boolean(to)) throw new ItemValidationError(`${what}, field "${from ? 'toAccount' : 'fromAccount'}": an account range needs both ends`);
	if (from && to && from > to) throw new ItemValidationError(`${what}, field "toAccount": ${to} is before ${from}`);
	return from && to ? { startaccountno: from, endaccountno: to } : {};
}

export interface UserDimensionFilter {
	objectName: string;
	recordId?: string;
	recordName?: string;
}

/** The request's dimension filters in XSD order, with includeChildren as the *_subs flags. */
export function dimensionElements(values: Record<string, string | undefined>, includeChildren: boolean): XmlObject {
	const out: XmlObject = {};
	for (const d of DIMENSION_FILTERS) {
		const v = values[d.param];
		if (!v) continue;
		out[d.param] = v;
		if (d.subs) out[d.subs] = String(includeChildren);
	}
	return out;
}

const NUMBER_FIELDS = new Set(['startbalance', 'periodbalance', 'endbalance', 'debits', 'credits', 'adjdebits', 'adjcredits', 'budgetbalance', 'difference']);

const NAMES: Record<string, string> = {
	glaccountno: 'accountNo',
	glaccounttitle: 'accountTitle',
	startbalance: 'startBalance',
	periodbalance: 'periodBalance',
	endbalance: 'endBalance',
	adjdebits: 'adjustmentDebits',
	adjcredits: 'adjustmentCredits',
	budgetbalance: 'budgetBalance',
};

/** A balance row: amounts as numbers, readable names (raw: Intacct's own names and texts). */
export function balanceOutput(record: IntacctRecord, simplify: boolean): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		const text = fieldText(value) ?? '';
		if (!simplify) {
			out[key] = text;
			continue;
		}
		const lower = key.toLowerCase();
		const name = NAMES[lower] ?? lower.replace(/id$/, 'Id').replace(/name$/, 'Name');
		out[name] = NUMBER_FIELDS.has(lower) && text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
	}
	return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Monthly reporting period names ("Month Ended January 2026") from the month of `start` to the month of `end` (mm/dd/yyyy). */
export function monthPeriodNames(start: string, end: string): string[] {
	const [sm, , sy] = start.split('/').map(Number);
	const [em, , ey] = end.split('/').map(Number);
	const out: string[] = [];
	for (let y = sy, m = sm; y < ey || (y === ey && m <= em); m === 12 ? ((m = 1), y++) : m++) out.push(`Month Ended ${MONTHS[m - 1]} ${y}`);
	return out;
}
