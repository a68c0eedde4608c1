/**
 * How the node's Intacct objects are named on the REST API: the REST object (`application/object`)
 * behind each XML object, and per XML field the REST field path (dotted, as the query service
 * returns it). Names from Sage's OpenAPI documents (docs/rest-wire.md lists which). Only the fields
 * in these tables cross the wire; a field the table lacks is not read over REST (it is left out of
 * the output, never invented).
 */
import { ACCOUNT_LINE, ACTIVE_STATUS, AUDIT, AUDIT_OF_TRANSACTION, DISPLAY_CONTACT, ENTITY, RESTRICTION, flag, ro, rw, type RestFieldMapping, type RestObjectMapping } from './restFields';
import { RECEIVABLES_MAPPINGS } from './restReceivables';

export type { RestFieldMapping, RestObjectMapping } from './restFields';

const GL_STATE = [
	['draft', 'Draft'],
	['submitted', 'Submitted'],
	['approved', 'Approved'],
	['posted', 'Posted'],
	['declined', 'Declined'],
	['reversed', 'Reversed'],
] as const;

const GLENTRY: RestObjectMapping = {
	xmlObject: 'GLENTRY',
	rest: 'general-ledger/journal-entry-line',
	keyXml: 'RECORDNO',
	userDimensions: true,
	fields: [
		ro('RECORDNO', 'key'),
		ro('BATCHNO', 'journalEntry.key'),
		ro('LINE_NO', 'lineNumber'),
		rw('TR_TYPE', 'txnType', { values: [['debit', '1'], ['credit', '-1']] }),
		ro('ENTRY_DATE', 'entryDate', { format: 'date' }),
		ro('AMOUNT', 'baseAmount'),
		rw('TRX_AMOUNT', 'txnAmount'),
		rw('ACCOUNTNO', 'glAccount.id'),
		ro('ACCOUNTTITLE', 'glAccount.name'),
		rw('DEPARTMENT', 'dimensions.department.id'),
		rw('LOCATION', 'dimensions.location.id'),
		rw('PROJECTID', 'dimensions.project.id'),
		rw('CLASSID', 'dimensions.class.id'),
		rw('CUSTOMERID', 'dimensions.customer.id'),
		rw('VENDORID', 'dimensions.vendor.id'),
		rw('EMPLOYEEID', 'dimensions.employee.id'),
		rw('ITEMID', 'dimensions.item.id'),
		rw('DOCUMENT', 'documentId'),
		rw('DESCRIPTION', 'description'),
		rw('CURRENCY', 'currency.txnCurrency'),
		ro('BASECURR', 'currency.baseCurrency'),
		ro('STATE', 'state', { values: GL_STATE }),
		...AUDIT,
	],
};

const GLBATCH: RestObjectMapping = {
	xmlObject: 'GLBATCH',
	rest: 'general-ledger/journal-entry',
	keyXml: 'RECORDNO',
	fields: [
		ro('RECORDNO', 'key'),
		ro('BATCHNO', 'txnNumber'),
		rw('BATCH_TITLE', 'description'),
		rw('JOURNAL', 'glJournal.id'),
		ro('JOURNALKEY', 'glJournal.key'),
		ro('ADJ', 'glJournal.isAdjustment'),
		rw('BATCH_DATE', 'postingDate', { format: 'date' }),
		rw('REVERSEDATE', 'automaticReversalDate', { format: 'date' }),
		ro('REVERSEDKEY', 'reversedBy.key'),
		ro('TRANSACTIONSOURCE', 'txnSource'),
		ro('MODULE', 'moduleName'),
		rw('REFERENCENO', 'referenceNumber'),
		rw('STATE', 'state', { values: GL_STATE }),
		rw('SUPDOCID', 'attachment.id'),
		rw('BASELOCATION_NO', 'baseLocation.id'),
		ro('RECORD_URL', 'webURL'),
		...AUDIT,
		ro('USERINFO.LOGINID', 'audit.createdByUser.id'),
		...ENTITY,
	],
	lines: { xmlCollection: 'ENTRIES', xmlLine: 'GLENTRY', rest: 'lines' },
};

