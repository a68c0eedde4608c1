import { createCompany } from '../../../sandbox/model';
import type { ChangeEvent } from '../../../sandbox/model/contract';
import { BALANCED_LINES, ctxAt, dataOf, errorsOf, journalEntry, records, xml } from './xml-input';

const top = ctxAt();

function newCompany() {
	const company = createCompany();
	const events: ChangeEvent[] = [];
	company.onChange((e) => events.push(e));
	return { company, events };
}

describe('GLBATCH create (§5.2, §12.20)', () => {
	it('creates header + GLENTRY lines with per-journal BATCHNO, dims, audit stamps and events', () => {
		const { company, events } = newCompany();
		const out = dataOf(company.execute(top, journalEntry(BALANCED_LINES)));
		expect(out.listType).toBe('objects');
		expect(out.records[0].element).toBe('glbatch');
		const recordNo = String(out.records[0].fields.RECORDNO);
		expect(out.records[0].fields.RECORD_URL).toContain('glbatch');
		const [batch] = records(company.execute(top, xml(`<read><object>GLBATCH</object><keys>${recordNo}</keys><fields>*</fields></read>`)));
		expect(batch).toMatchObject({ STATE: 'Posted', JOURNAL: 'GJ', MODULE: '2.GL', WHENCREATED: '11/20/2026 10:00:00' });
		const lines = (batch.ENTRIES as { glentry: Array<Record<string, string>> }).glentry;
		expect(lines.map((l) => l.LINE_NO)).toEqual(['1', '2']);
		expect(lines[0]).toMatchObject({ BATCHNO: recordNo, ACCOUNTTITLE: 'Program Supplies', PROJECTNAME: 'After-School Mentoring 2025', FUNDINGSOURCENAME: 'County', DESCRIPTION: 'Test entry' });
		const second = dataOf(company.execute(top, journalEntry(BALANCED_LINES)));
		const [b2] = records(company.execute(top, xml(`<read><object>GLBATCH</object><keys>${second.records[0].fields.RECORDNO}</keys><fields>BATCHNO</fields></read>`)));
		expect(Number(b2.BATCHNO)).toBe(Number(batch.BATCHNO) + 1);
		expect(events.filter((e) => e.object === 'GLENTRY' && e.kind === 'create')).toHaveLength(4);
		expect(events.find((e) => e.object === 'GLBATCH')?.fields.RECORDNO).toBe(recordNo);
	});

	it('accepts lower-case field names, AMOUNT instead of TRX_AMOUNT and un-padded dates', () => {
		const { company } = newCompany();
		const el = xml(
			'<create><glbatch><journal>GJ</journal><batch_date>6/3/2025</batch_date><batch_title>lower</batch_title><entries>' +
				'<glentry><accountno>6000</accountno><tr_type>1</tr_type><amount>5</amount><location>210</location></glentry>' +
				'<glentry><accountno>1000</accountno><tr_type>-1</tr_type><amount>5</amount><location>210</location></glentry></entries></glbatch></create>',
		);
		const no = dataOf(company.execute(top, el)).records[0].fields.RECORDNO;
		const [b] = records(company.execute(top, xml(`<read><object>GLBATCH</object><keys>${no}</keys><fields>BATCH_DATE</fields></read>`)));
		expect(b.BATCH_DATE).toBe('06/03/2025');
	});

	it.each([
		['unbalanced', BALANCED_LINES.replace('100.10</TRX_AMOUNT><LOCATION>110</LOCATION></GLENTRY>', '99.00</TRX_AMOUNT><LOCATION>110</LOCATION></GLENTRY>'), undefined, 'not balanced'],
		['one line', BALANCED_LINES.split('</GLENTRY>')[0] + '</GLENTRY>', undefined, 'at least 2 lines'],
		['unknown account', BALANCED_LINES.replace('<ACCOUNTNO>6000', '<ACCOUNTNO>9999'), undefined, "'9999'"],
		['unknown UDD value', BALANCED_LINES.replace('10004', '99999'), undefined, 'Funding Source'],
		['bad TR_TYPE', BALANCED_LINES.replace('<TR_TYPE>1<', '<TR_TYPE>debit<'), undefined, 'TR_TYPE'],
		['closed period', BALANCED_LINES, '<JOURNAL>GJ</JOURNAL><BATCH_DATE>12/31/2024</BATCH_DATE><BATCH_TITLE>x</BATCH_TITLE>', 'period'],
		['invalid date', BALANCED_LINES, '<JOURNAL>GJ</JOURNAL><BATCH_DATE>02/30/2025</BATCH_DATE><BATCH_TITLE>x</BATCH_TITLE>', 'Invalid date'],
		['reverse date not after', BALANCED_LINES, '<JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2025</BATCH_DATE><REVERSEDATE>06/30/2025</REVERSEDATE><BATCH_TITLE>x</BATCH_TITLE>', 'after the posting date'],
		['missing title', BALANCED_LINES, '<JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2025</BATCH_DATE>', 'BATCH_TITLE'],
		['required department', BALANCED_LINES.replace('<ACCOUNTNO>6000', '<ACCOUNTNO>5000').replace('<DEPARTMENT>PROG</DEPARTMENT>', ''), undefined, 'DEPARTMENT'],
	])('rejects %s with the specific error then BL01001973', (_name, lines, header, text) => {
		const { company, events } = newCompany();
		const errors = errorsOf(() => company.execute(top, journalEntry(lines, header)));
		expect(errors[0].description2).toContain(text);
		expect(errors[errors.length - 1]).toMatchObject({ errorno: 'BL01001973', description2: 'Could not create Journal Entry record!' });
		expect(events).toHaveLength(0);
	});

	it('balances per entity unless BASELOCATION_NO is given (§8)', () => {
		const { company } = newCompany();
		const crossEntity = BALANCED_LINES.replace('<TRX_AMOUNT>100.10</TRX_AMOUNT><LOCATION>110</LOCATION></GLENTRY>', '<TRX_AMOUNT>100.10</TRX_AMOUNT><LOCATION>210</LOCATION></GLENTRY>');
		expect(errorsOf(() => company.execute(top, journalEntry(crossEntity)))[0].description2).toContain('for entity');
		const header = '<JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2025</BATCH_DATE><BATCH_TITLE>x</BATCH_TITLE><BASELOCATION_NO>100</BASELOCATION_NO>';
		expect(dataOf(company.execute(top, journalEntry(crossEntity, header))).records).toHaveLength(1);
	});

	it('at an entity, stamps MEGAENTITYID, defaults LOCATION and refuses other entities\' locations', () => {
		const { company } = newCompany();
		const east = ctxAt('100');
		const noLocation = BALANCED_LINES.replace(/<LOCATION>110<\/LOCATION>/g, '');
		const no = dataOf(company.execute(east, journalEntry(noLocation))).records[0].fields.RECORDNO;
		const [b] = records(company.execute(top, xml(`<read><object>GLBATCH</object><keys>${no}</keys><fields>*</fields></read>`)));
		expect(b.MEGAENTITYID).toBe('100');
		expect((b.ENTRIES as { glentry: Array<Record<string, string>> }).glentry[0].LOCATION).toBe('100');
		expect(errorsOf(() => company.execute(east, journalEntry(BALANCED_LINES.replace(/110/g, '210'))))[0].description2).toContain('does not belong to entity 100');
	});
});

