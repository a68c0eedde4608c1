/**
 * Charge card transactions (Sage's Charge Card Transactions page, Create Charge Card Transaction
 * (Legacy) `record_cctransaction` and Reverse Charge Card Transaction (Legacy)
 * `reverse_cctransaction`; api.xsd elements of the same names). The page documents no generic
 * create of CCTRANSACTION, so the sandbox refuses one. Rules and their sources: docs/fidelity-flows.md.
 */
import type { FunctionOutcome, XmlElement } from '../contract';
import { formatUsDate, fromDateParts } from '../dates';
import { RULES, RuleViolation, schemaError, violation, writeFailure } from '../errors';
import type { Row } from '../store';
import { attribute, childElement, childText } from '../xml-element';
import { AP_LINE_DIMENSIONS, entityOfLocation, requireReference, resolveDimensions } from './dimensions';
import { createGlBatch } from './glbatch';
import { formatAmount, parseAmount, toCents } from './gl-amounts';
import { requireOpenPeriod } from './input-values';
import { checkSequence, legacyDateParts, type SequenceItem } from './legacy-order';
import type { FieldInput } from './record-input';
import { lineCustomFields, refuseHeaderCustomFields } from './user-dimension-fields';
import type { WriteSession } from './write-session';

const CC_JOURNAL = 'CCJ';
/** Module key of cash-management postings (the sandbox's own value; docs/fidelity-flows.md). */
const CM_MODULE = '11.CM';

const HEADER_SEQUENCE: SequenceItem[] = [
	{ name: 'chargecardid', required: true },
	{ name: 'paymentdate', required: true },
	{ name: 'referenceno' },
	{ name: 'payee' },
	{ name: 'description' },
	{ name: 'supdocid' },
	{ name: 'currency' },
	{ name: 'exchratedate' },
	{ name: 'exchratetype', or: ['exchrate'] },
	{ name: 'customfields' },
	{ name: 'ccpayitems', required: true },
];

const LINE_SEQUENCE: SequenceItem[] = [
	{ name: 'glaccountno', or: ['accountlabel'], required: true },
	{ name: 'description' },
	{ name: 'paymentamount', required: true },
	...['departmentid', 'locationid', 'customerid', 'vendorid', 'employeeid', 'projectid', 'itemid', 'classid', 'contractid', 'warehouseid', 'customfields'].map((name) => ({ name })),
];

/** Legacy line element -> the line's stored field (the AP line names the dimension rules use). */
const LINE_DIMENSIONS: Array<[string, string]> = [
	['departmentid', 'DEPARTMENTID'],
	['locationid', 'LOCATIONID'],
	['customerid', 'CUSTOMERID'],
	['vendorid', 'VENDORID'],
	['employeeid', 'EMPLOYEEID'],
	['projectid', 'PROJECTID'],
	['itemid', 'ITEMID'],
	['classid', 'CLASSID'],
];

/** The AP line field of a dimension -> the GLENTRY field the posting uses. */
const GL_FIELD: Record<string, string> = { DEPARTMENTID: 'DEPARTMENT', LOCATIONID: 'LOCATION' };

/** api.xsd record_cctransaction: (currency, ((exchratedate?, exchratetype) | exchrate))? - the rate is required with a currency. */
function checkCurrency(fn: XmlElement): void {
	const has = (name: string): boolean => childElement(fn, name) !== undefined;
	if (has('exchratedate') && !has('exchratetype')) throw schemaError("XML Parse schema error: Element 'exchratedate' in <record_cctransaction> must be followed by exchratetype.");
	if ((has('exchratetype') || has('exchrate')) && !has('currency')) throw schemaError("XML Parse schema error: Element 'exchratetype' in <record_cctransaction> needs a currency before it.");
	if (has('currency') && !has('exchratetype') && !has('exchrate')) {
		throw schemaError("XML Parse schema error: Element 'currency' in <record_cctransaction>: Missing child element(s). Expected is one of ( exchratedate, exchratetype, exchrate ).");
	}
}

