/**
 * Field maps: how an Intacct field is named and typed in simplified output, per object, in one place
 * (docs/protocol.md §6). COMMON applies to every object; an object's own entry wins (GLENTRY.BATCHNO
 * is the parent GLBATCH's RECORDNO, GLBATCH.BATCHNO is the journal's sequence number).
 */
export type FieldKind = 'text' | 'number' | 'boolean' | 'date';

export interface FieldInfo {
	name: string;
	kind: FieldKind;
}

type FieldTable = Record<string, FieldInfo>;

const t = (name: string): FieldInfo => ({ name, kind: 'text' });
const n = (name: string): FieldInfo => ({ name, kind: 'number' });
const b = (name: string): FieldInfo => ({ name, kind: 'boolean' });
const d = (name: string): FieldInfo => ({ name, kind: 'date' });

const COMMON: FieldTable = {
	RECORDNO: n('recordNo'),
	RECORD_URL: t('recordUrl'),
	WHENCREATED: d('whenCreated'),
	WHENMODIFIED: d('whenModified'),
	CREATEDBY: n('createdBy'),
	MODIFIEDBY: n('modifiedBy'),
	MEGAENTITYKEY: n('entityKey'),
	MEGAENTITYID: t('entityId'),
	MEGAENTITYNAME: t('entityName'),
	STATUS: t('status'),
	DESCRIPTION: t('description'),
	ACCOUNTNO: t('accountNo'),
	ACCOUNTKEY: n('accountKey'),
	ACCOUNTTITLE: t('accountTitle'),
	TITLE: t('title'),
	NAME: t('name'),
	PARENTID: t('parentId'),
	CURRENCY: t('currency'),
	BASECURR: t('baseCurrency'),
	AMOUNT: n('amount'),
	TRX_AMOUNT: n('trxAmount'),
	TR_TYPE: n('trType'),
	LINE_NO: n('lineNo'),
	STATE: t('state'),
	DEPARTMENT: t('departmentId'),
	DEPARTMENTID: t('departmentId'),
	DEPARTMENTKEY: n('departmentKey'),
	DEPARTMENTTITLE: t('departmentTitle'),
	DEPARTMENTNAME: t('departmentName'),
	LOCATION: t('locationId'),
	LOCATIONID: t('locationId'),
	LOCATIONKEY: n('locationKey'),
	LOCATIONNAME: t('locationName'),
	PROJECTID: t('projectId'),
	PROJECTKEY: n('projectKey'),
	PROJECTNAME: t('projectName'),
	CLASSID: t('classId'),
	CLASSKEY: n('classKey'),
	CLASSNAME: t('className'),
	CUSTOMERID: t('customerId'),
	CUSTOMERKEY: n('customerKey'),
	CUSTOMERNAME: t('customerName'),
	VENDORID: t('vendorId'),
	VENDORKEY: n('vendorKey'),
	VENDORNAME: t('vendorName'),
	EMPLOYEEID: t('employeeId'),
	EMPLOYEEKEY: n('employeeKey'),
	EMPLOYEENAME: t('employeeName'),
	ITEMID: t('itemId'),
	ITEMKEY: n('itemKey'),
	ITEMNAME: t('itemName'),
	TASKID: t('taskId'),
	CONTRACTID: t('contractId'),
	WAREHOUSEID: t('warehouseId'),
	JOURNAL: t('journal'),
	JOURNALKEY: n('journalKey'),
	SYMBOL: t('journal'),
	BATCH_DATE: d('postingDate'),
	BATCH_TITLE: t('description'),
	BATCHTITLE: t('journalEntryDescription'),
	ENTRY_DATE: d('entryDate'),
	REVERSEDATE: d('reverseDate'),
	REFERENCENO: t('referenceNumber'),
	DOCUMENT: t('document'),
	STATISTICAL: b('statistical'),
	SUPDOCID: t('attachmentsId'),
	TERMNAME: t('paymentTerm'),
	TOTALDUE: n('totalDue'),
	TOTALENTERED: n('totalEntered'),
	TOTALPAID: n('totalPaid'),
	TRX_TOTALDUE: n('trxTotalDue'),
	TRX_TOTALENTERED: n('trxTotalEntered'),
	TRX_TOTALPAID: n('trxTotalPaid'),
	DEBITAMOUNT: n('debitAmount'),
	CREDITAMOUNT: n('creditAmount'),
	TRX_DEBITAMOUNT: n('trxDebitAmount'),
	TRX_CREDITAMOUNT: n('trxCreditAmount'),
	ONHOLD: b('onHold'),
	CREDITLIMIT: n('creditLimit'),
	MODULEKEY: t('module'),
};

