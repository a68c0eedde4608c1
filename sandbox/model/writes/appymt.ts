/**
 * AP payments: generic create of APPYMT with APPYMTDETAILS (Sage's AP Payments page, Create AP
 * Payment), generic delete of a Draft payment, legacy reverse_appayment (Reverse AP Payment (Legacy)).
 *
 * The money rules: a detail pays a posted bill of the payment's vendor (RECORDKEY) and never more than
 * the bill still has open (TOTALDUE), nor more than a line's open amount (ENTRYKEY); details on one
 * bill add up against the same open amount. A submitted payment lowers each bill's TOTALDUE, raises
 * TOTALPAID and moves STATE to Partially Paid or Paid (WHENPAID set when nothing is left), and posts
 * one journal entry: debit the vendor's AP account, credit the bank's GL account. A Draft payment
 * (ACTION Draft) changes no bill and posts nothing. Reversing a payment gives every amount back to its
 * bills and posts the opposite entry. Sources and inventions: docs/fidelity-flows.md.
 */
import type { FunctionOutcome, XmlElement } from '../contract';
import { formatUsDate, fromDateParts } from '../dates';
import { RULES, RuleViolation, violation, writeFailure } from '../errors';
import { APPYMT, APPYMTDETAIL, APPYMT_PAYMENT_METHODS } from '../objects/appymt';
import type { Row } from '../store';
import { attribute, childElement, childText } from '../xml-element';
import { requireReference } from './dimensions';
import { createGlBatch } from './glbatch';
import { formatAmount, parseAmount, toCents } from './gl-amounts';
import { dateInput, requireOpenPeriod } from './input-values';
import { checkSequence, legacyDateParts } from './legacy-order';
import { checkWriteFields } from './field-check';
import { readRecordInput, value, type FieldInput } from './record-input';
import type { WriteSession } from './write-session';

const COLLECTIONS = { APPYMTDETAILS: 'APPYMTDETAIL' };
const DEFAULT_AP_ACCOUNT = '2000';
const AP_JOURNAL = 'APJ';

interface Application {
	bill: Row;
	entryKey: string;
	cents: number;
}

function open(bill: Row): number {
	return toCents(Number(bill.TOTALDUE || '0'));
}

/** Lines of a bill with what each still has open: paid amounts are spread over lines in order. */
function openByLine(ws: WriteSession, bill: Row): Map<string, number> {
	const lines = ws.db.table('APBILLITEM').children(Number(bill.RECORDNO));
	let paid = toCents(Number(bill.TOTALPAID || '0'));
	const paidOnLine = new Map<string, number>();
	for (const detail of ws.db.table('APPYMTDETAIL').rows()) {
		if (detail.RECORDKEY === bill.RECORDNO && detail.ENTRYKEY && detail.STATE !== 'Voided') {
			paidOnLine.set(detail.ENTRYKEY, (paidOnLine.get(detail.ENTRYKEY) ?? 0) + toCents(Number(detail.TRX_PAYMENTAMOUNT)));
		}
	}
	for (const cents of paidOnLine.values()) paid -= cents;
	const out = new Map<string, number>();
	for (const line of lines) {
		const amount = toCents(Number(line.TRX_AMOUNT || '0')) - (paidOnLine.get(line.RECORDNO) ?? 0);
		const fromHeader = Math.max(0, Math.min(paid, amount));
		paid -= fromHeader;
		out.set(line.RECORDNO, amount - fromHeader);
	}
	return out;
}

function detailError(error: unknown, index: number): never {
	if (error instanceof RuleViolation) for (const e of error.errors) e.description2 = `${e.description2 ?? ''} (payment detail ${index + 1})`;
	throw error;
}

