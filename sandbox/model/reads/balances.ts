/**
 * GL balances computed from the company's own GL lines (never stored separately, so they always agree
 * with the entries): get_accountbalancesbydimensions and get_trialbalance (Sage's Account Balances and
 * Trial Balances pages; element order from api.xsd).
 *
 * A balance is debits minus credits of Posted GLENTRY lines (the reference's example shows revenue as
 * a negative period balance). startbalance: lines before startdate (balance-sheet accounts: all
 * history; income-statement accounts: from 1 January of startdate's year, the sandbox's calendar
 * fiscal year); periodbalance: lines from startdate to enddate; endbalance = start + period. Filters:
 * account (glaccountno | startaccountno..endaccountno), departmentid/locationid/projectid/classid/
 * customerid/vendorid/employeeid/itemid (with their *_subs: children by PARENTID count too, default
 * true), userDefinedDimensions (objectName + recordId or recordName). groupby: comma-separated
 * dimension names (location, department, project, class, customer, vendor, employee, item, or a UDD's
 * objectName). A session bound to an entity sees that entity's lines only. Sources and inventions:
 * docs/fidelity-flows.md.
 */
import type { FunctionOutcome, RenderRecord, XmlElement } from '../contract';
import type { Database } from '../database';
import { fromDateParts } from '../dates';
import { queryFailed, schemaError } from '../errors';
import type { Row } from '../store';
import { checkSequence, legacyDateParts, type SequenceItem } from '../writes/legacy-order';
import { formatAmount, toCents } from '../writes/gl-amounts';
import { childElement, childElements, childText } from '../xml-element';
import type { ReadContext } from './read-context';

interface Dimension {
	/** Element name of the filter (departmentid) and groupby name (department). */
	param: string;
	group: string;
	/** GLENTRY column and the master object it references. */
	column: string;
	object: string;
	nameColumn: string;
	/** Output element names in a grouped row. */
	idOut: string;
	nameOut: string;
}

const DIMENSIONS: Dimension[] = [
	{ param: 'departmentid', group: 'department', column: 'DEPARTMENT', object: 'DEPARTMENT', nameColumn: 'TITLE', idOut: 'departmentid', nameOut: 'departmentname' },
	{ param: 'locationid', group: 'location', column: 'LOCATION', object: 'LOCATION', nameColumn: 'NAME', idOut: 'locationid', nameOut: 'locationname' },
	{ param: 'projectid', group: 'project', column: 'PROJECTID', object: 'PROJECT', nameColumn: 'NAME', idOut: 'projectid', nameOut: 'projectname' },
	{ param: 'customerid', group: 'customer', column: 'CUSTOMERID', object: 'CUSTOMER', nameColumn: 'NAME', idOut: 'customerid', nameOut: 'customername' },
	{ param: 'vendorid', group: 'vendor', column: 'VENDORID', object: 'VENDOR', nameColumn: 'NAME', idOut: 'vendorid', nameOut: 'vendorname' },
	{ param: 'employeeid', group: 'employee', column: 'EMPLOYEEID', object: 'EMPLOYEE', nameColumn: 'EMPLOYEEID', idOut: 'employeeid', nameOut: 'employeename' },
	{ param: 'itemid', group: 'item', column: 'ITEMID', object: 'ITEM', nameColumn: 'NAME', idOut: 'itemid', nameOut: 'itemname' },
	{ param: 'classid', group: 'class', column: 'CLASSID', object: 'CLASS', nameColumn: 'NAME', idOut: 'classid', nameOut: 'classname' },
];

const SUBS: Record<string, string> = { departmentid: 'dept_subs', locationid: 'loc_subs' };

/** User-defined dimensions: FUNDINGSOURCE (GLDIMFUNDINGSOURCE holds the record's ID). */
const UDDS: Record<string, { column: string; object: string }> = { fundingsource: { column: 'GLDIMFUNDINGSOURCE', object: 'FUNDINGSOURCE' } };

function dateParam(fn: XmlElement, name: string): string | undefined {
	const el = childElement(fn, name);
	if (!el) return undefined;
	const parts = legacyDateParts(el);
	const iso = fromDateParts(parts.year, parts.month, parts.day);
	if (!iso) throw queryFailed(`Invalid ${name} ${parts.month}/${parts.day}/${parts.year}.`, 'Give a valid date.');
	return iso;
}

