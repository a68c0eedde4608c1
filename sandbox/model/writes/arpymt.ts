/**
 * AR payments: generic create of ARPYMT with ARPYMTDETAILS (Sage's AR Payments page, Create AR
 * Payment), generic delete of a Draft payment (Delete AR Payment).
 *
 * The money rules: a detail pays a posted invoice (RECORDKEY) of the payment's customer, never more
 * than the invoice still has open (TOTALDUE) nor more than a line's open amount (ENTRYKEY); without
 * ENTRYKEY the amount runs down the lines in order (the waterfall method). A paid invoice is no longer
 * open. OVERPAYMENTAMOUNT is received on top of the applied amounts and stays unapplied (a credit of
 * the customer). The money goes into FINANCIALENTITY (a bank account) or UNDEPOSITEDACCOUNTNO (then a
 * deposit, record_deposit, moves it to a bank). A submitted payment posts one journal entry in ARJ:
 * debit the bank's (or the undeposited funds) GL account, credit AR. A Draft payment changes nothing.
 * Sources and inventions: docs/fidelity-flows.md.
 */
import type { XmlElement } from '../contract';
import { formatUsDate } from '../dates';
import { RULES, RuleViolation, violation } from '../errors';
import { ARPYMT, ARPYMTDETAIL, ARPYMT_PAYMENT_METHODS } from '../objects/arpymt';
import type { Row } from '../store';
import { AR_ACCOUNT, adjustCustomerDue } from './arinvoice';
import { requireReference } from './dimensions';
import { createGlBatch } from './glbatch';
import { formatAmount, parseAmount, toCents } from './gl-amounts';
import { dateInput, requireOpenPeriod } from './input-values';
import { checkWriteFields } from './field-check';
import { readRecordInput, value, type FieldInput } from './record-input';
import type { WriteSession } from './write-session';

const COLLECTIONS = { ARPYMTDETAILS: 'ARPYMTDETAIL' };
const AR_JOURNAL = 'ARJ';
const UNMODELLED_DETAIL_KEYS = ['POSADJKEY', 'ADJUSTMENTKEY', 'INLINEKEY', 'ADVANCEKEY', 'OVERPAYMENTKEY', 'NEGATIVEINVOICEKEY', 'TRX_TOTALDISCOUNTTOAPPLY', 'DISCOUNTDATE'];

interface Application {
	invoice: Row;
	entryKey: string;
	cents: number;
}

function cents(text: string | undefined): number {
	return toCents(Number(text || '0'));
}

function detailError(error: unknown, index: number): never {
	if (error instanceof RuleViolation) for (const e of error.errors) e.description2 = `${e.description2 ?? ''} (payment detail ${index + 1})`;
	throw error;
}

function visible(ws: WriteSession, row: Row | undefined): row is Row {
	return row !== undefined && !(ws.ctx.entityId && row.MEGAENTITYID !== '' && row.MEGAENTITYID !== ws.ctx.entityId);
}