describe('GLBATCH update, reverse, delete (§5.2, §12.21)', () => {
	it('updates Draft and Posted entries (lines replaced), refuses STATE Reversed and a reverse date on the posting date, deletes with events', () => {
		const { company, events } = newCompany();
		const draftHeader = '<JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2025</BATCH_DATE><BATCH_TITLE>draft</BATCH_TITLE><STATE>Draft</STATE>';
		const draftNo = dataOf(company.execute(top, journalEntry(BALANCED_LINES, draftHeader))).records[0].fields.RECORDNO;
		const newLines = BALANCED_LINES.replace(/100\.10/g, '250.00');
		company.execute(top, xml(`<update><GLBATCH><RECORDNO>${draftNo}</RECORDNO><STATE>Posted</STATE><ENTRIES>${newLines}</ENTRIES></GLBATCH></update>`));
		const [updated] = records(company.execute(top, xml(`<read><object>GLBATCH</object><keys>${draftNo}</keys><fields>*</fields></read>`)));
		expect(updated.STATE).toBe('Posted');
		expect((updated.ENTRIES as { glentry: Array<Record<string, string>> }).glentry.map((l) => l.AMOUNT)).toEqual(['250.00', '250.00']);
		expect(events.filter((e) => e.object === 'GLENTRY' && e.kind === 'delete')).toHaveLength(2);

		// Posted entries may be updated (general-ledger-journal-entries.md, Update Journal Entry); the
		// sandbox used to refuse them (an invention replaced in issue 11).
		company.execute(top, xml(`<update><GLBATCH><RECORDNO>${draftNo}</RECORDNO><BATCH_TITLE>posted, corrected</BATCH_TITLE></GLBATCH></update>`));
		const [corrected] = records(company.execute(top, xml(`<read><object>GLBATCH</object><keys>${draftNo}</keys><fields>STATE,BATCH_TITLE</fields></read>`)));
		expect(corrected).toMatchObject({ STATE: 'Posted', BATCH_TITLE: 'posted, corrected' });

		// No STATE Reversed and no reverse function: Intacct documents only Posted or Draft (issue 11, item 1).
		const reversedErrors = errorsOf(() =>
			company.execute(top, xml(`<update><GLBATCH><RECORDNO>${draftNo}</RECORDNO><STATE>Reversed</STATE><REVERSEDATE>07/01/2025</REVERSEDATE></GLBATCH></update>`)),
		);
		expect(reversedErrors[0].description2).toContain("Invalid value 'Reversed' for field STATE");
		expect(reversedErrors.at(-1)?.description2).toBe('Could not update Journal Entry record!');
		// REVERSEDATE must be greater than BATCH_DATE (06/30/2025), not equal.
		const sameDay = errorsOf(() => company.execute(top, xml(`<update><GLBATCH><RECORDNO>${draftNo}</RECORDNO><REVERSEDATE>06/30/2025</REVERSEDATE></GLBATCH></update>`)));
		expect(sameDay[0].description2).toContain('must be after the posting date');

		events.length = 0;
		expect(company.execute(top, xml(`<delete><object>GLBATCH</object><keys>${draftNo}</keys></delete>`))).toEqual({ kind: 'none' });
		expect(events.map((e) => `${e.object}:${e.kind}`)).toEqual(['GLENTRY:delete', 'GLENTRY:delete', 'GLBATCH:delete']);
		expect(records(company.execute(top, xml(`<read><object>GLBATCH</object><keys>${draftNo}</keys></read>`)))).toHaveLength(0);
	});
});

