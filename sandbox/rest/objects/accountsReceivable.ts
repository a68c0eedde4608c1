/**
 * Accounts receivable objects over the company model: customer, invoice (+ invoice-line), payment
 * (+ payment-detail). Field names from Sage's REST reference (intacct-docs/rest/accounts-receivable.md
 * examples; OpenAPI accounts-receivable); choices the sources leave open: docs/fidelity-rest.md.
 * Invoices are written through the model's create_invoice / update_invoice (the XML API refuses
 * generic writes of ARINVOICE), payments through the generic create of ARPYMT with its details.
 */
import type { XmlElement } from '../../model/contract';
import { RESTRICTION, STATUS, auditFields, contactFields, entityFields, f, lineDimensions, printAsDefault, type ModelLookup, type RestObjectDef } from './restObjectDef';
import { modelValue } from '../recordMapping';
import { RestError } from '../restErrors';
import { el, fieldText, legacyElements, recordLines, userDimensionCustomFields, type LegacySpec } from './legacyWrites';

export const CUSTOMER: RestObjectDef = {
	name: 'accounts-receivable/customer',
	xmlObject: 'CUSTOMER',
	idXml: 'CUSTOMERID',
	nameXml: 'NAME',
	idWritable: true,
	createDefaults: printAsDefault,
	fields: [
		f.str('name', 'NAME', { required: true }),
		f.enum('status', 'STATUS', STATUS),
		f.ref('parent', 'accounts-receivable/customer', 'PARENTID'),
		f.ref('customerType', 'accounts-receivable/customer-type', 'CUSTTYPE'),
		f.ref('term', 'accounts-receivable/term', 'TERMNAME'),
		f.dec('creditLimit', 'CREDITLIMIT'),
		f.dec('totalDue', 'TOTALDUE', { readOnly: true }),
		// contacts.default.id: the display contact's name (the XML API's DISPLAYCONTACT.CONTACTNAME).
		f.str('contacts.default.id', 'DISPLAYCONTACT.CONTACTNAME'),
		...contactFields('contacts.default', 'DISPLAYCONTACT'),
		// The rest of the model's customer that Sage's OpenAPI customer schema names (spec/accounts-receivable.json).
		f.enum('deliveryOptions', 'DELIVERY_OPTIONS', [
			['print', 'Print'],
			['email', 'E-Mail'],
			['both', 'Print#~#E-Mail'],
		]),
		f.str('advanceBillBy', 'ADVBILLBY'),
		f.enum('advanceBillByType', 'ADVBILLBYTYPE', [
			['days', 'days'],
			['months', 'months'],
		]),
		f.enum('customerRestriction', 'OBJECTRESTRICTION', RESTRICTION),
		f.bool('isOneTimeUse', 'ONETIME'),
		// Shown in the contact list: the model's HIDEDISPLAYCONTACT (exclude from the list) inverted.
		f.bool('contacts.default.showInContactList', 'HIDEDISPLAYCONTACT', {
			enumValues: [
				['true', 'false'],
				['false', 'true'],
			],
		}),
		f.ref('salesRepresentative', 'company-config/employee', 'CUSTREPID'),
		f.ref('accountGroup', 'order-entry/customer-gl-group', 'GLGROUP'),
		f.ref('territory', 'accounts-receivable/territory', 'TERRITORYID'),
		f.ref('attachment', 'company-config/attachment', 'SUPDOCID'),
		f.ref('overrideOffsetGLAccount', 'general-ledger/account', 'OFFSETGLACCOUNTNO'),
		f.ref('shippingMethod', 'accounts-receivable/shipping-method', 'SHIPPINGMETHOD'),
		f.str('customerResaleNumber', 'RESALENO'),
		f.str('taxId', 'TAXID'),
		f.num('retainagePercentage', 'RETAINAGEPERCENTAGE'),
		f.bool('isOnHold', 'ONHOLD'),
		f.ref('customerMessage', 'accounts-receivable/customer-message', 'CUSTMESSAGEID'),
		f.bool('emailOptIn', 'EMAILOPTIN'),
		f.str('notes', 'COMMENTS'),
		f.str('currency', 'CURRENCY'),
		// printTemplates.*: { key, id } (no href) in the OpenAPI schema; the model keeps the template name (id).
		f.str('printTemplates.arInvoice.id', 'ARINVOICEPRINTTEMPLATEID'),
		f.str('printTemplates.orderEntryQuote.id', 'OEQUOTEPRINTTEMPLATEID'),
		f.str('printTemplates.orderEntryOrder.id', 'OEORDERPRINTTEMPLATEID'),
		f.str('printTemplates.orderEntryList.id', 'OELISTPRINTTEMPLATEID'),
		f.str('printTemplates.orderEntryInvoice.id', 'OEINVOICEPRINTTEMPLATEID'),
		f.str('printTemplates.orderEntryAdjustment.id', 'OEADJPRINTTEMPLATEID'),
		f.str('printTemplates.orderEntryOther.id', 'OEOTHERPRINTTEMPLATEID'),
		f.ref('contacts.primary', 'company-config/contact', 'CONTACTINFO.CONTACTNAME'),
		f.ref('contacts.billTo', 'company-config/contact', 'BILLTO.CONTACTNAME'),
		f.ref('contacts.shipTo', 'company-config/contact', 'SHIPTO.CONTACTNAME'),
		// accounts-receivable.md, GET customer example.
		f.str('webURL', 'RECORD_URL', { readOnly: true }),
		...auditFields(),
		...entityFields(),
	],
};

