/** General ledger objects (docs: intacct-docs/rest/general-ledger.md examples). */
import { STATUS, auditFields, entityFields, f, type RestFieldDef, type RestObjectDef } from './restObjectDef';

const GL_STATE = [
	['draft', 'Draft'],
	['submitted', 'Submitted'],
	['partiallyApproved', 'Partially Approved'],
	['approved', 'Approved'],
	['posted', 'Posted'],
	['declined', 'Declined'],
	['reversalPending', 'Reversal pending'],
	['reversed', 'Reversed'],
] as const;

export const ACCOUNT: RestObjectDef = {
	name: 'general-ledger/account',
	xmlObject: 'GLACCOUNT',
	idXml: 'ACCOUNTNO',
	nameXml: 'TITLE',
	idWritable: true,
	fields: [
		f.str('name', 'TITLE', { required: true }),
		f.enum('accountType', 'ACCOUNTTYPE', [
			['balanceSheet', 'balancesheet'],
			['incomeStatement', 'incomestatement'],
		]),
		f.enum('normalBalance', 'NORMALBALANCE', [
			['debit', 'debit'],
			['credit', 'credit'],
		]),
		f.enum('closingType', 'CLOSINGTYPE', [
			['nonClosingAccount', 'non-closing account'],
			['closingAccount', 'closing account'],
		]),
		f.str('category', 'CATEGORY'),
		f.enum('status', 'STATUS', STATUS),
		f.bool('requireDimensions.department', 'REQUIREDEPT'),
		f.bool('requireDimensions.location', 'REQUIRELOC'),
		f.bool('requireDimensions.project', 'REQUIREPROJECT'),
		f.bool('requireDimensions.class', 'REQUIRECLASS'),
		...auditFields(),
		...entityFields(),
	],
};

export const JOURNAL: RestObjectDef = {
	name: 'general-ledger/journal',
	xmlObject: 'GLJOURNAL',
	idXml: 'SYMBOL',
	nameXml: 'TITLE',
	idWritable: true,
	fields: [f.str('name', 'TITLE', { required: true }), f.enum('status', 'STATUS', STATUS), f.bool('isAdjustment', 'ADJ'), f.str('bookId', 'BOOKID'), ...auditFields()],
};

function dimensionRefs(xml: Record<'department' | 'location' | 'project' | 'class' | 'customer' | 'vendor' | 'employee' | 'item', [string, string?]>): RestFieldDef[] {
	const target: Record<keyof typeof xml, string> = {
		department: 'company-config/department',
		location: 'company-config/location',
		project: 'projects/project',
		class: 'company-config/class',
		customer: 'accounts-receivable/customer',
		vendor: 'accounts-payable/vendor',
		employee: 'company-config/employee',
		item: 'inventory-control/item',
	};
	return (Object.keys(xml) as Array<keyof typeof xml>).map((dim) => f.ref(`dimensions.${dim}`, target[dim], xml[dim][0], xml[dim][1]));
}

export const JOURNAL_ENTRY_LINE: RestObjectDef = {
	name: 'general-ledger/journal-entry-line',
	userDimensions: true,
	xmlObject: 'GLENTRY',
	idXml: 'RECORDNO',
	idWritable: false,
	owned: true,
	fields: [
		f.int('lineNumber', 'LINE_NO', { readOnly: true }),
		f.enum('txnType', 'TR_TYPE', [
			['debit', '1'],
			['credit', '-1'],
		], { required: true }),
		f.date('entryDate', 'ENTRY_DATE', { readOnly: true }),
		f.dec('baseAmount', 'AMOUNT', { readOnly: true }),
		f.dec('txnAmount', 'TRX_AMOUNT', { required: true }),
		f.ref('glAccount', 'general-ledger/account', 'ACCOUNTNO', 'ACCOUNTTITLE', { required: true }),
		...dimensionRefs({
			department: ['DEPARTMENT', 'DEPARTMENTTITLE'],
			location: ['LOCATION', 'LOCATIONNAME'],
			project: ['PROJECTID', 'PROJECTNAME'],
			class: ['CLASSID', 'CLASSNAME'],
			customer: ['CUSTOMERID', 'CUSTOMERNAME'],
			vendor: ['VENDORID', 'VENDORNAME'],
			employee: ['EMPLOYEEID', 'EMPLOYEENAME'],
			item: ['ITEMID', 'ITEMNAME'],
		}),
		f.str('documentId', 'DOCUMENT'),
		f.str('description', 'DESCRIPTION'),
		f.str('currency.txnCurrency', 'CURRENCY'),
		f.str('currency.baseCurrency', 'BASECURR', { readOnly: true }),
		f.enum('state', 'STATE', GL_STATE, { readOnly: true }),
		...auditFields(),
	],
};

export const JOURNAL_ENTRY: RestObjectDef = {
	name: 'general-ledger/journal-entry',
	xmlObject: 'GLBATCH',
	idXml: 'RECORDNO',
	idWritable: false,
	fields: [
		f.int('txnNumber', 'BATCHNO', { readOnly: true }),
		f.str('description', 'BATCH_TITLE', { required: true }),
		f.ref('glJournal', 'general-ledger/journal', 'JOURNAL', undefined, { required: true }),
		// After the reference it completes (OpenAPI glJournal.isAdjustment, readOnly): the journal's ADJ, which GLBATCH copies.
		f.bool('glJournal.isAdjustment', 'ADJ', { readOnly: true }),
		f.date('postingDate', 'BATCH_DATE', { required: true }),
		f.date('automaticReversalDate', 'REVERSEDATE'),
		// OpenAPI reversedBy { key, id, href }, readOnly: the entry that reversed this one.
		f.ref('reversedBy', 'general-ledger/journal-entry', 'REVERSEDKEY', undefined, { readOnly: true }),
		f.str('moduleName', 'MODULE', { readOnly: true }),
		f.str('referenceNumber', 'REFERENCENO'),
		f.enum('state', 'STATE', GL_STATE, { createValues: ['draft', 'posted'], immutable: true }),
		f.ref('attachment', 'company-config/attachment', 'SUPDOCID'),
		f.ref('baseLocation', 'company-config/location', 'BASELOCATION_NO', 'BASELOCATION_NAME'),
		f.str('txnSource', 'TRANSACTIONSOURCE', { readOnly: true }),
		f.str('webURL', 'RECORD_URL', { readOnly: true }),
		...auditFields(),
		// general-ledger.md "Get a journal entry": audit.createdByUser { key, id (the login), href }.
		f.ref('audit.createdByUser', 'company-config/user', 'USERINFO.LOGINID', undefined, { readOnly: true }),
		...entityFields(),
	],
	lines: { path: 'lines', xmlCollection: 'ENTRIES', xmlLine: 'GLENTRY', object: JOURNAL_ENTRY_LINE, ownerPath: 'journalEntry', required: true },
};