describe('legacy create_gltransaction / delete_gltransaction (§5.3)', () => {
	const legacy = (order: string) =>
		xml(`<create_gltransaction><journalid>GJ</journalid><datecreated><year>2025</year><month>6</month><day>30</day></datecreated><description>legacy</description><gltransactionentries>
		<glentry>${order}</glentry>
		<glentry><trtype>credit</trtype><amount>10</amount><glaccountno>1000</glaccountno><locationid>110</locationid></glentry></gltransactionentries></create_gltransaction>`);

	it('returns the key and maps debit/credit words', () => {
		const { company } = newCompany();
		const out = company.execute(top, legacy('<trtype>debit</trtype><amount>10</amount><glaccountno>6000</glaccountno><memo>m</memo><locationid>110</locationid>'));
		expect(out.kind).toBe('key');
		const key = out.kind === 'key' ? out.key : '';
		const [b] = records(company.execute(top, xml(`<read><object>GLBATCH</object><keys>${key}</keys><fields>*</fields></read>`)));
		expect((b.ENTRIES as { glentry: Array<Record<string, string>> }).glentry.map((l) => l.TR_TYPE)).toEqual(['1', '-1']);
		expect(company.execute(top, xml(`<delete_gltransaction key="${key}"/>`))).toEqual({ kind: 'none' });
	});

	it('rejects elements out of order with XL03000003', () => {
		const { company } = newCompany();
		const errors = errorsOf(() => company.execute(top, legacy('<amount>10</amount><trtype>debit</trtype><glaccountno>6000</glaccountno><locationid>110</locationid>')));
		expect(errors[0].errorno).toBe('XL03000003');
	});
});