/** A vendor's preferred payment method: REST's enumeration, the XML text as the AP payment's PAYMENTMETHOD spells it. */
const VENDOR_PAYMENT_METHOD: RestFieldMapping['values'] = [
	['printedCheck', 'Printed Check'],
	['chargeCard', 'Charge Card'],
	['EFT', 'EFT'],
	['cash', 'Cash'],
	['ACH', 'ACH'],
	['wellsFargoCheck', 'WF Check'],
	['wellsFargoUSDWire', 'WF USD Wire'],
	['wellsFargoDomesticACH', 'WF Domestic ACH'],
];

const VENDOR: RestObjectMapping = {
	xmlObject: 'VENDOR',
	rest: 'accounts-payable/vendor',
	keyXml: 'RECORDNO',
	idXml: 'VENDORID',
	fields: [
		ro('RECORDNO', 'key'),
		rw('VENDORID', 'id'),
		rw('NAME', 'name'),
		rw('STATUS', 'status', { values: ACTIVE_STATUS }),
		rw('PARENTID', 'parent.id'),
		rw('VENDTYPE', 'vendorType.id'),
		rw('TERMNAME', 'term.id'),
		rw('TAXID', 'taxId'),
		rw('APACCOUNT', 'defaultExpenseGLAccount.id'),
		rw('CURRENCY', 'currency'),
		rw('ONHOLD', 'isOnHold'),
		ro('TOTALDUE', 'totalDue'),
		...DISPLAY_CONTACT,
		// The rest of the XML read that Sage's OpenAPI vendor schema names (docs/rest-wire.md "Vendor and customer fields over REST").
		rw('ONETIME', 'isOneTimeUse'),
		flag('HIDEDISPLAYCONTACT', 'contacts.default.hideContactList'),
		rw('GLGROUP', 'accountGroup.id'),
		rw('NAME1099', 'form1099.nameOn1099'),
		rw('FORM1099TYPE', 'form1099.type'),
		rw('FORM1099BOX', 'form1099.box'),
		rw('SUPDOCID', 'attachment.id'),
		rw('OFFSETGLACCOUNTNO', 'overrideOffsetGLAccount.id'),
		rw('CREDITLIMIT', 'creditLimit', { format: 'amount' }),
		flag('DONOTCUTCHECK', 'doNotPay'),
		rw('COMMENTS', 'notes'),
		rw('PAYMETHODKEY', 'preferredPaymentMethod', { values: VENDOR_PAYMENT_METHOD }),
		flag('MERGEPAYMENTREQ', 'mergePaymentRequests'),
		flag('PAYMENTNOTIFY', 'sendPaymentNotification'),
		rw('BILLINGTYPE', 'billingType', { values: [['openItem', 'openitem'], ['balanceForward', 'balanceforward']] }),
		rw('PAYMENTPRIORITY', 'paymentPriority', { values: [['urgent', 'Urgent'], ['high', 'High'], ['normal', 'Normal'], ['low', 'Low']] }),
		flag('DISPLAYTERMDISCOUNT', 'displayTermDiscountOnCheckStub'),
		rw('VENDORACCOUNTNO', 'vendorAccountNumber'),
		flag('DISPLOCACCTNOCHECK', 'displayVendorAccountOnCheckStub'),
		rw('OBJECTRESTRICTION', 'vendorRestriction', { values: RESTRICTION }),
		rw('RETAINAGEPERCENTAGE', 'retainagePercentage', { format: 'amount' }),
		rw('FILEPAYMENTSERVICE', 'filePaymentService', { values: [['ach', 'ACH'], ['bankFile', 'BANKFILE'], ['none', 'NONE']] }),
		rw('PYMTCOUNTRYCODE', 'bankFiles.paymentCountryCode', { values: [['au', 'AU'], ['gb', 'GB'], ['za', 'ZA']] }),
		flag('ACHENABLED', 'ach.enablePayments'),
		rw('ACHBANKROUTINGNUMBER', 'ach.routingNumber'),
		rw('ACHACCOUNTNUMBER', 'ach.accountNumber'),
		rw('ACHACCOUNTTYPE', 'ach.accountType', { values: [['checkingAccount', 'Checking Account'], ['savingsAccount', 'Savings Account']] }),
		rw('ACHREMITTANCETYPE', 'ach.remittanceType', { values: [['businessCTX', 'CTX'], ['personalPPD', 'PPD'], ['businessCCD', 'CCD']] }),
		rw('ISINDIVIDUAL', 'isIndividualPerson'),
		// The vendor's other contacts: REST references them by name (contacts.primary.id), as XML's <CONTACTINFO><CONTACTNAME>.
		rw('CONTACTINFO.CONTACTNAME', 'contacts.primary.id'),
		rw('PAYTO.CONTACTNAME', 'contacts.payTo.id'),
		rw('RETURNTO.CONTACTNAME', 'contacts.returnTo.id'),
		ro('RECORD_URL', 'webURL'),
		...AUDIT,
		...ENTITY,
	],
};

