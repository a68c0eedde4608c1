import { createCompany } from '../../../sandbox/model';
import { ctxAt, dataOf, errorsOf, records, xml } from './xml-input';

const company = createCompany();
const top = ctxAt();

describe('readByQuery and readMore (§4.2, §4.3)', () => {
	it('returns lower-case records with count/totalcount/numremaining/resultId and pages with readMore to the end', () => {
		const first = dataOf(company.execute(top, xml("<readByQuery><object>GLBATCH</object><fields>RECORDNO,STATE,BATCH_DATE</fields><query>STATE = 'P'</query><pagesize>50</pagesize></readByQuery>")));
		expect(first.listType).toBe('glbatch');
		expect(first.records[0].element).toBe('glbatch');
		expect(first.attributes.count).toBe('50');
		const total = Number(first.attributes.totalcount);
		expect(total).toBeGreaterThan(100);
		let seen = first.records.length;
		let page = first;
		while (page.attributes.numremaining !== '0') {
			page = dataOf(company.execute(top, xml(`<readMore><resultId>${page.attributes.resultId}</resultId></readMore>`)));
			seen += page.records.length;
			expect(Number(page.attributes.numremaining)).toBe(total - seen);
		}
		expect(seen).toBe(total);
		expect(page.records.every((r) => r.fields.STATE === 'Posted')).toBe(true);
	});

	it('supports AND/OR/NOT, parentheses, IN, LIKE, IS NULL and date comparison', () => {
		const q = "JOURNAL IN ('GJ','ADJ') AND NOT (BATCH_TITLE LIKE 'Depreciation%') AND BATCH_DATE >= '1/1/2026' AND REVERSEDATE IS NULL";
		const rows = records(company.execute(top, xml(`<readByQuery><object>GLBATCH</object><fields>JOURNAL,BATCH_TITLE,BATCH_DATE</fields><query>${q}</query><pagesize>1000</pagesize></readByQuery>`)));
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) {
			expect(['GJ', 'ADJ']).toContain(r.JOURNAL);
			expect(String(r.BATCH_TITLE).startsWith('Depreciation')).toBe(false);
			expect(String(r.BATCH_DATE).endsWith('2026')).toBe(true);
		}
	});

	it('compares numbers numerically and unescapes \\\' in strings', () => {
		const rows = records(company.execute(top, xml("<readByQuery><object>GLENTRY</object><fields>AMOUNT</fields><query>AMOUNT &gt; 9000</query><pagesize>1000</pagesize></readByQuery>")));
		expect(rows.every((r) => Number(r.AMOUNT) > 9000)).toBe(true);
		const none = dataOf(company.execute(top, xml("<readByQuery><object>VENDOR</object><fields>NAME</fields><query>NAME = 'Jane\\'s Deli'</query></readByQuery>")));
		expect(none.attributes.totalcount).toBe('0');
		expect(none.attributes.resultId).toBe('');
	});

	it('empty query returns all rows; default pagesize is 100', () => {
		const out = dataOf(company.execute(top, xml('<readByQuery><object>GLENTRY</object><fields>RECORDNO</fields><query></query></readByQuery>')));
		expect(out.attributes.count).toBe('100');
	});

	it('fails with Query Failed for unknown objects, fields, bad syntax and pagesize', () => {
		expect(errorsOf(() => company.execute(top, xml('<readByQuery><object>NOPE</object><query></query></readByQuery>')))[0]).toMatchObject({ errorno: 'Query Failed', description2: 'Object definition NOPE not found' });
		expect(errorsOf(() => company.execute(top, xml("<readByQuery><object>GLBATCH</object><query>NOFIELD = '1'</query></readByQuery>")))[0].errorno).toBe('Query Failed');
		expect(errorsOf(() => company.execute(top, xml("<readByQuery><object>GLBATCH</object><query>STATE = 'P' AND</query></readByQuery>")))[0].description2).toContain('Invalid query');
		expect(errorsOf(() => company.execute(top, xml('<readByQuery><object>GLBATCH</object><query></query><pagesize>1001</pagesize></readByQuery>')))[0].errorno).toBe('Query Failed');
	});

	it('readMore with an unknown or expired resultId fails; readMore by object continues the last query', () => {
		expect(errorsOf(() => company.execute(top, xml('<readMore><resultId>bogus</resultId></readMore>')))[0].errorno).toBe('Query Failed');
		const first = dataOf(company.execute(top, xml('<readByQuery><object>GLENTRY</object><fields>RECORDNO</fields><query></query><pagesize>10</pagesize></readByQuery>')));
		const byObject = dataOf(company.execute(top, xml('<readMore><object>GLENTRY</object></readMore>')));
		expect(Number(byObject.attributes.numremaining)).toBe(Number(first.attributes.numremaining) - 10);
		company.expireResultIds(0, top.now);
		expect(errorsOf(() => company.execute(top, xml(`<readMore><resultId>${first.attributes.resultId}</resultId></readMore>`)))[0].errorno).toBe('Query Failed');
	});
});

