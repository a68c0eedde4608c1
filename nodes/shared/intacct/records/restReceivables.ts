/**
 * REST names of the receivables and cash-management objects (docs/rest-wire.md): customer,
 * invoice (+ lines), payment (+ details applying it to invoices), deposit (+ the receipts it takes),
 * credit card transaction (+ lines). From Sage's REST reference (intacct-docs/rest/
 * accounts-receivable.md, cash-management.md) and OpenAPI documents; the choices they leave open are
 * rows of docs/fidelity-rest.md. Lines are written through their owner; the XML read of these owners
 * returns no lines, so neither does the REST read (writeOnly).
 */
import { ACCOUNT_LINE, ACTIVE_STATUS, AUDIT, AUDIT_OF_TRANSACTION, DISPLAY_CONTACT, ENTITY, LINE_DIMENSIONS, RESTRICTION, flag, ro, rw, type RestFieldMapping, type RestObjectMapping } from './restFields';

/** [REST value, XML label] pairs, then the XML query codes (STATE = 'D') that name the same values. */
function states(labels: Array<[string, string]>, codes: Array<[string, string]>): RestFieldMapping['values'] {
	return [...labels, ...codes];
}

const CUSTOMER: RestObjectMapping = {
	xmlObject: 'CUSTOMER',
	rest: 'accounts-receivable/customer',
	keyXml: 'RECORDNO',
	idXml: 'CUSTOMERID',
	fields: [
		ro('RECORDNO', 'key'),
		rw('CUSTOMERID', 'id'),
		rw('NAME', 'name'),
		rw('STATUS', 'status', { values: ACTIVE_STATUS }),
		rw('PARENTID', 'parent.id'),
		rw('CUSTTYPE', 'customerType.id'),
		rw('TERMNAME', 'term.id'),
		rw('CREDITLIMIT', 'creditLimit'),
		ro('TOTALDUE', 'totalDue'),
		// The display contact's name is its id on REST (accounts-receivable.md "Get a customer": contacts.default.id).
		rw('DISPLAYCONTACT.CONTACTNAME', 'contacts.default.id'),
		...DISPLAY_CONTACT,
		// The rest of the XML read that Sage's OpenAPI customer schema names (docs/rest-wire.md "Vendor and customer fields over REST").
		rw('DELIVERY_OPTIONS', 'deliveryOptions', { values: [['print', 'Print'], ['email', 'E-Mail'], ['both', 'Print#~#E-Mail']] }),
		rw('ADVBILLBY', 'advanceBillBy'),
		rw('ADVBILLBYTYPE', 'advanceBillByType'),
		rw('OBJECTRESTRICTION', 'customerRestriction', { values: RESTRICTION }),
		rw('ONETIME', 'isOneTimeUse'),
		// Excluded from the contact list (XML) is not shown in it (REST).
		flag('HIDEDISPLAYCONTACT', 'contacts.default.showInContactList', { values: [['false', 'true'], ['true', 'false']] }),
		rw('CUSTREPID', 'salesRepresentative.id'),
		rw('GLGROUP', 'accountGroup.id'),
		rw('TERRITORYID', 'territory.id'),
		rw('SUPDOCID', 'attachment.id'),
		rw('OFFSETGLACCOUNTNO', 'overrideOffsetGLAccount.id'),
		rw('SHIPPINGMETHOD', 'shippingMethod.id'),
		rw('RESALENO', 'customerResaleNumber'),
		rw('TAXID', 'taxId'),
		rw('RETAINAGEPERCENTAGE', 'retainagePercentage', { format: 'amount' }),
		rw('ONHOLD', 'isOnHold'),
		rw('CUSTMESSAGEID', 'customerMessage.id'),
		flag('EMAILOPTIN', 'emailOptIn'),
		rw('COMMENTS', 'notes'),
		rw('CURRENCY', 'currency'),
		rw('ARINVOICEPRINTTEMPLATEID', 'printTemplates.arInvoice.id'),
		rw('OEQUOTEPRINTTEMPLATEID', 'printTemplates.orderEntryQuote.id'),
		rw('OEORDERPRINTTEMPLATEID', 'printTemplates.orderEntryOrder.id'),
		rw('OELISTPRINTTEMPLATEID', 'printTemplates.orderEntryList.id'),
		rw('OEINVOICEPRINTTEMPLATEID', 'printTemplates.orderEntryInvoice.id'),
		rw('OEADJPRINTTEMPLATEID', 'printTemplates.orderEntryAdjustment.id'),
		rw('OEOTHERPRINTTEMPLATEID', 'printTemplates.orderEntryOther.id'),
		// The customer's other contacts: REST references them by name (contacts.billTo.id), as XML's <BILLTO><CONTACTNAME>.
		rw('CONTACTINFO.CONTACTNAME', 'contacts.primary.id'),
		rw('BILLTO.CONTACTNAME', 'contacts.billTo.id'),
		rw('SHIPTO.CONTACTNAME', 'contacts.shipTo.id'),
		ro('RECORD_URL', 'webURL'),
		...AUDIT,
		...ENTITY,
	],
};