describe('APBILL (§5.4, §12.22)', () => {
	const bill = (extra = '', lines = '<APBILLITEM><ACCOUNTNO>6300</ACCOUNTNO><TRX_AMOUNT>100.126</TRX_AMOUNT><LOCATIONID>110</LOCATIONID><DEPARTMENTID>ADMIN</DEPARTMENTID></APBILLITEM>') =>
		xml(`<create><APBILL><VENDORID>V-105</VENDORID><WHENCREATED>10/01/2026</WHENCREATED><WHENDUE>11/15/2026</WHENDUE>${extra}<APBILLITEMS>${lines}</APBILLITEMS></APBILL></create>`);

	it('creates a posted bill: the vendor term, 2-decimal rounding, totals and an APJ GL entry', () => {
		const { company, events } = newCompany();
		const no = dataOf(company.execute(top, bill('<RECORDID>INV-1</RECORDID>'))).records[0].fields.RECORDNO;
		const [b] = records(company.execute(top, xml(`<read><object>APBILL</object><keys>${no}</keys><fields>*</fields></read>`)));
		expect(b).toMatchObject({ WHENDUE: '11/15/2026', TERMNAME: 'Net 45', TOTALENTERED: '100.13', TOTALDUE: '100.13', TOTALPAID: '0.00', STATE: 'Posted', VENDORNAME: 'Summit CPA Group' });
		const gl = records(company.execute(top, xml(`<read><object>GLBATCH</object><keys>${b.GLBATCHKEY}</keys><fields>*</fields></read>`)))[0];
		expect(gl).toMatchObject({ JOURNAL: 'APJ', MODULE: '3.AP' });
		const glLines = (gl.ENTRIES as { glentry: Array<Record<string, string>> }).glentry;
		expect(glLines.map((l) => [l.ACCOUNTNO, l.TR_TYPE, l.AMOUNT])).toEqual([['6300', '1', '100.13'], ['2000', '-1', '100.13']]);
		expect(events.map((e) => e.object)).toContain('APBILL');
	});

	it('draft bills need no VENDORID/dates; submitted ones do', () => {
		const { company } = newCompany();
		const errors = errorsOf(() => company.execute(top, xml('<create><APBILL><APBILLITEMS><APBILLITEM><ACCOUNTNO>6300</ACCOUNTNO><TRX_AMOUNT>1</TRX_AMOUNT><LOCATIONID>110</LOCATIONID></APBILLITEM></APBILLITEMS></APBILL></create>')));
		expect(errors[0].description2).toContain('VENDORID, WHENCREATED, WHENDUE');
		expect(errors[1].description2).toBe('Could not create Bill record!');
		const draft = xml('<create><APBILL><ACTION>Draft</ACTION><APBILLITEMS><APBILLITEM><ACCOUNTNO>6300</ACCOUNTNO><TRX_AMOUNT>1</TRX_AMOUNT><LOCATIONID>110</LOCATIONID></APBILLITEM></APBILLITEMS></APBILL></create>');
		expect(dataOf(company.execute(top, draft)).records).toHaveLength(1);
	});

	it('generic create: WHENDUE is required unless Draft, a payment term does not stand in for it (accounts-payable-bills.md, Create Bill)', () => {
		const { company } = newCompany();
		const line = '<APBILLITEMS><APBILLITEM><ACCOUNTNO>6300</ACCOUNTNO><TRX_AMOUNT>1</TRX_AMOUNT><LOCATIONID>110</LOCATIONID></APBILLITEM></APBILLITEMS>';
		const withTerm = xml(`<create><APBILL><VENDORID>V-105</VENDORID><WHENCREATED>10/01/2026</WHENCREATED><TERMNAME>Net 30</TERMNAME>${line}</APBILL></create>`);
		const errors = errorsOf(() => company.execute(top, withTerm));
		expect(errors.map((e) => e.errorno)).toEqual(['BL03000018', 'BL01001973']);
		expect(errors[0].description2).toBe('Required field WHENDUE is missing.');
		const draft = xml(`<create><APBILL><VENDORID>V-105</VENDORID><WHENCREATED>10/01/2026</WHENCREATED><ACTION>Draft</ACTION>${line}</APBILL></create>`);
		expect(dataOf(company.execute(top, draft)).records).toHaveLength(1);
	});

	it('bill number required (BL03002128) and duplicate bill number per vendor (BL34000061)', () => {
		const { company } = newCompany();
		company.settings.billNumberRequired = true;
		expect(errorsOf(() => company.execute(top, bill()))[0]).toMatchObject({ errorno: 'BL03002128', description2: 'Enter a Bill number, and try again.' });
		company.execute(top, bill('<RECORDID>DUP-1</RECORDID>'));
		const errors = errorsOf(() => company.execute(top, bill('<RECORDID>DUP-1</RECORDID>')));
		expect(errors.map((e) => e.errorno)).toEqual(['BL34000061', 'BL01001973']);
		expect(errors[0].description2).toBe('Another Bill with the given value(s) DUP-1  already exists');
	});

	it('update replaces lines by LINE_NO, header-only update keeps lines, delete removes bill and GL', () => {
		const { company } = newCompany();
		const two = '<APBILLITEM><ACCOUNTNO>6300</ACCOUNTNO><TRX_AMOUNT>10</TRX_AMOUNT><LOCATIONID>110</LOCATIONID></APBILLITEM><APBILLITEM><ACCOUNTNO>6500</ACCOUNTNO><TRX_AMOUNT>20</TRX_AMOUNT><LOCATIONID>110</LOCATIONID></APBILLITEM>';
		const no = dataOf(company.execute(top, bill('', two))).records[0].fields.RECORDNO;
		company.execute(top, xml(`<update><APBILL><RECORDNO>${no}</RECORDNO><APBILLITEMS><APBILLITEM><LINE_NO>2</LINE_NO><TRX_AMOUNT>25</TRX_AMOUNT></APBILLITEM></APBILLITEMS></APBILL></update>`));
		const [b] = records(company.execute(top, xml(`<read><object>APBILL</object><keys>${no}</keys><fields>*</fields></read>`)));
		const items = (b.APBILLITEMS as { apbillitem: Array<Record<string, string>> }).apbillitem;
		expect(items.map((i) => [i.ACCOUNTNO, i.TRX_AMOUNT])).toEqual([['6500', '25.00']]);
		expect(b.TOTALENTERED).toBe('25.00');
		company.execute(top, xml(`<update><APBILL><RECORDNO>${no}</RECORDNO><DESCRIPTION>new</DESCRIPTION></APBILL></update>`));
		const [b2] = records(company.execute(top, xml(`<read><object>APBILL</object><keys>${no}</keys><fields>DESCRIPTION,TOTALENTERED,GLBATCHKEY</fields></read>`)));
		expect(b2).toMatchObject({ DESCRIPTION: 'new', TOTALENTERED: '25.00' });
		company.execute(top, xml(`<delete><object>APBILL</object><keys>${no}</keys></delete>`));
		expect(records(company.execute(top, xml(`<read><object>GLBATCH</object><keys>${b2.GLBATCHKEY}</keys></read>`)))).toHaveLength(0);
	});

	it('paid bills cannot be deleted', () => {
		const { company } = newCompany();
		const [paid] = records(company.execute(top, xml("<readByQuery><object>APBILL</object><fields>RECORDNO</fields><query>STATE = 'P'</query></readByQuery>")));
		expect(errorsOf(() => company.execute(top, xml(`<delete><object>APBILL</object><keys>${paid.RECORDNO}</keys></delete>`)))[0].description2).toContain('payments');
	});

	it('legacy create_bill returns a key; wrong order is a schema error', () => {
		const { company } = newCompany();
		const ok = company.execute(top, xml('<create_bill><vendorid>V-101</vendorid><datecreated><year>2026</year><month>10</month><day>02</day></datecreated><termname>Net 30</termname><billno>L-1</billno><billitems><lineitem><glaccountno>6150</glaccountno><amount>12.5</amount><locationid>210</locationid></lineitem></billitems></create_bill>'));
		expect(ok.kind).toBe('key');
		const errors = errorsOf(() => company.execute(top, xml('<create_bill><datecreated><year>2026</year><month>10</month><day>02</day></datecreated><vendorid>V-101</vendorid><billitems/></create_bill>')));
		expect(errors[0].errorno).toBe('XL03000003');
		const key = ok.kind === 'key' ? ok.key : '';
		// The term stands in for the due date in create_bill (Create Bill (Legacy): datedue "Required if not using termname").
		expect(records(company.execute(top, xml(`<read><object>APBILL</object><keys>${key}</keys><fields>WHENDUE</fields></read>`)))[0].WHENDUE).toBe('11/01/2026');
		company.execute(top, xml(`<update_bill key="${key}"><description>changed</description><updatebillitems><updatelineitem line_num="1"><glaccountno>6150</glaccountno><amount>13</amount><locationid>210</locationid></updatelineitem></updatebillitems></update_bill>`));
		const [b] = records(company.execute(top, xml(`<read><object>APBILL</object><keys>${key}</keys><fields>TOTALENTERED,DESCRIPTION</fields></read>`)));
		expect(b).toEqual({ TOTALENTERED: '13.00', DESCRIPTION: 'changed' });
		expect(company.execute(top, xml(`<delete_bill key="${key}"/>`))).toEqual({ kind: 'none' });
	});

	it('legacy create_bill without datedue or termname is a schema error (api.xsd create_bill choice)', () => {
		const { company } = newCompany();
		const errors = errorsOf(() =>
			company.execute(top, xml('<create_bill><vendorid>V-101</vendorid><datecreated><year>2026</year><month>10</month><day>02</day></datecreated><billitems><lineitem><glaccountno>6150</glaccountno><amount>12.5</amount><locationid>210</locationid></lineitem></billitems></create_bill>')),
		);
		expect(errors[0].errorno).toBe('XL03000003');
		expect(errors[0].description2).toContain('datedue, termname');
	});
});

