/**
 * AR payments (Sage's AR Payments page): the ARPYMT element, the invoices it pays, and how a payment
 * is found again after a duplicate (idempotent re-run). Field names and rules: docs/fidelity-flows.md.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import type { IntacctApi, IntacctRecord, RequestOptions, XmlObject } from '../../../shared/intacct/core/types';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { itemParameter, jsonListValue } from '../../../shared/intacct/n8n/parameters';
import { quote } from '../../../shared/intacct/n8n/reads';
import { AmountInputError, parseAmount, toCents, toDecimal } from '../../../shared/intacct/records/amounts';
import { readByQuery } from '../../../shared/intacct/xml/functions';

/** PAYMENTMETHOD values of Create AR Payment the node offers (the online ones need card/ACH data it does not take). */
export const AR_PAYMENT_METHODS = ['Printed Check', 'Cash', 'EFT', 'Credit Card'];

export interface InvoicePayment {
	invoiceRecordNo: string;
	lineRecordNo?: string;
	cents: number;
}

function recordNumber(what: string, field: string, value: unknown, required: boolean): string | undefined {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (text === '') {
		if (required) throw new ItemValidationError(`${what}, field "${field}": required (the invoice's record number, RECORDNO)`);
		return undefined;
	}
	if (!/^\d+$/.test(text) || Number(text) < 1) throw new ItemValidationError(`${what}, field "${field}": "${text}" is not a record number`);
	return text;
}

/** An amount in cents; `allowZero` for the overpayment (0 = none). */
export function amountCents(what: string, field: string, value: unknown, allowZero = false): number {
	if (value === undefined || value === null || value === '') {
		if (allowZero) return 0;
		throw new ItemValidationError(`${what}, field "${field}": required, a number greater than 0`);
	}
	let cents = 0;
	let reason = '';
	try {
		cents = toCents(parseAmount(value));
	} catch (error) {
		reason = error instanceof AmountInputError ? error.message : String(error);
	}
	if (reason) throw new ItemValidationError(`${what}, field "${field}": ${reason}`);
	if (cents < 0 || (cents === 0 && !allowZero)) throw new ItemValidationError(`${what}, field "${field}": must be greater than 0, got ${String(value)}`);
	return cents;
}

interface RawInvoice {
	invoiceRecordNo?: unknown;
	lineRecordNo?: unknown;
	amount?: unknown;
}

/** The invoices to pay, from the UI collection or the JSON parameter ([{ invoiceRecordNo, amount, lineRecordNo? }]). */
export function readInvoicePayments(context: IExecuteFunctions, i: number, what: string): InvoicePayment[] {
	const mode = itemParameter<string>(context, 'invoiceInput', i, 'fields');
	let raw: RawInvoice[];
	if (mode === 'json') {
		raw = jsonListValue(what, 'invoicesJson', context.getNodeParameter('invoicesJson', i, '[]'), '{ invoiceRecordNo, amount }') as RawInvoice[];
	} else {
		raw = itemParameter<RawInvoice[]>(context, 'invoices.invoice', i, []);
	}
	if (raw.length === 0) throw new ItemValidationError(`${what} pays no invoice (add at least one invoice and amount; Intacct requires ARPYMTDETAILS)`);
	return raw.map((invoice, index) => {
		const at = `${what} invoice ${index + 1}`;
		if (invoice === null || typeof invoice !== 'object') throw new ItemValidationError(`${at}: must be an object { invoiceRecordNo, amount }`);
		return {
			invoiceRecordNo: recordNumber(at, 'invoiceRecordNo', invoice.invoiceRecordNo, true)!,
			lineRecordNo: recordNumber(at, 'lineRecordNo', invoice.lineRecordNo, false),
			cents: amountCents(at, 'amount', invoice.amount),
		};
	});
}

export function paymentDetails(invoices: InvoicePayment[]): XmlObject[] {
	return invoices.map((p) => ({ RECORDKEY: p.invoiceRecordNo, ENTRYKEY: p.lineRecordNo, TRX_PAYMENTAMOUNT: toDecimal(p.cents) }));
}

/**
 * The payment a duplicate (same idempotency key already posted) stands for: the latest payment of the
 * customer received on that date with that total (and reference number when given), not voided.
 */
export async function findPayment(
	client: IntacctApi,
	options: RequestOptions,
	match: { customerId: string; receiptDate: string; total: string; referenceNumber?: string },
): Promise<IntacctRecord | undefined> {
	const conditions = [`CUSTOMERID = ${quote(match.customerId)}`, `WHENCREATED = ${quote(match.receiptDate)}`, `TOTALENTERED = ${match.total}`, "STATE <> 'V'"];
	if (match.referenceNumber) conditions.push(`DOCNUMBER = ${quote(match.referenceNumber)}`);
	const result = await client.execute(readByQuery({ object: 'ARPYMT', fields: '*', query: conditions.join(' AND '), pageSize: 100 }), options);
	return [...result.records].sort((a, b) => Number(b.RECORDNO) - Number(a.RECORDNO))[0];
}