function buildApplications(ws: WriteSession, vendorId: string, details: FieldInput[]): Application[] {
	if (details.length === 0) throw RULES.required('APPYMTDETAILS');
	const pending = new Map<string, number>(); // bill RECORDNO -> cents applied so far in this payment
	const pendingLine = new Map<string, number>();
	return details.map((detail, index) => {
		try {
			checkWriteFields(APPYMTDETAIL, detail, 'create');
			if (value(detail, 'POSADJKEY') || value(detail, 'ADJUSTMENTKEY') || value(detail, 'ADVANCEKEY') || value(detail, 'INLINEKEY')) {
				throw violation('BL03000020', 'Credit memos, adjustments, advances and inline credits are not modelled by the sandbox.', 'Pay bills by RECORDKEY.');
			}
			const key = value(detail, 'RECORDKEY');
			if (!key) throw RULES.required('RECORDKEY');
			const bill = /^\d+$/.test(key) ? ws.db.table('APBILL').get(Number(key)) : undefined;
			if (!bill || (ws.ctx.entityId && bill.MEGAENTITYID !== '' && bill.MEGAENTITYID !== ws.ctx.entityId)) throw RULES.unknownReference('Bill', 'RECORDKEY', key);
			if (bill.VENDORID !== vendorId) throw violation('BL03000020', `Bill ${key} belongs to vendor ${bill.VENDORID}, not ${vendorId}.`, 'Pay each vendor\'s bills in its own payment.');
			if (!['Posted', 'Partially Paid', 'Selected', 'Paid'].includes(bill.STATE)) {
				throw violation('BL03000020', `Bill ${key} is ${bill.STATE} and cannot be paid.`, 'Submit the bill before paying it.');
			}
			const alreadyApplied = pending.get(bill.RECORDNO) ?? 0;
			const openCents = open(bill) - alreadyApplied;
			const amountText = value(detail, 'TRX_PAYMENTAMOUNT');
			// No amount: the rest of what is open (the sandbox's reading of an optional amount).
			const cents = amountText === undefined ? openCents : toCents(parseAmount('TRX_PAYMENTAMOUNT', amountText));
			if (cents <= 0) throw RULES.invalidValue('TRX_PAYMENTAMOUNT', amountText ?? formatAmount(cents / 100), 'an amount greater than 0');
			if (cents > openCents) {
				throw violation(
					'BL03000020',
					`Payment amount ${formatAmount(cents / 100)} exceeds the amount due ${formatAmount(Math.max(openCents, 0) / 100)} on bill ${bill.RECORDID || bill.RECORDNO}.`,
					'Pay no more than the amount due.',
				);
			}
			const entryKey = value(detail, 'ENTRYKEY') ?? '';
			if (entryKey) {
				const lines = openByLine(ws, bill);
				if (!lines.has(entryKey)) throw RULES.unknownReference('Bill line', 'ENTRYKEY', entryKey);
				const lineOpen = (lines.get(entryKey) ?? 0) - (pendingLine.get(entryKey) ?? 0);
				if (cents > lineOpen) {
					throw violation('BL03000020', `Payment amount ${formatAmount(cents / 100)} exceeds the amount due ${formatAmount(lineOpen / 100)} on line ${entryKey} of bill ${bill.RECORDID || bill.RECORDNO}.`, 'Pay no more than the line\'s amount due.');
				}
				pendingLine.set(entryKey, (pendingLine.get(entryKey) ?? 0) + cents);
			}
			pending.set(bill.RECORDNO, alreadyApplied + cents);
			return { bill, entryKey, cents };
		} catch (error: unknown) {
			return detailError(error, index);
		}
	});
}

/** Moves money between a bill and its payments: +cents pays, -cents gives back (reversal). */
function applyToBill(ws: WriteSession, billNo: string, cents: number, paymentDate: string): void {
	const table = ws.db.table('APBILL');
	const bill = table.get(Number(billNo))!;
	const paid = toCents(Number(bill.TOTALPAID || '0')) + cents;
	const due = toCents(Number(bill.TOTALENTERED || '0')) - paid;
	const state = due === 0 ? 'Paid' : paid === 0 ? 'Posted' : 'Partially Paid';
	const updated: Row = {
		...bill,
		TOTALPAID: formatAmount(paid / 100),
		TOTALDUE: formatAmount(due / 100),
		TRX_TOTALDUE: formatAmount(due / 100),
		STATE: state,
		WHENPAID: due === 0 ? paymentDate : '',
		...ws.modifiedStamp(),
	};
	table.put(updated);
	ws.emit('APBILL', 'update', updated);
}

