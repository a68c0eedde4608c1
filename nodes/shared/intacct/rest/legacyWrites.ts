/**
 * The XML API's legacy write functions the node sends for AR invoices, deposits and card
 * transactions (create_invoice, update_invoice, record_deposit, record_cctransaction) as generic
 * create/update functions with the objects' XML field names, so the REST client writes them like any
 * mapped object (records/restReceivables.ts: invoice, deposit, credit-card-txn with their lines).
 * Element names from api.xsd; docs/rest-wire.md.
 */
import { IntacctError } from '../core/errors';
import type { IntacctFunction, XmlObject, XmlValue } from '../core/types';
import { isUserDimensionField } from '../records/dimensions';

/** [legacy element, XML field]. */
type Renames = ReadonlyArray<readonly [string, string]>;

const LINE_DIMENSIONS: Renames = [
	['locationid', 'LOCATIONID'],
	['departmentid', 'DEPARTMENTID'],
	['projectid', 'PROJECTID'],
	['customerid', 'CUSTOMERID'],
	['vendorid', 'VENDORID'],
	['employeeid', 'EMPLOYEEID'],
	['itemid', 'ITEMID'],
	['classid', 'CLASSID'],
];

const INVOICE_HEADER: Renames = [
	['customerid', 'CUSTOMERID'],
	['datecreated', 'WHENCREATED'],
	['dateposted', 'WHENPOSTED'],
	['datedue', 'WHENDUE'],
	['termname', 'TERMNAME'],
	['invoiceno', 'RECORDID'],
	['ponumber', 'DOCNUMBER'],
	['description', 'DESCRIPTION'],
	['currency', 'CURRENCY'],
	['supdocid', 'SUPDOCID'],
];

const INVOICE_LINE: Renames = [['glaccountno', 'ACCOUNTNO'], ['offsetglaccountno', 'OFFSETGLACCOUNTNO'], ['amount', 'TRX_AMOUNT'], ['memo', 'ENTRYDESCRIPTION'], ...LINE_DIMENSIONS];

const CARD_HEADER: Renames = [
	['chargecardid', 'FINANCIALENTITY'],
	['paymentdate', 'WHENCREATED'],
	['referenceno', 'RECORDID'],
	['payee', 'PAYEE'],
	['description', 'DESCRIPTION'],
	['supdocid', 'SUPDOCID'],
	['currency', 'CURRENCY'],
	['exchratetype', 'EXCH_RATE_TYPE_ID'],
];

const CARD_LINE: Renames = [['glaccountno', 'ACCOUNTNO'], ['description', 'DESCRIPTION'], ['paymentamount', 'TRX_AMOUNT'], ...LINE_DIMENSIONS];

const DEPOSIT_HEADER: Renames = [
	['bankaccountid', 'FINANCIALENTITY'],
	['depositdate', 'WHENCREATED'],
	['depositid', 'DEPOSITID'],
	['description', 'DESCRIPTION'],
	['supdocid', 'SUPDOCID'],
];

function refused(fn: IntacctFunction, what: string): IntacctError {
	return new IntacctError({ kind: 'validation', summary: `${fn.name}: ${what} cannot be sent over the REST API in this node; use the Web Services (XML) credential for it`, functionName: fn.name });
}

function isObject(value: unknown): value is XmlObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function list(value: XmlValue | XmlObject | XmlObject[] | undefined): unknown[] {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}

/** <year/><month/><day/> -> mm/dd/yyyy (the XML field spelling the REST translation turns into ISO). */
function dateText(value: unknown): unknown {
	if (!isObject(value)) return value;
	const part = (name: string, width: number): string => String((value[name] as string | number | undefined) ?? '').padStart(width, '0');
	return `${part('month', 2)}/${part('day', 2)}/${part('year', 4)}`;
}

/** A line's customfields as its user-defined dimensions (GLDIM<NAME> fields, which REST writes as
 * dimensions.nsp::<name>); any other custom field is refused, naming it. */
function userDimensionsOf(fn: IntacctFunction, customfields: unknown, where: string): XmlObject {
	const out: XmlObject = {};
	for (const field of list((isObject(customfields) ? customfields.customfield : undefined) as XmlObject[] | undefined)) {
		const name = String((isObject(field) ? field.customfieldname : '') ?? '').trim().toUpperCase();
		if (!isUserDimensionField(name)) throw refused(fn, `${where} custom field ${name || '(no name)'} (customfields)`);
		out[name] = (isObject(field) ? field.customfieldvalue : '') as XmlValue;
	}
	return out;
}

