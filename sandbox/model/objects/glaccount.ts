import { ACTIVE_STATUS, auditFields, enumValues, field, recordNoField, type ObjectDef } from '../schema';

/** GL account (§6.4). ACCOUNTNO is a string ID; ACCOUNTTYPE codes N/I for readByQuery (§4.2). */
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
		field('CATEGORY', 'Category', 'TEXT'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		field('REQUIREDEPT', 'Require department', 'BOOLEAN'),
		field('REQUIRELOC', 'Require location', 'BOOLEAN'),
		field('REQUIREPROJECT', 'Require project', 'BOOLEAN'),
		field('REQUIRECLASS', 'Require class', 'BOOLEAN'),
		...auditFields(),
	],
};