function buildApplications(ws: WriteSession, customerId: string | undefined, details: FieldInput[]): Application[] {
	if (details.length === 0) throw RULES.required('ARPYMTDETAILS');
	const pending = new Map<string, number>();
	const pendingLine = new Map<string, number>();
	return details.map((detail, index) => {
		try {
			checkWriteFields(ARPYMTDETAIL, detail, 'create');
			const unmodelled = UNMODELLED_DETAIL_KEYS.find((k) => value(detail, k));
			if (unmodelled) throw violation('BL03000020', `${unmodelled}: credits, debit memos, advances, overpayments and discounts are not modelled by the sandbox.`, 'Pay invoices by RECORDKEY.');
			const key = value(detail, 'RECORDKEY');
			if (!key) throw RULES.required('RECORDKEY');
			const invoice = /^\d+$/.test(key) ? ws.db.table('ARINVOICE').get(Number(key)) : undefined;
			if (!visible(ws, invoice)) throw RULES.unknownReference('Invoice', 'RECORDKEY', key);
			const label = invoice.RECORDID || invoice.RECORDNO;
			if (customerId && invoice.CUSTOMERID !== customerId) throw violation('BL03000020', `Invoice ${label} belongs to customer ${invoice.CUSTOMERID}, not ${customerId}.`, "Receive each customer's payment on its own invoices, or leave out CUSTOMERID and give PAYERNAME.");
			if (invoice.STATE === 'Paid') throw violation('BL03000020', `Invoice ${label} is Paid and no longer open.`, 'Pay an open invoice.');
			if (!['Posted', 'Partially Paid'].includes(invoice.STATE)) throw violation('BL03000020', `Invoice ${label} is ${invoice.STATE} and cannot be paid.`, 'Submit the invoice before receiving a payment on it.');
			const already = pending.get(invoice.RECORDNO) ?? 0;
			const open = cents(invoice.TOTALDUE) - already;
			const amountText = value(detail, 'TRX_PAYMENTAMOUNT');
			// No amount: what is still open (the sandbox's reading of an optional amount).
			const amount = amountText === undefined ? open : toCents(parseAmount('TRX_PAYMENTAMOUNT', amountText));
			if (amount <= 0) throw RULES.invalidValue('TRX_PAYMENTAMOUNT', amountText ?? formatAmount(amount / 100), 'an amount greater than 0');
			if (amount > open) {
				throw violation('BL03000020', `Payment amount ${formatAmount(amount / 100)} exceeds the amount due ${formatAmount(Math.max(open, 0) / 100)} on invoice ${label}.`, 'Receive no more than the amount due; record the rest as OVERPAYMENTAMOUNT.');
			}
			const entryKey = value(detail, 'ENTRYKEY') ?? '';
			if (entryKey) {
				const line = ws.db.table('ARINVOICEITEM').children(Number(invoice.RECORDNO)).find((l) => l.RECORDNO === entryKey);
				if (!line) throw RULES.unknownReference('Invoice line', 'ENTRYKEY', entryKey);
				const lineOpen = cents(line.TOTALDUE) - (pendingLine.get(entryKey) ?? 0);
				if (amount > lineOpen) throw violation('BL03000020', `Payment amount ${formatAmount(amount / 100)} exceeds the amount due ${formatAmount(lineOpen / 100)} on line ${entryKey} of invoice ${label}.`, "Receive no more than the line's amount due.");
				pendingLine.set(entryKey, (pendingLine.get(entryKey) ?? 0) + amount);
			}
			pending.set(invoice.RECORDNO, already + amount);
			return { invoice, entryKey, cents: amount };
		} catch (error: unknown) {
			return detailError(error, index);
		}
	});
}

/** Moves money onto an invoice's lines (one line, or down the lines in order) and its header; the location of the first line paid. */
function applyToInvoice(ws: WriteSession, a: Application, date: string): string {
	const lines = ws.db.table('ARINVOICEITEM');
	let left = a.cents;
	let location = '';
	for (const line of lines.children(Number(a.invoice.RECORDNO))) {
		if (left === 0) break;
		if (a.entryKey && line.RECORDNO !== a.entryKey) continue;
		const take = Math.min(left, cents(line.TOTALDUE));
		if (take === 0) continue;
		location ||= line.LOCATIONID;
		left -= take;
		lines.put({ ...line, TOTALPAID: formatAmount((cents(line.TOTALPAID) + take) / 100), TOTALDUE: formatAmount((cents(line.TOTALDUE) - take) / 100) });
	}
	const table = ws.db.table('ARINVOICE');
	const invoice = table.get(Number(a.invoice.RECORDNO))!;
	const paid = cents(invoice.TOTALPAID) + a.cents;
	const due = cents(invoice.TOTALENTERED) - paid;
	const updated: Row = {
		...invoice,
		TOTALPAID: formatAmount(paid / 100),
		TRX_TOTALPAID: formatAmount(paid / 100),
		TOTALDUE: formatAmount(due / 100),
		TRX_TOTALDUE: formatAmount(due / 100),
		STATE: due === 0 ? 'Paid' : 'Partially Paid',
		WHENPAID: due === 0 ? date : '',
		...ws.modifiedStamp(),
	};
	table.put(updated);
	ws.emit('ARINVOICE', 'update', updated);
	adjustCustomerDue(ws, invoice.CUSTOMERID, -a.cents);
	return location;
}

