/**
 * Charge card transactions and the legacy attachment reads in the model (Sage's Charge Card
 * Transactions and Attachments pages): record_cctransaction needs an existing card, a date, at
 * least one line with an account and an amount and (multi-entity company) a location; it posts
 * debit expense / credit the card's liability account; reverse_cctransaction undoes it once.
 * get / get_list of supdoc and supdocfolder answer in the legacy shape.
 */
import { createCompany } from '../../../sandbox/model';
import type { CompanyModel } from '../../../sandbox/model/contract';
import { ctxAt, dataOf, errorsOf, records, xml } from './xml-input';

const top = ctxAt();
const east = ctxAt('100');

const DATE = '<paymentdate><year>2026</year><month>11</month><day>03</day></paymentdate>';
const LINE = '<ccpayitem><glaccountno>6000</glaccountno><description>Supplies</description><paymentamount>54.32</paymentamount><departmentid>PROG</departmentid><locationid>110</locationid></ccpayitem>';

function record(header: string, lines = LINE): ReturnType<typeof xml> {
	return xml(`<record_cctransaction>${header}<ccpayitems>${lines}</ccpayitems></record_cctransaction>`);
}

function keyOf(company: CompanyModel, fn: ReturnType<typeof xml>, ctx = top): string {
	const out = company.execute(ctx, fn);
	if (out.kind !== 'key') throw new Error('expected a key');
	return out.key;
}

function read(company: CompanyModel, object: string, query: string) {
	return records(company.execute(top, xml(`<readByQuery><object>${object}</object><fields>*</fields><query>${query}</query></readByQuery>`)));
}

describe('record_cctransaction', () => {
	it('creates the transaction and its lines and posts debit expense / credit the card liability account', () => {
		const company = createCompany();
		const key = keyOf(company, record(`<chargecardid>VISA-1234</chargecardid>${DATE}<referenceno>R-1</referenceno><payee>Costco</payee><description>Supplies</description>`, LINE + LINE.replace('54.32', '10.00')));
		const [txn] = read(company, 'CCTRANSACTION', `RECORDNO = ${key}`);
		expect(txn).toMatchObject({ FINANCIALENTITY: 'VISA-1234', WHENCREATED: '11/03/2026', RECORDID: 'R-1', PAYEE: 'Costco', TOTALENTERED: '64.32', STATE: 'Posted' });
		const lines = read(company, 'CCTRANSACTIONENTRY', `RECORDKEY = ${key}`);
		expect(lines.map((l) => [l.LINE_NO, l.ACCOUNTNO, l.TRX_AMOUNT, l.LOCATIONID, l.DEPARTMENTID])).toEqual([
			['1', '6000', '54.32', '110', 'PROG'],
			['2', '6000', '10.00', '110', 'PROG'],
		]);
		const gl = read(company, 'GLENTRY', `BATCHNO = ${String(txn.GLBATCHKEY)}`);
		expect(gl.map((l) => [l.ACCOUNTNO, l.TR_TYPE, l.TRX_AMOUNT])).toEqual([
			['6000', '1', '54.32'],
			['2050', '-1', '54.32'],
			['6000', '1', '10.00'],
			['2050', '-1', '10.00'],
		]);
	});

	it.each([
		['an unknown card', record(`<chargecardid>VISA-9999</chargecardid>${DATE}`), /Charge Card Account 'VISA-9999'/],
		['a line without a location (multi-entity company)', record(`<chargecardid>VISA-1234</chargecardid>${DATE}`, LINE.replace('<locationid>110</locationid>', '')), /locationid is missing.*\(line 1\)/],
		['an unknown account', record(`<chargecardid>VISA-1234</chargecardid>${DATE}`, LINE.replace('6000', '9999')), /'9999' given for glaccountno.*\(line 1\)/],
		['a zero amount', record(`<chargecardid>VISA-1234</chargecardid>${DATE}`, LINE + LINE.replace('54.32', '0')), /paymentamount.*\(line 2\)/],
		['an unknown attachment', record(`<chargecardid>VISA-1234</chargecardid>${DATE}<supdocid>NOPE</supdocid>`), /'NOPE' given for supdocid/],
		['a location of another entity', record(`<chargecardid>VISA-1234</chargecardid>${DATE}`, LINE.replace('110', '210')), /Location 210 does not belong to entity 100/, east],
	])('refuses %s with Intacct\'s wrapper error', (_name, fn, message, ctx = top) => {
		const company = createCompany();
		const errors = errorsOf(() => company.execute(ctx, fn));
		expect(errors.map((e) => e.description2).join(' ')).toMatch(message);
		expect(errors[errors.length - 1]).toMatchObject({ errorno: 'BL01001973', description2: 'Could not create Charge Card Transaction record!' });
		expect(read(company, 'CCTRANSACTION', '')).toHaveLength(0);
	});

	it.each([
		['no lines', xml(`<record_cctransaction><chargecardid>VISA-1234</chargecardid>${DATE}<ccpayitems></ccpayitems></record_cctransaction>`)],
		['a currency without a rate type (api.xsd choice)', record(`<chargecardid>VISA-1234</chargecardid>${DATE}<currency>USD</currency>`)],
		['elements out of order', record(`${DATE}<chargecardid>VISA-1234</chargecardid>`)],
		['a line without an amount', record(`<chargecardid>VISA-1234</chargecardid>${DATE}`, '<ccpayitem><glaccountno>6000</glaccountno><locationid>110</locationid></ccpayitem>')],
	])('refuses %s as a schema error', (_name, fn) => {
		const company = createCompany();
		expect(errorsOf(() => company.execute(top, fn))[0].errorno).toBe('XL03000003');
	});

	it('the generic create of CCTRANSACTION is refused (only the legacy function is documented)', () => {
		const company = createCompany();
		const errors = errorsOf(() => company.execute(top, xml('<create><CCTRANSACTION><FINANCIALENTITY>VISA-1234</FINANCIALENTITY></CCTRANSACTION></create>')));
		expect(errors[0]).toMatchObject({ description2: expect.stringMatching(/generic create/), correction: expect.stringMatching(/record_cctransaction/) });
	});

	it('reverse_cctransaction posts the opposite once; a second reversal is refused', () => {
		const company = createCompany();
		const key = keyOf(company, record(`<chargecardid>VISA-1234</chargecardid>${DATE}`));
		const reversal = keyOf(company, xml(`<reverse_cctransaction key="${key}"><datereversed><year>2026</year><month>11</month><day>05</day></datereversed><memo>Wrong card</memo></reverse_cctransaction>`));
		const [original] = read(company, 'CCTRANSACTION', `RECORDNO = ${key}`);
		const [opposite] = read(company, 'CCTRANSACTION', `RECORDNO = ${reversal}`);
		expect(original).toMatchObject({ STATE: 'Reversed', REVERSALKEY: reversal });
		expect(opposite).toMatchObject({ STATE: 'Reversal', REVERSEDKEY: key, TOTALENTERED: '-54.32', WHENCREATED: '11/05/2026' });
		const gl = read(company, 'GLENTRY', `BATCHNO = ${String(opposite.GLBATCHKEY)}`);
		expect(gl.map((l) => [l.ACCOUNTNO, l.TR_TYPE, l.TRX_AMOUNT])).toEqual([
			['6000', '-1', '54.32'],
			['2050', '1', '54.32'],
		]);
		const again = errorsOf(() => company.execute(top, xml(`<reverse_cctransaction key="${key}"><datereversed><year>2026</year><month>11</month><day>06</day></datereversed></reverse_cctransaction>`)));
		expect(again[0].description2).toMatch(/is Reversed and cannot be reversed/);
	});
});