/** The renamed fields of one legacy element; anything not in `renames` is refused, naming it. */
function renamed(fn: IntacctFunction, source: XmlObject, renames: Renames, where: string, skip: readonly string[] = []): XmlObject {
	const out: XmlObject = {};
	for (const [key, value] of Object.entries(source)) {
		if (key === '$attributes' || value === undefined || value === null || skip.includes(key)) continue;
		if (key === 'customfields') {
			Object.assign(out, userDimensionsOf(fn, value, where));
			continue;
		}
		const target = renames.find(([legacy]) => legacy === key)?.[1];
		if (target === undefined) throw refused(fn, `${where} element ${key}`);
		out[target] = (isObject(value) && 'year' in value ? dateText(value) : value) as XmlValue;
	}
	return out;
}

function lines(fn: IntacctFunction, container: unknown, element: string, renames: Renames): XmlObject[] {
	const inner = isObject(container) ? container[element] : undefined;
	return list(inner as XmlObject[] | undefined).map((line, i) => renamed(fn, isObject(line) ? line : {}, renames, `line ${i + 1}`));
}

/** A legacy write as the generic create/update the REST client runs, or undefined for other functions. */
export function legacyAsGeneric(fn: IntacctFunction): IntacctFunction | undefined {
	const body = fn.body;
	const generic = (name: 'create' | 'update', object: string, fields: XmlObject): IntacctFunction => ({ name, controlId: fn.controlId, isWrite: true, body: { [object]: fields } });
	switch (fn.name) {
		case 'create_invoice': {
			const header = renamed(fn, body, INVOICE_HEADER, 'the invoice', ['invoiceitems', 'action']);
			if (String(body.action ?? '').toLowerCase() === 'draft') header.STATE = 'Draft';
			return generic('create', 'ARINVOICE', { ...header, ARINVOICEITEMS: { ARINVOICEITEM: lines(fn, body.invoiceitems, 'lineitem', INVOICE_LINE) } });
		}
		case 'update_invoice': {
			const header = renamed(fn, body, INVOICE_HEADER, 'the invoice', ['updateinvoiceitems']);
			const items = isObject(body.updateinvoiceitems) ? body.updateinvoiceitems : {};
			// A changed line keeps its number (LINE_NO) until the client has found that line's key.
			const changed = list(items.updatelineitem as XmlObject[] | undefined).map((line, i) => {
				const lineNo = isObject(line) && isObject(line.$attributes) ? String(line.$attributes.line_num as string) : '';
				return { LINE_NO: lineNo, ...renamed(fn, isObject(line) ? line : {}, INVOICE_LINE, `line change ${i + 1}`) };
			});
			const all = [...changed, ...lines(fn, items, 'lineitem', INVOICE_LINE)];
			return generic('update', 'ARINVOICE', { RECORDNO: fn.attributes?.key ?? '', ...header, ...(all.length > 0 ? { ARINVOICEITEMS: { ARINVOICEITEM: all } } : {}) });
		}
		case 'record_deposit': {
			const header = renamed(fn, body, DEPOSIT_HEADER, 'the deposit', ['receiptkeys', 'receipts']);
			if (body.receipts !== undefined) throw refused(fn, 'other receipts (receipts)');
			const keys = list((isObject(body.receiptkeys) ? body.receiptkeys.receiptkey : undefined) as XmlObject[] | undefined);
			return generic('create', 'DEPOSIT', { ...header, RECEIPTS: { DEPOSITENTRY: keys.map((key) => ({ PAYMENTKEY: String(key as string) })) } });
		}
		case 'record_cctransaction': {
			const header = renamed(fn, body, CARD_HEADER, 'the transaction', ['ccpayitems']);
			return generic('create', 'CCTRANSACTION', { ...header, CCTRANSACTIONENTRIES: { CCTRANSACTIONENTRY: lines(fn, body.ccpayitems, 'ccpayitem', CARD_LINE) } });
		}
		case 'create': {
			// A draft AR payment (ACTION Draft) is asked for with the payment's state on REST.
			const payment = body.ARPYMT;
			if (!isObject(payment) || payment.ACTION === undefined) return undefined;
			const { ACTION: action, ...rest } = payment;
			return generic('create', 'ARPYMT', { ...rest, ...(String(action as string).toLowerCase() === 'draft' ? { STATE: 'Draft' } : {}) });
		}
		default:
			return undefined;
	}
}

/** reverse_cctransaction as the workflow's JSON body ({ key, reversedDate, memo }). */
export function cardReversal(fn: IntacctFunction): { key: string; reversedDate: string; memo?: string } | undefined {
	if (fn.name !== 'reverse_cctransaction') return undefined;
	const date = String(dateText(fn.body.datereversed) ?? '');
	const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date);
	const memo = fn.body.memo;
	return { key: fn.attributes?.key ?? '', reversedDate: m ? `${m[3]}-${m[1]}-${m[2]}` : date, ...(typeof memo === 'string' && memo !== '' ? { memo } : {}) };
}
