/**
 * get_accountbalancesbydimensions and get_trialbalance are computed from the GL lines: they agree with
 * summing GLENTRY by hand, follow a new journal entry to the cent, filter by dimension (incl. the
 * user-defined FUNDINGSOURCE) and by entity, and refuse what api.xsd refuses.
 */
import { createCompany } from '../../../sandbox/model';
import type { CompanyModel, RenderRecord } from '../../../sandbox/model/contract';
import { BALANCED_LINES, ctxAt, errorsOf, journalEntry, records, xml } from './xml-input';

const top = ctxAt();
const RANGE = '<startdate><year>2025</year><month>01</month><day>01</day></startdate><enddate><year>2025</year><month>12</month><day>31</day></enddate>';

function glLines(company: CompanyModel, query: string, ctx = top): RenderRecord[] {
	const out: RenderRecord[] = [];
	let offset = 0;
	for (;;) {
		const page = records(company.execute(ctx, xml(`<query><object>GLENTRY</object><select><field>ACCOUNTNO</field><field>TR_TYPE</field><field>AMOUNT</field><field>PROJECTID</field><field>STATE</field><field>BATCH_DATE</field></select><filter>${query}</filter><options><showprivate>true</showprivate></options><pagesize>2000</pagesize><offset>${offset}</offset></query>`)));
		out.push(...page);
		if (page.length < 2000) return out;
		offset += 2000;
	}
}

const in2025 = (l: RenderRecord) => String(l.BATCH_DATE).endsWith('/2025');
const cents = (lines: RenderRecord[]) => lines.filter((l) => l.STATE === 'Posted' && in2025(l)).reduce((s, l) => s + Math.round(Number(l.AMOUNT) * 100) * (l.TR_TYPE === '-1' ? -1 : 1), 0);

// Dates are checked here, not in the query filter: the 2025 range is applied to the lines read.
const between = '<equalto><field>ACCOUNTNO</field><value>6000</value></equalto>';

describe('get_accountbalancesbydimensions', () => {
	it('per project, agrees with the GL lines and moves with a new journal entry', () => {
		const company = createCompany();
		const fn = () => xml(`<get_accountbalancesbydimensions>${RANGE}<glaccountno>6000</glaccountno><groupby>project</groupby></get_accountbalancesbydimensions>`);
		const rows = records(company.execute(top, fn()));
		const lines = glLines(company, between);
		const byProject = new Map<string, RenderRecord[]>();
		for (const l of lines) byProject.set(String(l.PROJECTID ?? ''), [...(byProject.get(String(l.PROJECTID ?? '')) ?? []), l]);
		expect(rows.length).toBeGreaterThan(1);
		for (const row of rows) expect(Math.round(Number(row.periodbalance) * 100)).toBe(cents(byProject.get(String(row.projectid)) ?? []));
		expect(rows.find((r) => r.projectid === 'GR-2025-001')?.projectname).toBe('After-School Mentoring 2025');
		// BALANCED_LINES debit 6000 by 100.10 on GR-2025-001 on 06/30/2025.
		const before = Number(rows.find((r) => r.projectid === 'GR-2025-001')?.periodbalance);
		company.execute(top, journalEntry(BALANCED_LINES));
		const after = Number(records(company.execute(top, fn())).find((r) => r.projectid === 'GR-2025-001')?.periodbalance);
		expect(Math.round((after - before) * 100)).toBe(10010);
	});

	it('filters by the user-defined dimension and by entity', () => {
		const company = createCompany();
		const all = records(company.execute(top, xml(`<get_accountbalancesbydimensions>${RANGE}<startaccountno>5000</startaccountno><endaccountno>7999</endaccountno><groupby>fundingsource</groupby></get_accountbalancesbydimensions>`)));
		const county = all.filter((r) => r.fundingsourcename === 'County');
		expect(county.length).toBeGreaterThan(0);
		const id = String(county[0].fundingsourceid);
		const filtered = records(
			company.execute(top, xml(`<get_accountbalancesbydimensions>${RANGE}<startaccountno>5000</startaccountno><endaccountno>7999</endaccountno><userDefinedDimensions><userDefinedDimension><objectName>fundingsource</objectName><recordName>County</recordName></userDefinedDimension></userDefinedDimensions></get_accountbalancesbydimensions>`)),
		);
		const total = (rs: RenderRecord[]) => rs.reduce((s, r) => s + Math.round(Number(r.periodbalance) * 100), 0);
		expect(total(filtered)).toBe(total(county));
		expect(id).toMatch(/^\d+$/);
		const west = records(company.execute(ctxAt('200'), xml(`<get_accountbalancesbydimensions>${RANGE}<glaccountno>6000</glaccountno><groupby>location</groupby></get_accountbalancesbydimensions>`)));
		expect(west.length).toBeGreaterThan(0);
		expect(west.every((r) => ['210', '220', '200'].includes(String(r.locationid)))).toBe(true);
	});

	it('refuses elements out of the XSD order and a missing date range', () => {
		const company = createCompany();
		expect(errorsOf(() => company.execute(top, xml(`<get_accountbalancesbydimensions><glaccountno>6000</glaccountno>${RANGE}</get_accountbalancesbydimensions>`)))[0].errorno).toBe('XL03000003');
		expect(errorsOf(() => company.execute(top, xml('<get_accountbalancesbydimensions><glaccountno>6000</glaccountno></get_accountbalancesbydimensions>')))[0].errorno).toBe('XL03000003');
	});
});

describe('get_trialbalance', () => {
	it('debits equal credits over all accounts, and each account agrees with its lines', () => {
		const company = createCompany();
		const rows = records(company.execute(top, xml(`<get_trialbalance>${RANGE}</get_trialbalance>`)));
		const sum = (f: string) => rows.reduce((s, r) => s + Math.round(Number(r[f]) * 100), 0);
		expect(sum('debits')).toBe(sum('credits'));
		const row6000 = rows.find((r) => r.glaccountno === '6000')!;
		expect(Math.round((Number(row6000.debits) - Number(row6000.credits)) * 100)).toBe(cents(glLines(company, between)));
	});
});

describe('GL budgets', () => {
	it('the seeded default budget is read per project and period; create checks each detail', () => {
		const company = createCompany();
		const items = records(company.execute(top, xml("<readByQuery><object>GLBUDGETITEM</object><fields>*</fields><query>PROJECTID = 'GR-2025-003' AND PERIODNAME = 'Month Ended March 2025'</query><pagesize>100</pagesize></readByQuery>")));
		expect(items.map((i) => [i.ACCT_NO, i.AMOUNT, i.BUDGETID])).toEqual([
			['5000', '12800.00', 'Grant Budgets'],
			['6000', '6400.00', 'Grant Budgets'],
		]);
		const bad = xml('<create><GLBUDGETHEADER><BUDGETID>B2</BUDGETID><DESCRIPTION>x</DESCRIPTION><GLBUDGETITEMS><GLBUDGETITEM><ACCT_NO>6000</ACCT_NO><PERIODNAME>Q1 2026</PERIODNAME><AMOUNT>5</AMOUNT></GLBUDGETITEM></GLBUDGETITEMS></GLBUDGETHEADER></create>');
		expect(errorsOf(() => company.execute(top, bad))[0].description2).toContain('PERIODNAME');
		expect(records(company.execute(top, xml("<readByQuery><object>GLBUDGETHEADER</object><fields>BUDGETID</fields><query>BUDGETID = 'B2'</query></readByQuery>")))).toHaveLength(0);
	});
});
