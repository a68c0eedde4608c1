import { ACTIVE_STATUS, auditFields, documentedFields, field, labelledValues, recordNoField, type ObjectDef } from '../schema';

/**
 * Project (project-resource-mgmt-projects.md, "Create Project" / "Update Project": NAME and
 * PROJECTCATEGORY required; PROJECTID required when the company does not number projects by
 * document sequence, which the sandbox's company does not; the enumerations PAYER, ASSISTANCETYPE and
 * REVRESTRICTION as the page lists them). The page gives PROJECTCATEGORY as a string: the four
 * values are Intacct's standard categories, *invented* as an enumeration (docs/fidelity.md).
 * CUSTOMERNAME (read-only) is not on the page either. PROJECT_RULES is a documented nested list.
 */
export const PROJECT: ObjectDef = {
	name: 'PROJECT',
	label: 'Project',
	idField: 'PROJECTID',
	relationships: [{ path: 'CUSTOMER', object: 'CUSTOMER', label: 'Customer', relatedBy: 'CUSTOMERID', targetField: 'CUSTOMERID' }],
	writeOnly: ['PROJECT_RULES'],
	fields: [
		recordNoField(),
		field('PROJECTID', 'Project ID', 'TEXT', { required: true }),
		field('NAME', 'Project name', 'TEXT', { required: true }),
		field('DESCRIPTION', 'Description', 'TEXT'),
		field('PROJECTCATEGORY', 'Project category', 'ENUM', {
			required: true,
			validValues: labelledValues('Contract', 'Capitalized', 'Internal Billable', 'Internal Non-billable'),
		}),
		field('PROJECTSTATUS', 'Project status', 'TEXT'),
		field('CUSTOMERID', 'Customer', 'TEXT'),
		field('CUSTOMERNAME', 'Customer name', 'TEXT', { readonly: true }),
		field('PARENTID', 'Parent project', 'TEXT'),
		field('DEPARTMENTID', 'Department', 'TEXT'),
		field('LOCATIONID', 'Location', 'TEXT'),
		field('CLASSID', 'Class', 'TEXT'),
		field('BEGINDATE', 'Begin date', 'DATE'),
		field('ENDDATE', 'End date', 'DATE'),
		field('BUDGETAMOUNT', 'Budgeted billing amount', 'DECIMAL'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		field('PAYER', 'Payer', 'ENUM', { validValues: labelledValues('Federal', 'Third-party') }),
		field('ASSISTANCETYPE', 'Assistance type', 'ENUM', { validValues: labelledValues('Cash', 'Non-cash') }),
		field('REVRESTRICTION', 'Revenue restriction', 'ENUM', { validValues: labelledValues('Purpose', 'Time', 'NA') }),
		field('CONTACTINFO.CONTACTNAME', 'Primary contact name', 'TEXT'),
		field('BILLTO.CONTACTNAME', 'Bill to contact name', 'TEXT'),
		field('SHIPTO.CONTACTNAME', 'Ship to contact name', 'TEXT'),
		...documentedFields(`
			INVOICEWITHPARENT:b PROJECTTYPE MANAGERID CUSTUSERID SALESCONTACTID DOCNUMBER USERRESTRICTIONS
			CFDA FUNDEDNAME AGENCY FUNDINGOTHERID RESTRICTIONEXPIRY RESTRICTIONEXPIRATIONDATE:d TIMESATISFACTIONSCHEDULED:b
			TERMNAME BILLINGTYPE SUPDOCID BILLABLEEXPDEFAULT:b BILLABLEAPPODEFAULT:b CURRENCY SONUMBER PONUMBER
			POAMOUNT:c PQNUMBER CONTRACTAMOUNT:c BILLINGPRICING BILLINGRATE:n EXPENSEPRICING EXPENSERATE:n POAPPRICING
			POAPRATE:n BUDGETEDCOST:c BUDGETQTY:n BUDGETID INVOICEMESSAGE INVOICECURRENCY SCOPE INCLUSIONS EXCLUSIONS
			TERMS SCHEDULEDSTARTDATE:d ACTUALSTARTDATE:d SCHEDULEDCOMPLETIONDATE:d REVISEDCOMPLETIONDATE:d
			SUBSTANTIALCOMPLETIONDATE:d ACTUALCOMPLETIONDATE:d NOTICETOPROCEED:d RESPONSEDUE:d EXECUTEON:d SCHEDULEDIMPACT`),
		...auditFields(),
	],
};