/** One debit/credit pair per location the paid bills posted to (each bill's first line), so each entity stays balanced. */
function postPayment(ws: WriteSession, payment: Row, bankGl: string, parts: Array<{ location: string; cents: number }>, sign: 1 | -1, date: string, title: string): string {
	const apAccount = ws.db.table('VENDOR').getById(payment.VENDORID)?.APACCOUNT || DEFAULT_AP_ACCOUNT;
	const byLocation = new Map<string, number>();
	for (const p of parts) byLocation.set(p.location, (byLocation.get(p.location) ?? 0) + p.cents);
	const line = (account: string, debit: boolean, location: string, cents: number): FieldInput =>
		new Map([
			['ACCOUNTNO', account],
			['TR_TYPE', debit ? '1' : '-1'],
			['TRX_AMOUNT', formatAmount(cents / 100)],
			['DESCRIPTION', title],
			['VENDORID', payment.VENDORID],
			['LOCATION', location],
		]);
	const lines: FieldInput[] = [];
	for (const [location, cents] of byLocation) {
		if (sign === 1) lines.push(line(apAccount, true, location, cents), line(bankGl, false, location, cents));
		else lines.push(line(bankGl, true, location, cents), line(apAccount, false, location, cents));
	}
	const fields: FieldInput = new Map([
		['JOURNAL', AP_JOURNAL],
		['BATCH_DATE', formatUsDate(date)],
		['BATCH_TITLE', title],
		['REFERENCENO', payment.DOCNUMBER],
	]);
	return createGlBatch(ws, { fields, lines }, { module: '3.AP', prRecordKey: payment.RECORDNO }).RECORDNO;
}

function billLocation(ws: WriteSession, billNo: string): string {
	return ws.db.table('APBILLITEM').children(Number(billNo))[0]?.LOCATIONID ?? '';
}