describe('read and readByName (§4.1)', () => {
	it('read returns UPPER elements with ENTRIES for GLBATCH; missing keys give fewer records', () => {
		const out = dataOf(company.execute(top, xml('<read><object>GLBATCH</object><keys>1,999999</keys><fields>*</fields></read>')));
		expect(out.listType).toBe('GLBATCH');
		expect(out.attributes.count).toBe('1');
		const entries = out.records[0].fields.ENTRIES as { glentry: Array<Record<string, string>> };
		expect(entries.glentry.length).toBeGreaterThanOrEqual(2);
		expect(entries.glentry[0].BATCHNO).toBe('1');
		expect(out.records[0].fields.BATCH_DATE).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
		expect(out.records[0].fields.WHENCREATED).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
	});

	it('readByName uses business IDs and nests DISPLAYCONTACT', () => {
		const [vendor] = records(company.execute(top, xml('<readByName><object>vendor</object><keys>V-100</keys><fields>*</fields></readByName>')));
		expect(vendor.NAME).toBe('Greenleaf Property Management');
		expect((vendor.DISPLAYCONTACT as Record<string, unknown>).EMAIL1).toBe('billing@greenleafpm.example');
		const [account] = records(company.execute(top, xml('<readByName><object>GLACCOUNT</object><keys>2000</keys><fields>ACCOUNTNO,TITLE</fields></readByName>')));
		expect(account).toEqual({ ACCOUNTNO: '2000', TITLE: 'Accounts Payable' });
	});

	it('refuses more than 100 keys', () => {
		const keys = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
		expect(errorsOf(() => company.execute(top, xml(`<read><object>GLBATCH</object><keys>${keys}</keys></read>`)))[0].description2).toContain('at most 100');
	});
});

describe('entity visibility (§8)', () => {
	it('an entity session sees its own and top-level records only', () => {
		const west = ctxAt('200', undefined, 'ws_west');
		const rows = records(company.execute(west, xml('<readByQuery><object>GLBATCH</object><fields>MEGAENTITYID</fields><query></query><pagesize>1000</pagesize></readByQuery>')));
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.MEGAENTITYID === '' || r.MEGAENTITYID === '200')).toBe(true);
		const eastVendor = records(company.execute(west, xml('<readByName><object>VENDOR</object><keys>V-111</keys></readByName>')));
		expect(eastVendor).toHaveLength(0);
	});

	it('query at the top level hides entity-private rows unless showprivate', () => {
		const body = (showPrivate: string) =>
			xml(`<query><object>GLBATCH</object><select><count>RECORDNO</count></select><options><showprivate>${showPrivate}</showprivate></options></query>`);
		const hidden = Number(records(company.execute(top, body('false')))[0]['COUNT.RECORDNO']);
		const all = Number(records(company.execute(top, body('true')))[0]['COUNT.RECORDNO']);
		expect(hidden).toBeLessThan(all);
		expect(hidden).toBeGreaterThan(0);
	});
});

