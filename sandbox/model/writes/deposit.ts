/**
 * Deposits: record_deposit (Sage's Deposits page, Create Deposit (Legacy)). Each receiptkey names an
 * AR payment received into undeposited funds (UNDEPOSITEDACCOUNTNO) that is complete and not yet in a
 * deposit ("Record numbers of undeposited AR payments/other receipts you want to deposit"). The
 * deposit posts one journal entry: debit the bank's GL account, credit each undeposited funds account,
 * at the location the payment posted to. Other receipts (<receipts>) are not modelled.
 * Sources and inventions: docs/fidelity-flows.md.
 */
import type { FunctionOutcome, XmlElement } from '../contract';
import { formatUsDate, fromDateParts } from '../dates';
import { RULES, RuleViolation, violation, writeFailure } from '../errors';
import type { Row } from '../store';
import { childElement, childElements, childText } from '../xml-element';
import { requireReference } from './dimensions';
import { createGlBatch } from './glbatch';
import { formatAmount, toCents } from './gl-amounts';
import { requireOpenPeriod } from './input-values';
import { checkSequence, legacyDateParts } from './legacy-order';
import type { FieldInput } from './record-input';
import type { WriteSession } from './write-session';

function receipt(ws: WriteSession, key: string, seen: Set<string>, index: number): Row {
	try {
		const payment = /^\d+$/.test(key) ? ws.db.table('ARPYMT').get(Number(key)) : undefined;
		if (!payment || (ws.ctx.entityId && payment.MEGAENTITYID !== '' && payment.MEGAENTITYID !== ws.ctx.entityId)) throw RULES.unknownReference('AR Payment', 'receiptkey', key);
		if (seen.has(payment.RECORDNO)) throw violation('BL03000020', `Receipt ${key} is listed twice.`, 'List each receipt once.');
		seen.add(payment.RECORDNO);
		if (payment.STATE !== 'Complete') throw violation('BL03000020', `AR payment ${key} is ${payment.STATE} and cannot be deposited.`, 'Deposit completed payments only.');
		if (!payment.UNDEPOSITEDACCOUNTNO) {
			throw violation('BL03000020', `AR payment ${key} was received into bank account ${payment.FINANCIALENTITY}, not into undeposited funds.`, 'Deposit only payments received into an undeposited funds account.');
		}
		if (payment.DEPOSITKEY) throw violation('BL03000020', `AR payment ${key} is already deposited (deposit ${payment.DEPOSITKEY}).`, 'Deposit a payment once.');
		return payment;
	} catch (error: unknown) {
		if (error instanceof RuleViolation) for (const e of error.errors) e.description2 = `${e.description2 ?? ''} (receiptkey ${index + 1})`;
		throw error;
	}
}

function paymentLocation(ws: WriteSession, payment: Row): string {
	const batch = payment.GLBATCHKEY ? Number(payment.GLBATCHKEY) : 0;
	return (batch ? ws.db.table('GLENTRY').children(batch)[0]?.LOCATION : undefined) ?? ws.ctx.entityId ?? '';
}