describe('VENDOR and master data', () => {
	it('creates a vendor (DISPLAYCONTACT nested, CONTACT record) and rejects duplicates with BL34000061', () => {
		const { company, events } = newCompany();
		const out = dataOf(company.execute(top, xml('<create><VENDOR><VENDORID>V-900</VENDORID><NAME>New Vendor</NAME><DISPLAYCONTACT><PRINTAS>New Vendor Inc</PRINTAS><EMAIL1>a@b.example</EMAIL1></DISPLAYCONTACT></VENDOR></create>')));
		expect(out.records[0]).toMatchObject({ element: 'vendor', fields: { VENDORID: 'V-900' } });
		expect(events.find((e) => e.object === 'VENDOR')?.kind).toBe('create');
		// CONTACTNAME left blank: "[NAME](V[VENDORID])" (accounts-payable-vendors.md, DISPLAYCONTACT).
		expect(records(company.execute(top, xml("<readByQuery><object>CONTACT</object><fields>CONTACTNAME,PRINTAS</fields><query>CONTACTNAME = 'New Vendor(VV-900)'</query></readByQuery>")))).toEqual([
			{ CONTACTNAME: 'New Vendor(VV-900)', PRINTAS: 'New Vendor Inc' },
		]);
		const errors = errorsOf(() => company.execute(top, xml('<create><VENDOR><VENDORID>V-900</VENDORID><NAME>Again</NAME><DISPLAYCONTACT><PRINTAS>Again</PRINTAS></DISPLAYCONTACT></VENDOR></create>')));
		expect(errors).toEqual([
			expect.objectContaining({ errorno: 'BL34000061', description2: 'Another Vendor with the given value(s) V-900  already exists' }),
			expect.objectContaining({ errorno: 'BL01001973', description2: 'Could not create Vendor record!' }),
		]);
		company.execute(top, xml('<update><VENDOR><VENDORID>V-900</VENDORID><NAME>Renamed</NAME></VENDOR></update>'));
		expect(records(company.execute(top, xml('<readByName><object>VENDOR</object><keys>V-900</keys><fields>NAME</fields></readByName>')))[0].NAME).toBe('Renamed');
	});

	it('refuses a vendor without DISPLAYCONTACT/PRINTAS instead of filling it in (accounts-payable-vendors.md, Create Vendor)', () => {
		const { company } = newCompany();
		for (const contact of ['', '<DISPLAYCONTACT><EMAIL1>a@b.example</EMAIL1></DISPLAYCONTACT>']) {
			const errors = errorsOf(() => company.execute(top, xml(`<create><VENDOR><VENDORID>V-901</VENDORID><NAME>No Print As</NAME>${contact}</VENDOR></create>`)));
			expect(errors.map((e) => e.errorno)).toEqual(['BL03000018', 'BL01001973']);
			expect(errors[0].description2).toBe('Required field DISPLAYCONTACT.PRINTAS is missing.');
		}
		expect(records(company.execute(top, xml("<readByQuery><object>VENDOR</object><fields>VENDORID</fields><query>VENDORID = 'V-901'</query></readByQuery>")))).toHaveLength(0);
	});

	it('creates a UDD record numbered from 10001 onwards and a department', () => {
		const { company } = newCompany();
		const udd = dataOf(company.execute(top, xml('<create><FUNDINGSOURCE><NAME>Bequest</NAME></FUNDINGSOURCE></create>')));
		expect(Number(udd.records[0].fields.RECORDNO)).toBeGreaterThan(10006);
		const dept = dataOf(company.execute(top, xml('<create><DEPARTMENT><DEPARTMENTID>OPS</DEPARTMENTID><TITLE>Operations</TITLE></DEPARTMENT></create>')));
		expect(dept.records[0].fields.DEPARTMENTID).toBe('OPS');
	});

	it('attachments only through create_supdoc: the generic create of SUPDOC is refused', () => {
		const { company } = newCompany();
		const generic = xml('<create><SUPDOC><SUPDOCID>DOC-G</SUPDOCID><SUPDOCNAME>x</SUPDOCNAME><SUPDOCFOLDERNAME>Bills</SUPDOCFOLDERNAME><ATTACHMENTS><ATTACHMENT><ATTACHMENTNAME>inv</ATTACHMENTNAME><ATTACHMENTTYPE>pdf</ATTACHMENTTYPE><ATTACHMENTDATA>SGVsbG8=</ATTACHMENTDATA></ATTACHMENT></ATTACHMENTS></SUPDOC></create>');
		const errors = errorsOf(() => company.execute(top, generic));
		expect(errors[0]).toMatchObject({ description2: expect.stringContaining('generic create'), correction: expect.stringContaining('create_supdoc') });
		expect(records(company.execute(top, xml("<readByQuery><object>SUPDOC</object><fields>SUPDOCID</fields><query>SUPDOCID = 'DOC-G'</query></readByQuery>")))).toHaveLength(0);
	});

	it('create_supdoc: supdocname and supdocfoldername required, the folder must exist, names and types without a period', () => {
		const { company } = newCompany();
		const file = (name: string, type = 'pdf') => `<attachment><attachmentname>${name}</attachmentname><attachmenttype>${type}</attachmenttype><attachmentdata>SGVsbG8=</attachmentdata></attachment>`;
		const supdoc = (id: string, body: string) => xml(`<create_supdoc><supdocid>${id}</supdocid>${body}</create_supdoc>`);
		const firstError = (el: ReturnType<typeof xml>) => errorsOf(() => company.execute(top, el))[0];
		expect(firstError(supdoc('D-1', `<supdocname>n</supdocname><attachments>${file('inv')}</attachments>`)).description2).toBe('Required field supdocfoldername is missing.');
		expect(firstError(supdoc('D-2', `<supdocfoldername>Bills</supdocfoldername><attachments>${file('inv')}</attachments>`)).description2).toBe('Required field supdocname is missing.');
		expect(firstError(supdoc('D-3', `<supdocname>n</supdocname><supdocfoldername>No Such Folder</supdocfoldername>`))).toMatchObject({ errorno: 'BL03000015' });
		expect(firstError(supdoc('D-4', `<supdocname>n</supdocname><supdocfoldername>Bills</supdocfoldername><attachments>${file('inv.pdf')}</attachments>`)).description2).toContain('attachmentname');
		expect(firstError(supdoc('D-5', `<supdocname>n</supdocname><supdocfoldername>Bills</supdocfoldername><attachments>${file('inv', '.pdf')}</attachments>`)).description2).toContain('attachmenttype');
		expect(firstError(supdoc('D-6', `<supdocname>n</supdocname><supdocfoldername>Bills</supdocfoldername><attachments><attachment><attachmentname>inv</attachmentname><attachmentdata>SGVsbG8=</attachmentdata></attachment></attachments>`))).toMatchObject({ errorno: 'XL03000003' });
		// create_supdocfolder makes the folder; then the same create_supdoc goes through, and delete_supdoc removes it.
		expect(company.execute(top, xml('<create_supdocfolder><supdocfoldername>No Such Folder</supdocfoldername></create_supdocfolder>'))).toEqual({ kind: 'key', key: 'No Such Folder' });
		expect(company.execute(top, supdoc('D-3', `<supdocname>n</supdocname><supdocfoldername>No Such Folder</supdocfoldername><attachments>${file('inv_2026')}</attachments>`))).toEqual({ kind: 'key', key: 'D-3' });
		expect(company.execute(top, xml('<delete_supdoc key="D-3"/>'))).toEqual({ kind: 'none' });
		expect(records(company.execute(top, xml("<readByQuery><object>SUPDOC</object><fields>SUPDOCID</fields><query>SUPDOCID = 'D-3'</query></readByQuery>")))).toHaveLength(0);
	});

	it('supporting documents: create with base64 attachments, referenced by a journal entry', () => {
		const { company } = newCompany();
		const key = company.execute(top, xml('<create_supdoc><supdocid>DOC-1</supdocid><supdocname>Invoice</supdocname><supdocfoldername>Bills</supdocfoldername><attachments><attachment><attachmentname>inv</attachmentname><attachmenttype>pdf</attachmenttype><attachmentdata>SGVsbG8=</attachmentdata></attachment></attachments></create_supdoc>'));
		expect(key).toEqual({ kind: 'key', key: 'DOC-1' });
		const [doc] = records(company.execute(top, xml('<readByName><object>SUPDOC</object><keys>DOC-1</keys><fields>*</fields></readByName>')));
		expect((doc.ATTACHMENTS as { attachment: Array<Record<string, string>> }).attachment[0].ATTACHMENTDATA).toBe('SGVsbG8=');
		const header = '<JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2025</BATCH_DATE><BATCH_TITLE>x</BATCH_TITLE><SUPDOCID>DOC-1</SUPDOCID>';
		expect(dataOf(company.execute(top, journalEntry(BALANCED_LINES, header))).records).toHaveLength(1);
		expect(errorsOf(() => company.execute(top, journalEntry(BALANCED_LINES, header.replace('DOC-1', 'DOC-X'))))[0].description2).toContain('DOC-X');
	});
});

