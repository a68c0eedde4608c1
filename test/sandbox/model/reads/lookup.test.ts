/**
 * lookup and inspect answer from the same field tables the sandbox's reads and writes enforce
 * (sandbox/model/objects), for every object it serves; and the tables carry the reference's facts.
 */
import { createCompany } from '../../../../sandbox/model';
import { OBJECTS } from '../../../../sandbox/model/objects';
import type { RenderRecord } from '../../../../sandbox/model/contract';
import { ctxAt, dataOf, xml } from '../xml-input';

const top = ctxAt();
const company = createCompany();

function typeOf(fn: string): RenderRecord {
	const out = dataOf(company.execute(top, xml(fn)));
	expect(out.records).toHaveLength(1);
	expect(out.records[0].element).toBe('Type');
	return out.records[0].fields;
}

function lookupFields(object: string): RenderRecord[] {
	return ((typeOf(`<lookup><object>${object}</object></lookup>`).Fields as { Field: RenderRecord[] }).Field);
}

describe('lookup/inspect for every object the sandbox serves', () => {
	it.each(OBJECTS.map((o) => [o.name]))('%s: lookup lists the field table (ID, LABEL, REQUIRED, READONLY, DATATYPE, VALIDVALUES) in order', (name) => {
		const def = OBJECTS.find((o) => o.name === name)!;
		const fields = lookupFields(name);
		expect(fields.map((f) => f.ID)).toEqual(def.fields.map((f) => f.id));
		fields.forEach((f, i) => {
			const d = def.fields[i];
			expect(f).toMatchObject({ LABEL: d.label, REQUIRED: String(d.required), READONLY: String(d.readonly), DATATYPE: d.type, ISCUSTOM: 'false' });
			expect(f.VALIDVALUES === undefined ? undefined : (f.VALIDVALUES as { VALIDVALUE: string[] }).VALIDVALUE).toEqual(d.validValues?.map((v) => v.label));
			// Sage's samples (queries.md): VALIDVALUES comes before ISCUSTOM.
			expect(Object.keys(f)).toEqual(['ID', 'LABEL', 'DESCRIPTION', 'REQUIRED', 'READONLY', 'DATATYPE', ...(d.validValues ? ['VALIDVALUES'] : []), 'ISCUSTOM']);
		});
		const relationships = (typeOf(`<lookup><object>${name}</object></lookup>`).Relationships as { Relationship: RenderRecord[] }).Relationship;
		expect(relationships.map((r) => [r.OBJECTPATH, r.OBJECTNAME, r.RELATEDBY])).toEqual(def.relationships.map((r) => [r.path, r.object, r.relatedBy]));
	});

	it.each(OBJECTS.map((o) => [o.name]))('%s: inspect lists the same field IDs; inspect detail=1 is lookup', (name) => {
		const def = OBJECTS.find((o) => o.name === name)!;
		expect((typeOf(`<inspect><object>${name}</object></inspect>`).Fields as { Field: string[] }).Field).toEqual(def.fields.map((f) => f.id));
		expect(typeOf(`<inspect detail="1"><object>${name}</object></inspect>`)).toEqual(typeOf(`<lookup><object>${name}</object></lookup>`));
	});

	it('inspect * lists every object the sandbox serves', () => {
		const out = dataOf(company.execute(top, xml('<inspect><object>*</object></inspect>')));
		expect(out.records.map((r) => (r.fields.$attributes as Record<string, string>).typename)).toEqual(OBJECTS.map((o) => o.name));
	});
});

/** Facts from Sage's reference pages, pinned independently of the tables (docs/fidelity.md, "Master data and dimensions"). */
describe("lookup carries the reference's required, read-only and enumerated fields", () => {
	const flag = (object: string, id: string) => lookupFields(object).find((f) => f.ID === id);
	it.each([
		['DEPARTMENT', ['DEPARTMENTID', 'TITLE']],
		['CLASS', ['CLASSID', 'NAME']],
		['LOCATION', ['LOCATIONID', 'NAME']],
		['PROJECT', ['PROJECTID', 'NAME', 'PROJECTCATEGORY']],
		['CUSTOMER', ['CUSTOMERID', 'NAME', 'DISPLAYCONTACT.PRINTAS']],
		['EMPLOYEE', ['EMPLOYEEID', 'PERSONALINFO.CONTACTNAME']],
		['ITEM', ['ITEMID', 'NAME', 'ITEMTYPE']],
		['GLACCOUNT', ['ACCOUNTNO', 'TITLE']],
		['VENDOR', ['VENDORID', 'NAME']],
	])('%s requires exactly %j', (object, required) => {
		const fields = lookupFields(object);
		expect(fields.filter((f) => f.REQUIRED === 'true').map((f) => f.ID).sort()).toEqual([...required].sort());
	});

	it('read-only: CUSTOMER TOTALDUE, EMPLOYEE PERSONALINFO.FIRSTNAME, audit stamps; writable: DEPARTMENT CUSTTITLE, LOCATION CONTACTINFO.CONTACTNAME', () => {
		expect(flag('CUSTOMER', 'TOTALDUE')).toMatchObject({ READONLY: 'true' });
		expect(flag('EMPLOYEE', 'PERSONALINFO.FIRSTNAME')).toMatchObject({ READONLY: 'true' });
		expect(flag('EMPLOYEE', 'PERSONALINFO.CONTACTNAME')).toMatchObject({ READONLY: 'false' });
		expect(flag('DEPARTMENT', 'WHENMODIFIED')).toMatchObject({ READONLY: 'true' });
		expect(flag('DEPARTMENT', 'CUSTTITLE')).toMatchObject({ READONLY: 'false' });
		expect(flag('LOCATION', 'CONTACTINFO.CONTACTNAME')).toMatchObject({ READONLY: 'false' });
	});

	it('enumerations as the pages list them', () => {
		const values = (object: string, id: string) => (flag(object, id)?.VALIDVALUES as { VALIDVALUE: string[] }).VALIDVALUE;
		expect(values('ITEM', 'ITEMTYPE')).toEqual(['Inventory', 'Non-Inventory', 'Non-Inventory (Purchase only)', 'Non-Inventory (Sales only)', 'Kit', 'Stockable Kit']);
		expect(values('EMPLOYEE', 'TERMINATIONTYPE')).toEqual(['voluntary', 'involuntary', 'deceased', 'disability', 'retired']);
		expect(values('GLACCOUNT', 'ACCOUNTTYPE')).toEqual(['balancesheet', 'incomestatement']);
		expect(values('GLACCOUNT', 'CLOSINGTYPE')).toEqual(['non-closing account', 'closing account']);
		expect(values('CUSTOMER', 'OBJECTRESTRICTION')).toEqual(['Unrestricted', 'RootOnly', 'Restricted']);
		expect(values('DEPARTMENT', 'STATUS')).toEqual(['active', 'inactive']);
	});

	it('documented relationships: DEPARTMENT MANAGER, EMPLOYEE CONTACT and LOCATION, CUSTOMER SHIPTOCONTACT', () => {
		const paths = (object: string) => ((typeOf(`<lookup><object>${object}</object></lookup>`).Relationships as { Relationship: RenderRecord[] }).Relationship).map((r) => r.OBJECTPATH);
		expect(paths('DEPARTMENT')).toContain('MANAGER');
		expect(paths('EMPLOYEE')).toEqual(expect.arrayContaining(['CONTACT', 'LOCATION']));
		expect(paths('CUSTOMER')).toContain('SHIPTOCONTACT');
	});
});