describe('query (§4.4)', () => {
	it('filters, orders, pages by offset and returns dotted related fields', () => {
		const q = (offset: number) =>
			xml(`<query><object>GLBATCH</object><select><field>RECORDNO</field><field>JOURNAL.TITLE</field><field>BATCH_DATE</field></select>
			<filter><and><equalto><field>JOURNAL</field><value>PYRJ</value></equalto><equalto><field>STATE</field><value>Posted</value></equalto></and></filter>
			<orderby><order><field>BATCH_DATE</field><descending/></order></orderby><options><showprivate>true</showprivate></options><pagesize>5</pagesize><offset>${offset}</offset></query>`);
		const first = dataOf(company.execute(top, q(0)));
		expect(first.listType).toBe('GLBATCH');
		expect(first.records[0].element).toBe('GLBATCH');
		expect(first.attributes).toMatchObject({ offset: '0', count: '5' });
		expect(first.records[0].fields['JOURNAL.TITLE']).toBe('Payroll Journal');
		const second = dataOf(company.execute(top, q(5)));
		expect(Number(second.attributes.numremaining)).toBe(Number(first.attributes.totalcount) - 10);
		const dates = [...first.records, ...second.records].map((r) => String(r.fields.BATCH_DATE).replace(/(\d+)\/(\d+)\/(\d+)/, '$3$1$2'));
		expect([...dates].sort().reverse()).toEqual(dates);
	});

	it('enum values need labels: a code gets the Vena-style error', () => {
		const errors = errorsOf(() =>
			company.execute(top, xml('<query><object>GLBATCH</object><select><field>RECORDNO</field></select><filter><equalto><field>STATE</field><value>P</value></equalto></filter></query>')),
		);
		expect(errors[0].description2).toContain("There's an error with the value for field STATE. Value: [P]. Expected values: [Draft, Submitted");
	});

	it('validates and/or arity, between and pagesize', () => {
		const run = (filter: string, extra = '') => () =>
			company.execute(top, xml(`<query><object>GLENTRY</object><select><field>RECORDNO</field></select><filter>${filter}</filter>${extra}</query>`));
		expect(errorsOf(run('<and><isnull><field>DEPARTMENT</field></isnull></and>'))[0].description2).toContain('at least two');
		expect(errorsOf(run('<between><field>AMOUNT</field><value>1</value></between>'))[0].description2).toContain('exactly two');
		expect(errorsOf(run('<isnull><field>DEPARTMENT</field></isnull>', '<pagesize>2001</pagesize>'))[0].errorno).toBe('Query Failed');
	});

	it('aggregates group by the plain fields', () => {
		const rows = records(
			company.execute(top, xml('<query><object>GLENTRY</object><select><field>TR_TYPE</field><sum>AMOUNT</sum><count>RECORDNO</count></select><options><showprivate>true</showprivate></options></query>')),
		);
		expect(rows).toHaveLength(2);
		const debit = rows.find((r) => r.TR_TYPE === '1')!;
		const credit = rows.find((r) => r.TR_TYPE === '-1')!;
		expect(debit['SUM.AMOUNT']).toBe(credit['SUM.AMOUNT']); // the seeded ledger balances
	});

	it('GLDETAIL has signed AMOUNT and MODULEKEY 3.AP lines from bills', () => {
		const rows = records(
			company.execute(top, xml('<query><object>GLDETAIL</object><select><field>AMOUNT</field><field>CREDITAMOUNT</field><field>TR_TYPE</field><field>VENDORNAME</field><field>RECORDID</field></select><filter><equalto><field>MODULEKEY</field><value>3.AP</value></equalto></filter><options><showprivate>true</showprivate></options><pagesize>50</pagesize></query>')),
		);
		const credit = rows.find((r) => r.TR_TYPE === '-1')!;
		expect(Number(credit.AMOUNT)).toBeLessThan(0);
		expect(Number(credit.CREDITAMOUNT)).toBe(-Number(credit.AMOUNT));
		expect(credit.RECORDID).toMatch(/^INV-/);
	});
});