/** An ID and every descendant by PARENTID (the *_subs default true). */
function withDescendants(db: Database, object: string, id: string): Set<string> {
	const table = db.table(object);
	const out = new Set([id]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const row of table.rows()) {
			const own = table.idField ? row[table.idField] : row.RECORDNO;
			if (row.PARENTID && out.has(row.PARENTID) && !out.has(own)) {
				out.add(own);
				grew = true;
			}
		}
	}
	return out;
}

interface Query {
	start: string;
	end: string;
	accountFilter: (accountNo: string) => boolean;
	lineFilters: Array<(line: Row) => boolean>;
}

function parseQuery(rc: ReadContext, fn: XmlElement): Query {
	if (childElement(fn, 'reportingperiodname')) {
		throw queryFailed('Reporting periods are not modelled by the sandbox.', 'Give startdate and enddate instead of reportingperiodname.');
	}
	const start = dateParam(fn, 'startdate');
	const end = dateParam(fn, 'enddate');
	if (!start || !end) throw schemaError('XML Parse schema error: reportingperiodname or startdate and enddate are required.');
	if (end < start) throw queryFailed('enddate is before startdate.', 'Give an end date on or after the start date.');
	const glaccountno = childText(fn, 'glaccountno');
	const from = childText(fn, 'startaccountno');
	const to = childText(fn, 'endaccountno');
	if (childElement(fn, 'accountgroupname')) throw queryFailed('Account groups are not modelled by the sandbox.', 'Give glaccountno or startaccountno and endaccountno.');
	const accountFilter = glaccountno ? (a: string) => a === glaccountno : from && to ? (a: string) => a >= from && a <= to : () => true;
	const lineFilters: Array<(line: Row) => boolean> = [];
	for (const dim of DIMENSIONS) {
		const id = childText(fn, dim.param);
		if (!id) continue;
		if (!rc.db.table(dim.object).getById(id)) throw queryFailed(`${dim.object} ${id} given for ${dim.param} does not exist.`, `Use an existing ${dim.object.toLowerCase()} ID.`);
		const subsName = SUBS[dim.param] ?? `${dim.param}_subs`;
		const subs = (childText(fn, subsName) ?? 'true').toLowerCase() !== 'false';
		const ids = subs ? withDescendants(rc.db, dim.object, id) : new Set([id]);
		lineFilters.push((line) => ids.has(line[dim.column] ?? ''));
	}
	const udds = childElement(fn, 'userDefinedDimensions');
	for (const udd of udds ? childElements(udds, 'userDefinedDimension') : []) {
		const objectName = (childText(udd, 'objectName') ?? '').toLowerCase();
		const spec = UDDS[objectName];
		if (!spec) throw queryFailed(`User-defined dimension ${objectName} does not exist.`, 'Use the dimension\'s integration name, e.g. fundingsource.');
		const recordId = childText(udd, 'recordId');
		const recordName = childText(udd, 'recordName');
		const row = recordId ? [...rc.db.table(spec.object).rows()].find((r) => r.ID === recordId) : [...rc.db.table(spec.object).rows()].find((r) => r.NAME === recordName);
		if (!row) throw queryFailed(`${objectName} record ${recordId ?? recordName ?? ''} does not exist.`, 'Use an existing record ID or name.');
		lineFilters.push((line) => line[spec.column] === row.ID);
	}
	return { start, end, accountFilter, lineFilters };
}

interface Sums {
	start: number;
	debits: number;
	credits: number;
}

function visibleLine(rc: ReadContext, line: Row): boolean {
	return line.STATE === 'Posted' && (!rc.ctx.entityId || line.MEGAENTITYID === rc.ctx.entityId);
}

