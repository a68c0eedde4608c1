/**
 * Cash management objects over the company model: deposit (+ the undeposited receipts it takes) and
 * credit-card-txn (+ credit-card-txn-line). Field names from Sage's REST reference
 * (intacct-docs/rest/cash-management.md examples; OpenAPI cash-management); choices the sources leave
 * open: docs/fidelity-rest.md. Both are written through the model's legacy functions (record_deposit,
 * record_cctransaction), which the XML API documents as the only way to create them.
 */
import type { XmlElement } from '../../model/contract';
import { STATUS, auditFields, entityFields, f, lineDimensions, type RestObjectDef } from './restObjectDef';
import { el, fieldText, legacyElements, recordLines, userDimensionCustomFields, type LegacySpec } from './legacyWrites';
import { RestError } from '../restErrors';

function notWritable(name: string, verb: string): RestError {
	return new RestError(405, 'methodNotAllowed', `${name} records cannot be changed by ${verb === 'update' ? 'PATCH' : verb}; reverse them instead`);
}

/** One undeposited receipt a deposit takes: `id` is the receipt's key (an AR payment's). */
export const DEPOSIT_DETAIL: RestObjectDef = {
	name: 'cash-management/deposit-detail',
	xmlObject: 'DEPOSITENTRY',
	idXml: 'PAYMENTKEY',
	idWritable: true,
	owned: true,
	owner: { path: 'deposit', object: 'cash-management/deposit', xml: 'RECORDKEY' },
	fields: [],
};

function depositWrite(verb: 'create' | 'update', record: XmlElement): XmlElement {
	if (verb !== 'create') throw notWritable('cash-management/deposit', verb);
	const keys = recordLines(record, 'RECEIPTS', 'RECEIPT').map((r) => el('receiptkey', fieldText(r, 'PAYMENTKEY') ?? ''));
	return el('record_deposit', [
		...legacyElements(record, [
			['bankaccountid', 'FINANCIALENTITY'],
			['depositdate', 'WHENCREATED', 'date'],
			['depositid', 'DEPOSITID'],
		]),
		el('receiptkeys', keys),
		...legacyElements(record, [
			['description', 'DESCRIPTION'],
			['supdocid', 'SUPDOCID'],
		]),
	]);
}

export const DEPOSIT: RestObjectDef = {
	name: 'cash-management/deposit',
	xmlObject: 'DEPOSIT',
	idXml: 'RECORDNO',
	idWritable: false,
	createdXml: 'AUDITWHENCREATED',
	modelWrite: depositWrite,
	fields: [
		f.ref('bankAccount', 'cash-management/checking-account', 'FINANCIALENTITY', undefined, { required: true }),
		f.date('txnDate', 'WHENCREATED', { required: true }),
		f.str('depositId', 'DEPOSITID', { required: true }),
		f.str('description', 'DESCRIPTION'),
		f.str('txnCurrency', 'CURRENCY', { readOnly: true }),
		f.dec('totalEntered', 'TOTALENTERED', { readOnly: true }),
		f.dec('txnTotalEntered', 'TRX_TOTALENTERED', { readOnly: true }),
		f.enum('state', 'STATE', [['posted', 'Complete'], ['void', 'Voided']], { readOnly: true }),
		f.ref('attachment', 'company-config/attachment', 'SUPDOCID'),
		...auditFields('AUDITWHENCREATED'),
		...entityFields(),
	],
	lines: { path: 'details', xmlCollection: 'RECEIPTS', xmlLine: 'RECEIPT', object: DEPOSIT_DETAIL, ownerPath: 'deposit', required: true },
};

export const CARD_TXN_LINE: RestObjectDef = {
	name: 'cash-management/credit-card-txn-line',
	userDimensions: true,
	xmlObject: 'CCTRANSACTIONENTRY',
	idXml: 'RECORDNO',
	idWritable: false,
	owned: true,
	owner: { path: 'creditCardTxn', object: 'cash-management/credit-card-txn', xml: 'RECORDKEY' },
	fields: [
		f.int('lineNumber', 'LINE_NO', { readOnly: true }),
		f.ref('glAccount', 'general-ledger/account', 'ACCOUNTNO', 'ACCOUNTTITLE', { required: true }),
		// Sage's create example names the line amount totalTxnAmount, its read example txnAmount: both are served.
		f.dec('totalTxnAmount', 'TRX_AMOUNT', { required: true }),
		f.dec('txnAmount', 'TRX_AMOUNT', { readOnly: true }),
		f.dec('amount', 'AMOUNT', { readOnly: true }),
		f.str('description', 'DESCRIPTION'),
		...lineDimensions(['location', 'department']),
		...auditFields(),
	],
};

