import { ACTIVE_STATUS, auditFields, documentedFields, enumValues, field, recordNoField, type ObjectDef } from '../schema';

/**
 * GL account (general-ledger-accounts.md, "Create Account" / "Update Account": ACCOUNTNO and TITLE
 * required; ACCOUNTTYPE balancesheet|incomestatement (default balancesheet, readByQuery codes N/I),
 * NORMALBALANCE debit|credit, CLOSINGTYPE non-closing account|closing account (default non-closing),
 * ALTERNATIVEACCOUNT, the REQUIRE* flags). CLOSINGACCOUNTNO "required if closing account" is not
 * enforced (docs/fidelity.md).
 */
export const GLACCOUNT: ObjectDef = {
	name: 'GLACCOUNT',
	label: 'GL Account',
	idField: 'ACCOUNTNO',
	relationships: [],
	fields: [
		recordNoField(),
		field('ACCOUNTNO', 'Account number', 'TEXT', { required: true }),
		field('TITLE', 'Title', 'TEXT', { required: true }),
		field('ACCOUNTTYPE', 'Account type', 'ENUM', {
			validValues: enumValues([
				['balancesheet', 'N'],
				['incomestatement', 'I'],
			]),
		}),
		field('NORMALBALANCE', 'Normal balance', 'ENUM', {
			validValues: enumValues([
				['debit', '1'],
				['credit', '-1'],
			]),
		}),
		field('CLOSINGTYPE', 'Period end closing type', 'ENUM', {
			validValues: enumValues([
				['non-closing account', 'N'],
				['closing account', 'C'],
			]),
		}),
		field('CLOSINGACCOUNTNO', 'Close into account', 'TEXT'),
		field('ALTERNATIVEACCOUNT', 'GL account alternative', 'ENUM', {
			validValues: enumValues([
				['None', 'None'],
				['Payables account', 'Payables account'],
				['Receivables account', 'Receivables account'],
			]),
		}),
		field('CATEGORY', 'Category', 'TEXT'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		field('REQUIREDEPT', 'Require department', 'BOOLEAN'),
		field('REQUIRELOC', 'Require location', 'BOOLEAN'),
		field('REQUIREPROJECT', 'Require project', 'BOOLEAN'),
		field('REQUIRECLASS', 'Require class', 'BOOLEAN'),
		...documentedFields('REQUIRETASK:b REQUIRECUSTOMER:b REQUIREVENDOR:b REQUIREEMPLOYEE:b REQUIREITEM:b REQUIRECONTRACT:b REQUIREWAREHOUSE:b'),
		...auditFields(),
	],
};