export function createApPayment(ws: WriteSession, el: XmlElement): Row {
	const input = readRecordInput(el, COLLECTIONS);
	const f = input.fields;
	checkWriteFields(APPYMT, f, 'create');
	const vendorId = value(f, 'VENDORID');
	if (!vendorId) throw RULES.required('VENDORID');
	const vendor = requireReference(ws.db, ws.ctx, 'VENDOR', 'VENDORID', vendorId);
	const paymentDate = dateInput(f, 'PAYMENTDATE');
	if (!paymentDate) throw RULES.required('PAYMENTDATE');
	const currency = value(f, 'CURRENCY');
	if (!currency) throw RULES.required('CURRENCY');
	const action = (value(f, 'ACTION') ?? 'Submit').toLowerCase();
	if (action !== 'submit' && action !== 'draft') throw RULES.invalidValue('ACTION', value(f, 'ACTION') ?? '', 'Submit, Draft');
	// FINANCIALENTITY and PAYMENTMETHOD "can be omitted when creating a credit-only payment", which the sandbox does not model.
	const method = value(f, 'PAYMENTMETHOD');
	if (!method) throw RULES.required('PAYMENTMETHOD');
	const knownMethod = APPYMT_PAYMENT_METHODS.find((m) => m.toLowerCase() === method.toLowerCase());
	if (!knownMethod) throw RULES.invalidValue('PAYMENTMETHOD', method, APPYMT_PAYMENT_METHODS.join(', '));
	const bankId = value(f, 'FINANCIALENTITY');
	if (!bankId) throw RULES.required('FINANCIALENTITY');
	const bank = requireReference(ws.db, ws.ctx, 'CHECKINGACCOUNT', 'FINANCIALENTITY', bankId);
	if (action === 'submit') requireOpenPeriod(ws.settings.closedBefore, paymentDate);
	const applications = buildApplications(ws, vendor.VENDORID, input.lines.get('APPYMTDETAILS') ?? []);
	const total = applications.reduce((sum, a) => sum + a.cents, 0);
	const table = ws.db.table('APPYMT');
	const recordNo = table.allocateRecordNo();
	const stamp = ws.createdStamp('APPYMT', recordNo);
	const draft = action === 'draft';
	let payment: Row = {
		...stamp,
		AUDITWHENCREATED: stamp.WHENCREATED,
		FINANCIALENTITY: bank.BANKACCOUNTID,
		PAYMENTMETHOD: knownMethod,
		VENDORID: vendor.VENDORID,
		VENDORNAME: vendor.NAME,
		DOCNUMBER: value(f, 'DOCNUMBER') ?? '',
		DESCRIPTION: value(f, 'DESCRIPTION') ?? '',
		WHENCREATED: paymentDate,
		WHENPAID: draft ? '' : paymentDate,
		CURRENCY: currency,
		BASECURR: value(f, 'BASECURR') ?? 'USD',
		STATE: draft ? 'Draft' : 'Complete',
		TOTALENTERED: formatAmount(total / 100),
		TOTALPAID: draft ? '0.00' : formatAmount(total / 100),
		TRX_TOTALENTERED: formatAmount(total / 100),
		PAYMENTREQUESTMETHOD: value(f, 'PAYMENTREQUESTMETHOD') ?? 'vendorpref',
		PARENTPAYMENTKEY: '',
		GLBATCHKEY: '',
	};
	table.put(payment);
	const details = ws.db.table('APPYMTDETAIL');
	for (const a of applications) {
		const no = details.allocateRecordNo();
		details.put({
			...ws.createdStamp('APPYMTDETAIL', no),
			PAYMENTKEY: payment.RECORDNO,
			RECORDKEY: a.bill.RECORDNO,
			ENTRYKEY: a.entryKey,
			TRX_PAYMENTAMOUNT: formatAmount(a.cents / 100),
			PAYMENTAMOUNT: formatAmount(a.cents / 100),
			PAYMENTDATE: paymentDate,
			CURRENCY: currency,
			STATE: payment.STATE,
		});
		if (!draft) applyToBill(ws, a.bill.RECORDNO, a.cents, paymentDate);
	}
	if (!draft && total > 0) {
		const parts = applications.map((a) => ({ location: billLocation(ws, a.bill.RECORDNO), cents: a.cents }));
		payment = { ...payment, GLBATCHKEY: postPayment(ws, payment, bank.GLACCOUNTNO, parts, 1, paymentDate, `AP payment ${payment.DOCNUMBER || payment.RECORDNO} - ${vendor.NAME}`) };
		table.put(payment);
	}
	ws.emit('APPYMT', 'create', payment);
	return payment;
}

function findPayment(ws: WriteSession, key: string, verb: 'delete' | 'update'): Row {
	const payment = /^\d+$/.test(key) ? ws.db.table('APPYMT').get(Number(key)) : undefined;
	if (!payment || (ws.ctx.entityId && payment.MEGAENTITYID !== '' && payment.MEGAENTITYID !== ws.ctx.entityId)) throw RULES.notFound('AP Payment', key, verb);
	return payment;
}

/** Generic delete: the sandbox lets only a Draft payment go (a posted one is reversed, not deleted). */
export function deleteApPayment(ws: WriteSession, key: string): void {
	const payment = findPayment(ws, key, 'delete');
	if (payment.STATE !== 'Draft') {
		throw violation('BL03000020', `AP payment ${key} is ${payment.STATE} and cannot be deleted.`, 'Reverse the payment (reverse_appayment) instead.');
	}
	const details = ws.db.table('APPYMTDETAIL');
	for (const d of details.children(Number(payment.RECORDNO))) details.remove(Number(d.RECORDNO));
	ws.db.table('APPYMT').remove(Number(payment.RECORDNO));
	ws.emit('APPYMT', 'delete', payment);
}

