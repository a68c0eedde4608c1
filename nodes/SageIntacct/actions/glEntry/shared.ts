import type { INodeProperties } from 'n8n-workflow';

/** GLENTRY (journal entry lines) or the GLDETAIL reporting view (§6.2, §6.3). */
export const sourceProperty: INodeProperties = {
	displayName: 'Read From',
	name: 'source',
	type: 'options',
	options: [
		{ name: 'GL Entries (GLENTRY)', value: 'GLENTRY', description: 'Journal entry lines' },
		{
			name: 'GL Detail (GLDETAIL)',
			value: 'GLDETAIL',
			description: 'Reporting view of all modules (AP, AR, ...) with source documents; signed amounts',
		},
	],
	default: 'GLENTRY',
};

/**
 * Filter columns per source: GLENTRY names DEPARTMENT/LOCATION without ID, GLDETAIL with (§5.2, §6.3).
 * Only fields a real company has (docs/fidelity.md "General ledger"): GLENTRY has no JOURNAL (the
 * journal filter goes through GLBATCH keys, see getMany) and neither object has MEGAENTITYID (the
 * entity filter opens the read in that entity).
 */
export const FILTER_COLUMNS: Record<string, Record<string, string>> = {
	GLENTRY: {
		date: 'ENTRY_DATE',
		account: 'ACCOUNTNO',
		state: 'STATE',
		batch: 'BATCHNO',
		departmentId: 'DEPARTMENT',
		locationId: 'LOCATION',
		projectId: 'PROJECTID',
		classId: 'CLASSID',
		customerId: 'CUSTOMERID',
		vendorId: 'VENDORID',
		employeeId: 'EMPLOYEEID',
		itemId: 'ITEMID',
	},
	GLDETAIL: {
		date: 'ENTRY_DATE',
		account: 'ACCOUNTNO',
		journal: 'SYMBOL',
		state: 'ENTRY_STATE',
		batch: 'BATCHKEY',
		departmentId: 'DEPARTMENTID',
		locationId: 'LOCATIONID',
		projectId: 'PROJECTID',
		classId: 'CLASSID',
		customerId: 'CUSTOMERID',
		vendorId: 'VENDORID',
		employeeId: 'EMPLOYEEID',
		itemId: 'ITEMID',
	},
};