function dateOf(el: XmlElement | undefined, fieldId: string): string {
	if (!el) throw RULES.required(fieldId);
	const parts = legacyDateParts(el);
	const iso = fromDateParts(parts.year, parts.month, parts.day);
	if (!iso) throw RULES.invalidDate(fieldId, `${parts.month}/${parts.day}/${parts.year}`);
	return iso;
}

interface BuiltLine {
	cents: number;
	columns: Record<string, string>;
	entity: string;
}

function lineError(error: unknown, index: number): never {
	if (error instanceof RuleViolation) for (const e of error.errors) e.description2 = `${e.description2 ?? ''} (line ${index + 1})`;
	throw error;
}

function buildLine(ws: WriteSession, line: XmlElement, index: number): BuiltLine {
	try {
		const label = childText(line, 'accountlabel');
		// The sandbox company has no AP account labels set up: a label can name none.
		if (label !== undefined) throw RULES.unknownReference('Account label', 'accountlabel', label);
		const accountNo = childText(line, 'glaccountno') ?? '';
		const account = requireReference(ws.db, ws.ctx, 'GLACCOUNT', 'glaccountno', accountNo);
		const amount = parseAmount('paymentamount', childText(line, 'paymentamount') ?? '');
		if (toCents(amount) === 0) throw RULES.invalidValue('paymentamount', childText(line, 'paymentamount') ?? '', 'an amount other than 0');
		for (const [element] of [['contractid'], ['warehouseid']]) {
			const text = childText(line, element);
			if (text !== undefined && text !== '') throw RULES.unknownReference(element === 'contractid' ? 'Contract' : 'Warehouse', element, text);
		}
		const input: FieldInput = new Map();
		for (const [element, fieldId] of LINE_DIMENSIONS) {
			const text = childText(line, element);
			if (text !== undefined && text !== '') input.set(fieldId, text);
		}
		// A user-defined dimension travels as a custom field of the line (GLDIM<name>); nothing else is defined on CCTRANSACTIONENTRY here.
		for (const [name, text] of lineCustomFields('CCTRANSACTIONENTRY', line)) input.set(name, text);
		// "LOCATIONID of an active location. Required if company is multi-entity enabled." (the company is).
		if (!input.get('LOCATIONID')) throw RULES.required('locationid');
		const dims = resolveDimensions(ws.db, ws.ctx, AP_LINE_DIMENSIONS, input, account);
		const entity = entityOfLocation(ws.db, dims.LOCATIONID);
		if (entity === undefined) throw RULES.locationWithoutEntity(dims.LOCATIONID);
		if (ws.ctx.entityId && entity !== ws.ctx.entityId) throw RULES.locationOutsideEntity(dims.LOCATIONID, ws.ctx.entityId);
		return {
			cents: toCents(amount),
			entity,
			columns: {
				LINE_NO: String(index + 1),
				ACCOUNTNO: account.ACCOUNTNO,
				ACCOUNTTITLE: account.TITLE ?? '',
				DESCRIPTION: childText(line, 'description') ?? '',
				TRX_AMOUNT: formatAmount(amount),
				AMOUNT: formatAmount(amount),
				...dims,
			},
		};
	} catch (error) {
		lineError(error, index);
	}
}

/** Debits each line's account, credits the card's liability account (per line, so each entity balances). */
function post(ws: WriteSession, txn: Row, liability: string, lines: BuiltLine[], sign: 1 | -1, date: string, title: string): string {
	const glLines: FieldInput[] = [];
	for (const line of lines) {
		const cents = line.cents * sign;
		const dims: Array<[string, string]> = Object.entries(line.columns)
			.filter(([key]) => AP_LINE_DIMENSIONS.some((d) => d.field === key))
			.map(([key, text]) => [GL_FIELD[key] ?? key, text]);
		const entry = (account: string, debit: boolean): FieldInput =>
			new Map([['ACCOUNTNO', account], ['TR_TYPE', debit ? '1' : '-1'], ['TRX_AMOUNT', formatAmount(Math.abs(cents) / 100)], ['DESCRIPTION', line.columns.DESCRIPTION || title], ...dims]);
		glLines.push(entry(line.columns.ACCOUNTNO, cents > 0), entry(liability, cents < 0));
	}
	const fields: FieldInput = new Map([
		['JOURNAL', CC_JOURNAL],
		['BATCH_DATE', formatUsDate(date)],
		['BATCH_TITLE', title],
		['REFERENCENO', txn.RECORDID],
	]);
	return createGlBatch(ws, { fields, lines: glLines }, { module: CM_MODULE, prRecordKey: txn.RECORDNO }).RECORDNO;
}

