/**
 * AR invoices (Sage's Invoices page): created and changed only through the legacy functions the page
 * documents (create_invoice, update_invoice, delete_invoice), deleted also by generic delete of
 * ARINVOICE; read like any object. A submitted invoice posts a GLBATCH in journal ARJ (MODULE 4.AR):
 * each line credits its account, the AR account (1100) is debited per entity. The customer's TOTALDUE
 * follows its posted invoices and payments. An invoice with payments applied cannot be changed or
 * deleted. Sources and inventions: docs/fidelity-flows.md.
 */
import type { FunctionOutcome, XmlElement } from '../contract';
import { formatUsDate, fromDateParts } from '../dates';
import { RULES, RuleViolation, violation, writeFailure } from '../errors';
import type { Row } from '../store';
import { attribute, childElement, childText } from '../xml-element';
import { AP_LINE_DIMENSIONS, entityOfLocation, requireReference, resolveDimensions } from './dimensions';
import { createGlBatch, deleteGlBatch } from './glbatch';
import { formatAmount, parseAmount, toCents } from './gl-amounts';
import { requireOpenPeriod } from './input-values';
import { checkSequence, legacyDateParts, type SequenceItem } from './legacy-order';
import { value, type FieldInput } from './record-input';
import { lineCustomFields } from './user-dimension-fields';
import type { WriteSession } from './write-session';

export const AR_ACCOUNT = '1100';
const AR_JOURNAL = 'ARJ';
const AR_MODULE = '4.AR';

/** api.xsd create_invoice, in order (the currency/exchange group flattened: the sandbox refuses exchange rates). */
const CREATE_SEQUENCE: SequenceItem[] = [
	{ name: 'customerid', required: true },
	{ name: 'datecreated', required: true },
	{ name: 'dateposted' },
	{ name: 'datedue' },
	{ name: 'termname' },
	{ name: 'batchkey' },
	{ name: 'action' },
	{ name: 'invoiceno' },
	{ name: 'ponumber' },
	{ name: 'description' },
	{ name: 'externalid' },
	{ name: 'billto' },
	{ name: 'shipto' },
	{ name: 'basecurr' },
	{ name: 'currency' },
	{ name: 'exchratedate' },
	{ name: 'exchratetype' },
	{ name: 'exchrate' },
	{ name: 'nogl' },
	{ name: 'supdocid' },
	{ name: 'customfields' },
	{ name: 'invoiceitems', required: true },
];

/** api.xsd update_invoice, in order. */
const UPDATE_SEQUENCE: SequenceItem[] = [
	{ name: 'customerid' },
	{ name: 'datecreated' },
	{ name: 'dateposted' },
	{ name: 'datedue' },
	{ name: 'termname' },
	{ name: 'action' },
	{ name: 'invoiceno' },
	{ name: 'ponumber' },
	{ name: 'description' },
	{ name: 'payto' },
	{ name: 'returnto' },
	{ name: 'currency' },
	{ name: 'exchratedate' },
	{ name: 'exchratetype' },
	{ name: 'exchrate' },
	{ name: 'supdocid' },
	{ name: 'customfields' },
	{ name: 'updateinvoiceitems' },
];

/** api.xsd lineitem (shared by bills and invoices), in order. */
const LINE_SEQUENCE: SequenceItem[] = [
	{ name: 'glaccountno', or: ['accountlabel'], required: true },
	{ name: 'offsetglaccountno' },
	{ name: 'amount', required: true },
	{ name: 'allocationid' },
	{ name: 'memo' },
	{ name: 'locationid' },
	{ name: 'departmentid' },
	{ name: 'item1099' },
	{ name: 'form1099type' },
	{ name: 'form1099box' },
	{ name: 'key' },
	{ name: 'totalpaid' },
	{ name: 'totaldue' },
	{ name: 'customfields' },
	{ name: 'revrectemplate' },
	{ name: 'defrevaccount' },
	{ name: 'revrecstartdate' },
	{ name: 'revrecenddate' },
	{ name: 'projectid' },
	{ name: 'customerid' },
	{ name: 'vendorid' },
	{ name: 'employeeid' },
	{ name: 'itemid' },
	{ name: 'classid' },
	{ name: 'contractid' },
	{ name: 'warehouseid' },
	{ name: 'billable' },
];

