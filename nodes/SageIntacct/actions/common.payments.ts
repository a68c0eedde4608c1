/**
 * What AP payments (APPYMT, the bills they pay) and AR payments (ARPYMT, the invoices they pay) share
 * (Sage's AP Payments and AR Payments pages): the payment method, the documents paid (record number,
 * amount, optional line) from the UI collection or the JSON parameter, the detail rows they are
 * written as, and how a payment is found again after a duplicate (idempotent re-run). Field names
 * and rules: docs/fidelity-flows.md.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { IntacctApi, IntacctRecord, RequestOptions, XmlObject } from '../../shared/intacct/core/types';
import { ItemValidationError } from '../../shared/intacct/n8n/errors';
import { itemParameter, jsonListValue } from '../../shared/intacct/n8n/parameters';
import { quote } from '../../shared/intacct/n8n/reads';
import { AmountInputError, parseAmount, toCents, toDecimal } from '../../shared/intacct/records/amounts';
import { readByQuery } from '../../shared/intacct/xml/functions';

/** The Payment Method option over the methods the operation offers. */
export function paymentMethodProperty(methods: string[], fallback: string, description: string): INodeProperties {
	return { displayName: 'Payment Method', name: 'paymentMethod', type: 'options', options: methods.map((m) => ({ name: m, value: m })), default: fallback, description };
}

/** The item's payment method, one of `methods` (an expression may give anything). */
export function paymentMethodParameter(context: IExecuteFunctions, i: number, what: string, methods: string[], fallback: string): string {
	const method = String(context.getNodeParameter('paymentMethod', i, fallback));
	if (!methods.includes(method)) throw new ItemValidationError(`${what}, field "paymentMethod": "${method}" is not one of ${methods.join(', ')}`);
	return method;
}

/**
 * The kind of document a payment pays. Its noun names the parameters (billInput, bills.bill,
 * billsJson, billRecordNo) and the messages; the descriptions are the panel's.
 */
export interface PaidDocument {
	noun: 'bill' | 'invoice';
	title: 'Bill' | 'Invoice';
	recordNoDescription: string;
	amountDescription: string;
	lineDescription: string;
	/** Said after "add at least one <noun> and amount" when none is given. */
	noneNote: string;
}

/** One document paid: its RECORDNO, the line paid (none: the document as a whole) and the amount. */
export interface DocumentPayment {
	recordNo: string;
	lineRecordNo?: string;
	cents: number;
}

/** The Input switch, the collection and the JSON parameter of the documents paid. */
export function paidDocumentProperties(doc: PaidDocument): INodeProperties[] {
	const input = `${doc.noun}Input`;
	const key = `${doc.noun}RecordNo`;
	return [
		{
			displayName: `${doc.title}s Input`,
			name: input,
			type: 'options',
			options: [
				{ name: 'Fields', value: 'fields' },
				{ name: 'JSON', value: 'json' },
			],
			default: 'fields',
		},
		{
			displayName: `${doc.title}s`,
			name: `${doc.noun}s`,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: `Add ${doc.title}`,
			displayOptions: { show: { [input]: ['fields'] } },
			options: [
				{
					displayName: doc.title,
					name: doc.noun,
					values: [
						{ displayName: `${doc.title} Record Number`, name: key, type: 'string', default: '', placeholder: 'e.g. 1234', description: doc.recordNoDescription },
						{ displayName: 'Amount', name: 'amount', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: doc.amountDescription },
						{ displayName: `${doc.title} Line Record Number`, name: 'lineRecordNo', type: 'string', default: '', description: doc.lineDescription },
					],
				},
			],
		},
		{
			displayName: `${doc.title}s (JSON)`,
			name: `${doc.noun}sJson`,
			type: 'json',
			default: `[{ "${key}": 1234, "amount": 100.0 }]`,
			displayOptions: { show: { [input]: ['json'] } },
			description: `A list of { ${key}, amount, lineRecordNo? }`,
		},
	];
}

function recordNumber(what: string, field: string, value: unknown, required: boolean, noun: string): string | undefined {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (text === '') {
		if (required) throw new ItemValidationError(`${what}, field "${field}": required (the ${noun}'s record number, RECORDNO)`);
		return undefined;
	}
	if (!/^\d+$/.test(text) || Number(text) < 1) throw new ItemValidationError(`${what}, field "${field}": "${text}" is not a record number`);
	return text;
}

/** An amount in cents, greater than 0; `allowZero` for an optional one (an AR overpayment: 0 = none). */
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

/** The documents to pay, from the UI collection or the JSON parameter ([{ <noun>RecordNo, amount, lineRecordNo? }]). */
export function readDocumentPayments(context: IExecuteFunctions, i: number, what: string, doc: PaidDocument): DocumentPayment[] {
	const key = `${doc.noun}RecordNo`;
	const mode = itemParameter<string>(context, `${doc.noun}Input`, i, 'fields');
	let raw: Array<Record<string, unknown>>;
	if (mode === 'json') {
		const json = `${doc.noun}sJson`;
		raw = jsonListValue(what, json, context.getNodeParameter(json, i, '[]'), `{ ${key}, amount }`) as Array<Record<string, unknown>>;
	} else {
		raw = itemParameter<Array<Record<string, unknown>>>(context, `${doc.noun}s.${doc.noun}`, i, []);
	}
	if (raw.length === 0) throw new ItemValidationError(`${what} pays no ${doc.noun} (add at least one ${doc.noun} and amount${doc.noneNote})`);
	return raw.map((entry, index) => {
		const at = `${what} ${doc.noun} ${index + 1}`;
		if (entry === null || typeof entry !== 'object') throw new ItemValidationError(`${at}: must be an object { ${key}, amount }`);
		return {
			recordNo: recordNumber(at, key, entry[key], true, doc.noun)!,
			lineRecordNo: recordNumber(at, 'lineRecordNo', entry.lineRecordNo, false, doc.noun),
			cents: amountCents(at, 'amount', entry.amount),
		};
	});
}

/** The payment's detail rows (APPYMTDETAIL / ARPYMTDETAIL). */
export function paymentDetails(payments: DocumentPayment[]): XmlObject[] {
	return payments.map((p) => ({ RECORDKEY: p.recordNo, ENTRYKEY: p.lineRecordNo, TRX_PAYMENTAMOUNT: toDecimal(p.cents) }));
}

/**
 * The payment a duplicate (same idempotency key already posted) stands for: the latest payment of the
 * vendor or customer (`owner`) on that date (WHENCREATED) with that total (and document number when
 * given), not voided.
 */
export async function findPayment(
	client: IntacctApi,
	options: RequestOptions,
	match: { object: 'APPYMT' | 'ARPYMT'; owner: ['VENDORID' | 'CUSTOMERID', string]; date: string; total: string; documentNumber?: string },
): Promise<IntacctRecord | undefined> {
	const [ownerField, ownerId] = match.owner;
	const conditions = [`${ownerField} = ${quote(ownerId)}`, `WHENCREATED = ${quote(match.date)}`, `TOTALENTERED = ${match.total}`, "STATE <> 'V'"];
	if (match.documentNumber) conditions.push(`DOCNUMBER = ${quote(match.documentNumber)}`);
	const result = await client.execute(readByQuery({ object: match.object, fields: '*', query: conditions.join(' AND '), pageSize: 100 }), options);
	return [...result.records].sort((a, b) => Number(b.RECORDNO) - Number(a.RECORDNO))[0];
}
