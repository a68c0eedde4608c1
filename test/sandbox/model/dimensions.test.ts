/**
 * getDimensions (the official SDK's DimensionsGet): standard dimensions and the user-defined
 * dimensions (§5.1) with their object names, in the shape of Platform Services "List Dimensions".
 */
import { createCompany } from '../../../sandbox/model';
import type { RenderRecord } from '../../../sandbox/model/contract';
import { ctxAt, dataOf, records, xml } from './xml-input';

const company = createCompany();
const top = ctxAt();

function dimensions(): RenderRecord[] {
	const [wrapper] = records(company.execute(top, xml('<getDimensions/>')));
	return wrapper.dimension as RenderRecord[];
}

describe('getDimensions', () => {
	it('answers <data><dimensions><dimension>… with no listtype, one element per dimension', () => {
		const out = dataOf(company.execute(top, xml('<getDimensions/>')));
		expect(out.listType).toBeNull();
		expect(out.attributes).toEqual({});
		expect(out.records.map((r) => r.element)).toEqual(['dimensions']);
	});

	it('lists the standard dimensions first, then the user-defined dimension FUNDINGSOURCE', () => {
		const all = dimensions();
		expect(all.map((d) => d.objectName)).toEqual(['DEPARTMENT', 'LOCATION', 'PROJECT', 'CUSTOMER', 'VENDOR', 'EMPLOYEE', 'ITEM', 'CLASS', 'FUNDINGSOURCE']);
		expect(all[0]).toEqual({ objectName: 'DEPARTMENT', objectLabel: 'Department', termLabel: 'Department', userDefinedDimension: 'false', enabledInGL: 'true' });
		expect(all.filter((d) => d.userDefinedDimension === 'true')).toEqual([
			{ objectName: 'FUNDINGSOURCE', objectLabel: 'Funding Source', termLabel: 'Funding Source', userDefinedDimension: 'true', enabledInGL: 'true' },
		]);
	});

	it('is a function name like any other: case-insensitive (§12.7)', () => {
		const [wrapper] = records(company.execute(top, xml('<GETDIMENSIONS/>')));
		expect((wrapper.dimension as RenderRecord[]).length).toBe(9);
	});

	it('the UDD object answers readByQuery by id and name, as a dimension value list needs', () => {
		const rows = records(company.execute(top, xml("<readByQuery><object>FUNDINGSOURCE</object><fields>ID,NAME</fields><query>ID LIKE '%1000%' OR NAME LIKE '%State%'</query></readByQuery>")));
		expect(rows.map((r) => [r.ID, r.NAME])).toEqual([
			['10001', 'Unrestricted'],
			['10002', 'Federal Pass-Through'],
			['10003', 'State'],
			['10004', 'County'],
			['10005', 'Private Foundation'],
			['10006', 'Corporate'],
		]);
	});
});
