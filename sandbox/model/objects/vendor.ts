import { ACTIVE_STATUS, auditFields, documentedFields, enumValues, field, recordNoField, type ObjectDef } from '../schema';
import { contactFields } from './contact-fields';

/**
 * Vendor (Sage's Vendors page, Create Vendor; SDK VendorCreate). DISPLAYCONTACT.* renders
 * nested in read/readByQuery, dotted in query. NAME and DISPLAYCONTACT.PRINTAS are required
 * (writes/vendor.ts). VENDORID is optional in the reference when the company numbers vendors by
 * document sequence; the sandbox's company has no sequence, so it needs one (docs/fidelity-ap.md).
 */
export const VENDOR: ObjectDef = {
	name: 'VENDOR',
	label: 'Vendor',
	idField: 'VENDORID',
	relationships: [{ path: 'TERM', object: 'APTERM', label: 'Payment term', relatedBy: 'TERMNAME', targetField: 'NAME' }],
	// Documented nested lists of Create Vendor, accepted on write and not stored.
	writeOnly: ['VENDORCONTACTS', 'CONTACT_LIST_INFO', 'VENDOREMAILTEMPLATES', 'VENDORACCTNOLOCATIONS', 'VENDORBANKFILEDETAILS', 'PROVIDERVENDORS'],
	fields: [
		recordNoField(),
		field('VENDORID', 'Vendor ID', 'TEXT', { required: true }),
		field('NAME', 'Vendor name', 'TEXT', { required: true }),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		field('ONETIME', 'One time', 'BOOLEAN'),
		field('HIDEDISPLAYCONTACT', 'Exclude from contact list', 'BOOLEAN'),
		field('PARENTID', 'Parent', 'TEXT'),
		field('VENDTYPE', 'Vendor type', 'TEXT'),
		field('GLGROUP', 'GL group', 'TEXT'),
		field('TERMNAME', 'Payment term', 'TEXT'),
		field('TAXID', 'Tax ID', 'TEXT'),
		field('NAME1099', 'Form 1099 name', 'TEXT'),
		field('FORM1099TYPE', 'Form 1099 type', 'TEXT'),
		field('FORM1099BOX', 'Form 1099 box', 'TEXT'),
		field('SUPDOCID', 'Attachments ID', 'TEXT'),
		field('APACCOUNT', 'Default expense account', 'TEXT'),
		field('OFFSETGLACCOUNTNO', 'AP account', 'TEXT'),
		field('CREDITLIMIT', 'Credit limit', 'DECIMAL'),
		field('CURRENCY', 'Default currency', 'TEXT'),
		field('ONHOLD', 'On hold', 'BOOLEAN'),
		field('DONOTCUTCHECK', 'Do not pay', 'BOOLEAN'),
		field('COMMENTS', 'Comments', 'TEXT'),
		field('PAYMETHODKEY', 'Preferred payment method', 'TEXT'),
		field('MERGEPAYMENTREQ', 'Merge payment requests', 'BOOLEAN'),
		field('PAYMENTNOTIFY', 'Send automatic payment notification', 'BOOLEAN'),
		field('BILLINGTYPE', 'Vendor billing type', 'TEXT'),
		field('PAYMENTPRIORITY', 'Payment priority', 'TEXT'),
		field('DISPLAYTERMDISCOUNT', 'Display term discount on check stub', 'BOOLEAN'),
		field('VENDORACCOUNTNO', 'Vendor account number', 'TEXT'),
		field('OBJECTRESTRICTION', 'Restriction type', 'ENUM', {
			validValues: enumValues([
				['Unrestricted', 'Unrestricted'],
				['RootOnly', 'RootOnly'],
				['Restricted', 'Restricted'],
			]),
		}),
		field('TOTALDUE', 'Total due', 'DECIMAL', { readonly: true }),
		// The rest of Create Vendor's parameter table (accounts-payable-vendors.md).
		...documentedFields(`
			RETAINAGEPERCENTAGE:n FILEPAYMENTSERVICE PYMTCOUNTRYCODE ACHENABLED:b ACHBANKROUTINGNUMBER ACHACCOUNTNUMBER
			ACHACCOUNTTYPE ACHREMITTANCETYPE DISPLOCACCTNOCHECK:b RESTRICTEDLOCATIONS RESTRICTEDDEPARTMENTS ISINDIVIDUAL:b
			CONTACTINFO.CONTACTNAME PAYTO.CONTACTNAME RETURNTO.CONTACTNAME DISPLAYCONTACT.TAXSCHEDULE DISPLAYCONTACT.TAXSOLUTIONID`),
		...contactFields('DISPLAYCONTACT'),
		...auditFields(),
	],
};