/** Generic update: only Draft payments (Update AP Payment); not modelled beyond that rule. */
export function updateApPayment(ws: WriteSession, el: XmlElement): Row {
	const input = readRecordInput(el, COLLECTIONS);
	checkWriteFields(APPYMT, input.fields, 'update');
	const key = value(input.fields, 'RECORDNO');
	if (!key) throw RULES.required('RECORDNO');
	const payment = findPayment(ws, key, 'update');
	if (payment.STATE !== 'Draft') throw violation('BL03000020', `AP payment ${key} is ${payment.STATE}: only Draft payments can be updated.`, 'Reverse the payment instead.');
	throw violation('BL03000020', 'Updating draft AP payments is not modelled by the sandbox.', 'Delete the draft and create it again.');
}

/** reverse_appayment key="…": <datereversed> (required), <description> (optional), in that order (api.xsd). */
export function reverseApPayment(ws: WriteSession, fn: XmlElement): FunctionOutcome {
	checkSequence(fn, [{ name: 'datereversed', required: true }, { name: 'description' }]);
	const key = attribute(fn, 'key');
	try {
		if (!key) throw RULES.required('key');
		const payment = findPayment(ws, key, 'update');
		if (payment.STATE === 'Voided' || payment.PARENTPAYMENTKEY) throw violation('BL03000020', `AP payment ${key} is already reversed.`, 'Reverse a payment once.');
		if (payment.STATE === 'Draft') throw violation('BL03000020', `AP payment ${key} is a draft and has nothing to reverse.`, 'Delete the draft instead.');
		const parts = legacyDateParts(childElement(fn, 'datereversed')!);
		const date = fromDateParts(parts.year, parts.month, parts.day);
		if (!date) throw RULES.invalidDate('datereversed', `${parts.month}/${parts.day}/${parts.year}`);
		if (date < payment.WHENCREATED) throw violation('BL03000020', `Reversal date ${formatUsDate(date)} is before the payment date ${formatUsDate(payment.WHENCREATED)}.`, 'Use a later reversal date.');
		requireOpenPeriod(ws.settings.closedBefore, date);
		const details = ws.db.table('APPYMTDETAIL').children(Number(payment.RECORDNO));
		for (const d of details) {
			applyToBill(ws, d.RECORDKEY, -toCents(Number(d.TRX_PAYMENTAMOUNT)), '');
			ws.db.table('APPYMTDETAIL').put({ ...d, STATE: 'Voided' });
		}
		const bank = ws.db.table('CHECKINGACCOUNT').getById(payment.FINANCIALENTITY);
		const cents = toCents(Number(payment.TOTALPAID || '0'));
		const memo = childText(fn, 'description') ?? `Reversal of AP payment ${payment.RECORDNO}`;
		const glParts = details.map((d) => ({ location: billLocation(ws, d.RECORDKEY), cents: toCents(Number(d.TRX_PAYMENTAMOUNT)) }));
		const glKey = cents > 0 && bank ? postPayment(ws, payment, bank.GLACCOUNTNO, glParts, -1, date, memo) : '';
		const voided: Row = { ...payment, STATE: 'Voided', ...ws.modifiedStamp() };
		ws.db.table('APPYMT').put(voided);
		ws.emit('APPYMT', 'update', voided);
		const table = ws.db.table('APPYMT');
		const no = table.allocateRecordNo();
		const reversal: Row = {
			...voided,
			...ws.createdStamp('APPYMT', no),
			AUDITWHENCREATED: ws.now,
			WHENCREATED: date,
			DESCRIPTION: memo,
			STATE: 'Voided',
			TOTALENTERED: formatAmount(-cents / 100),
			TOTALPAID: formatAmount(-cents / 100),
			TRX_TOTALENTERED: formatAmount(-cents / 100),
			PARENTPAYMENTKEY: payment.RECORDNO,
			GLBATCHKEY: glKey,
		};
		table.put(reversal);
		ws.emit('APPYMT', 'create', reversal);
		return { kind: 'key', key: reversal.RECORDNO };
	} catch (error: unknown) {
		if (error instanceof RuleViolation) throw writeFailure('update', 'AP Payment', error.errors);
		throw error;
	}
}