export function recordDeposit(ws: WriteSession, fn: XmlElement): FunctionOutcome {
	checkSequence(fn, [
		{ name: 'bankaccountid', required: true },
		{ name: 'depositdate', required: true },
		{ name: 'depositid', required: true },
		{ name: 'receipts', or: ['receiptkeys'], required: true },
		{ name: 'description' },
		{ name: 'supdocid' },
		{ name: 'customfields' },
	]);
	const keysElement = childElement(fn, 'receiptkeys');
	if (keysElement) {
		if (keysElement.children.length === 0) checkSequence(keysElement, [{ name: 'receiptkey', required: true }]);
		for (const k of keysElement.children) if (k.name !== 'receiptkey') checkSequence(keysElement, [{ name: 'receiptkey' }]);
	}
	try {
		if (!keysElement) throw violation('BL03000020', 'Other receipts (<receipts>) are not modelled by the sandbox.', 'Deposit AR payments by <receiptkeys>.');
		if (childElement(fn, 'customfields')) throw violation('BL03000020', 'Custom fields on deposits are not modelled by the sandbox.', 'Leave out customfields.');
		const bankId = childText(fn, 'bankaccountid') ?? '';
		const bank = requireReference(ws.db, ws.ctx, 'CHECKINGACCOUNT', 'bankaccountid', bankId);
		const parts = legacyDateParts(childElement(fn, 'depositdate')!);
		const date = fromDateParts(parts.year, parts.month, parts.day);
		if (!date) throw RULES.invalidDate('depositdate', `${parts.month}/${parts.day}/${parts.year}`);
		const slip = childText(fn, 'depositid') ?? '';
		if (!slip) throw RULES.required('depositid');
		const supdoc = childText(fn, 'supdocid');
		if (supdoc) requireReference(ws.db, ws.ctx, 'SUPDOC', 'supdocid', supdoc);
		requireOpenPeriod(ws.settings.closedBefore, date);
		const seen = new Set<string>();
		const receipts = childElements(keysElement, 'receiptkey').map((k, i) => receipt(ws, k.text.trim(), seen, i));
		const total = receipts.reduce((sum, p) => sum + toCents(Number(p.TOTALENTERED)), 0);
		const table = ws.db.table('DEPOSIT');
		const recordNo = table.allocateRecordNo();
		const stamp = ws.createdStamp('DEPOSIT', recordNo);
		let deposit: Row = {
			...stamp,
			AUDITWHENCREATED: stamp.WHENCREATED,
			FINANCIALENTITY: bank.BANKACCOUNTID,
			DEPOSITID: slip,
			WHENCREATED: date,
			DESCRIPTION: childText(fn, 'description') ?? '',
			TOTALENTERED: formatAmount(total / 100),
			TRX_TOTALENTERED: formatAmount(total / 100),
			CURRENCY: bank.CURRENCY || 'USD',
			STATE: 'Complete',
			SUPDOCID: supdoc ?? '',
			GLBATCHKEY: '',
		};
		table.put(deposit);
		const entries = ws.db.table('DEPOSITENTRY');
		const gl: FieldInput[] = [];
		const title = `Deposit ${slip}`;
		for (const p of receipts) {
			const amount = formatAmount(toCents(Number(p.TOTALENTERED)) / 100);
			const no = entries.allocateRecordNo();
			entries.put({ ...ws.createdStamp('DEPOSITENTRY', no), RECORDKEY: deposit.RECORDNO, PAYMENTKEY: p.RECORDNO, ACCOUNTNO: p.UNDEPOSITEDACCOUNTNO, AMOUNT: amount, TRX_AMOUNT: amount });
			const updated: Row = { ...p, DEPOSITKEY: deposit.RECORDNO, ...ws.modifiedStamp() };
			ws.db.table('ARPYMT').put(updated);
			ws.emit('ARPYMT', 'update', updated);
			const location = paymentLocation(ws, p);
			const line = (account: string, debit: boolean): FieldInput =>
				new Map([
					['ACCOUNTNO', account],
					['TR_TYPE', debit ? '1' : '-1'],
					['TRX_AMOUNT', amount],
					['DESCRIPTION', title],
					['LOCATION', location],
				]);
			if (toCents(Number(amount)) > 0) gl.push(line(bank.GLACCOUNTNO, true), line(p.UNDEPOSITEDACCOUNTNO, false));
		}
		if (gl.length > 0) {
			const fields: FieldInput = new Map([
				['JOURNAL', 'GJ'],
				['BATCH_DATE', formatUsDate(date)],
				['BATCH_TITLE', title],
				['REFERENCENO', slip],
			]);
			deposit = { ...deposit, GLBATCHKEY: createGlBatch(ws, { fields, lines: gl }, { module: '9.CM', prRecordKey: deposit.RECORDNO }).RECORDNO };
			table.put(deposit);
		}
		ws.emit('DEPOSIT', 'create', deposit);
		return { kind: 'key', key: deposit.RECORDNO };
	} catch (error: unknown) {
		if (error instanceof RuleViolation) throw writeFailure('create', 'Deposit', error.errors);
		throw error;
	}
}