/** Balances per key (account + group values) of the lines passing the filters. */
function sum(rc: ReadContext, q: Query, keyOf: (line: Row) => string): Map<string, Sums> {
	const accounts = rc.db.table('GLACCOUNT');
	const yearStart = `${q.start.slice(0, 4)}-01-01`;
	const out = new Map<string, Sums>();
	for (const line of rc.db.table('GLENTRY').rows()) {
		if (!visibleLine(rc, line) || !q.accountFilter(line.ACCOUNTNO)) continue;
		const date = line.BATCH_DATE;
		if (date > q.end) continue;
		const account = accounts.getById(line.ACCOUNTNO);
		const closing = account?.ACCOUNTTYPE === 'incomestatement';
		if (date < q.start && closing && date < yearStart) continue;
		if (!q.lineFilters.every((f) => f(line))) continue;
		const key = keyOf(line);
		const s = out.get(key) ?? { start: 0, debits: 0, credits: 0 };
		const cents = toCents(Number(line.AMOUNT || line.TRX_AMOUNT || '0'));
		if (date < q.start) s.start += line.TR_TYPE === '-1' ? -cents : cents;
		else if (line.TR_TYPE === '-1') s.credits += cents;
		else s.debits += cents;
		out.set(key, s);
	}
	return out;
}

const money = (cents: number): string => formatAmount(cents / 100);

const BYDIMENSIONS_SEQUENCE: SequenceItem[] = [
	{ name: 'reportingperiodname' },
	{ name: 'startdate' },
	{ name: 'enddate' },
	{ name: 'glaccountno' },
	{ name: 'accountgroupname' },
	{ name: 'startaccountno' },
	{ name: 'endaccountno' },
	{ name: 'reportingbook' },
	{ name: 'adjbooks' },
	{ name: 'includereportingbook' },
	{ name: 'statistical' },
	{ name: 'departmentid' },
	{ name: 'dept_subs' },
	{ name: 'locationid' },
	{ name: 'loc_subs' },
	{ name: 'projectid' },
	{ name: 'projectid_subs' },
	{ name: 'projecttypeid' },
	{ name: 'customerid' },
	{ name: 'customerid_subs' },
	{ name: 'customertypeid' },
	{ name: 'vendorid' },
	{ name: 'vendorid_subs' },
	{ name: 'vendortypeid' },
	{ name: 'employeeid' },
	{ name: 'employeeid_subs' },
	{ name: 'employeetypeid' },
	{ name: 'itemid' },
	{ name: 'productlineid' },
	{ name: 'classid' },
	{ name: 'classid_subs' },
	{ name: 'contractid' },
	{ name: 'contractid_subs' },
	{ name: 'warehouseid' },
	{ name: 'warehouseid_subs' },
	{ name: 'userDefinedDimensions' },
	{ name: 'groupby' },
];

interface GroupColumn {
	key: (line: Row) => string;
	render: (value: string, into: RenderRecord) => void;
}

function groupColumns(rc: ReadContext, groupby: string | undefined): GroupColumn[] {
	if (!groupby) return [];
	return groupby
		.split(',')
		.map((g) => g.trim().toLowerCase())
		.filter(Boolean)
		.map((g) => {
			const dim = DIMENSIONS.find((d) => d.group === g);
			if (dim) {
				return {
					key: (line: Row) => line[dim.column] ?? '',
					render: (value: string, into: RenderRecord) => {
						into[dim.idOut] = value;
						into[dim.nameOut] = value ? (rc.db.table(dim.object).getById(value)?.[dim.nameColumn] ?? '') : '';
					},
				};
			}
			const udd = UDDS[g];
			if (!udd) throw queryFailed(`Cannot group by ${g}: no such dimension.`, 'Use location, department, project, class, customer, vendor, employee, item or a user-defined dimension\'s integration name.');
			return {
				key: (line: Row) => line[udd.column] ?? '',
				render: (value: string, into: RenderRecord) => {
					const row = [...rc.db.table(udd.object).rows()].find((r) => r.ID === value);
					into[`${g}id`] = value;
					into[`${g}name`] = row?.NAME ?? '';
				},
			};
		});
}

