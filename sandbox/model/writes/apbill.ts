/**
 * AP bills: generic create/update/delete of APBILL with APBILLITEMS (§5.4, §12.22). A submitted bill
 * posts a GLBATCH in journal APJ (MODULE 3.AP): each line debits its account, the vendor's AP
 * account (default 2000) is credited per entity; GLDETAIL shows those lines with the bill's fields.
 * Line updates are full-set replacements; a line carrying LINE_NO starts from that existing line.
 * Sources and inventions: docs/fidelity-ap.md.
 */
import type { XmlElement } from '../contract';
import { addDays } from '../dates';
import { RULES, duplicate, violation } from '../errors';
import { billNumberKey } from '../database';
import type { Row } from '../store';
import { AP_LINE_DIMENSIONS, entityOfLocation, requireReference, resolveDimensions } from './dimensions';
import { createGlBatch, deleteGlBatch } from './glbatch';
import { formatAmount, parseAmount, toCents } from './gl-amounts';
import { dateInput, requireOpenPeriod } from './input-values';
import { readRecordInput, value, type FieldInput } from './record-input';
import { checkWriteFields } from './field-check';
import type { WriteSession } from './write-session';
import { formatUsDate } from '../dates';
import { writableColumns } from './master-data';
import { objectDef } from '../objects';

const APBILL_DEF = objectDef('APBILL')!;
const APBILLITEM_DEF = objectDef('APBILLITEM')!;
const COLLECTIONS = { APBILLITEMS: 'APBILLITEM' };
const AP_JOURNAL = 'APJ';
const DEFAULT_AP_ACCOUNT = '2000';

interface BuiltItem {
	entity: string;
	cents: number;
	columns: Record<string, string>;
}

interface BuiltBill {
	header: Record<string, string>;
	items: BuiltItem[];
	draft: boolean;
}

function buildItem(ws: WriteSession, line: FieldInput, index: number): BuiltItem {
	try {
		// Only the line fields Create Bill documents (GLDIM<NAME> for the company's UDDs), never silently ignored.
		checkWriteFields(APBILLITEM_DEF, line, 'create');
		const accountNo = value(line, 'ACCOUNTNO');
		if (!accountNo) throw RULES.required('ACCOUNTNO');
		const account = requireReference(ws.db, ws.ctx, 'GLACCOUNT', 'ACCOUNTNO', accountNo);
		const amountText = value(line, 'TRX_AMOUNT') ?? value(line, 'TOTALTRXAMOUNT') ?? value(line, 'AMOUNT');
		if (amountText === undefined) throw RULES.required('TRX_AMOUNT');
		const amount = parseAmount('TRX_AMOUNT', amountText); // rounded to 2 decimals (§5.1)
		const withLocation = new Map(line);
		if (!value(line, 'LOCATIONID') && ws.ctx.entityId) withLocation.set('LOCATIONID', ws.ctx.entityId);
		if (!value(withLocation, 'LOCATIONID')) throw RULES.required('LOCATIONID');
		const dims = resolveDimensions(ws.db, ws.ctx, AP_LINE_DIMENSIONS, withLocation, account);
		// §8: every line's location must sit inside an entity (its own or an ancestor).
		const entity = entityOfLocation(ws.db, dims.LOCATIONID);
		if (entity === undefined) throw RULES.locationWithoutEntity(dims.LOCATIONID);
		if (ws.ctx.entityId && entity !== ws.ctx.entityId) throw RULES.locationOutsideEntity(dims.LOCATIONID, ws.ctx.entityId);
		return {
			entity,
			cents: toCents(amount),
			columns: {
				LINE_NO: String(index + 1),
				ACCOUNTNO: account.ACCOUNTNO,
				ACCOUNTTITLE: account.TITLE,
				OFFSETGLACCOUNTNO: value(line, 'OFFSETGLACCOUNTNO') ?? '',
				TRX_AMOUNT: formatAmount(amount),
				AMOUNT: formatAmount(amount),
				ENTRYDESCRIPTION: value(line, 'ENTRYDESCRIPTION') ?? '',
				BILLABLE: value(line, 'BILLABLE') === 'true' ? 'true' : 'false',
				...dims,
			},
		};
	} catch (error: unknown) {
		if (error instanceof Error && 'errors' in error) {
			for (const e of (error as Error & { errors: Array<{ description2?: string }> }).errors) e.description2 = `${e.description2 ?? ''} (bill line ${index + 1})`;
		}
		throw error;
	}
}