/** api.xsd updatelineitem: the lineitem sequence without allocationid/key/totals, every element optional. */
const UPDATE_LINE_SEQUENCE: SequenceItem[] = LINE_SEQUENCE.filter((s) => !['allocationid', 'key', 'totalpaid', 'totaldue'].includes(s.name)).map((s) => ({ ...s, required: false }));

const LINE_FIELDS: Array<[string, string]> = [
	['glaccountno', 'ACCOUNTNO'],
	['offsetglaccountno', 'OFFSETGLACCOUNTNO'],
	['amount', 'TRX_AMOUNT'],
	['memo', 'ENTRYDESCRIPTION'],
	['locationid', 'LOCATIONID'],
	['departmentid', 'DEPARTMENTID'],
	['projectid', 'PROJECTID'],
	['customerid', 'CUSTOMERID'],
	['vendorid', 'VENDORID'],
	['employeeid', 'EMPLOYEEID'],
	['itemid', 'ITEMID'],
	['classid', 'CLASSID'],
];

interface BuiltLine {
	entity: string;
	cents: number;
	columns: Record<string, string>;
}

function lineError(error: unknown, index: number): never {
	if (error instanceof RuleViolation) for (const e of error.errors) e.description2 = `${e.description2 ?? ''} (invoice line ${index + 1})`;
	throw error;
}

function legacyDate(el: XmlElement | undefined, fieldId: string): string | undefined {
	if (!el) return undefined;
	const parts = legacyDateParts(el);
	const iso = fromDateParts(parts.year, parts.month, parts.day);
	if (!iso) throw RULES.invalidDate(fieldId, `${parts.month}/${parts.day}/${parts.year}`);
	return iso;
}

function notModelled(element: string, what: string): RuleViolation {
	return violation('BL03000020', `${what} (${element}) is not modelled by the sandbox.`, `Leave out ${element}.`);
}

/** A legacy lineitem/updatelineitem as generic line fields; unmodelled inputs are refused, not ignored. */
function lineInput(line: XmlElement): FieldInput {
	if (childElement(line, 'accountlabel')) throw notModelled('accountlabel', 'An AR account label');
	for (const name of ['allocationid', 'revrectemplate', 'defrevaccount', 'revrecstartdate', 'revrecenddate', 'contractid', 'warehouseid', 'totalpaid', 'totaldue']) {
		if (childElement(line, name)) throw notModelled(name, 'This line input');
	}
	const input: FieldInput = new Map();
	for (const [legacy, generic] of LINE_FIELDS) {
		const text = childText(line, legacy);
		if (text !== undefined && text !== '') input.set(generic, text);
	}
	// A user-defined dimension travels as a custom field of the line (GLDIM<name> = its record id), as on card lines;
	// ARINVOICEITEM stores it like a bill line does. Any other custom field is refused, not ignored.
	for (const [name, text] of lineCustomFields('ARINVOICEITEM', line)) input.set(name, text);
	return input;
}

