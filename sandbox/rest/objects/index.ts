/** The REST objects the sandbox serves over its company model, by REST name. */
import { BILL, BILL_LINE, TERM, VENDOR } from './accountsPayable';
import { PAYMENT, PAYMENT_DETAIL } from './apPayments';
import { BUDGET_DETAIL } from './budgets';
import { ATTACHMENT, CLASS, CUSTOMER, DEPARTMENT, EMPLOYEE, ENTITY, FOLDER, ITEM, LOCATION, PROJECT } from './companyConfig';
import { ACCOUNT, JOURNAL, JOURNAL_ENTRY, JOURNAL_ENTRY_LINE } from './generalLedger';
import type { RestObjectDef } from './restObjectDef';

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
	PAYMENT,
	PAYMENT_DETAIL,
	BUDGET_DETAIL,
];

const BY_NAME = new Map(REST_OBJECTS.map((o) => [o.name, o]));

export function restObject(name: string): RestObjectDef | undefined {
	return BY_NAME.get(name);
}
