/** The REST objects the sandbox serves over its company model, by REST name. */
import { BILL, BILL_LINE, TERM, VENDOR } from './accountsPayable';
import { PAYMENT as AP_PAYMENT, PAYMENT_DETAIL as AP_PAYMENT_DETAIL } from './apPayments';
import { BUDGET_DETAIL } from './budgets';
import { ATTACHMENT, CLASS, DEPARTMENT, EMPLOYEE, ENTITY, FOLDER, ITEM, LOCATION, PROJECT } from './companyConfig';
import { ACCOUNT, JOURNAL, JOURNAL_ENTRY, JOURNAL_ENTRY_LINE } from './generalLedger';
import type { RestObjectDef } from './restObjectDef';
import { CUSTOMER, INVOICE, INVOICE_LINE, PAYMENT as AR_PAYMENT, PAYMENT_DETAIL as AR_PAYMENT_DETAIL } from './accountsReceivable';
import { CARD_TXN, CARD_TXN_LINE, CHECKING_ACCOUNT, CREDIT_CARD_ACCOUNT, DEPOSIT, DEPOSIT_DETAIL } from './cashManagement';

export const REST_OBJECTS: readonly RestObjectDef[] = [
	ACCOUNT,
	JOURNAL,
	JOURNAL_ENTRY,
	JOURNAL_ENTRY_LINE,
	BILL,
	BILL_LINE,
	VENDOR,
	TERM,
	DEPARTMENT,
	LOCATION,
	ENTITY,
	CLASS,
	PROJECT,
	CUSTOMER,
	EMPLOYEE,
	ITEM,
	ATTACHMENT,
	FOLDER,
	AP_PAYMENT,
	AP_PAYMENT_DETAIL,
	BUDGET_DETAIL,
	INVOICE,
	INVOICE_LINE,
	AR_PAYMENT,
	AR_PAYMENT_DETAIL,
	DEPOSIT,
	DEPOSIT_DETAIL,
	CARD_TXN,
	CARD_TXN_LINE,
	CHECKING_ACCOUNT,
	CREDIT_CARD_ACCOUNT,
];

const BY_NAME = new Map(REST_OBJECTS.map((o) => [o.name, o]));

export function restObject(name: string): RestObjectDef | undefined {
	return BY_NAME.get(name);
}