/** How a bill arrived: legacy create_bill may give termname instead of datedue (Intacct derives the due date). */
export interface BillWriteOptions {
	dueFromTerm?: boolean;
}

function buildBill(ws: WriteSession, fields: FieldInput, lines: FieldInput[], existing: Row | undefined, options: BillWriteOptions = {}): BuiltBill {
	const action = (value(fields, 'ACTION') ?? (existing?.STATE === 'Draft' ? 'Draft' : 'Submit')).toLowerCase();
	if (action !== 'draft' && action !== 'submit') throw RULES.invalidValue('ACTION', value(fields, 'ACTION') ?? '', 'Submit, Draft');
	const draft = action === 'draft';
	const pick = (f: string): string | undefined => value(fields, f) ?? (existing?.[f] || undefined);
	const vendorId = pick('VENDORID');
	const vendor = vendorId ? requireReference(ws.db, ws.ctx, 'VENDOR', 'VENDORID', vendorId) : undefined;
	const billDate = dateInput(fields, 'WHENCREATED') ?? (existing?.WHENCREATED || undefined);
	const termName = pick('TERMNAME') ?? (vendor?.TERMNAME || undefined);
	const term = termName ? requireReference(ws.db, ws.ctx, 'APTERM', 'TERMNAME', termName) : undefined;
	// Generic create: WHENDUE is "Required if Action is not set to Draft" (Sage's Bills page,
	// Create Bill), a term does not stand in for it. Legacy create_bill: "datedue ... Required if not
	// using termname" (Create Bill (Legacy)); the due date from the term is the sandbox's arithmetic.
	const termDue = options.dueFromTerm && term && billDate ? addDays(billDate, Number(term.DUEDATE || '0')) : undefined;
	const dueDate = dateInput(fields, 'WHENDUE') ?? (existing?.WHENDUE || undefined) ?? termDue;
	// VENDORID, WHENCREATED and WHENDUE are required unless ACTION=Draft (§5.4).
	if (!draft) {
		const missing = [!vendor && 'VENDORID', !billDate && 'WHENCREATED', !dueDate && 'WHENDUE'].filter((m): m is string => Boolean(m));
		if (missing.length) throw RULES.required(missing.join(', '));
	}
	const recordId = pick('RECORDID');
	if (ws.settings.billNumberRequired && !recordId) throw RULES.billNumberRequired();
	if (recordId && vendor) {
		for (const bill of ws.db.table('APBILL').withKey(billNumberKey(vendor.VENDORID, recordId))) {
			if (bill.RECORDID === recordId && bill.VENDORID === vendor.VENDORID && bill.RECORDNO !== existing?.RECORDNO) throw duplicate('Bill', recordId);
		}
	}
	const postedDate = dateInput(fields, 'WHENPOSTED') ?? (existing?.WHENPOSTED || undefined) ?? billDate;
	if (!draft && postedDate) requireOpenPeriod(ws.settings.closedBefore, postedDate);
	if (billDate && dueDate && dueDate < billDate) {
		throw violation('BL03000020', `Due date ${formatUsDate(dueDate)} is before the bill date ${formatUsDate(billDate)}.`, 'Use a later due date.');
	}
	const supdoc = pick('SUPDOCID');
	if (supdoc) requireReference(ws.db, ws.ctx, 'SUPDOC', 'SUPDOCID', supdoc);
	if (lines.length < 1) throw RULES.tooFewLines('bill', 1);
	const items = lines.map((line, index) => buildItem(ws, line, index));
	const total = items.reduce((sum, item) => sum + item.cents, 0) / 100;
	const other = writableColumns(APBILL_DEF, new Map([...fields].filter(([k]) => ['DOCNUMBER', 'DESCRIPTION', 'RECPAYMENTDATE', 'ONHOLD', 'PAYMENTPRIORITY'].includes(k))));
	return {
		draft,
		items,
		header: {
			DOCNUMBER: existing?.DOCNUMBER ?? '',
			DESCRIPTION: existing?.DESCRIPTION ?? '',
			RECPAYMENTDATE: existing?.RECPAYMENTDATE ?? '',
			ONHOLD: existing?.ONHOLD ?? 'false',
			PAYMENTPRIORITY: existing?.PAYMENTPRIORITY ?? 'normal',
			...other,
			RECORDID: recordId ?? '',
			RECORDTYPE: 'apbill',
			VENDORID: vendor?.VENDORID ?? '',
			VENDORNAME: vendor?.NAME ?? '',
			TERMNAME: term?.NAME ?? '',
			WHENCREATED: billDate ?? '',
			WHENPOSTED: postedDate ?? '',
			WHENDUE: dueDate ?? '',
			WHENPAID: '',
			STATE: draft ? 'Draft' : 'Posted',
			TOTALENTERED: formatAmount(total),
			TOTALPAID: '0.00',
			TOTALDUE: formatAmount(total),
			TRX_TOTALENTERED: formatAmount(total),
			TRX_TOTALDUE: formatAmount(total),
			CURRENCY: value(fields, 'CURRENCY') ?? existing?.CURRENCY ?? 'USD',
			BASECURR: 'USD',
			MODULEKEY: '3.AP',
			SUPDOCID: supdoc ?? '',
		},
	};
}