describe('lookup and inspect (§4.5)', () => {
	it('lookup lists fields with datatype, required and valid values, and relationships', () => {
		const [type] = records(company.execute(top, xml('<lookup><object>GLBATCH</object></lookup>')));
		expect(type.$attributes).toEqual({ Name: 'GLBATCH', DocumentType: '' });
		const fields = (type.Fields as { Field: Array<Record<string, unknown>> }).Field;
		const state = fields.find((f) => f.ID === 'STATE')!;
		expect(state).toMatchObject({ DATATYPE: 'ENUM', REQUIRED: 'false' });
		expect((state.VALIDVALUES as { VALIDVALUE: string[] }).VALIDVALUE).toContain('Posted');
		expect(fields.find((f) => f.ID === 'BATCH_DATE')).toMatchObject({ DATATYPE: 'DATE', REQUIRED: 'true' });
		expect((type.Relationships as { Relationship: Array<Record<string, string>> }).Relationship[0]).toMatchObject({ OBJECTPATH: 'JOURNAL', OBJECTNAME: 'GLJOURNAL' });
	});

	it('inspect * lists every emulated object', () => {
		const out = records(company.execute(top, xml('<inspect><object>*</object></inspect>')));
		const names = out.map((r) => (r.$attributes as Record<string, string>).typename);
		expect(names).toEqual(expect.arrayContaining(['GLBATCH', 'GLENTRY', 'GLDETAIL', 'APBILL', 'VENDOR', 'FUNDINGSOURCE', 'SUPDOC']));
	});
});

describe('query details', () => {
	it('APBILL reaches VENDOR fields by dot path; caseinsensitive applies to like', () => {
		const body = (ci: string) =>
			xml(`<query><object>APBILL</object><select><field>RECORDNO</field><field>VENDOR.NAME</field></select><filter><like><field>VENDOR.NAME</field><value>summit%</value></like></filter><options><caseinsensitive>${ci}</caseinsensitive><showprivate>true</showprivate></options></query>`);
		expect(records(company.execute(top, body('false')))).toHaveLength(0);
		const rows = records(company.execute(top, body('true')));
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r['VENDOR.NAME'] === 'Summit CPA Group')).toBe(true);
	});

	it('GLENTRY reaches ACCOUNT.TITLE; in/notin and isnotnull work', () => {
		const rows = records(
			company.execute(
				top,
				xml('<query><object>GLENTRY</object><select><field>ACCOUNTNO</field><field>ACCOUNT.TITLE</field></select><filter><and><in><field>ACCOUNTNO</field><value>5000</value><value>5200</value></in><isnotnull><field>DEPARTMENT</field></isnotnull><notin><field>LOCATION</field><value>120</value></notin></and></filter><options><showprivate>true</showprivate></options><pagesize>2000</pagesize></query>'),
			),
		);
		expect(rows.length).toBeGreaterThan(0);
		expect(new Set(rows.map((r) => r['ACCOUNT.TITLE']))).toEqual(new Set(['Salaries and Wages', 'Payroll Taxes']));
	});

	it('readByQuery refuses dotted related fields (no joins, §4.2)', () => {
		expect(errorsOf(() => company.execute(top, xml("<readByQuery><object>GLBATCH</object><query>JOURNAL.TITLE = 'x'</query></readByQuery>")))[0].description2).toContain('use query');
	});

	it('timestamp filters compare as timestamps', () => {
		const rows = records(company.execute(top, xml("<readByQuery><object>GLENTRY</object><fields>WHENMODIFIED</fields><query>WHENMODIFIED &gt;= '10/30/2026 12:00:00'</query><pagesize>1000</pagesize></readByQuery>")));
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) {
			const [, m, d, y, t] = /^(\d+)\/(\d+)\/(\d+) (.*)$/.exec(String(r.WHENMODIFIED))!;
			expect(`${y}-${m}-${d} ${t}` >= '2026-10-30 12:00:00').toBe(true);
		}
	});
});