export const INVOICE_LINE: RestObjectDef = {
	name: 'accounts-receivable/invoice-line',
	userDimensions: true,
	xmlObject: 'ARINVOICEITEM',
	idXml: 'RECORDNO',
	idWritable: false,
	owned: true,
	owner: { path: 'invoice', object: 'accounts-receivable/invoice', xml: 'RECORDKEY' },
	fields: [
		f.int('lineNumber', 'LINE_NO', { readOnly: true }),
		f.ref('glAccount', 'general-ledger/account', 'ACCOUNTNO', 'ACCOUNTTITLE', { required: true }),
		f.ref('overrideOffsetGLAccount', 'general-ledger/account', 'OFFSETGLACCOUNTNO'),
		f.dec('txnAmount', 'TRX_AMOUNT', { required: true }),
		f.dec('baseAmount', 'AMOUNT', { readOnly: true }),
		f.dec('paymentInformation.totalTxnAmountPaid', 'TOTALPAID', { readOnly: true }),
		f.dec('totalTxnAmountDue', 'TOTALDUE', { readOnly: true }),
		f.str('memo', 'ENTRYDESCRIPTION'),
		...lineDimensions(),
		...auditFields(),
	],
};

export const INVOICE_STATE = [
	['draft', 'Draft'],
	['posted', 'Posted'],
	['partiallyPaid', 'Partially Paid'],
	['paid', 'Paid'],
	['reversed', 'Reversed'],
] as const;

const INVOICE_HEADER: LegacySpec = [
	['customerid', 'CUSTOMERID'],
	['datecreated', 'WHENCREATED', 'date'],
	['dateposted', 'WHENPOSTED', 'date'],
	['datedue', 'WHENDUE', 'date'],
	['termname', 'TERMNAME'],
];

const INVOICE_TAIL: LegacySpec = [
	['invoiceno', 'RECORDID'],
	['ponumber', 'DOCNUMBER'],
	['description', 'DESCRIPTION'],
];

const INVOICE_LINE_HEAD: LegacySpec = [
	['glaccountno', 'ACCOUNTNO'],
	['offsetglaccountno', 'OFFSETGLACCOUNTNO'],
	['amount', 'TRX_AMOUNT'],
	['memo', 'ENTRYDESCRIPTION'],
	['locationid', 'LOCATIONID'],
	['departmentid', 'DEPARTMENTID'],
];

const INVOICE_LINE_TAIL: LegacySpec = [
	['projectid', 'PROJECTID'],
	['customerid', 'CUSTOMERID'],
	['vendorid', 'VENDORID'],
	['employeeid', 'EMPLOYEEID'],
	['itemid', 'ITEMID'],
	['classid', 'CLASSID'],
];

/** A PATCH's line with a key as update_invoice's updatelineitem line_num="n" (the line's number on its invoice). */
function lineChange(line: XmlElement, invoiceKey: string, lookup: ModelLookup): XmlElement {
	const key = fieldText(line, 'RECORDNO') ?? '';
	const found = lookup.readKeys('ARINVOICEITEM', [key])[0];
	if (found === undefined || modelValue(found, 'RECORDKEY') !== invoiceKey) throw RestError.notFound(`accounts-receivable/invoice-line with key ${key} is not a line of invoice ${invoiceKey}`);
	return el('updatelineitem', lineItemElements(line), { line_num: modelValue(found, 'LINE_NO') });
}

