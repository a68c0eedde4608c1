/**
 * Master data writes and reads against the field tables re-derived from Sage's reference
 * (docs/fidelity.md, "Master data and dimensions"): unknown fields, read-only fields, undocumented
 * enumeration values, missing required fields and undocumented write functions are refused with
 * Intacct-shaped errors; the reference's own examples run.
 */
import { createCompany } from '../../../../sandbox/model';
import { ctxAt, dataOf, errorsOf, records, xml } from '../xml-input';

const top = ctxAt();

function refused(body: string): Array<{ errorno: string; description2?: string }> {
	const company = createCompany();
	return errorsOf(() => company.execute(top, xml(body)));
}

describe('master-data writes refuse what the reference does not document', () => {
	it.each([
		['DEPARTMENT', '<create><DEPARTMENT><DEPARTMENTID>OPS</DEPARTMENTID><TITLE>Operations</TITLE><COSTCENTER>9</COSTCENTER></DEPARTMENT></create>', 'COSTCENTER', 'Could not create Department record!'],
		['CLASS', '<create><CLASS><CLASSID>C9</CLASSID><NAME>Nine</NAME><TITLE>x</TITLE></CLASS></create>', 'TITLE', 'Could not create Class record!'],
		['LOCATION', '<create><LOCATION><LOCATIONID>L9</LOCATIONID><NAME>Nine</NAME><MEGAENTITY>100</MEGAENTITY></LOCATION></create>', 'MEGAENTITY', 'Could not create Location record!'],
		['PROJECT', '<create><PROJECT><PROJECTID>P9</PROJECTID><NAME>Nine</NAME><PROJECTCATEGORY>Contract</PROJECTCATEGORY><GRANTID>1</GRANTID></PROJECT></create>', 'GRANTID', 'Could not create Project record!'],
		['CUSTOMER', '<create><CUSTOMER><CUSTOMERID>C9</CUSTOMERID><NAME>Nine</NAME><DISPLAYCONTACT><PRINTAS>Nine</PRINTAS><NICKNAME>n</NICKNAME></DISPLAYCONTACT></CUSTOMER></create>', 'DISPLAYCONTACT.NICKNAME', 'Could not create Customer record!'],
		['ITEM', '<create><ITEM><ITEMID>I9</ITEMID><NAME>Nine</NAME><ITEMTYPE>Non-Inventory</ITEMTYPE><PRICE>1</PRICE></ITEM></create>', 'PRICE', 'Could not create Item record!'],
		['VENDOR', '<create><VENDOR><VENDORID>V9</VENDORID><NAME>Nine</NAME><DISPLAYCONTACT><PRINTAS>Nine</PRINTAS></DISPLAYCONTACT><IBAN>x</IBAN></VENDOR></create>', 'IBAN', 'Could not create Vendor record!'],
		['GLACCOUNT', '<create><GLACCOUNT><ACCOUNTNO>9100</ACCOUNTNO><TITLE>Nine</TITLE><JOURNAL>GJ</JOURNAL></GLACCOUNT></create>', 'JOURNAL', 'Could not create GL Account record!'],
	])('%s: an unknown field is refused, then BL01001973', (_object, body, fieldId, wrapper) => {
		const errors = refused(body);
		expect(errors[0]).toMatchObject({ errorno: 'BL03000020', description2: expect.stringContaining(`Field ${fieldId} is not a field of`) });
		expect(errors[errors.length - 1]).toMatchObject({ errorno: 'BL01001973', description2: wrapper });
	});

	it('nothing is stored when a field is refused', () => {
		const company = createCompany();
		errorsOf(() => company.execute(top, xml('<create><DEPARTMENT><DEPARTMENTID>OPS</DEPARTMENTID><TITLE>Operations</TITLE><COSTCENTER>9</COSTCENTER></DEPARTMENT></create>')));
		expect(records(company.execute(top, xml('<readByName><object>DEPARTMENT</object><keys>OPS</keys></readByName>')))).toHaveLength(0);
	});

	it.each([
		['CUSTOMER TOTALDUE', '<create><CUSTOMER><CUSTOMERID>C9</CUSTOMERID><NAME>Nine</NAME><TOTALDUE>5</TOTALDUE><DISPLAYCONTACT><PRINTAS>Nine</PRINTAS></DISPLAYCONTACT></CUSTOMER></create>', 'TOTALDUE'],
		['DEPARTMENT RECORDNO on create', '<create><DEPARTMENT><RECORDNO>7</RECORDNO><DEPARTMENTID>OPS</DEPARTMENTID><TITLE>Ops</TITLE></DEPARTMENT></create>', 'RECORDNO'],
		['DEPARTMENT WHENMODIFIED on update', '<update><DEPARTMENT><DEPARTMENTID>PROG</DEPARTMENTID><WHENMODIFIED>01/01/2026 00:00:00</WHENMODIFIED></DEPARTMENT></update>', 'WHENMODIFIED'],
		['EMPLOYEE PERSONALINFO.FIRSTNAME (the contact\'s own field)', '<create><EMPLOYEE><EMPLOYEEID>E9</EMPLOYEEID><PERSONALINFO><CONTACTNAME>x</CONTACTNAME><FIRSTNAME>Ann</FIRSTNAME></PERSONALINFO></EMPLOYEE></create>', 'PERSONALINFO.FIRSTNAME'],
		['PROJECT CUSTOMERNAME', '<create><PROJECT><PROJECTID>P9</PROJECTID><NAME>Nine</NAME><PROJECTCATEGORY>Contract</PROJECTCATEGORY><CUSTOMERNAME>x</CUSTOMERNAME></PROJECT></create>', 'CUSTOMERNAME'],
		['LOCATION CURRENCY', '<create><LOCATION><LOCATIONID>L9</LOCATIONID><NAME>Nine</NAME><CURRENCY>EUR</CURRENCY></LOCATION></create>', 'CURRENCY'],
	])('%s: a read-only field on write is refused', (_case, body, fieldId) => {
		expect(refused(body)[0]).toMatchObject({ errorno: 'BL03000020', description2: expect.stringContaining(`Field ${fieldId} of`) });
	});

	it.each([
		['ITEM ITEMTYPE', '<create><ITEM><ITEMID>I9</ITEMID><NAME>Nine</NAME><ITEMTYPE>Service</ITEMTYPE></ITEM></create>', "Invalid value 'Service' for field ITEMTYPE"],
		['PROJECT PAYER', '<create><PROJECT><PROJECTID>P9</PROJECTID><NAME>Nine</NAME><PROJECTCATEGORY>Contract</PROJECTCATEGORY><PAYER>State</PAYER></PROJECT></create>', "Invalid value 'State' for field PAYER"],
		['EMPLOYEE TERMINATIONTYPE', '<update><EMPLOYEE><EMPLOYEEID>E-001</EMPLOYEEID><TERMINATIONTYPE>fired</TERMINATIONTYPE></EMPLOYEE></update>', "Invalid value 'fired' for field TERMINATIONTYPE"],
		['CUSTOMER DELIVERY_OPTIONS', '<create><CUSTOMER><CUSTOMERID>C9</CUSTOMERID><NAME>Nine</NAME><DELIVERY_OPTIONS>Fax</DELIVERY_OPTIONS><DISPLAYCONTACT><PRINTAS>Nine</PRINTAS></DISPLAYCONTACT></CUSTOMER></create>', "Invalid value 'Fax' for field DELIVERY_OPTIONS"],
		['DEPARTMENT STATUS', '<create><DEPARTMENT><DEPARTMENTID>OPS</DEPARTMENTID><TITLE>Ops</TITLE><STATUS>T</STATUS></DEPARTMENT></create>', "Invalid value 'T' for field STATUS"],
		['GLACCOUNT ALTERNATIVEACCOUNT', '<create><GLACCOUNT><ACCOUNTNO>9100</ACCOUNTNO><TITLE>Nine</TITLE><ALTERNATIVEACCOUNT>Cash</ALTERNATIVEACCOUNT></GLACCOUNT></create>', "Invalid value 'Cash' for field ALTERNATIVEACCOUNT"],
	])('%s: an undocumented enumeration value is refused with the documented values', (_case, body, text) => {
		expect(refused(body)[0]).toMatchObject({ errorno: 'BL03000020', description2: expect.stringContaining(text) });
	});

	it.each([
		['ITEM without ITEMTYPE', '<create><ITEM><ITEMID>I9</ITEMID><NAME>Nine</NAME></ITEM></create>', 'ITEMTYPE'],
		['CUSTOMER without DISPLAYCONTACT/PRINTAS', '<create><CUSTOMER><CUSTOMERID>C9</CUSTOMERID><NAME>Nine</NAME></CUSTOMER></create>', 'DISPLAYCONTACT.PRINTAS'],
		['EMPLOYEE without PERSONALINFO/CONTACTNAME', '<create><EMPLOYEE><EMPLOYEEID>E9</EMPLOYEEID><TITLE>Clerk</TITLE></EMPLOYEE></create>', 'PERSONALINFO.CONTACTNAME'],
		['PROJECT without PROJECTCATEGORY', '<create><PROJECT><PROJECTID>P9</PROJECTID><NAME>Nine</NAME></PROJECT></create>', 'PROJECTCATEGORY'],
		['DEPARTMENT without TITLE', '<create><DEPARTMENT><DEPARTMENTID>OPS</DEPARTMENTID></DEPARTMENT></create>', 'TITLE'],
		['LOCATION update emptying NAME', '<update><LOCATION><LOCATIONID>110</LOCATIONID><NAME></NAME></LOCATION></update>', 'NAME'],
	])('%s: a missing required field is refused (BL03000018)', (_case, body, fieldId) => {
		expect(refused(body)[0]).toMatchObject({ errorno: 'BL03000018', description2: `Required field ${fieldId} is missing.` });
	});

	it.each([
		['create', '<create><LOCATIONENTITY><LOCATIONID>300</LOCATIONID><NAME>West</NAME></LOCATIONENTITY></create>', 'LOCATIONENTITY'],
		['create', '<create><TAXDETAIL><DETAILID>T9</DETAILID><TAXTYPE>Sale</TAXTYPE></TAXDETAIL></create>', 'TAXDETAIL'],
		['create', '<create><CHECKINGACCOUNT><BANKACCOUNTID>B9</BANKACCOUNTID><GLACCOUNTNO>1000</GLACCOUNTNO></CHECKINGACCOUNT></create>', 'CHECKINGACCOUNT'],
		['create', '<create><GLJOURNAL><SYMBOL>XJ</SYMBOL><TITLE>x</TITLE></GLJOURNAL></create>', 'GLJOURNAL'],
		['delete', '<delete><object>LOCATIONENTITY</object><keys>1</keys></delete>', 'LOCATIONENTITY'],
	])('%s of %s (not a function its reference page documents) is refused', (verb, body, object) => {
		expect(refused(body)[0]).toMatchObject({ errorno: 'BL01001973', description2: `${verb} is not supported on ${object}: it is a read-only object.` });
	});
});

