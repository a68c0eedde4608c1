/**
 * AP payments (Sage's AP Payments page): the APPYMT element, the bills it pays, and how a payment is
 * found again after a duplicate (idempotent re-run). Field names and rules: docs/fidelity-flows.md.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import type { IntacctApi, IntacctRecord, RequestOptions, XmlObject } from '../../../shared/intacct/core/types';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { itemParameter, jsonListValue } from '../../../shared/intacct/n8n/parameters';
import { quote } from '../../../shared/intacct/n8n/reads';
import { AmountInputError, parseAmount, toCents, toDecimal } from '../../../shared/intacct/records/amounts';
import { readByQuery } from '../../../shared/intacct/xml/functions';

/** PAYMENTMETHOD values Sage lists for Create AP Payment (electronic providers have their own). */
export const AP_PAYMENT_METHODS = ['ACH', 'Cash', 'Check Delivery', 'Credit Card', 'EFT', 'Joint Check', 'Printed Check', 'WF Check', 'WF Domestic ACH', 'WF USD Wire'];

export interface BillPayment {
	billRecordNo: string;
	lineRecordNo?: string;
	cents: number;
}

function positiveInteger(what: string, field: string, value: unknown, required: boolean): string | undefined {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (text === '') {
		if (required) throw new ItemValidationError(`${what}, field "${field}": required (the bill's record number, RECORDNO)`);
		return undefined;
	}
	if (!/^\d+$/.test(text) || Number(text) < 1) throw new ItemValidationError(`${what}, field "${field}": "${text}" is not a record number`);
	return text;
}

function amountCents(what: string, value: unknown): number {
	if (value === undefined || value === null || value === '') throw new ItemValidationError(`${what}, field "amount": required, a number greater than 0`);
	let cents = 0;
	let reason = '';
	try {
		cents = toCents(parseAmount(value));
	} catch (error) {
		reason = error instanceof AmountInputError ? error.message : String(error);
	}
	if (reason) throw new ItemValidationError(`${what}, field "amount": ${reason}`);
	if (cents <= 0) throw new ItemValidationError(`${what}, field "amount": must be greater than 0, got ${String(value)}`);
	return cents;
}

interface RawBill {
	billRecordNo?: unknown;
	lineRecordNo?: unknown;
	amount?: unknown;
}

/** The bills to pay, from the UI collection or the JSON parameter ([{ billRecordNo, amount, lineRecordNo? }]). */
export function readBillPayments(context: IExecuteFunctions, i: number, what: string): BillPayment[] {
	const mode = itemParameter<string>(context, 'billInput', i, 'fields');
	let raw: RawBill[];
	if (mode === 'json') {
		raw = jsonListValue(what, 'billsJson', context.getNodeParameter('billsJson', i, '[]'), '{ billRecordNo, amount }') as RawBill[];
	} else {
		raw = itemParameter<RawBill[]>(context, 'bills.bill', i, []);
	}
	if (raw.length === 0) throw new ItemValidationError(`${what} pays no bill (add at least one bill and amount)`);
	return raw.map((bill, index) => {
		const at = `${what} bill ${index + 1}`;
		if (bill === null || typeof bill !== 'object') throw new ItemValidationError(`${at}: must be an object { billRecordNo, amount }`);
		return {
			billRecordNo: positiveInteger(at, 'billRecordNo', bill.billRecordNo, true)!,
			lineRecordNo: positiveInteger(at, 'lineRecordNo', bill.lineRecordNo, false),
			cents: amountCents(at, bill.amount),
		};
	});
}

export function paymentDetails(bills: BillPayment[]): XmlObject[] {
	return bills.map((b) => ({ RECORDKEY: b.billRecordNo, ENTRYKEY: b.lineRecordNo, TRX_PAYMENTAMOUNT: toDecimal(b.cents) }));
}

/**
 * The payment a duplicate (same idempotency key already posted) stands for: the latest payment of the
 * vendor on that date with that total (and document number when given), not voided.
 */
export async function findPayment(
	client: IntacctApi,
	options: RequestOptions,
	match: { vendorId: string; paymentDate: string; total: string; documentNumber?: string },
): Promise<IntacctRecord | undefined> {
	const conditions = [`VENDORID = ${quote(match.vendorId)}`, `WHENCREATED = ${quote(match.paymentDate)}`, `TOTALENTERED = ${match.total}`, "STATE <> 'V'"];
	if (match.documentNumber) conditions.push(`DOCNUMBER = ${quote(match.documentNumber)}`);
	const result = await client.execute(readByQuery({ object: 'APPYMT', fields: '*', query: conditions.join(' AND '), pageSize: 100 }), options);
	const latest = [...result.records].sort((a, b) => Number(b.RECORDNO) - Number(a.RECORDNO))[0];
	return latest;
}
