/**
 * Builds the demo company: master data through the ordinary write rules (so seeded records look
 * exactly like API-created ones), the generated GL history, then AP bills (open, paid, draft)
 * created through the APBILL rules, which also post their APJ journal entries.
 */
import type { CallContext, XmlElement } from '../contract';
import { Database } from '../database';
import { addDays, formatUsDate } from '../dates';
import { objectDef } from '../objects';
import { createApBill } from '../writes/apbill';
import { createBudget } from '../writes/glbudget';
import { createMasterRecord } from '../writes/master-data';
import { createVendor } from '../writes/vendor';
import { WriteSession } from '../writes/write-session';
import type { FieldInput } from '../writes/record-input';
import {
	ACCOUNTS,
	CHECKING_ACCOUNTS,
	CLASSES,
	CUSTOMERS,
	DEPARTMENTS,
	EMPLOYEES,
	ENTITIES,
	FUNDING_SOURCES,
	ITEMS,
	JOURNALS,
	LOCATIONS,
	PROJECTS,
	SUPDOC_FOLDERS,
	TAX_DETAILS,
	TERMS,
	VENDORS,
} from './hopewell-master-data';
import { generateHistory } from './history';
import { Prng } from './prng';

export const DEFAULT_HISTORY_ENTRIES = 1500;
export const CLOSED_BEFORE = '2025-01-01';
const SEEDED_AT = new Date(Date.UTC(2024, 11, 1, 9, 0, 0));

function session(db: Database, entityId: string, now: Date): WriteSession {
	const ctx: CallContext = { companyId: 'HOPEWELL', userId: 'Admin', entityId, now };
	return new WriteSession(db, ctx, { billNumberRequired: false, closedBefore: CLOSED_BEFORE });
}

function fields(pairs: Record<string, string>): FieldInput {
	return new Map(Object.entries(pairs).filter(([, v]) => v !== ''));
}

/** `computed`: read-only columns the company holds itself (e.g. an entity's base currency), set after the create. */
function create(ws: WriteSession, object: string, pairs: Record<string, string>, computed: Record<string, string> = {}): void {
	const row = createMasterRecord(ws, objectDef(object)!, fields(pairs));
	if (Object.keys(computed).length) ws.db.table(object).put({ ...row, ...computed });
}

function loadMasterData(db: Database): void {
	const ws = session(db, '', SEEDED_AT);
	for (const [id, name] of ENTITIES) create(ws, 'LOCATIONENTITY', { LOCATIONID: id, NAME: name }, { CURRENCY: 'USD' });
	for (const [id, name, parent] of LOCATIONS) create(ws, 'LOCATION', { LOCATIONID: id, NAME: name, PARENTID: parent }, { CURRENCY: 'USD' });
	for (const [no, title, type, normal, category, needsDept] of ACCOUNTS) {
		create(ws, 'GLACCOUNT', { ACCOUNTNO: no, TITLE: title, ACCOUNTTYPE: type, NORMALBALANCE: normal, CATEGORY: category, CLOSINGTYPE: type === 'balancesheet' ? 'non-closing account' : 'closing account', REQUIREDEPT: String(needsDept) });
	}
	for (const [symbol, title] of JOURNALS) create(ws, 'GLJOURNAL', { SYMBOL: symbol, TITLE: title, BOOKID: 'ACCRUAL', ADJ: String(symbol === 'ADJ') });
	for (const [id, title] of DEPARTMENTS) create(ws, 'DEPARTMENT', { DEPARTMENTID: id, TITLE: title });
	for (const [id, name] of CLASSES) create(ws, 'CLASS', { CLASSID: id, NAME: name });
	for (const [name, description, days] of TERMS) create(ws, 'APTERM', { NAME: name, DESCRIPTION: description, DUEDATE: String(days), DUEFROM: 'from invoice/bill date' });
	for (const [id, name, type] of CUSTOMERS) create(ws, 'CUSTOMER', { CUSTOMERID: id, NAME: name, CUSTTYPE: type, TERMNAME: '', 'DISPLAYCONTACT.CONTACTNAME': `${name} (${id})`, 'DISPLAYCONTACT.PRINTAS': name, 'DISPLAYCONTACT.COMPANYNAME': name });
	for (const [id, name, customer, dept, location, begin, end, budget] of PROJECTS) {
		create(ws, 'PROJECT', {
			PROJECTID: id,
			NAME: name,
			PROJECTCATEGORY: 'Contract',
			CUSTOMERID: customer,
			DEPARTMENTID: dept,
			LOCATIONID: location,
			BEGINDATE: formatUsDate(begin),
			ENDDATE: formatUsDate(end),
			BUDGETAMOUNT: budget,
			DESCRIPTION: `Grant funded by ${customer}`,
		});
	}
	for (const [name, description] of FUNDING_SOURCES) create(ws, 'FUNDINGSOURCE', { NAME: name, DESCRIPTION: description });
	for (const [id, first, last, title, dept, location] of EMPLOYEES) {
		// PERSONALINFO names an existing contact (employee-expenses-employees.md): the contact first.
		create(ws, 'CONTACT', {
			CONTACTNAME: `${last}, ${first}`,
			PRINTAS: `${first} ${last}`,
			FIRSTNAME: first,
			LASTNAME: last,
			EMAIL1: `${first.toLowerCase()}.${last.toLowerCase()}@hopewell.example`,
		});
		create(ws, 'EMPLOYEE', {
			EMPLOYEEID: id,
			TITLE: title,
			DEPARTMENTID: dept,
			LOCATIONID: location,
			STARTDATE: '03/01/2022',
			'PERSONALINFO.CONTACTNAME': `${last}, ${first}`,
		});
	}
	for (const [id, name] of ITEMS) create(ws, 'ITEM', { ITEMID: id, NAME: name, ITEMTYPE: 'Non-Inventory' });
	for (const [id, bank, account, description] of CHECKING_ACCOUNTS) create(ws, 'CHECKINGACCOUNT', { BANKACCOUNTID: id, BANKNAME: bank, GLACCOUNTNO: account, DESCRIPTION: description, CURRENCY: 'USD' });
	for (const [id, type, description, rate, account] of TAX_DETAILS) create(ws, 'TAXDETAIL', { DETAILID: id, TAXTYPE: type, DESCRIPTION: description, VALUE: rate, GLACCOUNT: account });
	for (const [name, description] of SUPDOC_FOLDERS) create(ws, 'SUPDOCFOLDER', { NAME: name, DESCRIPTION: description });
	for (const [id, name, term, type, , email, entity] of VENDORS) {
		createVendor(session(db, entity, SEEDED_AT), fields({ VENDORID: id, NAME: name, TERMNAME: term, VENDTYPE: type, 'DISPLAYCONTACT.PRINTAS': name, 'DISPLAYCONTACT.COMPANYNAME': name, 'DISPLAYCONTACT.EMAIL1': email, 'DISPLAYCONTACT.MAILADDRESS.COUNTRY': 'United States' }));
	}
}

