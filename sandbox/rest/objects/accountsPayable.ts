/** Accounts payable objects (docs: intacct-docs/rest/accounts-payable.md examples). */
import { STATUS, auditFields, contactFields, entityFields, f, type RestObjectDef } from './restObjectDef';

export const VENDOR: RestObjectDef = {
	name: 'accounts-payable/vendor',
	xmlObject: 'VENDOR',
	idXml: 'VENDORID',
	nameXml: 'NAME',
	idWritable: true,
	// Sage's REST examples create vendors without contacts (accounts-payable.md "Create a vendor"),
	// while the XML API requires DISPLAYCONTACT.PRINTAS: the REST layer fills the print-as name in.
	// Which value Intacct uses is not documented; the vendor name is the sandbox's choice (ledgered).
	createDefaults: (input) => {
		const contacts = (input.contacts ?? {}) as Record<string, Record<string, unknown> | undefined>;
		const contact = contacts.default ?? {};
		if (typeof contact.printAs === 'string' && contact.printAs !== '') return {};
		return { contacts: { ...contacts, default: { ...contact, printAs: input.name } } };
	},
	fields: [
		f.str('name', 'NAME', { required: true }),
		f.enum('status', 'STATUS', STATUS),
		f.ref('parent', 'accounts-payable/vendor', 'PARENTID'),
		f.ref('vendorType', 'accounts-payable/vendor-type', 'VENDTYPE'),
		f.ref('term', 'accounts-payable/term', 'TERMNAME'),
		f.str('taxId', 'TAXID'),
		f.ref('defaultGLAccount', 'general-ledger/account', 'APACCOUNT'),
		f.str('currency', 'CURRENCY'),
		f.bool('isOnHold', 'ONHOLD'),
		f.dec('totalDue', 'TOTALDUE', { readOnly: true }),
		...contactFields('contacts.default', 'DISPLAYCONTACT'),
		f.str('webURL', 'RECORD_URL', { readOnly: true }),
		...auditFields(),
		...entityFields(),
	],
};

export const TERM: RestObjectDef = {
	name: 'accounts-payable/term',
	xmlObject: 'APTERM',
	idXml: 'NAME',
	idWritable: true,
	fields: [f.str('description', 'DESCRIPTION'), f.int('due.days', 'DUEDATE'), f.enum('status', 'STATUS', STATUS), ...auditFields()],
};

const DIMENSIONS = {
	location: ['company-config/location', 'LOCATIONID', 'LOCATIONNAME'],
	department: ['company-config/department', 'DEPARTMENTID', 'DEPARTMENTNAME'],
	project: ['projects/project', 'PROJECTID', 'PROJECTNAME'],
	class: ['company-config/class', 'CLASSID', 'CLASSNAME'],
	customer: ['accounts-receivable/customer', 'CUSTOMERID', undefined],
	vendor: ['accounts-payable/vendor', 'VENDORID', undefined],
	employee: ['company-config/employee', 'EMPLOYEEID', undefined],
	item: ['inventory-control/item', 'ITEMID', undefined],
} as const;

export const BILL_LINE: RestObjectDef = {
	name: 'accounts-payable/bill-line',
	userDimensions: true,
	xmlObject: 'APBILLITEM',
	idXml: 'RECORDNO',
	idWritable: false,
	owned: true,
	fields: [
		f.str('lineNumber', 'LINE_NO', { readOnly: true }),
		f.ref('glAccount', 'general-ledger/account', 'ACCOUNTNO', 'ACCOUNTTITLE', { required: true }),
		f.ref('overrideOffsetGLAccount', 'general-ledger/account', 'OFFSETGLACCOUNTNO'),
		f.dec('txnAmount', 'TRX_AMOUNT', { required: true }),
		f.dec('baseAmount', 'AMOUNT', { readOnly: true }),
		f.str('memo', 'ENTRYDESCRIPTION'),
		...Object.entries(DIMENSIONS).map(([dim, [ref, xml, name]]) => f.ref(`dimensions.${dim}`, ref, xml, name, { required: dim === 'location' })),
		f.bool('project.isBillable', 'BILLABLE'),
		...auditFields(),
	],
};

export const BILL: RestObjectDef = {
	name: 'accounts-payable/bill',
	xmlObject: 'APBILL',
	idXml: 'RECORDNO',
	idWritable: false,
	createdXml: 'AUDITWHENCREATED',
	fields: [
		f.str('billNumber', 'RECORDID'),
		f.ref('vendor', 'accounts-payable/vendor', 'VENDORID', 'VENDORNAME', { required: true }),
		f.str('referenceNumber', 'DOCNUMBER'),
		f.str('description', 'DESCRIPTION'),
		f.ref('term', 'accounts-payable/term', 'TERMNAME'),
		f.date('createdDate', 'WHENCREATED', { required: true }),
		f.date('postingDate', 'WHENPOSTED'),
		f.date('dueDate', 'WHENDUE', { required: true }),
		f.date('recommendedPaymentDate', 'RECPAYMENTDATE'),
		f.date('paymentInformation.fullyPaidDate', 'WHENPAID', { readOnly: true }),
		f.dec('paymentInformation.totalBaseAmountPaid', 'TOTALPAID', { readOnly: true }),
		f.enum('state', 'STATE', [
			['draft', 'Draft'],
			['partiallyApproved', 'Partially Approved'],
			['submitted', 'Submitted'],
			['declined', 'Declined'],
			['posted', 'Posted'],
			['selected', 'Selected'],
			['partiallyPaid', 'Partially Paid'],
			['paid', 'Paid'],
			['reversed', 'Reversed'],
		], { readOnly: true }),
		f.dec('totalBaseAmount', 'TOTALENTERED', { readOnly: true }),
		f.dec('totalBaseAmountDue', 'TOTALDUE', { readOnly: true }),
		f.dec('totalTxnAmount', 'TRX_TOTALENTERED', { readOnly: true }),
		f.dec('totalTxnAmountDue', 'TRX_TOTALDUE', { readOnly: true }),
		f.str('currency.txnCurrency', 'CURRENCY', { required: true }),
		f.str('currency.baseCurrency', 'BASECURR'),
		f.ref('attachment', 'company-config/attachment', 'SUPDOCID'),
		f.str('webURL', 'RECORD_URL', { readOnly: true }),
		f.bool('isOnHold', 'ONHOLD'),
		f.enum('paymentPriority', 'PAYMENTPRIORITY', [
			['urgent', 'urgent'],
			['high', 'high'],
			['normal', 'normal'],
			['low', 'low'],
		]),
		...auditFields('AUDITWHENCREATED'),
		...entityFields(),
	],
	lines: { path: 'lines', xmlCollection: 'APBILLITEMS', xmlLine: 'APBILLITEM', object: BILL_LINE, ownerPath: 'bill' },
};