const APBILLITEM: RestObjectMapping = {
	xmlObject: 'APBILLITEM',
	rest: 'accounts-payable/bill-line',
	keyXml: 'RECORDNO',
	userDimensions: true,
	fields: [
		ro('RECORDNO', 'key'),
		ro('LINE_NO', 'lineNumber'),
		...ACCOUNT_LINE,
		rw('BILLABLE', 'project.isBillable'),
		...AUDIT,
	],
};

const APBILL: RestObjectMapping = {
	xmlObject: 'APBILL',
	rest: 'accounts-payable/bill',
	keyXml: 'RECORDNO',
	fields: [
		ro('RECORDNO', 'key'),
		rw('RECORDID', 'billNumber'),
		rw('VENDORID', 'vendor.id'),
		ro('VENDORNAME', 'vendor.name'),
		rw('DOCNUMBER', 'referenceNumber'),
		rw('DESCRIPTION', 'description'),
		rw('TERMNAME', 'term.id'),
		rw('WHENCREATED', 'createdDate', { format: 'date' }),
		rw('WHENPOSTED', 'postingDate', { format: 'date' }),
		rw('WHENDUE', 'dueDate', { format: 'date' }),
		rw('RECPAYMENTDATE', 'recommendedPaymentDate', { format: 'date' }),
		rw('BILLTOPAYTOCONTACTNAME', 'contacts.payTo.id'),
		rw('SHIPTORETURNTOCONTACTNAME', 'contacts.returnTo.id'),
		ro('PRBATCH', 'billSummary.name'),
		ro('WHENPAID', 'paymentInformation.fullyPaidDate', { format: 'date' }),
		ro('TOTALPAID', 'paymentInformation.totalBaseAmountPaid'),
		ro('STATE', 'state', {
			values: [
				['draft', 'Draft'],
				['submitted', 'Submitted'],
				['posted', 'Posted'],
				['partiallyPaid', 'Partially Paid'],
				['paid', 'Paid'],
				['reversed', 'Reversed'],
			],
		}),
		ro('TOTALENTERED', 'totalBaseAmount'),
		ro('TOTALDUE', 'totalBaseAmountDue'),
		ro('TRX_TOTALENTERED', 'totalTxnAmount'),
		ro('TRX_TOTALDUE', 'totalTxnAmountDue'),
		rw('CURRENCY', 'currency.txnCurrency'),
		rw('BASECURR', 'currency.baseCurrency'),
		rw('EXCH_RATE_DATE', 'currency.exchangeRate.date', { format: 'date' }),
		rw('EXCH_RATE_TYPE_ID', 'currency.exchangeRate.typeId'),
		rw('EXCHANGE_RATE', 'currency.exchangeRate.rate'),
		rw('TAXSOLUTIONID', 'taxSolution.id'),
		ro('MODULEKEY', 'moduleName', { values: [['accountsPayable', '3.AP']] }),
		rw('SUPDOCID', 'attachment.id'),
		ro('RECORD_URL', 'webURL'),
		rw('ONHOLD', 'isOnHold'),
		rw('PAYMENTPRIORITY', 'paymentPriority'),
		...AUDIT_OF_TRANSACTION,
		...ENTITY,
	],
	lines: { xmlCollection: 'APBILLITEMS', xmlLine: 'APBILLITEM', rest: 'lines' },
};