function postPayment(ws: WriteSession, payment: Row, cashAccount: string, parts: Array<{ location: string; cents: number }>): string {
	const byLocation = new Map<string, number>();
	for (const p of parts) byLocation.set(p.location, (byLocation.get(p.location) ?? 0) + p.cents);
	const title = `AR payment ${payment.DOCNUMBER || payment.RECORDNO} - ${payment.CUSTOMERNAME || payment.PAYERNAME}`;
	const line = (account: string, debit: boolean, location: string, amount: number): FieldInput =>
		new Map([
			['ACCOUNTNO', account],
			['TR_TYPE', debit ? '1' : '-1'],
			['TRX_AMOUNT', formatAmount(amount / 100)],
			['DESCRIPTION', title],
			['LOCATION', location],
			...(payment.CUSTOMERID ? ([['CUSTOMERID', payment.CUSTOMERID]] as Array<[string, string]>) : []),
		]);
	const lines: FieldInput[] = [];
	for (const [location, amount] of byLocation) lines.push(line(cashAccount, true, location, amount), line(AR_ACCOUNT, false, location, amount));
	const fields: FieldInput = new Map([
		['JOURNAL', AR_JOURNAL],
		['BATCH_DATE', formatUsDate(payment.RECEIPTDATE)],
		['BATCH_TITLE', title],
		['REFERENCENO', payment.DOCNUMBER],
	]);
	return createGlBatch(ws, { fields, lines }, { module: '4.AR', prRecordKey: payment.RECORDNO }).RECORDNO;
}

