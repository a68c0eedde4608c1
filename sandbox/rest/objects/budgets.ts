/**
 * GL budget details over REST (general-ledger.md: GET /objects/general-ledger/budget-detail/{key}):
 * the model's GLBUDGETITEM rows, read only here (budget details are written through their budget).
 * `budget` carries the model's BUDGETKEY and BUDGETID (the budget object itself is not served).
 */
import { auditFields, entityFields, f, type RestObjectDef } from './restObjectDef';

export const BUDGET_DETAIL: RestObjectDef = {
	name: 'general-ledger/budget-detail',
	xmlObject: 'GLBUDGETITEM',
	idXml: 'RECORDNO',
	idWritable: false,
	owned: true,
	// budget.key/budget.id are fields of the row (BUDGETKEY, BUDGETID), not an owner reference.
	owner: null,
	fields: [
		f.str('budget.key', 'BUDGETKEY', { readOnly: true }),
		f.str('budget.id', 'BUDGETID', { readOnly: true }),
		f.str('reportingPeriod.id', 'PERIODNAME', { readOnly: true }),
		f.ref('glAccount', 'general-ledger/account', 'ACCT_NO', undefined, { readOnly: true }),
		f.ref('dimensions.location', 'company-config/location', 'LOCATION_NO', undefined, { readOnly: true }),
		f.ref('dimensions.department', 'company-config/department', 'DEPT_NO', undefined, { readOnly: true }),
		f.ref('dimensions.project', 'projects/project', 'PROJECTID', undefined, { readOnly: true }),
		f.ref('dimensions.class', 'company-config/class', 'CLASSID', undefined, { readOnly: true }),
		f.dec('amount', 'AMOUNT', { readOnly: true }),
		f.str('webURL', 'RECORD_URL', { readOnly: true }),
		...auditFields(),
		...entityFields(),
	],
};