const PER_OBJECT: Record<string, FieldTable> = {
	GLENTRY: {
		BATCHNO: n('journalEntryRecordNo'),
		BATCH_NUMBER: n('journalEntryNumber'),
		DESCRIPTION: t('memo'),
	},
	GLDETAIL: {
		BATCHKEY: n('journalEntryRecordNo'),
		BATCH_NO: n('journalEntryNumber'),
		BATCH_TITLE: t('journalEntryDescription'),
		ENTRY_STATE: t('state'),
		ENTRYDESCRIPTION: t('memo'),
		RECORDID: t('documentNumber'),
		WHENDUE: d('dueDate'),
		WHENPAID: d('paidDate'),
	},
	GLBATCH: {
		BATCHNO: n('number'),
		REVERSED: d('reversedDate'),
		REVERSEDKEY: n('reversedByRecordNo'),
		REVERSEDFROM: n('reversedFromRecordNo'),
		BASELOCATION_NO: t('sourceEntityId'),
	},
	APBILL: {
		RECORDID: t('billNumber'),
		DOCNUMBER: t('referenceNumber'),
		WHENCREATED: d('transactionDate'),
		WHENPOSTED: d('postingDate'),
		WHENDUE: d('dueDate'),
		WHENPAID: d('paidDate'),
		RECPAYMENTDATE: d('recommendedPaymentDate'),
		AUDITWHENCREATED: d('whenCreated'),
	},
	APBILLITEM: {
		ENTRYDESCRIPTION: t('memo'),
		RECORDKEY: n('billRecordNo'),
	},
	VENDOR: {
		VENDTYPE: t('vendorType'),
		TAXID: t('taxId'),
		ONETIME: b('oneTime'),
		APACCOUNT: t('apAccount'),
	},
	APPYMT: {
		FINANCIALENTITY: t('bankAccount'),
		PAYMENTMETHOD: t('paymentMethod'),
		DOCNUMBER: t('documentNumber'),
		WHENCREATED: d('paymentDate'),
		WHENPAID: d('paidDate'),
		AUDITWHENCREATED: d('whenCreated'),
		PAYMENTREQUESTMETHOD: t('paymentRequestMethod'),
		PARENTPAYMENTKEY: n('reversedPaymentRecordNo'),
		GLBATCHKEY: n('journalEntryRecordNo'),
	},
	APPYMTDETAIL: {
		PAYMENTKEY: n('paymentRecordNo'),
		RECORDKEY: n('billRecordNo'),
		ENTRYKEY: n('billLineRecordNo'),
		TRX_PAYMENTAMOUNT: n('trxPaymentAmount'),
		PAYMENTAMOUNT: n('paymentAmount'),
		PAYMENTDATE: d('paymentDate'),
	},
	CCTRANSACTION: {
		FINANCIALENTITY: t('chargeCardId'),
		WHENCREATED: d('paymentDate'),
		RECORDID: t('referenceNumber'),
		PAYEE: t('payee'),
		AUDITWHENCREATED: d('whenCreated'),
		EXCH_RATE_TYPE_ID: t('exchangeRateType'),
		GLBATCHKEY: n('journalEntryRecordNo'),
		REVERSALKEY: n('reversalRecordNo'),
		REVERSEDKEY: n('reversesRecordNo'),
	},
	CCTRANSACTIONENTRY: {
		RECORDKEY: n('cardTransactionRecordNo'),
	},
	GLBUDGETITEM: {
		BUDGETKEY: n('budgetRecordNo'),
		BUDGETID: t('budgetId'),
		ACCT_NO: t('accountNo'),
		PERIODNAME: t('periodName'),
		LOCATION_NO: t('locationId'),
		DEPT_NO: t('departmentId'),
	},
	GLACCOUNT: {
		ACCOUNTTYPE: t('accountType'),
		NORMALBALANCE: t('normalBalance'),
	},
};

export function fieldInfo(object: string, field: string): FieldInfo | undefined {
	return PER_OBJECT[object]?.[field] ?? COMMON[field];
}