export function createArPayment(ws: WriteSession, el: XmlElement): Row {
	const input = readRecordInput(el, COLLECTIONS, ['ONLINECARDPAYMENT']);
	const f = input.fields;
	checkWriteFields(ARPYMT, f, 'create');
	const method = value(f, 'PAYMENTMETHOD');
	if (!method) throw RULES.required('PAYMENTMETHOD');
	const knownMethod = ARPYMT_PAYMENT_METHODS.find((m) => m.toLowerCase() === method.toLowerCase());
	if (!knownMethod) throw RULES.invalidValue('PAYMENTMETHOD', method, ARPYMT_PAYMENT_METHODS.join(', '));
	if (knownMethod.startsWith('Online')) throw violation('BL03000020', `Payment method ${knownMethod} is not modelled by the sandbox.`, 'Use Printed Check, Cash, EFT or Credit Card.');
	const customerId = value(f, 'CUSTOMERID');
	const payerName = value(f, 'PAYERNAME');
	// "CUSTOMERID ... required for receipt of payment from a single customer ... omit the Customer ID and include the PAYERNAME" for several.
	if (!customerId && !payerName) throw RULES.required('CUSTOMERID');
	const customer = customerId ? requireReference(ws.db, ws.ctx, 'CUSTOMER', 'CUSTOMERID', customerId) : undefined;
	const receiptDate = dateInput(f, 'RECEIPTDATE');
	if (!receiptDate) throw RULES.required('RECEIPTDATE');
	const paymentDate = dateInput(f, 'PAYMENTDATE') ?? receiptDate;
	const currency = value(f, 'CURRENCY');
	if (!currency) throw RULES.required('CURRENCY');
	const action = (value(f, 'ACTION') ?? 'Submit').toLowerCase();
	if (action !== 'submit' && action !== 'draft') throw RULES.invalidValue('ACTION', value(f, 'ACTION') ?? '', 'Submit, Draft');
	if (value(f, 'PRBATCH')) throw violation('BL03000020', 'Summary posting (PRBATCH) is not modelled by the sandbox.', 'Give FINANCIALENTITY or UNDEPOSITEDACCOUNTNO.');
	const bankId = value(f, 'FINANCIALENTITY');
	const undepositedNo = value(f, 'UNDEPOSITEDACCOUNTNO');
	if (!bankId && !undepositedNo) throw RULES.required('FINANCIALENTITY or UNDEPOSITEDACCOUNTNO');
	if (bankId && undepositedNo) throw violation('BL03000020', 'A payment goes into a bank account (FINANCIALENTITY) or into undeposited funds (UNDEPOSITEDACCOUNTNO), not both.', 'Give one of them.');
	const bank = bankId ? requireReference(ws.db, ws.ctx, 'CHECKINGACCOUNT', 'FINANCIALENTITY', bankId) : undefined;
	const undeposited = undepositedNo ? requireReference(ws.db, ws.ctx, 'GLACCOUNT', 'UNDEPOSITEDACCOUNTNO', undepositedNo) : undefined;
	if (undeposited && undeposited.ACCOUNTTYPE !== 'balancesheet') throw RULES.invalidValue('UNDEPOSITEDACCOUNTNO', undepositedNo ?? '', 'a balance sheet account');
	const overText = value(f, 'OVERPAYMENTAMOUNT');
	const over = overText === undefined ? 0 : toCents(parseAmount('OVERPAYMENTAMOUNT', overText));
	if (over < 0) throw RULES.invalidValue('OVERPAYMENTAMOUNT', overText ?? '', 'an amount of 0 or more');
	if (over > 0 && !customer) throw violation('BL03000020', 'An overpayment belongs to one customer.', 'Give CUSTOMERID with OVERPAYMENTAMOUNT.');
	const overLocation = value(f, 'OVERPAYMENTLOCATIONID');
	if (overLocation) requireReference(ws.db, ws.ctx, 'LOCATION', 'OVERPAYMENTLOCATIONID', overLocation);
	const overDepartment = value(f, 'OVERPAYMENTDEPARTMENTID');
	if (overDepartment) requireReference(ws.db, ws.ctx, 'DEPARTMENT', 'OVERPAYMENTDEPARTMENTID', overDepartment);
	if (action === 'submit') requireOpenPeriod(ws.settings.closedBefore, receiptDate);
	const applications = buildApplications(ws, customer?.CUSTOMERID, input.lines.get('ARPYMTDETAILS') ?? []);
	const applied = applications.reduce((sum, a) => sum + a.cents, 0);
	const total = applied + over;
	const draft = action === 'draft';
	const table = ws.db.table('ARPYMT');
	const recordNo = table.allocateRecordNo();
	const stamp = ws.createdStamp('ARPYMT', recordNo);
	let payment: Row = {
		...stamp,
		AUDITWHENCREATED: stamp.WHENCREATED,
		FINANCIALENTITY: bank?.BANKACCOUNTID ?? '',
		UNDEPOSITEDACCOUNTNO: undeposited?.ACCOUNTNO ?? '',
		PAYMENTMETHOD: knownMethod,
		CUSTOMERID: customer?.CUSTOMERID ?? '',
		CUSTOMERNAME: customer?.NAME ?? '',
		PAYERNAME: payerName ?? '',
		DOCNUMBER: value(f, 'DOCNUMBER') ?? '',
		DESCRIPTION: value(f, 'DESCRIPTION') ?? '',
		RECEIPTDATE: receiptDate,
		PAYMENTDATE: paymentDate,
		WHENCREATED: receiptDate,
		WHENPAID: draft ? '' : receiptDate,
		CURRENCY: currency,
		BASECURR: value(f, 'BASECURR') ?? 'USD',
		STATE: draft ? 'Draft' : 'Complete',
		TOTALENTERED: formatAmount(total / 100),
		TOTALPAID: draft ? '0.00' : formatAmount(applied / 100),
		TRX_TOTALENTERED: formatAmount(total / 100),
		OVERPAYMENTAMOUNT: formatAmount(over / 100),
		OVERPAYMENTLOCATIONID: overLocation ?? '',
		OVERPAYMENTDEPARTMENTID: overDepartment ?? '',
		DEPOSITKEY: '',
		PARENTPAYMENTKEY: '',
		GLBATCHKEY: '',
	};
	table.put(payment);
	const details = ws.db.table('ARPYMTDETAIL');
	const parts: Array<{ location: string; cents: number }> = [];
	for (const a of applications) {
		const no = details.allocateRecordNo();
		details.put({
			...ws.createdStamp('ARPYMTDETAIL', no),
			PAYMENTKEY: payment.RECORDNO,
			RECORDKEY: a.invoice.RECORDNO,
			ENTRYKEY: a.entryKey,
			TRX_PAYMENTAMOUNT: formatAmount(a.cents / 100),
			PAYMENTAMOUNT: formatAmount(a.cents / 100),
			PAYMENTDATE: paymentDate,
			CURRENCY: currency,
			STATE: payment.STATE,
		});
		if (!draft) parts.push({ location: applyToInvoice(ws, a, receiptDate), cents: a.cents });
	}
	if (!draft && over > 0) {
		parts.push({ location: overLocation ?? parts[0]?.location ?? ws.ctx.entityId ?? '', cents: over });
		adjustCustomerDue(ws, payment.CUSTOMERID, -over);
	}
	if (!draft && total > 0) {
		const cashAccount = bank ? bank.GLACCOUNTNO : undeposited!.ACCOUNTNO;
		payment = { ...payment, GLBATCHKEY: postPayment(ws, payment, cashAccount, parts) };
		table.put(payment);
	}
	ws.emit('ARPYMT', 'create', payment);
	return payment;
}

