/**
 * The seeded demo company (issue 3 "Must have"): a non-profit with every kind of master data the node
 * offers, a few hundred posted journal entries (balanced per entity, grant-funded programme
 * expenses), open, paid and draft bills, and a history that scales to 100,000+ GL entries.
 */
import { createCompany } from '../../../sandbox/model';
import type { RenderRecord } from '../../../sandbox/model/contract';
import { ctxAt, dataOf, xml } from './xml-input';

const top = ctxAt();
const company = createCompany();

/** Every row of an object through readByQuery + readMore, as a client would page it. */
function allRows(object: string, fields: string): RenderRecord[] {
	let page = dataOf(company.execute(top, xml(`<readByQuery><object>${object}</object><fields>${fields}</fields><query></query><pagesize>1000</pagesize></readByQuery>`)));
	const rows = page.records.map((r) => r.fields);
	while (Number(page.attributes.numremaining) > 0) {
		page = dataOf(company.execute(top, xml(`<readMore><resultId>${page.attributes.resultId}</resultId></readMore>`)));
		rows.push(...page.records.map((r) => r.fields));
	}
	return rows;
}

function text(row: RenderRecord, field: string): string {
	const value = row[field];
	return typeof value === 'string' ? value : '';
}

describe('the seeded demo company (Hopewell Community Services)', () => {
	it('has master data of every kind, at least one UDD, and two entities below the top level', () => {
		const count = (object: string): number => allRows(object, 'RECORDNO').length;
		for (const object of ['GLACCOUNT', 'GLJOURNAL', 'VENDOR', 'CUSTOMER', 'EMPLOYEE', 'DEPARTMENT', 'LOCATION', 'CLASS', 'PROJECT', 'ITEM', 'APTERM']) {
			expect([object, count(object) > 0]).toEqual([object, true]);
		}
		expect(count('FUNDINGSOURCE')).toBeGreaterThanOrEqual(1);
		expect(company.entities()).toEqual(['100', '200']);
		const grants = allRows('PROJECT', 'PROJECTID,CUSTOMERID,BUDGETAMOUNT');
		expect(grants.every((g) => text(g, 'PROJECTID').startsWith('GR-') && text(g, 'CUSTOMERID') !== '')).toBe(true);
	});

	it('has a few hundred posted journal entries, each balanced per entity, with grant-funded programme expenses', () => {
		const batches = allRows('GLBATCH', 'RECORDNO,STATE');
		expect(batches.length).toBeGreaterThanOrEqual(200);
		expect(batches.length).toBeLessThan(1000);
		expect(batches.filter((b) => text(b, 'STATE') === 'Posted').length).toBeGreaterThanOrEqual(200);

		const lines = allRows('GLENTRY', 'BATCHNO,TR_TYPE,AMOUNT,ACCOUNTNO,PROJECTID,GLDIMFUNDINGSOURCE,LOCATION');
		const cents = new Map<string, number>();
		for (const line of lines) {
			// Locations 1xx belong to entity 100, 2xx to entity 200.
			const key = `${text(line, 'BATCHNO')}|${text(line, 'LOCATION').charAt(0)}`;
			cents.set(key, (cents.get(key) ?? 0) + Number(text(line, 'TR_TYPE')) * Math.round(Number(text(line, 'AMOUNT')) * 100));
		}
		expect(lines.every((l) => /^[12]\d\d$/.test(text(l, 'LOCATION')))).toBe(true);
		expect([...cents.values()].every((sum) => sum === 0)).toBe(true);
		const grantExpenses = lines.filter((l) => /^6\d{3}$/.test(text(l, 'ACCOUNTNO')) && text(l, 'PROJECTID').startsWith('GR-') && text(l, 'GLDIMFUNDINGSOURCE') !== '');
		expect(grantExpenses.length).toBeGreaterThan(10);
	});

	it('has paid, open and draft bills', () => {
		const bills = allRows('APBILL', 'RECORDNO,STATE,TOTALDUE');
		expect(bills.some((b) => text(b, 'STATE') === 'Paid' && Number(text(b, 'TOTALDUE')) === 0)).toBe(true);
		expect(bills.some((b) => text(b, 'STATE') === 'Posted' && Number(text(b, 'TOTALDUE')) > 0)).toBe(true);
		expect(bills.some((b) => text(b, 'STATE') === 'Draft')).toBe(true);
	});

	it('generates 100,000+ GL entries on request, deterministically', () => {
		const big = createCompany({ seed: 1, glEntryTarget: 100_000 });
		const total = (c: typeof big): number =>
			Number(dataOf(c.execute(top, xml('<readByQuery><object>GLENTRY</object><fields>RECORDNO</fields><query></query><pagesize>1</pagesize></readByQuery>'))).attributes.totalcount);
		expect(total(big)).toBeGreaterThanOrEqual(100_000);
		const first = (c: typeof big): string => JSON.stringify(dataOf(c.execute(top, xml('<read><object>GLBATCH</object><keys>1,2,3</keys><fields>*</fields></read>'))).records);
		expect(first(createCompany({ seed: 1 }))).toBe(first(createCompany({ seed: 1 })));
	});
});