describe("the reference's own examples run against the sandbox", () => {
	it('Create Location with CONTACTINFO, SHIPTO, dates and CUSTTITLE (company-console-locations.md)', () => {
		const company = createCompany();
		const body =
			'<create><LOCATION><LOCATIONID>110-SJC</LOCATIONID><NAME>San Jose CA</NAME><PARENTID>100</PARENTID><SUPERVISORID>E-001</SUPERVISORID>' +
			'<CONTACTINFO><CONTACTNAME>Smith, John</CONTACTNAME></CONTACTINFO><SHIPTO><CONTACTNAME>Smith, Jane</CONTACTNAME></SHIPTO>' +
			'<STARTDATE>01/01/2000</STARTDATE><ENDDATE></ENDDATE><CUSTTITLE></CUSTTITLE><STATUS>active</STATUS></LOCATION></create>';
		expect(dataOf(company.execute(top, xml(body))).records[0].fields.LOCATIONID).toBe('110-SJC');
		const [location] = records(company.execute(top, xml('<readByName><object>LOCATION</object><keys>110-SJC</keys><fields>LOCATIONID,STARTDATE,CONTACTINFO.CONTACTNAME</fields></readByName>')));
		expect(location).toMatchObject({ LOCATIONID: '110-SJC', STARTDATE: '01/01/2000', CONTACTINFO: { CONTACTNAME: 'Smith, John' } });
	});

	it('Create Customer with DISPLAYCONTACT and CUSTOMERCONTACTS (accounts-receivable-customers.md)', () => {
		const company = createCompany();
		const body =
			'<create><CUSTOMER><CUSTOMERID>C378</CUSTOMERID><NAME>ACME Widget Company Inc.</NAME><DISPLAYCONTACT><PRINTAS>ACME Widget Company Inc</PRINTAS>' +
			'<COMPANYNAME>ACME Widget Company</COMPANYNAME></DISPLAYCONTACT><CUSTOMERCONTACTS><CUSTOMERENTITYCONTACTS><CATEGORYNAME>Mobile</CATEGORYNAME>' +
			'<CONTACT><NAME>Kristensen, Linda</NAME></CONTACT></CUSTOMERENTITYCONTACTS></CUSTOMERCONTACTS></CUSTOMER></create>';
		expect(dataOf(company.execute(top, xml(body))).records[0].fields.CUSTOMERID).toBe('C378');
	});

	it("Query and List Customers: RECORDNO, SHIPTOCONTACT.CONTACTNAME, TOTALDUE where TOTALDUE > 100", () => {
		const company = createCompany();
		const out = dataOf(
			company.execute(
				top,
				xml('<query><object>CUSTOMER</object><filter><greaterthan><field>TOTALDUE</field><value>100</value></greaterthan></filter><select><field>RECORDNO</field><field>SHIPTOCONTACT.CONTACTNAME</field><field>TOTALDUE</field></select></query>'),
			),
		);
		expect(out.listType).toBe('CUSTOMER');
	});

	it('Query and List Departments: DEPARTMENTID and MANAGER.EMPLOYEEID', () => {
		const company = createCompany();
		company.execute(top, xml('<update><DEPARTMENT><DEPARTMENTID>PROG</DEPARTMENTID><SUPERVISORID>E-001</SUPERVISORID></DEPARTMENT></update>'));
		const rows = records(company.execute(top, xml('<query><object>DEPARTMENT</object><select><field>DEPARTMENTID</field><field>MANAGER.EMPLOYEEID</field></select></query>')));
		expect(rows.find((r) => r.DEPARTMENTID === 'PROG')).toMatchObject({ 'MANAGER.EMPLOYEEID': 'E-001' });
	});

	it("employees: query filters the contact's names through CONTACT.*, readByQuery cannot (the page's note)", () => {
		const company = createCompany();
		const [someone] = records(company.execute(top, xml('<readByQuery><object>EMPLOYEE</object><fields>EMPLOYEEID,PERSONALINFO.CONTACTNAME,PERSONALINFO.FIRSTNAME,PERSONALINFO.LASTNAME</fields><query></query><pagesize>1</pagesize></readByQuery>')));
		const info = someone.PERSONALINFO as Record<string, string>;
		expect(info.CONTACTNAME).toBe(`${info.LASTNAME}, ${info.FIRSTNAME}`);
		const found = records(
			company.execute(
				top,
				xml(`<query><object>EMPLOYEE</object><select><field>RECORDNO</field><field>EMPLOYEEID</field></select><filter><and><equalto><field>CONTACT.FIRSTNAME</field><value>${info.FIRSTNAME}</value></equalto><equalto><field>CONTACT.LASTNAME</field><value>${info.LASTNAME}</value></equalto></and></filter></query>`),
			),
		);
		expect(found.map((r) => r.EMPLOYEEID)).toEqual([someone.EMPLOYEEID]);
		const errors = errorsOf(() => company.execute(top, xml(`<readByQuery><object>EMPLOYEE</object><fields>EMPLOYEEID</fields><query>PERSONALINFO.FIRSTNAME = '${info.FIRSTNAME}'</query></readByQuery>`)));
		expect(errors[0]).toMatchObject({ errorno: 'Query Failed', description2: expect.stringContaining('PERSONALINFO.FIRSTNAME') });
	});

	it('EMPLOYEE PERSONALINFO/CONTACTNAME must name an existing contact, whose fields the employee then shows', () => {
		const company = createCompany();
		const missing = errorsOf(() => company.execute(top, xml('<create><EMPLOYEE><EMPLOYEEID>E9</EMPLOYEEID><PERSONALINFO><CONTACTNAME>Nobody, Ann</CONTACTNAME></PERSONALINFO></EMPLOYEE></create>')));
		expect(missing[0]).toMatchObject({ errorno: 'BL03000015', description2: expect.stringContaining('PERSONALINFO.CONTACTNAME') });
		company.execute(top, xml('<create><CONTACT><CONTACTNAME>Lee, Ann</CONTACTNAME><PRINTAS>Ann Lee</PRINTAS><FIRSTNAME>Ann</FIRSTNAME><LASTNAME>Lee</LASTNAME></CONTACT></create>'));
		company.execute(top, xml('<create><EMPLOYEE><EMPLOYEEID>E9</EMPLOYEEID><PERSONALINFO><CONTACTNAME>Lee, Ann</CONTACTNAME></PERSONALINFO></EMPLOYEE></create>'));
		const [employee] = records(company.execute(top, xml('<readByName><object>EMPLOYEE</object><keys>E9</keys><fields>EMPLOYEEID,PERSONALINFO.FIRSTNAME</fields></readByName>')));
		expect(employee).toMatchObject({ PERSONALINFO: { FIRSTNAME: 'Ann' } });
	});

	it('items: readByQuery filters ITEMTYPE by its documented code and refuses others', () => {
		const company = createCompany();
		expect(records(company.execute(top, xml("<readByQuery><object>ITEM</object><fields>ITEMID,ITEMTYPE</fields><query>ITEMTYPE = 'NI'</query></readByQuery>"))).length).toBeGreaterThan(0);
		expect(errorsOf(() => company.execute(top, xml("<readByQuery><object>ITEM</object><fields>ITEMID</fields><query>ITEMTYPE = 'SERVICE'</query></readByQuery>")))[0]).toMatchObject({ errorno: 'Query Failed' });
	});

	it('Create Account without ACCOUNTTYPE/CLOSINGTYPE takes the documented defaults (balancesheet, non-closing account)', () => {
		const company = createCompany();
		company.execute(top, xml('<create><GLACCOUNT><ACCOUNTNO>1999</ACCOUNTNO><TITLE>Suspense</TITLE></GLACCOUNT></create>'));
		const [account] = records(company.execute(top, xml('<readByName><object>GLACCOUNT</object><keys>1999</keys><fields>ACCOUNTTYPE,CLOSINGTYPE,ALTERNATIVEACCOUNT</fields></readByName>')));
		expect(account).toMatchObject({ ACCOUNTTYPE: 'balancesheet', CLOSINGTYPE: 'non-closing account', ALTERNATIVEACCOUNT: 'None' });
	});

	it.each([
		['DEPARTMENT', 'DEPARTMENTID,COSTCENTER'],
		['EMPLOYEE', 'EMPLOYEEID,NAME'],
		['TAXDETAIL', 'DETAILID,RATE'],
	])('%s: an unknown field in a select list is refused (Query Failed)', (object, fields) => {
		const company = createCompany();
		const errors = errorsOf(() => company.execute(top, xml(`<readByQuery><object>${object}</object><fields>${fields}</fields><query></query></readByQuery>`)));
		expect(errors[0]).toMatchObject({ errorno: 'Query Failed', description2: expect.stringContaining('Invalid fields list') });
	});
});