function findPayment(ws: WriteSession, key: string, verb: 'delete' | 'update'): Row {
	const payment = /^\d+$/.test(key) ? ws.db.table('ARPYMT').get(Number(key)) : undefined;
	if (!visible(ws, payment)) throw RULES.notFound('AR Payment', key, verb);
	return payment;
}

/** "You can only delete payments that are in draft state (D)" (Delete AR Payment). */
export function deleteArPayment(ws: WriteSession, key: string): void {
	const payment = findPayment(ws, key, 'delete');
	if (payment.STATE !== 'Draft') throw violation('BL03000020', `AR payment ${key} is ${payment.STATE} and cannot be deleted.`, 'Only draft payments can be deleted; reverse a completed payment instead.');
	const details = ws.db.table('ARPYMTDETAIL');
	for (const d of details.children(Number(payment.RECORDNO))) details.remove(Number(d.RECORDNO));
	ws.db.table('ARPYMT').remove(Number(payment.RECORDNO));
	ws.emit('ARPYMT', 'delete', payment);
}

/** "You can only update a payment that is in draft state (D)" (Update AR Payment); draft updates are not modelled beyond that. */
export function updateArPayment(ws: WriteSession, el: XmlElement): Row {
	const fields = readRecordInput(el, COLLECTIONS, ['ONLINECARDPAYMENT']).fields;
	checkWriteFields(ARPYMT, fields, 'update');
	const key = value(fields, 'RECORDNO');
	if (!key) throw RULES.required('RECORDNO');
	const payment = findPayment(ws, key, 'update');
	if (payment.STATE !== 'Draft') throw violation('BL03000020', `AR payment ${key} is ${payment.STATE}: only draft payments can be updated.`, 'Reverse the payment instead.');
	throw violation('BL03000020', 'Updating draft AR payments is not modelled by the sandbox.', 'Delete the draft and create it again.');
}