describe('snapshot/restore and state', () => {
	it('restore undoes writes made after the snapshot', () => {
		const { company } = newCompany();
		const before = dataOf(company.execute(top, xml('<readByQuery><object>GLBATCH</object><fields>RECORDNO</fields><query></query></readByQuery>'))).attributes.totalcount;
		const snap = company.snapshot();
		company.execute(top, journalEntry(BALANCED_LINES));
		company.restore(snap);
		expect(dataOf(company.execute(top, xml('<readByQuery><object>GLBATCH</object><fields>RECORDNO</fields><query></query></readByQuery>'))).attributes.totalcount).toBe(before);
	});

	it('toJSON round-trips through createCompany({ state })', () => {
		const { company } = newCompany();
		const no = dataOf(company.execute(top, journalEntry(BALANCED_LINES))).records[0].fields.RECORDNO;
		const copy = createCompany({ state: JSON.parse(JSON.stringify(company.toJSON())) });
		expect(records(copy.execute(top, xml(`<read><object>GLBATCH</object><keys>${no}</keys><fields>BATCH_TITLE</fields></read>`)))[0].BATCH_TITLE).toBe('Test entry');
		const next = dataOf(copy.execute(top, journalEntry(BALANCED_LINES))).records[0].fields.RECORDNO;
		expect(Number(next)).toBe(Number(no) + 1);
	});

	it('seed is deterministic and glEntryTarget scales the history', () => {
		const a = createCompany({ seed: 3, glEntryTarget: 5000 });
		const count = (c: typeof a) => dataOf(c.execute(top, xml('<readByQuery><object>GLENTRY</object><fields>RECORDNO</fields><query></query><pagesize>1</pagesize></readByQuery>'))).attributes.totalcount;
		expect(Number(count(a))).toBeGreaterThanOrEqual(5000);
		expect(JSON.stringify(createCompany({ seed: 3, glEntryTarget: 5000 }).toJSON())).toBe(JSON.stringify(a.toJSON()));
		expect(a.users().map((u) => u.userId)).toEqual(['ws_n8n', 'ws_west']);
		expect(a.authorisedSenders()).toEqual(['n8n_sandbox']);
		expect(a.entities()).toEqual(['100', '200']);
	});
});