function buildLine(ws: WriteSession, line: FieldInput, index: number): BuiltLine {
	try {
		const accountNo = value(line, 'ACCOUNTNO');
		if (!accountNo) throw RULES.required('glaccountno');
		const account = requireReference(ws.db, ws.ctx, 'GLACCOUNT', 'glaccountno', accountNo);
		const amountText = value(line, 'TRX_AMOUNT');
		if (amountText === undefined) throw RULES.required('amount');
		const amount = parseAmount('amount', amountText); // rounded to 2 decimals (Sage's note on Create Invoice (Legacy))
		const withLocation = new Map(line);
		if (!value(line, 'LOCATIONID') && ws.ctx.entityId) withLocation.set('LOCATIONID', ws.ctx.entityId);
		// "Required if company is multi-entity enabled" (lineitem locationid): the sandbox company is.
		if (!value(withLocation, 'LOCATIONID')) throw RULES.required('locationid');
		const dims = resolveDimensions(ws.db, ws.ctx, AP_LINE_DIMENSIONS, withLocation, account);
		const entity = entityOfLocation(ws.db, dims.LOCATIONID);
		if (entity === undefined) throw RULES.locationWithoutEntity(dims.LOCATIONID);
		if (ws.ctx.entityId && entity !== ws.ctx.entityId) throw RULES.locationOutsideEntity(dims.LOCATIONID, ws.ctx.entityId);
		const text = formatAmount(amount);
		return {
			entity,
			cents: toCents(amount),
			columns: {
				LINE_NO: String(index + 1),
				ACCOUNTNO: account.ACCOUNTNO,
				ACCOUNTTITLE: account.TITLE,
				OFFSETGLACCOUNTNO: value(line, 'OFFSETGLACCOUNTNO') ?? '',
				TRX_AMOUNT: text,
				AMOUNT: text,
				TOTALPAID: '0.00',
				TOTALDUE: text,
				ENTRYDESCRIPTION: value(line, 'ENTRYDESCRIPTION') ?? '',
				...dims,
			},
		};
	} catch (error: unknown) {
		return lineError(error, index);
	}
}

interface BuiltInvoice {
	header: Record<string, string>;
	lines: BuiltLine[];
	draft: boolean;
}

function buildInvoice(ws: WriteSession, fields: FieldInput, lines: FieldInput[], existing?: Row): BuiltInvoice {
	const action = (value(fields, 'ACTION') ?? (existing?.STATE === 'Draft' ? 'Draft' : 'Submit')).toLowerCase();
	if (action !== 'draft' && action !== 'submit') throw RULES.invalidValue('action', value(fields, 'ACTION') ?? '', 'Draft, Submit');
	const draft = action === 'draft';
	const pick = (f: string): string | undefined => value(fields, f) ?? (existing?.[f] || undefined);
	const customerId = pick('CUSTOMERID');
	if (!customerId) throw RULES.required('customerid');
	const customer = requireReference(ws.db, ws.ctx, 'CUSTOMER', 'customerid', customerId);
	const invoiceDate = pick('WHENCREATED');
	if (!invoiceDate) throw RULES.required('datecreated');
	if (value(fields, 'TERMNAME')) throw notModelled('termname', 'An AR payment term');
	// "datedue: Required if not using termname" (Create Invoice (Legacy)); the sandbox has no AR terms.
	const dueDate = pick('WHENDUE');
	if (!dueDate) throw RULES.required('datedue');
	if (dueDate < invoiceDate) throw violation('BL03000020', `Due date ${formatUsDate(dueDate)} is before the invoice date ${formatUsDate(invoiceDate)}.`, 'Use a later due date.');
	const postedDate = pick('WHENPOSTED') ?? invoiceDate;
	if (!draft) requireOpenPeriod(ws.settings.closedBefore, postedDate);
	const supdoc = pick('SUPDOCID');
	if (supdoc) requireReference(ws.db, ws.ctx, 'SUPDOC', 'supdocid', supdoc);
	if (lines.length < 1) throw RULES.tooFewLines('invoice', 1);
	const built = lines.map((line, index) => buildLine(ws, line, index));
	const total = formatAmount(built.reduce((sum, l) => sum + l.cents, 0) / 100);
	return {
		draft,
		lines: built,
		header: {
			RECORDID: pick('RECORDID') ?? '',
			RECORDTYPE: 'arinvoice',
			CUSTOMERID: customer.CUSTOMERID,
			CUSTOMERNAME: customer.NAME,
			DOCNUMBER: pick('DOCNUMBER') ?? '',
			DESCRIPTION: pick('DESCRIPTION') ?? '',
			TERMNAME: '',
			WHENCREATED: invoiceDate,
			WHENPOSTED: postedDate,
			WHENDUE: dueDate,
			WHENPAID: '',
			STATE: draft ? 'Draft' : 'Posted',
			TOTALENTERED: total,
			TOTALPAID: '0.00',
			TOTALDUE: total,
			TRX_TOTALENTERED: total,
			TRX_TOTALPAID: '0.00',
			TRX_TOTALDUE: total,
			CURRENCY: pick('CURRENCY') ?? 'USD',
			BASECURR: 'USD',
			MODULEKEY: AR_MODULE,
			SUPDOCID: supdoc ?? '',
		},
	};
}