const GLACCOUNT: RestObjectMapping = {
	xmlObject: 'GLACCOUNT',
	rest: 'general-ledger/account',
	keyXml: 'RECORDNO',
	idXml: 'ACCOUNTNO',
	fields: [ro('RECORDNO', 'key'), rw('ACCOUNTNO', 'id'), rw('TITLE', 'name'), rw('STATUS', 'status', { values: ACTIVE_STATUS }), ...AUDIT],
};

/**
 * The objects behind the panel's reference lists (resource locators): business ID, name, status.
 * REST names from Sage's OpenAPI documents (general-ledger journal; company-config department,
 * location, class, entity; accounts-receivable customer; projects project; inventory-control item).
 */
function referenceList(xmlObject: string, rest: string, idXml: string, nameXml: string): RestObjectMapping {
	return {
		xmlObject,
		rest,
		keyXml: 'RECORDNO',
		idXml,
		fields: [ro('RECORDNO', 'key'), rw(idXml, 'id'), rw(nameXml, 'name'), rw('STATUS', 'status', { values: ACTIVE_STATUS }), ...AUDIT],
	};
}

const REFERENCE_LISTS: Record<string, RestObjectMapping> = {
	GLJOURNAL: referenceList('GLJOURNAL', 'general-ledger/journal', 'SYMBOL', 'TITLE'),
	DEPARTMENT: referenceList('DEPARTMENT', 'company-config/department', 'DEPARTMENTID', 'TITLE'),
	LOCATION: referenceList('LOCATION', 'company-config/location', 'LOCATIONID', 'NAME'),
	CLASS: referenceList('CLASS', 'company-config/class', 'CLASSID', 'NAME'),
	PROJECT: referenceList('PROJECT', 'projects/project', 'PROJECTID', 'NAME'),
	ITEM: referenceList('ITEM', 'inventory-control/item', 'ITEMID', 'NAME'),
	LOCATIONENTITY: referenceList('LOCATIONENTITY', 'company-config/entity', 'LOCATIONID', 'NAME'),
};

/**
 * AP payments (spec/accounts-payable.json `objects.accounts-payable.payment` and `payment-detail`;
 * docs/rest-wire.md): details are written with the payment and not read back (the XML read has none).
 */
const APPYMTDETAIL: RestObjectMapping = {
	xmlObject: 'APPYMTDETAIL',
	rest: 'accounts-payable/payment-detail',
	keyXml: 'RECORDNO',
	fields: [
		ro('RECORDNO', 'key'),
		ro('PAYMENTKEY', 'apPayment.key'),
		rw('RECORDKEY', 'bill.key'),
		rw('ENTRYKEY', 'billLine.key'),
		rw('TRX_PAYMENTAMOUNT', 'txnCurrency.paymentAmount'),
		ro('PAYMENTAMOUNT', 'baseCurrency.paymentAmount'),
		ro('PAYMENTDATE', 'paymentDate', { format: 'date' }),
		ro('CURRENCY', 'txnCurrency.currency'),
	],
};

