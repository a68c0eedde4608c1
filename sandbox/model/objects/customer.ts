import { ACTIVE_STATUS, auditFields, documentedFields, field, labelledValues, recordNoField, type ObjectDef } from '../schema';
import { contactFields } from './contact-fields';

/**
 * Customer field table (accounts-receivable-customers.md, "Create Customer" parameter tables;
 * "Query and List Customers" selects RECORDNO, SHIPTOCONTACT.CONTACTNAME, TOTALDUE). NAME and
 * DISPLAYCONTACT (with its PRINTAS) are required; CUSTOMERID is required when the company does not
 * number customers by document sequence, which the sandbox's company does not. TOTALDUE is read-only.
 * CONTACT_LIST_INFO, CUSTOMERCONTACTS and CUSTOMEREMAILTEMPLATES are documented nested lists,
 * accepted on write and not stored. Exported on its own so the AR objects can share it.
 * Ledger: docs/fidelity.md "Master data and dimensions".
 */
export const CUSTOMER_FIELDS = [
	recordNoField(),
	field('CUSTOMERID', 'Customer ID', 'TEXT', { required: true }),
	field('NAME', 'Customer name', 'TEXT', { required: true }),
	field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
	field('CUSTTYPE', 'Customer type', 'TEXT'),
	field('TERMNAME', 'Payment term', 'TEXT'),
	field('CREDITLIMIT', 'Credit limit', 'DECIMAL'),
	field('DELIVERY_OPTIONS', 'Delivery method', 'ENUM', { validValues: labelledValues('Print', 'E-Mail', 'Print#~#E-Mail') }),
	field('ADVBILLBY', 'Bill in advance', 'INTEGER'),
	field('ADVBILLBYTYPE', 'Bill-in-advance time period', 'ENUM', { validValues: labelledValues('days', 'months') }),
	field('OBJECTRESTRICTION', 'Restriction type', 'ENUM', { validValues: labelledValues('Unrestricted', 'RootOnly', 'Restricted') }),
	field('TOTALDUE', 'Total due', 'DECIMAL', { readonly: true }),
	...documentedFields(`
		ONETIME:b HIDEDISPLAYCONTACT:b CUSTREPID PARENTID GLGROUP TERRITORYID SUPDOCID OFFSETGLACCOUNTNO ARACCOUNT
		SHIPPINGMETHOD RESALENO TAXID RETAINAGEPERCENTAGE:n ONHOLD:b CUSTMESSAGEID EMAILOPTIN:b COMMENTS CURRENCY
		ARINVOICEPRINTTEMPLATEID OEQUOTEPRINTTEMPLATEID OEORDERPRINTTEMPLATEID OELISTPRINTTEMPLATEID
		OEINVOICEPRINTTEMPLATEID OEADJPRINTTEMPLATEID OEOTHERPRINTTEMPLATEID RESTRICTEDLOCATIONS RESTRICTEDDEPARTMENTS
		CONTACTINFO.CONTACTNAME BILLTO.CONTACTNAME SHIPTO.CONTACTNAME`),
	...contactFields('DISPLAYCONTACT', { required: ['PRINTAS'] }),
	field('DISPLAYCONTACT.TAXSCHEDULE', 'Tax schedule', 'TEXT'),
	field('DISPLAYCONTACT.TAXSOLUTIONID', 'Tax solution', 'TEXT'),
	...auditFields(),
];

export const CUSTOMER: ObjectDef = {
	name: 'CUSTOMER',
	label: 'Customer',
	idField: 'CUSTOMERID',
	relationships: [{ path: 'SHIPTOCONTACT', object: 'CONTACT', label: 'Ship to contact', relatedBy: 'SHIPTO.CONTACTNAME', targetField: 'CONTACTNAME' }],
	writeOnly: ['CONTACT_LIST_INFO', 'CUSTOMERCONTACTS', 'CUSTOMEREMAILTEMPLATES'],
	fields: CUSTOMER_FIELDS,
};