/** A line's elements in api.xsd's lineitem order: user-defined dimensions as customfields after departmentid. */
function lineItemElements(line: XmlElement): XmlElement[] {
	return [...legacyElements(line, INVOICE_LINE_HEAD), ...userDimensionCustomFields(line), ...legacyElements(line, INVOICE_LINE_TAIL)];
}

function invoiceWrite(verb: 'create' | 'update', record: XmlElement, lookup: ModelLookup): XmlElement {
	const state = fieldText(record, 'STATE');
	const action = state === undefined || state === '' ? [] : [el('action', state === 'Draft' ? 'Draft' : 'Submit')];
	const given = recordLines(record, 'ARINVOICEITEMS', 'ARINVOICEITEM');
	const invoiceKey = fieldText(record, 'RECORDNO') ?? '';
	const changes = given.filter((line) => fieldText(line, 'RECORDNO') !== undefined).map((line) => lineChange(line, invoiceKey, lookup));
	const lines = given.filter((line) => fieldText(line, 'RECORDNO') === undefined).map((line) => el('lineitem', lineItemElements(line)));
	const currency = legacyElements(record, [['currency', 'CURRENCY']]);
	const supdoc = legacyElements(record, [['supdocid', 'SUPDOCID']]);
	if (verb === 'create') {
		return el('create_invoice', [...legacyElements(record, INVOICE_HEADER), ...action, ...legacyElements(record, INVOICE_TAIL), ...currency, ...supdoc, el('invoiceitems', lines)]);
	}
	const items = changes.length + lines.length > 0 ? [el('updateinvoiceitems', [...changes, ...lines])] : [];
	return el('update_invoice', [...legacyElements(record, INVOICE_HEADER), ...action, ...legacyElements(record, INVOICE_TAIL), ...currency, ...supdoc, ...items], { key: fieldText(record, 'RECORDNO') ?? '' });
}

export const INVOICE: RestObjectDef = {
	name: 'accounts-receivable/invoice',
	xmlObject: 'ARINVOICE',
	idXml: 'RECORDNO',
	idWritable: false,
	createdXml: 'AUDITWHENCREATED',
	modelWrite: invoiceWrite,
	fields: [
		f.str('invoiceNumber', 'RECORDID'),
		f.ref('customer', 'accounts-receivable/customer', 'CUSTOMERID', 'CUSTOMERNAME', { required: true }),
		f.str('referenceNumber', 'DOCNUMBER'),
		f.str('description', 'DESCRIPTION'),
		f.ref('term', 'accounts-receivable/term', 'TERMNAME'),
		f.date('invoiceDate', 'WHENCREATED', { required: true }),
		f.date('invoiceSummary.glPostingDate', 'WHENPOSTED'),
		f.date('dueDate', 'WHENDUE'),
		f.date('paymentInformation.fullyPaidDate', 'WHENPAID', { readOnly: true }),
		f.dec('paymentInformation.totalBaseAmountPaid', 'TOTALPAID', { readOnly: true }),
		f.dec('paymentInformation.totalTxnAmountPaid', 'TRX_TOTALPAID', { readOnly: true }),
		f.enum('state', 'STATE', INVOICE_STATE, { createValues: ['draft', 'posted'], immutable: true }),
		f.dec('totalBaseAmount', 'TOTALENTERED', { readOnly: true }),
		f.dec('totalBaseAmountDue', 'TOTALDUE', { readOnly: true }),
		f.dec('totalTxnAmount', 'TRX_TOTALENTERED', { readOnly: true }),
		f.dec('totalTxnAmountDue', 'TRX_TOTALDUE', { readOnly: true }),
		f.str('currency.txnCurrency', 'CURRENCY'),
		f.str('currency.baseCurrency', 'BASECURR', { readOnly: true }),
		f.enum('moduleKey', 'MODULEKEY', [['accountsReceivable', '4.AR']], { readOnly: true }),
		f.ref('attachment', 'company-config/attachment', 'SUPDOCID'),
		// accounts-receivable.md "Get an invoice" shows webURL, as for customers and payments.
		f.str('webURL', 'RECORD_URL', { readOnly: true }),
		...auditFields('AUDITWHENCREATED'),
		...entityFields(),
	],
	lines: { path: 'lines', xmlCollection: 'ARINVOICEITEMS', xmlLine: 'ARINVOICEITEM', object: INVOICE_LINE, ownerPath: 'invoice', required: true },
};