export function getAccountBalancesByDimensions(rc: ReadContext, fn: XmlElement): FunctionOutcome {
	checkSequence(fn, BYDIMENSIONS_SEQUENCE);
	const q = parseQuery(rc, fn);
	const columns = groupColumns(rc, childText(fn, 'groupby'));
	const sums = sum(rc, q, (line) => [line.ACCOUNTNO, ...columns.map((c) => c.key(line))].join('\u0000'));
	const keys = [...sums.keys()].sort();
	const records = keys.flatMap((key) => {
		const s = sums.get(key)!;
		const period = s.debits - s.credits;
		if (s.start === 0 && period === 0 && s.debits === 0) return [];
		const [accountNo, ...values] = key.split('\u0000');
		const fields: RenderRecord = { glaccountno: accountNo, startbalance: money(s.start), periodbalance: money(period), endbalance: money(s.start + period), currency: 'USD' };
		columns.forEach((c, i) => c.render(values[i], fields));
		return [{ element: 'accountbalance', fields }];
	});
	return { kind: 'data', listType: null, records, attributes: {} };
}

const TRIALBALANCE_SEQUENCE: SequenceItem[] = [
	{ name: 'reportingperiodname' },
	{ name: 'startdate' },
	{ name: 'enddate' },
	{ name: 'showzerobalances' },
	{ name: 'showdeptdetail' },
	{ name: 'showlocdetail' },
	{ name: 'reportingbook' },
	{ name: 'adjbooks' },
	{ name: 'includereportingbook' },
	{ name: 'statistical' },
	{ name: 'departmentid' },
	{ name: 'dept_subs' },
	{ name: 'locationid' },
	{ name: 'loc_subs' },
	{ name: 'projectid' },
	{ name: 'projectid_subs' },
	{ name: 'projecttypeid' },
	{ name: 'taskid' },
	{ name: 'taskid_subs' },
	{ name: 'customerid' },
	{ name: 'customerid_subs' },
	{ name: 'customertypeid' },
	{ name: 'vendorid' },
	{ name: 'vendorid_subs' },
	{ name: 'vendortypeid' },
	{ name: 'employeeid' },
	{ name: 'employeeid_subs' },
	{ name: 'employeetypeid' },
	{ name: 'itemid' },
	{ name: 'productlineid' },
	{ name: 'classid' },
	{ name: 'classid_subs' },
	{ name: 'contractid' },
	{ name: 'contractid_subs' },
	{ name: 'warehouseid' },
	{ name: 'warehouseid_subs' },
];

/** get_trialbalance: every account's start, debits, credits and end for the range (optionally per location/department). */
export function getTrialBalance(rc: ReadContext, fn: XmlElement): FunctionOutcome {
	checkSequence(fn, TRIALBALANCE_SEQUENCE);
	const q = parseQuery(rc, fn);
	const byLoc = (childText(fn, 'showlocdetail') ?? '').toLowerCase() === 'true';
	const byDept = (childText(fn, 'showdeptdetail') ?? '').toLowerCase() === 'true';
	const showZero = (childText(fn, 'showzerobalances') ?? '').toLowerCase() === 'true';
	const sums = sum(rc, q, (line) => [line.ACCOUNTNO, byLoc ? line.LOCATION : '', byDept ? line.DEPARTMENT : ''].join('\u0000'));
	if (showZero) {
		for (const account of rc.db.table('GLACCOUNT').rows()) {
			if (!q.accountFilter(account.ACCOUNTNO)) continue;
			const bare = [account.ACCOUNTNO, '', ''].join('\u0000');
			if (!byLoc && !byDept && !sums.has(bare)) sums.set(bare, { start: 0, debits: 0, credits: 0 });
		}
	}
	const accounts = rc.db.table('GLACCOUNT');
	const records = [...sums.keys()].sort().flatMap((key) => {
		const s = sums.get(key)!;
		if (!showZero && s.start === 0 && s.debits === 0 && s.credits === 0) return [];
		const [accountNo, location, department] = key.split('\u0000');
		const fields: RenderRecord = {
			glaccountno: accountNo,
			glaccounttitle: accounts.getById(accountNo)?.TITLE ?? '',
			startbalance: money(s.start),
			debits: money(s.debits),
			credits: money(s.credits),
			adjdebits: '0.00',
			adjcredits: '0.00',
			endbalance: money(s.start + s.debits - s.credits),
			currency: 'USD',
		};
		if (byLoc) fields.locationid = location;
		if (byDept) fields.departmentid = department;
		return [{ element: 'trialbalance', fields }];
	});
	return { kind: 'data', listType: null, records, attributes: {} };
}