const CARD_LINE_SPEC: LegacySpec = [
	['glaccountno', 'ACCOUNTNO'],
	['description', 'DESCRIPTION'],
	['paymentamount', 'TRX_AMOUNT'],
	['departmentid', 'DEPARTMENTID'],
	['locationid', 'LOCATIONID'],
	['customerid', 'CUSTOMERID'],
	['vendorid', 'VENDORID'],
	['employeeid', 'EMPLOYEEID'],
	['projectid', 'PROJECTID'],
	['itemid', 'ITEMID'],
	['classid', 'CLASSID'],
];

function cardWrite(verb: 'create' | 'update', record: XmlElement): XmlElement {
	if (verb !== 'create') throw notWritable('cash-management/credit-card-txn', verb);
	const lines = recordLines(record, 'CCTRANSACTIONENTRIES', 'CCTRANSACTIONENTRY').map((line) => el('ccpayitem', [...legacyElements(line, CARD_LINE_SPEC), ...userDimensionCustomFields(line)]));
	return el('record_cctransaction', [
		...legacyElements(record, [
			['chargecardid', 'FINANCIALENTITY'],
			['paymentdate', 'WHENCREATED', 'date'],
			['referenceno', 'RECORDID'],
			['payee', 'PAYEE'],
			['description', 'DESCRIPTION'],
			['supdocid', 'SUPDOCID'],
			['currency', 'CURRENCY'],
			['exchratetype', 'EXCH_RATE_TYPE_ID'],
		]),
		el('ccpayitems', lines),
	]);
}

export const CARD_TXN: RestObjectDef = {
	name: 'cash-management/credit-card-txn',
	xmlObject: 'CCTRANSACTION',
	idXml: 'RECORDNO',
	idWritable: false,
	createdXml: 'AUDITWHENCREATED',
	modelWrite: cardWrite,
	fields: [
		f.ref('creditCardAccount', 'cash-management/credit-card-account', 'FINANCIALENTITY', undefined, { required: true }),
		f.date('txnDate', 'WHENCREATED', { required: true }),
		f.str('referenceNumber', 'RECORDID'),
		f.str('payee', 'PAYEE'),
		f.str('description', 'DESCRIPTION'),
		f.ref('attachment', 'company-config/attachment', 'SUPDOCID'),
		f.str('currency.txnCurrency', 'CURRENCY'),
		f.str('currency.baseCurrency', 'BASECURR', { readOnly: true }),
		f.str('currency.exchangeRate.typeId', 'EXCH_RATE_TYPE_ID'),
		f.dec('totalEntered', 'TOTALENTERED', { readOnly: true }),
		f.dec('txnTotalEntered', 'TRX_TOTALENTERED', { readOnly: true }),
		f.enum('state', 'STATE', [['posted', 'Posted'], ['reversed', 'Reversed'], ['reversal', 'Reversal']], { readOnly: true }),
		f.str('reversedBy.key', 'REVERSALKEY', { readOnly: true }),
		f.str('reversalOf.key', 'REVERSEDKEY', { readOnly: true }),
		...auditFields('AUDITWHENCREATED'),
		...entityFields(),
	],
	lines: { path: 'lines', xmlCollection: 'CCTRANSACTIONENTRIES', xmlLine: 'CCTRANSACTIONENTRY', object: CARD_TXN_LINE, ownerPath: 'creditCardTxn', required: true },
};

/** The model documents no writes of bank and card accounts (Checking Accounts, Charge Card Accounts pages): read only here. */
function readOnlyAccount(name: string): RestObjectDef['modelWrite'] {
	return () => {
		throw new RestError(405, 'methodNotAllowed', `The sandbox serves ${name} for reading only`);
	};
}

export const CHECKING_ACCOUNT: RestObjectDef = {
	name: 'cash-management/checking-account',
	xmlObject: 'CHECKINGACCOUNT',
	idXml: 'BANKACCOUNTID',
	nameXml: 'DESCRIPTION',
	idWritable: true,
	modelWrite: readOnlyAccount('cash-management/checking-account'),
	fields: [
		f.str('description', 'DESCRIPTION'),
		f.str('bankAccountDetails.accountNumber', 'BANKACCOUNTNO'),
		f.str('bankAccountDetails.bankName', 'BANKNAME'),
		f.str('bankAccountDetails.currency', 'CURRENCY'),
		f.ref('accounting.glAccount', 'general-ledger/account', 'GLACCOUNTNO'),
		...auditFields(),
	],
};

export const CREDIT_CARD_ACCOUNT: RestObjectDef = {
	name: 'cash-management/credit-card-account',
	xmlObject: 'CREDITCARD',
	idXml: 'CARDID',
	nameXml: 'DESCRIPTION',
	idWritable: true,
	modelWrite: readOnlyAccount('cash-management/credit-card-account'),
	fields: [
		f.str('accountDetails.description', 'DESCRIPTION'),
		f.str('accountDetails.cardType', 'CARDTYPE'),
		f.str('accountDetails.currency', 'CURRENCY'),
		f.enum('status', 'STATUS', STATUS),
		f.ref('accounting.offsetGLAccount', 'general-ledger/account', 'GLACCOUNTNO'),
		...auditFields(),
	],
};