/** The GL side of a submitted bill: one debit per line, one AP credit per entity. */
function postToGl(ws: WriteSession, bill: Row, items: BuiltItem[]): string {
	if (items.every((i) => i.cents === 0)) return '';
	const apAccount = ws.db.table('VENDOR').getById(bill.VENDORID)?.APACCOUNT || DEFAULT_AP_ACCOUNT;
	const glLine = (account: string, cents: number, columns: Record<string, string>, memo: string): FieldInput => {
		const line: FieldInput = new Map([
			['ACCOUNTNO', account],
			['TR_TYPE', cents >= 0 ? '1' : '-1'],
			['TRX_AMOUNT', formatAmount(Math.abs(cents) / 100)],
			['DESCRIPTION', memo],
			['VENDORID', bill.VENDORID],
		]);
		const rename: Record<string, string> = { DEPARTMENTID: 'DEPARTMENT', LOCATIONID: 'LOCATION' };
		for (const spec of AP_LINE_DIMENSIONS) if (columns[spec.field] && spec.field !== 'VENDORID') line.set(rename[spec.field] ?? spec.field, columns[spec.field]);
		return line;
	};
	const lines: FieldInput[] = items.map((item) => glLine(item.columns.ACCOUNTNO, item.cents, item.columns, item.columns.ENTRYDESCRIPTION || bill.DESCRIPTION));
	const byEntity = new Map<string, { cents: number; location: string }>();
	for (const item of items) {
		const g = byEntity.get(item.entity) ?? { cents: 0, location: item.columns.LOCATIONID };
		g.cents += item.cents;
		byEntity.set(item.entity, g);
	}
	for (const g of byEntity.values()) if (g.cents !== 0) lines.push(glLine(apAccount, -g.cents, { LOCATIONID: g.location }, `AP: ${bill.VENDORNAME}`));
	const fields: FieldInput = new Map([
		['JOURNAL', AP_JOURNAL],
		['BATCH_DATE', formatUsDate(bill.WHENPOSTED)],
		['BATCH_TITLE', `Bill ${bill.RECORDID || bill.RECORDNO} - ${bill.VENDORNAME}`],
		['REFERENCENO', bill.RECORDID],
	]);
	if (bill.SUPDOCID) fields.set('SUPDOCID', bill.SUPDOCID);
	return createGlBatch(ws, { fields, lines }, { module: '3.AP', prRecordKey: bill.RECORDNO }).RECORDNO;
}

function writeItems(ws: WriteSession, bill: Row, items: BuiltItem[]): void {
	const table = ws.db.table('APBILLITEM');
	for (const item of items) {
		const no = table.allocateRecordNo();
		// Object.assign, not a second spread in the literal (V8's slow path, see glbatch.ts lineRow).
		const row: Record<string, string> = Object.assign(ws.createdStamp('APBILLITEM', no), item.columns);
		row.RECORDKEY = bill.RECORDNO;
		row.MEGAENTITYID = bill.MEGAENTITYID;
		row.MEGAENTITYKEY = bill.MEGAENTITYKEY;
		row.MEGAENTITYNAME = bill.MEGAENTITYNAME;
		table.put(row);
	}
}

function removeItems(ws: WriteSession, bill: Row): void {
	const table = ws.db.table('APBILLITEM');
	for (const item of table.children(Number(bill.RECORDNO))) table.remove(Number(item.RECORDNO));
}