export const PAYMENT_DETAIL: RestObjectDef = {
	name: 'accounts-receivable/payment-detail',
	xmlObject: 'ARPYMTDETAIL',
	idXml: 'RECORDNO',
	idWritable: false,
	owned: true,
	owner: { path: 'arPayment', object: 'accounts-receivable/payment', xml: 'RECORDKEY' },
	fields: [
		f.ref('arInvoice', 'accounts-receivable/invoice', 'RECORDKEY', undefined, { required: true }),
		f.ref('arInvoiceLine', 'accounts-receivable/invoice-line', 'ENTRYKEY'),
		f.dec('txnCurrency.paymentAmount', 'TRX_PAYMENTAMOUNT', { required: true }),
		f.dec('baseCurrency.paymentAmount', 'PAYMENTAMOUNT', { readOnly: true }),
		f.date('paymentDate', 'PAYMENTDATE', { readOnly: true }),
		...auditFields(),
	],
};

export const PAYMENT_METHODS = [
	['printedCheck', 'Printed Check'],
	['cash', 'Cash'],
	['eft', 'EFT'],
	['creditCard', 'Credit Card'],
	['onlineChargeCard', 'Online Charge Card'],
	['onlineAchDebit', 'Online ACH Debit'],
] as const;

/** A draft payment is asked for with state draft (the XML API's ACTION Draft); STATE itself is the model's to set. */
function paymentWrite(verb: 'create' | 'update', record: XmlElement): XmlElement {
	const state = fieldText(record, 'STATE');
	const children = record.children.filter((c) => c.name !== 'STATE');
	if (state === 'Draft') children.push(el('ACTION', 'Draft'));
	return el(verb, [{ ...record, children }]);
}

export const PAYMENT: RestObjectDef = {
	name: 'accounts-receivable/payment',
	xmlObject: 'ARPYMT',
	idXml: 'RECORDNO',
	idWritable: false,
	createdXml: 'AUDITWHENCREATED',
	modelWrite: paymentWrite,
	fields: [
		f.str('financialEntity.entityId', 'FINANCIALENTITY'),
		f.ref('undepositedGLAccount', 'general-ledger/account', 'UNDEPOSITEDACCOUNTNO'),
		f.enum('paymentMethod', 'PAYMENTMETHOD', PAYMENT_METHODS, { required: true }),
		f.ref('customer', 'accounts-receivable/customer', 'CUSTOMERID', 'CUSTOMERNAME', { required: true }),
		f.str('payerName', 'PAYERNAME'),
		f.str('documentNumber', 'DOCNUMBER'),
		f.str('description', 'DESCRIPTION'),
		f.date('paymentSummary.receiptDate', 'RECEIPTDATE', { required: true }),
		f.date('paidDate', 'WHENPAID', { readOnly: true }),
		f.str('txnCurrency.currency', 'CURRENCY'),
		f.str('baseCurrency.currency', 'BASECURR', { readOnly: true }),
		f.dec('baseCurrency.totalAmount', 'TOTALENTERED', { readOnly: true }),
		f.dec('baseCurrency.totalPaid', 'TOTALPAID', { readOnly: true }),
		f.dec('txnCurrency.totalAmount', 'TRX_TOTALENTERED', { readOnly: true }),
		f.enum('state', 'STATE', [
			['draft', 'Draft'],
			['complete', 'Complete'],
			['voided', 'Voided'],
		], { createValues: ['draft', 'complete'], immutable: true }),
		// accounts-receivable.md, GET payment example.
		f.str('webURL', 'RECORD_URL', { readOnly: true }),
		...auditFields('AUDITWHENCREATED'),
		...entityFields(),
	],
	lines: { path: 'paymentDetails', xmlCollection: 'ARPYMTDETAILS', xmlLine: 'ARPYMTDETAIL', object: PAYMENT_DETAIL, ownerPath: 'arPayment', required: true },
};