function guarded(verb: 'create' | 'update', action: () => FunctionOutcome): FunctionOutcome {
	try {
		return action();
	} catch (error: unknown) {
		if (error instanceof RuleViolation) throw writeFailure(verb, 'Charge Card Transaction', error.errors);
		throw error;
	}
}

export function recordCcTransaction(ws: WriteSession, fn: XmlElement): FunctionOutcome {
	checkSequence(fn, HEADER_SEQUENCE);
	checkCurrency(fn);
	const items = childElement(fn, 'ccpayitems')!;
	if (items.children.length === 0) checkSequence(items, [{ name: 'ccpayitem', required: true }]);
	for (const line of items.children) {
		if (line.name !== 'ccpayitem') checkSequence(items, [{ name: 'ccpayitem' }]);
		checkSequence(line, LINE_SEQUENCE);
	}
	return guarded('create', () => {
		const card = requireReference(ws.db, ws.ctx, 'CREDITCARD', 'chargecardid', childText(fn, 'chargecardid') ?? '');
		const date = dateOf(childElement(fn, 'paymentdate'), 'paymentdate');
		requireOpenPeriod(ws.settings.closedBefore, date);
		const supdoc = childText(fn, 'supdocid');
		if (supdoc) requireReference(ws.db, ws.ctx, 'SUPDOC', 'supdocid', supdoc);
		refuseHeaderCustomFields('CCTRANSACTION', fn);
		const lines = items.children.map((line, index) => buildLine(ws, line, index));
		const total = lines.reduce((sum, l) => sum + l.cents, 0);
		const table = ws.db.table('CCTRANSACTION');
		const recordNo = table.allocateRecordNo();
		const stamp = ws.createdStamp('CCTRANSACTION', recordNo);
		let txn: Row = {
			...stamp,
			AUDITWHENCREATED: stamp.WHENCREATED,
			FINANCIALENTITY: card.CARDID,
			WHENCREATED: date,
			RECORDID: childText(fn, 'referenceno') ?? '',
			PAYEE: childText(fn, 'payee') ?? '',
			DESCRIPTION: childText(fn, 'description') ?? '',
			SUPDOCID: supdoc ?? '',
			CURRENCY: childText(fn, 'currency') ?? card.CURRENCY ?? 'USD',
			BASECURR: 'USD',
			EXCH_RATE_TYPE_ID: childText(fn, 'exchratetype') ?? '',
			TOTALENTERED: formatAmount(total / 100),
			TRX_TOTALENTERED: formatAmount(total / 100),
			STATE: 'Posted',
			REVERSALKEY: '',
			REVERSEDKEY: '',
			GLBATCHKEY: '',
		};
		table.put(txn);
		const entries = ws.db.table('CCTRANSACTIONENTRY');
		for (const line of lines) {
			const no = entries.allocateRecordNo();
			const row: Row = { ...ws.createdStamp('CCTRANSACTIONENTRY', no), ...line.columns, RECORDKEY: txn.RECORDNO };
			entries.put(row);
			ws.emit('CCTRANSACTIONENTRY', 'create', row);
		}
		const title = `Charge card ${card.CARDID} ${txn.RECORDID || txn.RECORDNO}${txn.PAYEE ? ` - ${txn.PAYEE}` : ''}`;
		txn = { ...txn, GLBATCHKEY: post(ws, txn, card.GLACCOUNTNO, lines, 1, date, title) };
		table.put(txn);
		ws.emit('CCTRANSACTION', 'create', txn);
		return { kind: 'key', key: txn.RECORDNO };
	});
}

/**
 * reverse_cctransaction key="…" (datereversed required, memo optional): a reversing transaction dated
 * datereversed with the lines negated; both are marked (REVERSALKEY / REVERSEDKEY, STATE Reversed /
 * Reversal). A transaction already reversed, or a reversal, cannot be reversed again.
 */