/** Adds cents to a customer's TOTALDUE (negative: less is due). */
export function adjustCustomerDue(ws: WriteSession, customerId: string, cents: number): void {
	const table = ws.db.table('CUSTOMER');
	const customer = table.getById(customerId);
	if (!customer || cents === 0) return;
	table.put({ ...customer, TOTALDUE: formatAmount((toCents(Number(customer.TOTALDUE || '0')) + cents) / 100) });
}

function postToGl(ws: WriteSession, invoice: Row, lines: BuiltLine[]): string {
	if (lines.every((l) => l.cents === 0)) return '';
	const glLine = (account: string, debitCents: number, columns: Record<string, string>, memo: string): FieldInput => {
		const line: FieldInput = new Map([
			['ACCOUNTNO', account],
			['TR_TYPE', debitCents >= 0 ? '1' : '-1'],
			['TRX_AMOUNT', formatAmount(Math.abs(debitCents) / 100)],
			['DESCRIPTION', memo],
			['CUSTOMERID', invoice.CUSTOMERID],
		]);
		const rename: Record<string, string> = { DEPARTMENTID: 'DEPARTMENT', LOCATIONID: 'LOCATION' };
		for (const spec of AP_LINE_DIMENSIONS) if (columns[spec.field] && spec.field !== 'CUSTOMERID') line.set(rename[spec.field] ?? spec.field, columns[spec.field]);
		return line;
	};
	const gl = lines.map((l) => glLine(l.columns.ACCOUNTNO, -l.cents, l.columns, l.columns.ENTRYDESCRIPTION || invoice.DESCRIPTION));
	const byEntity = new Map<string, { cents: number; location: string }>();
	for (const l of lines) {
		const g = byEntity.get(l.entity) ?? { cents: 0, location: l.columns.LOCATIONID };
		g.cents += l.cents;
		byEntity.set(l.entity, g);
	}
	for (const g of byEntity.values()) if (g.cents !== 0) gl.push(glLine(AR_ACCOUNT, g.cents, { LOCATIONID: g.location }, `AR: ${invoice.CUSTOMERNAME}`));
	const fields: FieldInput = new Map([
		['JOURNAL', AR_JOURNAL],
		['BATCH_DATE', formatUsDate(invoice.WHENPOSTED)],
		['BATCH_TITLE', `Invoice ${invoice.RECORDID || invoice.RECORDNO} - ${invoice.CUSTOMERNAME}`],
		['REFERENCENO', invoice.RECORDID],
	]);
	return createGlBatch(ws, { fields, lines: gl }, { module: AR_MODULE, prRecordKey: invoice.RECORDNO }).RECORDNO;
}

function writeLines(ws: WriteSession, invoice: Row, lines: BuiltLine[]): void {
	const table = ws.db.table('ARINVOICEITEM');
	for (const line of lines) {
		const no = table.allocateRecordNo();
		const row: Record<string, string> = Object.assign(ws.createdStamp('ARINVOICEITEM', no), line.columns);
		row.RECORDKEY = invoice.RECORDNO;
		table.put(row);
	}
}

function removeLines(ws: WriteSession, invoice: Row): void {
	const table = ws.db.table('ARINVOICEITEM');
	for (const line of table.children(Number(invoice.RECORDNO))) table.remove(Number(line.RECORDNO));
}