const APPYMT: RestObjectMapping = {
	xmlObject: 'APPYMT',
	rest: 'accounts-payable/payment',
	keyXml: 'RECORDNO',
	fields: [
		ro('RECORDNO', 'key'),
		rw('FINANCIALENTITY', 'financialEntity.entityId'),
		rw('PAYMENTMETHOD', 'paymentMethod', {
			values: [
				['printedCheck', 'Printed Check'],
				['jointCheck', 'Joint Check'],
				['cash', 'Cash'],
				['eft', 'EFT'],
				['creditCard', 'Credit Card'],
				['ach', 'ACH'],
				['checkDelivery', 'Check Delivery'],
				['wfCheck', 'WF Check'],
				['wfDomesticAch', 'WF Domestic ACH'],
				['wfUsdWire', 'WF USD Wire'],
			],
		}),
		rw('VENDORID', 'vendor.id'),
		ro('VENDORNAME', 'vendor.name'),
		rw('DOCNUMBER', 'documentNumber'),
		rw('DESCRIPTION', 'description'),
		rw('PAYMENTDATE', 'paymentDate', { format: 'date', writeOnly: true }),
		ro('WHENCREATED', 'txnDate', { format: 'date' }),
		ro('WHENPAID', 'txnPaidDate', { format: 'date' }),
		rw('CURRENCY', 'txnCurrency.currency'),
		ro('BASECURR', 'baseCurrency.currency'),
		ro('STATE', 'state', {
			values: [
				['draft', 'Draft'],
				['submitted', 'Submitted'],
				['approved', 'Approved'],
				['confirmed', 'Complete'],
				['voided', 'Voided'],
			],
		}),
		rw('ACTION', 'state', {
			writeOnly: true,
			values: [
				['draft', 'Draft'],
				['submitted', 'Submit'],
			],
		}),
		ro('TOTALENTERED', 'baseCurrency.totalAmount'),
		ro('TOTALPAID', 'baseCurrency.totalPaid'),
		ro('TRX_TOTALENTERED', 'txnCurrency.totalAmount'),
		ro('PAYMENTREQUESTMETHOD', 'paymentRequestMethod', {
			values: [
				['useVendorPreference', 'vendorpref'],
				['generateOneRequestPerBill', 'bill'],
				['mergeRequestsIntoOnePerVendor', 'vendor'],
				['mergeRequestIntoOnePerVendorPayToContact', 'payto'],
			],
		}),
		ro('RECORD_URL', 'webURL'),
		...AUDIT_OF_TRANSACTION,
		ro('MEGAENTITYKEY', 'entity.key'),
		...ENTITY,
	],
	// Written with the payment, not read back (the XML read has none).
	lines: { xmlCollection: 'APPYMTDETAILS', xmlLine: 'APPYMTDETAIL', rest: 'details', writeOnly: true },
	// REST's state defaults to draft (OpenAPI); the XML gateway's ACTION defaults to Submit.
	createDefaults: { state: 'submitted' },
};

/** GL budget details (general-ledger.md, budget-detail): read only, as the node's Get Budgets reads them. */
const GLBUDGETITEM: RestObjectMapping = {
	xmlObject: 'GLBUDGETITEM',
	rest: 'general-ledger/budget-detail',
	keyXml: 'RECORDNO',
	fields: [
		ro('RECORDNO', 'key'),
		ro('BUDGETKEY', 'budget.key'),
		ro('BUDGETID', 'budget.id'),
		ro('ACCT_NO', 'glAccount.id'),
		ro('PERIODNAME', 'reportingPeriod.id'),
		ro('LOCATION_NO', 'dimensions.location.id'),
		ro('DEPT_NO', 'dimensions.department.id'),
		ro('PROJECTID', 'dimensions.project.id'),
		ro('CLASSID', 'dimensions.class.id'),
		ro('AMOUNT', 'amount'),
		ro('RECORD_URL', 'webURL'),
		...AUDIT,
		ro('MEGAENTITYKEY', 'entity.key'),
		...ENTITY,
	],
};

const MAPPINGS: Record<string, RestObjectMapping> = { GLENTRY, GLBATCH, VENDOR, APBILL, APBILLITEM, GLACCOUNT, APPYMT, APPYMTDETAIL, GLBUDGETITEM, ...REFERENCE_LISTS, ...RECEIVABLES_MAPPINGS };

/** The REST mapping of an XML object, or undefined when the node has none (yet). */
export function restMapping(xmlObject: string): RestObjectMapping | undefined {
	return MAPPINGS[xmlObject.toUpperCase()];
}

/** XML objects that can be read and written over REST. */
export const REST_MAPPED_OBJECTS = Object.keys(MAPPINGS);

/** The mapping of a line object (GLENTRY for GLBATCH). */
export function lineMapping(owner: RestObjectMapping): RestObjectMapping | undefined {
	return owner.lines ? MAPPINGS[owner.lines.xmlLine] : undefined;
}