export function reverseCcTransaction(ws: WriteSession, fn: XmlElement): FunctionOutcome {
	checkSequence(fn, [{ name: 'datereversed', required: true }, { name: 'memo' }]);
	return guarded('update', () => {
		const key = attribute(fn, 'key');
		if (!key) throw RULES.required('key');
		const table = ws.db.table('CCTRANSACTION');
		const original = /^\d+$/.test(key) ? table.get(Number(key)) : undefined;
		if (!original || (ws.ctx.entityId && original.MEGAENTITYID !== '' && original.MEGAENTITYID !== ws.ctx.entityId)) throw RULES.notFound('Charge Card Transaction', key, 'update');
		if (original.STATE !== 'Posted') throw violation('BL03000020', `Charge card transaction ${key} is ${original.STATE} and cannot be reversed.`, 'Reverse a posted transaction.');
		const date = dateOf(childElement(fn, 'datereversed'), 'datereversed');
		if (date < original.WHENCREATED) throw violation('BL03000020', `The reversal date ${formatUsDate(date)} is before the transaction date ${formatUsDate(original.WHENCREATED)}.`, 'Use a date on or after the transaction date.');
		requireOpenPeriod(ws.settings.closedBefore, date);
		const card = ws.db.table('CREDITCARD').getById(original.FINANCIALENTITY)!;
		const lines: BuiltLine[] = ws.db.table('CCTRANSACTIONENTRY').children(Number(original.RECORDNO)).map((row) => {
			const columns: Record<string, string> = {};
			for (const [k, v] of Object.entries(row)) if (!['RECORDNO', 'RECORDKEY', 'WHENCREATED', 'WHENMODIFIED', 'CREATEDBY', 'MODIFIEDBY', 'RECORD_URL'].includes(k)) columns[k] = v;
			return { cents: -toCents(Number(row.TRX_AMOUNT)), entity: '', columns: { ...columns, TRX_AMOUNT: formatAmount(-Number(row.TRX_AMOUNT)), AMOUNT: formatAmount(-Number(row.AMOUNT)) } };
		});
		const recordNo = table.allocateRecordNo();
		const stamp = ws.createdStamp('CCTRANSACTION', recordNo);
		let reversal: Row = {
			...original,
			...stamp,
			AUDITWHENCREATED: stamp.WHENCREATED,
			WHENCREATED: date,
			DESCRIPTION: childText(fn, 'memo') ?? original.DESCRIPTION,
			TOTALENTERED: formatAmount(-Number(original.TOTALENTERED)),
			TRX_TOTALENTERED: formatAmount(-Number(original.TRX_TOTALENTERED)),
			STATE: 'Reversal',
			REVERSEDKEY: original.RECORDNO,
			REVERSALKEY: '',
			GLBATCHKEY: '',
		};
		table.put(reversal);
		const entries = ws.db.table('CCTRANSACTIONENTRY');
		for (const line of lines) {
			const no = entries.allocateRecordNo();
			entries.put({ ...ws.createdStamp('CCTRANSACTIONENTRY', no), ...line.columns, RECORDKEY: reversal.RECORDNO });
		}
		reversal = { ...reversal, GLBATCHKEY: post(ws, reversal, card.GLACCOUNTNO, lines, 1, date, `Reversal of charge card transaction ${original.RECORDNO}`) };
		table.put(reversal);
		const reversed: Row = { ...original, STATE: 'Reversed', REVERSALKEY: reversal.RECORDNO, ...ws.modifiedStamp() };
		table.put(reversed);
		ws.emit('CCTRANSACTION', 'create', reversal);
		ws.emit('CCTRANSACTION', 'update', reversed);
		return { kind: 'key', key: reversal.RECORDNO };
	});
}

/** No generic create/update/delete of CCTRANSACTION is documented (only the legacy functions). */
export function refuseGenericCcTransaction(): never {
	throw violation('BL01001973', 'CCTRANSACTION cannot be written with the generic create, update or delete functions.', 'Use record_cctransaction or reverse_cctransaction.');
}