function save(ws: WriteSession, base: Row, built: BuiltInvoice, verb: 'create' | 'update'): Row {
	const table = ws.db.table('ARINVOICE');
	let invoice: Row = { ...base, ...built.header, GLBATCHKEY: '' };
	table.put(invoice);
	writeLines(ws, invoice, built.lines);
	if (!built.draft) {
		invoice = { ...invoice, GLBATCHKEY: postToGl(ws, invoice, built.lines) };
		table.put(invoice);
		adjustCustomerDue(ws, invoice.CUSTOMERID, toCents(Number(invoice.TOTALDUE)));
	}
	ws.emit('ARINVOICE', verb, invoice);
	return invoice;
}

function createInvoice(ws: WriteSession, fields: FieldInput, lines: FieldInput[]): Row {
	const built = buildInvoice(ws, fields, lines);
	const table = ws.db.table('ARINVOICE');
	const recordNo = table.allocateRecordNo();
	const stamp = ws.createdStamp('ARINVOICE', recordNo);
	return save(ws, { ...stamp, AUDITWHENCREATED: stamp.WHENCREATED }, built, 'create');
}

function findInvoice(ws: WriteSession, key: string, verb: 'update' | 'delete'): Row {
	const invoice = /^\d+$/.test(key) ? ws.db.table('ARINVOICE').get(Number(key)) : undefined;
	if (!invoice || (ws.ctx.entityId && invoice.MEGAENTITYID !== '' && invoice.MEGAENTITYID !== ws.ctx.entityId)) throw RULES.notFound('Invoice', key, verb);
	if (toCents(Number(invoice.TOTALPAID || '0')) !== 0) {
		throw violation('BL01001973', `Invoice ${invoice.RECORDID || invoice.RECORDNO} has payments applied and cannot be ${verb === 'update' ? 'changed' : 'deleted'}.`, 'Reverse the payments first.');
	}
	return invoice;
}

/** Takes a posted invoice off the books (its GL batch, its lines, what the customer owes). */
function unpost(ws: WriteSession, invoice: Row): void {
	if (invoice.GLBATCHKEY) deleteGlBatch(ws, invoice.GLBATCHKEY, { module: AR_MODULE, prRecordKey: invoice.RECORDNO });
	if (invoice.STATE !== 'Draft') adjustCustomerDue(ws, invoice.CUSTOMERID, -toCents(Number(invoice.TOTALDUE || '0')));
	removeLines(ws, invoice);
}

export function deleteArInvoice(ws: WriteSession, key: string): void {
	const invoice = findInvoice(ws, key, 'delete');
	unpost(ws, invoice);
	ws.db.table('ARINVOICE').remove(Number(invoice.RECORDNO));
	ws.emit('ARINVOICE', 'delete', invoice);
}

function headerInput(fn: XmlElement): FieldInput {
	for (const name of ['batchkey', 'externalid', 'billto', 'shipto', 'payto', 'returnto', 'basecurr', 'exchratedate', 'exchratetype', 'exchrate', 'nogl', 'customfields']) {
		if (childElement(fn, name)) throw notModelled(name, 'This invoice input');
	}
	const fields: FieldInput = new Map();
	const set = (k: string, v: string | undefined): void => {
		if (v !== undefined && v !== '') fields.set(k, v);
	};
	set('CUSTOMERID', childText(fn, 'customerid'));
	set('WHENCREATED', legacyDate(childElement(fn, 'datecreated'), 'datecreated'));
	set('WHENPOSTED', legacyDate(childElement(fn, 'dateposted'), 'dateposted'));
	set('WHENDUE', legacyDate(childElement(fn, 'datedue'), 'datedue'));
	set('TERMNAME', childText(fn, 'termname'));
	set('ACTION', childText(fn, 'action'));
	set('RECORDID', childText(fn, 'invoiceno'));
	set('DOCNUMBER', childText(fn, 'ponumber'));
	set('DESCRIPTION', childText(fn, 'description'));
	const currency = childText(fn, 'currency');
	if (currency && currency !== 'USD') throw notModelled('currency', `Currency ${currency} (the sandbox company is USD only)`);
	set('SUPDOCID', childText(fn, 'supdocid'));
	return fields;
}

function guarded(verb: 'create' | 'update' | 'delete', action: () => FunctionOutcome): FunctionOutcome {
	try {
		return action();
	} catch (error: unknown) {
		if (error instanceof RuleViolation) throw writeFailure(verb, 'Invoice', error.errors);
		throw error;
	}
}