const ARINVOICEITEM: RestObjectMapping = {
	xmlObject: 'ARINVOICEITEM',
	rest: 'accounts-receivable/invoice-line',
	keyXml: 'RECORDNO',
	userDimensions: true,
	fields: [
		ro('RECORDNO', 'key'),
		ro('RECORDKEY', 'invoice.key'),
		ro('LINE_NO', 'lineNumber'),
		...ACCOUNT_LINE,
		...AUDIT,
	],
};

const ARINVOICE: RestObjectMapping = {
	xmlObject: 'ARINVOICE',
	rest: 'accounts-receivable/invoice',
	keyXml: 'RECORDNO',
	fields: [
		ro('RECORDNO', 'key'),
		rw('RECORDID', 'invoiceNumber'),
		rw('CUSTOMERID', 'customer.id'),
		ro('CUSTOMERNAME', 'customer.name'),
		rw('DOCNUMBER', 'referenceNumber'),
		rw('DESCRIPTION', 'description'),
		rw('TERMNAME', 'term.id'),
		rw('WHENCREATED', 'invoiceDate', { format: 'date' }),
		rw('WHENPOSTED', 'invoiceSummary.glPostingDate', { format: 'date' }),
		rw('WHENDUE', 'dueDate', { format: 'date' }),
		ro('WHENPAID', 'paymentInformation.fullyPaidDate', { format: 'date' }),
		ro('TOTALPAID', 'paymentInformation.totalBaseAmountPaid'),
		ro('TRX_TOTALPAID', 'paymentInformation.totalTxnAmountPaid'),
		rw('STATE', 'state', {
			values: states(
				[
					['draft', 'Draft'],
					['posted', 'Posted'],
					['partiallyPaid', 'Partially Paid'],
					['paid', 'Paid'],
					['reversed', 'Reversed'],
				],
				[
					['draft', 'D'],
					['posted', 'A'],
					['partiallyPaid', 'PP'],
					['paid', 'P'],
					['reversed', 'V'],
				],
			),
		}),
		ro('TOTALENTERED', 'totalBaseAmount'),
		ro('TOTALDUE', 'totalBaseAmountDue'),
		ro('TRX_TOTALENTERED', 'totalTxnAmount'),
		ro('TRX_TOTALDUE', 'totalTxnAmountDue'),
		rw('CURRENCY', 'currency.txnCurrency'),
		ro('BASECURR', 'currency.baseCurrency'),
		ro('MODULEKEY', 'moduleKey', { values: [['accountsReceivable', '4.AR']] }),
		rw('SUPDOCID', 'attachment.id'),
		ro('RECORD_URL', 'webURL'),
		...AUDIT_OF_TRANSACTION,
		...ENTITY,
	],
	lines: { xmlCollection: 'ARINVOICEITEMS', xmlLine: 'ARINVOICEITEM', rest: 'lines', writeOnly: true, ownerKeyXml: 'RECORDKEY' },
};