describe('more write rules', () => {
	it('a line location outside every entity is refused', () => {
		const { company } = newCompany();
		company.execute(top, xml('<create><LOCATION><LOCATIONID>HQ</LOCATIONID><NAME>Floating office</NAME></LOCATION></create>'));
		expect(errorsOf(() => company.execute(top, journalEntry(BALANCED_LINES.replace(/110/g, 'HQ'))))[0].description2).toContain('does not belong to an entity');
	});

	it('one create may carry several objects, each answered in order', () => {
		const { company } = newCompany();
		const out = dataOf(company.execute(top, xml('<create><CLASS><CLASSID>X1</CLASSID><NAME>One</NAME></CLASS><CLASS><CLASSID>X2</CLASSID><NAME>Two</NAME></CLASS></create>')));
		expect(out.attributes.count).toBe('2');
		expect(out.records.map((r) => r.fields.CLASSID)).toEqual(['X1', 'X2']);
	});

	it('a later failing object keeps the earlier ones (non-transactional) and reports the failure', () => {
		const { company } = newCompany();
		const errors = errorsOf(() => company.execute(top, xml('<create><CLASS><CLASSID>Y1</CLASSID><NAME>One</NAME></CLASS><CLASS><CLASSID>Y1</CLASSID><NAME>Dup</NAME></CLASS></create>')));
		expect(errors[0].errorno).toBe('BL34000061');
		expect(records(company.execute(top, xml('<readByName><object>CLASS</object><keys>Y1</keys></readByName>')))).toHaveLength(1);
	});

	it('update and delete of unknown records fail with the BL01001973 chain', () => {
		const { company } = newCompany();
		const errors = errorsOf(() => company.execute(top, xml('<delete><object>GLBATCH</object><keys>999999</keys></delete>')));
		expect(errors.map((e) => e.description2)).toEqual(["Cannot find journal entry with key '999999' to delete.", 'Could not delete Journal Entry record!']);
		expect(errorsOf(() => company.execute(top, xml('<update><VENDOR><VENDORID>NOPE</VENDORID><NAME>x</NAME></VENDOR></update>')))[1].description2).toBe('Could not update Vendor record!');
	});

	it('GLENTRY and GLDETAIL cannot be written directly; AP-posted entries belong to their bill', () => {
		const { company } = newCompany();
		expect(errorsOf(() => company.execute(top, xml('<create><GLDETAIL><RECORDNO>1</RECORDNO></GLDETAIL></create>')))[0].description2).toContain('read-only');
		const [apBatch] = records(company.execute(top, xml("<readByQuery><object>GLBATCH</object><fields>RECORDNO</fields><query>MODULE = '3.AP'</query></readByQuery>")));
		expect(errorsOf(() => company.execute(top, xml(`<delete><object>GLBATCH</object><keys>${apBatch.RECORDNO}</keys></delete>`)))[0].description2).toContain('Accounts Payable');
	});

	it('an unknown function is a schema error', () => {
		const { company } = newCompany();
		expect(errorsOf(() => company.execute(top, xml('<frobnicate/>')))[0].errorno).toBe('XL03000003');
	});

	it('a header-only update of a draft entry keeps and re-stamps its lines', () => {
		const { company, events } = newCompany();
		const header = '<JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2025</BATCH_DATE><BATCH_TITLE>d</BATCH_TITLE><STATE>Draft</STATE>';
		const no = dataOf(company.execute(top, journalEntry(BALANCED_LINES, header))).records[0].fields.RECORDNO;
		events.length = 0;
		const later = ctxAt('', '2026-11-21T08:00:00Z');
		company.execute(later, xml(`<update><GLBATCH><RECORDNO>${no}</RECORDNO><BATCH_DATE>07/15/2025</BATCH_DATE></GLBATCH></update>`));
		const [b] = records(company.execute(top, xml(`<read><object>GLBATCH</object><keys>${no}</keys><fields>*</fields></read>`)));
		const lines = (b.ENTRIES as { glentry: Array<Record<string, string>> }).glentry;
		expect(lines.map((l) => [l.ENTRY_DATE, l.WHENMODIFIED])).toEqual([
			['07/15/2025', '11/21/2026 08:00:00'],
			['07/15/2025', '11/21/2026 08:00:00'],
		]);
		expect(events.map((e) => `${e.object}:${e.kind}`)).toEqual(['GLBATCH:update', 'GLENTRY:update', 'GLENTRY:update']);
	});
});

