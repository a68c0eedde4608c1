import { auditFields, field, recordNoField, type ObjectDef } from '../schema';

/**
 * GL budgets (Sage's Budgets page: GLBUDGETHEADER with GLBUDGETITEMS, Create Budget; GLBUDGETITEM
 * queried by BUDGETID). BUDGETID and DESCRIPTION are required on the header; ACCT_NO, PERIODNAME and
 * AMOUNT on a detail. PERIODNAME is a budgetable reporting period, "Month Ended <Month> <yyyy>" in the
 * sandbox. PROJECTID and CLASSID on a detail are not on the reference page (it lists LOCATION_NO and
 * DEPT_NO): the sandbox offers them for grant budgets (docs/fidelity-flows.md).
 */
export const GLBUDGETHEADER: ObjectDef = {
	name: 'GLBUDGETHEADER',
	label: 'Budget',
	idField: 'BUDGETID',
	relationships: [],
	fields: [
		recordNoField(),
		field('BUDGETID', 'Budget ID', 'TEXT', { required: true }),
		field('DESCRIPTION', 'Description', 'TEXT', { required: true }),
		field('DEFAULT_BUDGET', 'Default budget', 'BOOLEAN'),
		field('ISCONSOLIDATED', 'Consolidated', 'BOOLEAN'),
		field('CURRENCY', 'Consolidation currency', 'TEXT'),
		field('ISPCNBUDGET', 'Project contract budget', 'BOOLEAN'),
		...auditFields(),
	],
};

export const GLBUDGETITEM: ObjectDef = {
	name: 'GLBUDGETITEM',
	label: 'Budget Detail',
	relationships: [
		{ path: 'GLBUDGETHEADER', object: 'GLBUDGETHEADER', label: 'Budget', relatedBy: 'BUDGETID', targetField: 'BUDGETID' },
		{ path: 'GLACCOUNT', object: 'GLACCOUNT', label: 'Account', relatedBy: 'ACCT_NO', targetField: 'ACCOUNTNO' },
	],
	fields: [
		recordNoField(),
		field('BUDGETKEY', 'Budget key', 'INTEGER', { readonly: true }),
		field('BUDGETID', 'Budget ID', 'TEXT', { readonly: true }),
		field('ACCT_NO', 'Account number', 'TEXT', { required: true }),
		field('PERIODNAME', 'Reporting period', 'TEXT', { required: true }),
		field('LOCATION_NO', 'Location', 'TEXT'),
		field('DEPT_NO', 'Department', 'TEXT'),
		field('PROJECTID', 'Project', 'TEXT'),
		field('CLASSID', 'Class', 'TEXT'),
		field('AMOUNT', 'Amount', 'DECIMAL', { required: true }),
		...auditFields(),
	],
};