function el(name: string, children: XmlElement[] | string): XmlElement {
	return typeof children === 'string' ? { name, attributes: {}, children: [], text: children } : { name, attributes: {}, children, text: '' };
}

/** About 40 bills: older ones paid, recent ones open, a couple of drafts. */
function loadBills(db: Database, seed: number): void {
	const rng = new Prng(seed + 7919);
	const locations: Record<string, string[]> = { '': ['110', '120', '210', '220'], '100': ['110', '120'], '200': ['210', '220'] };
	for (let i = 0; i < 40; i++) {
		const [vendorId, , , , account, , entity] = VENDORS[i % VENDORS.length];
		const billDate = addDays('2025-01-06', Math.floor((i * 660) / 40));
		const now = new Date(`${billDate}T15:00:00Z`);
		const ws = session(db, entity, now);
		const lineCount = rng.int(1, 3);
		const items: XmlElement[] = [];
		for (let j = 0; j < lineCount; j++) {
			const location = rng.pick(locations[entity]);
			items.push(
				el('APBILLITEM', [
					el('ACCOUNTNO', account),
					el('TRX_AMOUNT', rng.amount(75, 4800).toFixed(2)),
					el('ENTRYDESCRIPTION', `Invoice line ${j + 1}`),
					el('LOCATIONID', location),
					el('DEPARTMENTID', rng.pick(['ADMIN', 'PROG', 'YOUTH', 'FOOD'])),
					el('CLASSID', rng.pick(['PRG', 'MGA'])),
				]),
			);
		}
		const draft = i === 38 || i === 39;
		const bill = createApBill(
			ws,
			el('APBILL', [
				el('VENDORID', vendorId),
				el('WHENCREATED', formatUsDate(billDate)),
				el('RECORDID', `INV-${24000 + i * 37}`),
				el('DESCRIPTION', `Vendor invoice ${i + 1}`),
				...(draft ? [el('ACTION', 'Draft')] : []),
				el('APBILLITEMS', items),
			]),
			// Seeded as if entered in Intacct's UI, where the vendor's term fills in the due date.
			{ dueFromTerm: true },
		);
		// Bills older than 60 days before the history end are paid (no payment records are modelled).
		if (!draft && billDate < addDays('2026-10-31', -60)) {
			const paidOn = addDays(bill.WHENDUE, -2);
			db.table('APBILL').put({ ...bill, STATE: 'Paid', TOTALPAID: bill.TOTALENTERED, TOTALDUE: '0.00', TRX_TOTALDUE: '0.00', WHENPAID: paidOn });
		}
	}
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** One default budget: each grant's monthly Program Supplies (6000) and Salaries (5000) for the months it runs in 2025 and 2026. */
function loadBudgets(db: Database): void {
	const ws = session(db, '', SEEDED_AT);
	const items: XmlElement[] = [];
	for (const [id, , , dept, location, begin, end, budget] of PROJECTS) {
		for (let k = 0; k < 24; k++) {
			const year = 2025 + Math.floor(k / 12);
			const m = k % 12;
			const monthStart = `${year}-${String(m + 1).padStart(2, '0')}-01`;
			if (monthStart < begin.slice(0, 8) + '01' || monthStart > end) continue;
			for (const [account, share] of [['5000', 0.04], ['6000', 0.02]] as const) {
				items.push(
					el('GLBUDGETITEM', [
						el('ACCT_NO', account),
						el('PERIODNAME', `Month Ended ${MONTHS[m]} ${year}`),
						el('LOCATION_NO', location),
						el('DEPT_NO', dept),
						el('PROJECTID', id),
						el('AMOUNT', (Number(budget) * share).toFixed(2)),
					]),
				);
			}
		}
	}
	createBudget(ws, el('GLBUDGETHEADER', [el('BUDGETID', 'Grant Budgets'), el('DESCRIPTION', 'Grant budgets 2025-2026'), el('DEFAULT_BUDGET', 'true'), el('GLBUDGETITEMS', items)]));
}

export function seedHopewell(seed: number, historyEntries: number): Database {
	const db = new Database();
	loadMasterData(db);
	generateHistory(db, seed, historyEntries);
	loadBills(db, seed);
	loadBudgets(db);
	return db;
}