describe('GLBATCH create: only documented, writable fields (docs/fidelity.md)', () => {
	it.each([
		['an unknown header field', '<JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2025</BATCH_DATE><BATCH_TITLE>t</BATCH_TITLE><COLOUR>red</COLOUR>', BALANCED_LINES, /Field COLOUR is not a field of GLBATCH/],
		['a read-only header field', '<JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2025</BATCH_DATE><BATCH_TITLE>t</BATCH_TITLE><MODULE>2.GL</MODULE>', BALANCED_LINES, /Field MODULE of GLBATCH is read-only/],
		['GLENTRY.JOURNAL on a line', '<JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2025</BATCH_DATE><BATCH_TITLE>t</BATCH_TITLE>', BALANCED_LINES.replace('<GLENTRY>', '<GLENTRY><JOURNAL>GJ</JOURNAL>'), /Field JOURNAL is not a field of GLENTRY \(entry line 1\)/],
		['a read-only line field', '<JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2025</BATCH_DATE><BATCH_TITLE>t</BATCH_TITLE>', BALANCED_LINES.replace('<GLENTRY>', '<GLENTRY><ACCOUNTTITLE>x</ACCOUNTTITLE>'), /Field ACCOUNTTITLE of GLENTRY is read-only/],
	])('refuses %s', (_name, header, lines, text) => {
		const { company } = newCompany();
		const errors = errorsOf(() => company.execute(top, journalEntry(lines, header)));
		expect(errors[0].description2).toMatch(text);
		expect(errors.at(-1)?.description2).toBe('Could not create Journal Entry record!');
	});

	it('accepts the documented write-only line fields (EXCH_RATE_TYPE_ID, TASKID, BILLABLE)', () => {
		const { company } = newCompany();
		const lines = BALANCED_LINES.replace('<GLENTRY>', '<GLENTRY><EXCH_RATE_TYPE_ID>Intacct Daily Rate</EXCH_RATE_TYPE_ID><BILLABLE>false</BILLABLE>');
		const out = company.execute(top, journalEntry(lines, '<JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2025</BATCH_DATE><BATCH_TITLE>t</BATCH_TITLE>'));
		expect(out.kind).toBe('data');
	});
});