export function createApBill(ws: WriteSession, el: XmlElement, options: BillWriteOptions = {}): Row {
	const input = readRecordInput(el, COLLECTIONS);
	// Only the header fields Create Bill documents, never silently ignored (custom fields: the company defines none).
	checkWriteFields(APBILL_DEF, input.fields, 'create');
	const built = buildBill(ws, input.fields, input.lines.get('APBILLITEMS') ?? [], undefined, options);
	const table = ws.db.table('APBILL');
	const recordNo = table.allocateRecordNo();
	const stamp = ws.createdStamp('APBILL', recordNo);
	const row: Record<string, string> = Object.assign({}, stamp);
	row.AUDITWHENCREATED = stamp.WHENCREATED;
	Object.assign(row, built.header);
	row.GLBATCHKEY = '';
	let bill: Row = row;
	table.put(bill);
	writeItems(ws, bill, built.items);
	if (!built.draft) {
		bill = { ...bill, GLBATCHKEY: postToGl(ws, bill, built.items) };
		table.put(bill);
	}
	ws.emit('APBILL', 'create', bill);
	return bill;
}

function findBill(ws: WriteSession, key: string | undefined, verb: 'update' | 'delete'): Row {
	if (!key) throw RULES.required('RECORDNO');
	const bill = /^\d+$/.test(key) ? ws.db.table('APBILL').get(Number(key)) : undefined;
	if (!bill || (ws.ctx.entityId && bill.MEGAENTITYID !== '' && bill.MEGAENTITYID !== ws.ctx.entityId)) throw RULES.notFound('Bill', key, verb);
	if (Number(bill.TOTALPAID || '0') !== 0) {
		throw violation('BL01001973', `Bill ${bill.RECORDID || bill.RECORDNO} has payments applied and cannot be ${verb === 'update' ? 'changed' : 'deleted'}.`, 'Reverse the payments first.');
	}
	return bill;
}

/** Existing items as inputs (for LINE_NO-based merges and header-only updates). */
function itemInputs(ws: WriteSession, bill: Row): FieldInput[] {
	const keep = ['ACCOUNTNO', 'OFFSETGLACCOUNTNO', 'TRX_AMOUNT', 'ENTRYDESCRIPTION', 'BILLABLE', ...AP_LINE_DIMENSIONS.map((d) => d.field)];
	return ws.db.table('APBILLITEM').children(Number(bill.RECORDNO)).map((row) => new Map(keep.filter((k) => row[k]).map((k) => [k, row[k]])));
}

export function updateApBill(ws: WriteSession, el: XmlElement): Row {
	const input = readRecordInput(el, COLLECTIONS);
	checkWriteFields(APBILL_DEF, input.fields, 'update');
	const existing = findBill(ws, value(input.fields, 'RECORDNO'), 'update');
	const old = itemInputs(ws, existing);
	const given = input.lines.get('APBILLITEMS');
	const lines = given
		? given.map((line) => {
				const n = Number(value(line, 'LINE_NO') ?? '0');
				return n >= 1 && n <= old.length ? new Map([...old[n - 1], ...line]) : line;
			})
		: old;
	const built = buildBill(ws, input.fields, lines, existing);
	if (existing.GLBATCHKEY) deleteGlBatch(ws, existing.GLBATCHKEY, { module: '3.AP', prRecordKey: existing.RECORDNO });
	removeItems(ws, existing);
	let bill: Row = { ...existing, ...built.header, GLBATCHKEY: '', ...ws.modifiedStamp() };
	ws.db.table('APBILL').put(bill);
	writeItems(ws, bill, built.items);
	if (!built.draft) {
		bill = { ...bill, GLBATCHKEY: postToGl(ws, bill, built.items) };
		ws.db.table('APBILL').put(bill);
	}
	ws.emit('APBILL', 'update', bill);
	return bill;
}

export function deleteApBill(ws: WriteSession, key: string): void {
	const bill = findBill(ws, key, 'delete');
	if (bill.GLBATCHKEY) deleteGlBatch(ws, bill.GLBATCHKEY, { module: '3.AP', prRecordKey: bill.RECORDNO });
	removeItems(ws, bill);
	ws.db.table('APBILL').remove(Number(bill.RECORDNO));
	ws.emit('APBILL', 'delete', bill);
}