const ARPYMTDETAIL: RestObjectMapping = {
	xmlObject: 'ARPYMTDETAIL',
	rest: 'accounts-receivable/payment-detail',
	keyXml: 'RECORDNO',
	fields: [
		ro('RECORDNO', 'key'),
		ro('PAYMENTKEY', 'arPayment.key'),
		rw('RECORDKEY', 'arInvoice.id'),
		rw('ENTRYKEY', 'arInvoiceLine.id'),
		rw('TRX_PAYMENTAMOUNT', 'txnCurrency.paymentAmount'),
		ro('PAYMENTAMOUNT', 'baseCurrency.paymentAmount'),
		ro('PAYMENTDATE', 'paymentDate', { format: 'date' }),
	],
};

const ARPYMT: RestObjectMapping = {
	xmlObject: 'ARPYMT',
	rest: 'accounts-receivable/payment',
	keyXml: 'RECORDNO',
	fields: [
		ro('RECORDNO', 'key'),
		rw('FINANCIALENTITY', 'financialEntity.entityId'),
		rw('UNDEPOSITEDACCOUNTNO', 'undepositedGLAccount.id'),
		rw('PAYMENTMETHOD', 'paymentMethod', {
			values: [
				['printedCheck', 'Printed Check'],
				['cash', 'Cash'],
				['eft', 'EFT'],
				['creditCard', 'Credit Card'],
				['onlineChargeCard', 'Online Charge Card'],
				['onlineAchDebit', 'Online ACH Debit'],
			],
		}),
		rw('CUSTOMERID', 'customer.id'),
		ro('CUSTOMERNAME', 'customer.name'),
		rw('PAYERNAME', 'payerName'),
		rw('DOCNUMBER', 'documentNumber'),
		rw('DESCRIPTION', 'description'),
		rw('RECEIPTDATE', 'paymentSummary.receiptDate', { format: 'date' }),
		// The XML API reads the receipt date back as WHENCREATED too (and filters on it).
		ro('WHENCREATED', 'paymentSummary.receiptDate', { format: 'date' }),
		ro('WHENPAID', 'paidDate', { format: 'date' }),
		rw('CURRENCY', 'txnCurrency.currency'),
		ro('BASECURR', 'baseCurrency.currency'),
		ro('TOTALENTERED', 'baseCurrency.totalAmount'),
		ro('TOTALPAID', 'baseCurrency.totalPaid'),
		ro('TRX_TOTALENTERED', 'txnCurrency.totalAmount'),
		rw('STATE', 'state', {
			values: states(
				[
					['draft', 'Draft'],
					['complete', 'Complete'],
					['voided', 'Voided'],
				],
				[
					['draft', 'D'],
					['complete', 'C'],
					['voided', 'V'],
				],
			),
		}),
		ro('RECORD_URL', 'webURL'),
		...AUDIT_OF_TRANSACTION,
		...ENTITY,
	],
	lines: { xmlCollection: 'ARPYMTDETAILS', xmlLine: 'ARPYMTDETAIL', rest: 'paymentDetails', writeOnly: true },
};

/** A receipt a deposit takes: `id` is the undeposited receipt's key (the AR payment's RECORDNO). */
const DEPOSITENTRY: RestObjectMapping = {
	xmlObject: 'DEPOSITENTRY',
	rest: 'cash-management/deposit-detail',
	keyXml: 'RECORDNO',
	fields: [ro('RECORDNO', 'key'), ro('RECORDKEY', 'deposit.key'), rw('PAYMENTKEY', 'id')],
};

const DEPOSIT: RestObjectMapping = {
	xmlObject: 'DEPOSIT',
	rest: 'cash-management/deposit',
	keyXml: 'RECORDNO',
	fields: [
		ro('RECORDNO', 'key'),
		rw('FINANCIALENTITY', 'bankAccount.id'),
		rw('WHENCREATED', 'txnDate', { format: 'date' }),
		rw('DEPOSITID', 'depositId'),
		rw('DESCRIPTION', 'description'),
		ro('CURRENCY', 'txnCurrency'),
		ro('TOTALENTERED', 'totalEntered'),
		ro('TRX_TOTALENTERED', 'txnTotalEntered'),
		ro('STATE', 'state', {
			values: [
				['posted', 'Complete'],
				['void', 'Voided'],
			],
		}),
		rw('SUPDOCID', 'attachment.id'),
		...AUDIT_OF_TRANSACTION,
		...ENTITY,
	],
	lines: { xmlCollection: 'RECEIPTS', xmlLine: 'DEPOSITENTRY', rest: 'details', writeOnly: true },
};

