import { ACTIVE_STATUS, auditFields, documentedFields, field, labelledValues, recordNoField, type ObjectDef } from '../schema';
import { contactFields } from './contact-fields';

/**
 * Employee (employee-expenses-employees.md, "Create Employee": PERSONALINFO/CONTACTNAME required,
 * the contact name of an existing contact; EMPLOYEEID required without document sequencing, which
 * the sandbox's company has not; TERMINATIONTYPE's values as listed). "Query and List Employees"
 * selects LOCATION.LOCATIONID and filters CONTACT.FIRSTNAME / CONTACT.LASTNAME through the
 * employee's contact; the page's note says readByQuery cannot filter on the names "because these
 * names are in an associated record". The other PERSONALINFO fields are the contact's own values:
 * rendered and read-only (their rendering is *invented*, docs/fidelity.md); readByQuery refuses every
 * dotted field in its query already (reads/legacy-query-parser.ts).
 */
export const EMPLOYEE: ObjectDef = {
	name: 'EMPLOYEE',
	label: 'Employee',
	idField: 'EMPLOYEEID',
	relationships: [
		{ path: 'CONTACT', object: 'CONTACT', label: 'Contact', relatedBy: 'PERSONALINFO.CONTACTNAME', targetField: 'CONTACTNAME' },
		{ path: 'LOCATION', object: 'LOCATION', label: 'Location', relatedBy: 'LOCATIONID', targetField: 'LOCATIONID' },
	],
	fields: [
		recordNoField(),
		field('EMPLOYEEID', 'Employee ID', 'TEXT', { required: true }),
		field('TITLE', 'Title', 'TEXT'),
		field('DEPARTMENTID', 'Department', 'TEXT'),
		field('LOCATIONID', 'Location', 'TEXT'),
		field('CLASSID', 'Class', 'TEXT'),
		field('STARTDATE', 'Start date', 'DATE'),
		field('ENDDATE', 'End date', 'DATE'),
		field('BIRTHDATE', 'Birth date', 'DATE'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		field('TERMINATIONTYPE', 'Termination type', 'ENUM', {
			validValues: labelledValues('voluntary', 'involuntary', 'deceased', 'disability', 'retired'),
		}),
		...documentedFields(`
			SSN EMPLOYEETYPE SUPERVISORID GENDER EMPPOSITIONID CURRENCY EARNINGTYPENAME POSTACTUALCOST:b NAME1099
			FORM1099TYPE FORM1099BOX SUPDOCFOLDERNAME PAYMETHODKEY PAYMENTNOTIFY:b MERGEPAYMENTREQ:b ACHENABLED:b
			ACHBANKROUTINGNUMBER ACHACCOUNTNUMBER ACHACCOUNTTYPE ACHREMITTANCETYPE`),
		...contactFields('PERSONALINFO', { required: ['CONTACTNAME'], writable: ['CONTACTNAME'] }),
		...auditFields(),
	],
};