describe('get / get_list of supdoc and supdocfolder (legacy)', () => {
	function upload(company: CompanyModel, id: string, folder = 'Bills'): void {
		company.execute(top, xml(`<create_supdoc><supdocid>${id}</supdocid><supdocname>Receipt ${id}</supdocname><supdocfoldername>${folder}</supdocfoldername><attachments><attachment><attachmentname>r</attachmentname><attachmenttype>txt</attachmenttype><attachmentdata>aGVsbG8=</attachmentdata></attachment></attachments></create_supdoc>`));
	}

	it('get answers the one attachment with its files, in the legacy list shape; a missing key answers none', () => {
		const company = createCompany();
		upload(company, 'R-1');
		const out = dataOf(company.execute(top, xml('<get object="supdoc" key="R-1"></get>')));
		expect(out.legacyList).toEqual({ name: 'supdoc', start: '0', end: '0', total: '1' });
		expect(out.records[0].element).toBe('supdoc');
		expect(out.records[0].fields).toMatchObject({ supdocid: 'R-1', supdocname: 'Receipt R-1', folder: 'Bills', attachments: { attachment: [{ attachmentname: 'r', attachmenttype: 'txt', attachmentdata: 'aGVsbG8=' }] } });
		expect(dataOf(company.execute(top, xml('<get object="supdoc" key="NONE"></get>'))).records).toHaveLength(0);
	});

	it('get_list filters, sorts, pages and limits fields', () => {
		const company = createCompany();
		for (const id of ['A-1', 'A-2', 'B-1']) upload(company, id, id.startsWith('A') ? 'Bills' : 'Journal Entries');
		const listed = dataOf(
			company.execute(
				top,
				xml('<get_list object="supdoc" maxitems="1" start="1"><filter><expression><field>folder</field><operator>=</operator><value>Bills</value></expression></filter><sorts><sortfield order="desc">supdocid</sortfield></sorts><fields><field>supdocid</field></fields></get_list>'),
			),
		);
		expect(listed.legacyList).toEqual({ name: 'supdoc', start: '1', end: '1', total: '2' });
		expect(listed.records.map((r) => r.fields)).toEqual([{ supdocid: 'A-1' }]);
		const folders = dataOf(company.execute(top, xml('<get_list object="supdocfolder"></get_list>')));
		expect(folders.records.map((r) => r.fields.name)).toEqual(expect.arrayContaining(['Bills', 'Journal Entries']));
	});

	it('objects these functions are not emulated for are refused', () => {
		const company = createCompany();
		expect(errorsOf(() => company.execute(top, xml('<get_list object="vendor"></get_list>')))[0].errorno).toBe('Query Failed');
	});
});