function checkLines(parent: XmlElement, names: string[], sequenceOf: (name: string) => SequenceItem[]): void {
	if (parent.children.length === 0) checkSequence(parent, [{ name: names[0], required: true }]);
	for (const line of parent.children) {
		if (!names.includes(line.name)) checkSequence(parent, names.map((name) => ({ name })));
		checkSequence(line, sequenceOf(line.name));
	}
}

/** create_invoice (Create Invoice (Legacy)). */
export function createInvoiceLegacy(ws: WriteSession, fn: XmlElement): FunctionOutcome {
	checkSequence(fn, CREATE_SEQUENCE);
	const items = childElement(fn, 'invoiceitems')!;
	checkLines(items, ['lineitem'], () => LINE_SEQUENCE);
	return guarded('create', () => {
		const fields = headerInput(fn);
		const lines = items.children.map((line, index) => {
			try {
				return lineInput(line);
			} catch (error: unknown) {
				return lineError(error, index);
			}
		});
		return { kind: 'key', key: createInvoice(ws, fields, lines).RECORDNO };
	});
}

/**
 * update_invoice key="…" (Update Invoice (Legacy)): header fields replace the invoice's; in
 * updateinvoiceitems an updatelineitem line_num="n" changes line n and a lineitem adds a line.
 */
export function updateInvoiceLegacy(ws: WriteSession, fn: XmlElement): FunctionOutcome {
	checkSequence(fn, UPDATE_SEQUENCE);
	const updates = childElement(fn, 'updateinvoiceitems');
	if (updates) checkLines(updates, ['lineitem', 'updatelineitem'], (name) => (name === 'lineitem' ? LINE_SEQUENCE : UPDATE_LINE_SEQUENCE));
	return guarded('update', () => {
		const key = attribute(fn, 'key');
		if (!key) throw RULES.required('key');
		const existing = findInvoice(ws, key, 'update');
		const fields = headerInput(fn);
		const keep = ['ACCOUNTNO', 'OFFSETGLACCOUNTNO', 'TRX_AMOUNT', 'ENTRYDESCRIPTION', ...AP_LINE_DIMENSIONS.map((d) => d.field)];
		const lines: FieldInput[] = ws.db
			.table('ARINVOICEITEM')
			.children(Number(existing.RECORDNO))
			.map((row) => new Map(keep.filter((k) => row[k]).map((k) => [k, row[k]])));
		(updates?.children ?? []).forEach((u, index) => {
			try {
				if (u.name === 'lineitem') {
					lines.push(lineInput(u));
					return;
				}
				const n = Number(attribute(u, 'line_num') ?? '0');
				if (!Number.isInteger(n) || n < 1 || n > lines.length) throw RULES.invalidValue('line_num', attribute(u, 'line_num') ?? '', `1 to ${lines.length}`);
				lines[n - 1] = new Map([...lines[n - 1], ...lineInput(u)]);
			} catch (error: unknown) {
				lineError(error, index);
			}
		});
		const built = buildInvoice(ws, fields, lines, existing);
		unpost(ws, existing);
		return { kind: 'key', key: save(ws, { ...existing, ...ws.modifiedStamp() }, built, 'update').RECORDNO };
	});
}

/** delete_invoice key="…" (Delete Invoice (Legacy)). */
export function deleteInvoiceLegacy(ws: WriteSession, fn: XmlElement): FunctionOutcome {
	return guarded('delete', () => {
		const key = attribute(fn, 'key');
		if (!key) throw RULES.required('key');
		deleteArInvoice(ws, key);
		return { kind: 'none' };
	});
}

/** Generic create/update of ARINVOICE: the Invoices page documents only the legacy functions for them. */
export function genericInvoiceWriteRefused(verb: 'create' | 'update'): never {
	throw violation('BL01001973', `${verb} of ARINVOICE is not available through the generic ${verb} function.`, `Use ${verb}_invoice.`);
}