const CCTRANSACTIONENTRY: RestObjectMapping = {
	xmlObject: 'CCTRANSACTIONENTRY',
	rest: 'cash-management/credit-card-txn-line',
	keyXml: 'RECORDNO',
	userDimensions: true,
	fields: [
		ro('RECORDNO', 'key'),
		ro('RECORDKEY', 'creditCardTxn.key'),
		ro('LINE_NO', 'lineNumber'),
		rw('ACCOUNTNO', 'glAccount.id'),
		ro('ACCOUNTTITLE', 'glAccount.name'),
		rw('DESCRIPTION', 'description'),
		// Sage's create example names the line amount totalTxnAmount (cash-management.md).
		rw('TRX_AMOUNT', 'totalTxnAmount'),
		ro('AMOUNT', 'amount'),
		...LINE_DIMENSIONS,
		ro('LOCATIONNAME', 'dimensions.location.name'),
		ro('DEPARTMENTNAME', 'dimensions.department.name'),
		...AUDIT,
	],
};

const CCTRANSACTION: RestObjectMapping = {
	xmlObject: 'CCTRANSACTION',
	rest: 'cash-management/credit-card-txn',
	keyXml: 'RECORDNO',
	fields: [
		ro('RECORDNO', 'key'),
		rw('FINANCIALENTITY', 'creditCardAccount.id'),
		rw('WHENCREATED', 'txnDate', { format: 'date' }),
		rw('RECORDID', 'referenceNumber'),
		rw('PAYEE', 'payee'),
		rw('DESCRIPTION', 'description'),
		rw('SUPDOCID', 'attachment.id'),
		rw('CURRENCY', 'currency.txnCurrency'),
		ro('BASECURR', 'currency.baseCurrency'),
		rw('EXCH_RATE_TYPE_ID', 'currency.exchangeRate.typeId'),
		ro('TOTALENTERED', 'totalEntered'),
		ro('TRX_TOTALENTERED', 'txnTotalEntered'),
		ro('STATE', 'state', {
			values: [
				['posted', 'Posted'],
				['reversed', 'Reversed'],
				['reversal', 'Reversal'],
			],
		}),
		ro('REVERSALKEY', 'reversedBy.key'),
		ro('REVERSEDKEY', 'reversalOf.key'),
		...AUDIT_OF_TRANSACTION,
		...ENTITY,
	],
	lines: { xmlCollection: 'CCTRANSACTIONENTRIES', xmlLine: 'CCTRANSACTIONENTRY', rest: 'lines', writeOnly: true },
};

/** Bank and card accounts (the Bank Account and Charge Card lists of AR payments, deposits, card transactions). */
const CHECKINGACCOUNT: RestObjectMapping = {
	xmlObject: 'CHECKINGACCOUNT',
	rest: 'cash-management/checking-account',
	keyXml: 'RECORDNO',
	idXml: 'BANKACCOUNTID',
	fields: [ro('RECORDNO', 'key'), rw('BANKACCOUNTID', 'id'), rw('DESCRIPTION', 'description'), rw('STATUS', 'status', { values: ACTIVE_STATUS }), ...AUDIT],
};

const CREDITCARD: RestObjectMapping = {
	xmlObject: 'CREDITCARD',
	rest: 'cash-management/credit-card-account',
	keyXml: 'RECORDNO',
	idXml: 'CARDID',
	fields: [ro('RECORDNO', 'key'), rw('CARDID', 'id'), rw('DESCRIPTION', 'accountDetails.description'), rw('STATUS', 'status', { values: ACTIVE_STATUS }), ...AUDIT],
};

export const RECEIVABLES_MAPPINGS: Record<string, RestObjectMapping> = {
	CUSTOMER,
	ARINVOICE,
	ARINVOICEITEM,
	ARPYMT,
	ARPYMTDETAIL,
	DEPOSIT,
	DEPOSITENTRY,
	CCTRANSACTION,
	CCTRANSACTIONENTRY,
	CHECKINGACCOUNT,
	CREDITCARD,
};
