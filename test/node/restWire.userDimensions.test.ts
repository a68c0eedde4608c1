/**
 * User-defined dimensions on lines over OAuth 2.0 (REST), through the real n8n engine against the
 * sandbox: journal entries, bills, AR invoices and card transactions with a UDD on a line post over REST with the same
 * parameters as over XML and are stored the same (read back over XML); GL entries filtered by a UDD
 * return the same rows over both APIs, with the UDD's GLDIM<NAME> field; a dimension or value the
 * company does not have is refused by Intacct and nothing is posted (rest/userDimensions.ts).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NODE_NAME, expectSameCreateKeys, readAll, useBothWires } from './support';

const wires = useBothWires();
const overRest = async (parameters: INodeParameters, continueOnFail = false) => await wires.rest(parameters, { continueOnFail });
const overXml = async (parameters: INodeParameters) => await wires.xml(parameters);
const sandbox = () => wires.sandbox();

async function ok(run: Awaited<ReturnType<typeof overRest>>): Promise<IDataObject> {
	expect(run.error).toBeUndefined();
	return run.json(NODE_NAME)[0];
}

const rl = (value: string, mode: 'list' | 'id' = 'id') => ({ __rl: true, mode, value });

/** A journal entry whose first line carries FUNDINGSOURCE picked in the panel, the second typed in a JSON-style GLDIM field. */
function journalEntry(referenceNumber: string, value = '10004'): INodeParameters {
	return {
		resource: 'journalEntry',
		operation: 'create',
		journal: rl('GJ'),
		postingDate: '2026-10-15',
		description: 'Grant-funded supplies',
		lineInput: 'fields',
		lines: {
			line: [
				{ accountNo: rl('6050'), type: 'debit', amount: 42.5, locationId: rl('110'), userDefinedDimensions: { field: [{ name: rl('FUNDINGSOURCE', 'list'), value: rl(value, 'list') }] } },
				{ accountNo: rl('6000'), type: 'debit', amount: 7.5, locationId: rl('110'), userDefinedDimensions: { field: [{ name: 'GLDIMFUNDINGSOURCE', value: '10005' }] } },
				{ accountNo: rl('1000'), type: 'credit', amount: 50, locationId: rl('110') },
			],
		},
		additionalFields: { referenceNumber },
	} as unknown as INodeParameters;
}

/** The output of a create over both APIs: the same keys and values but for the record number and its link (which is the XML read's). */
async function sameCreateOutput(object: string, rest: IDataObject, xml: IDataObject, differing: string[]): Promise<void> {
	const strip = (o: IDataObject) => Object.fromEntries(Object.entries(o).filter(([k]) => !['recordNo', 'RECORDNO', 'recordUrl', 'RECORD_URL', ...differing].includes(k)));
	await expectSameCreateKeys(sandbox(), object, rest, xml);
	expect(strip(rest)).toEqual(strip(xml));
}

/** The lines of a journal entry as stored, read over XML. */
async function storedLines(recordNo: unknown): Promise<Array<[unknown, unknown, unknown]>> {
	const lines = await readAll(sandbox(), 'GLENTRY', `BATCHNO = '${String(recordNo)}'`, 'LINE_NO,ACCOUNTNO,TRX_AMOUNT,GLDIMFUNDINGSOURCE');
	return lines.map((l) => [l.ACCOUNTNO, l.TRX_AMOUNT, l.GLDIMFUNDINGSOURCE]);
}

describe('journal entries with a user-defined dimension over REST', () => {
	it('post with the same parameters as over XML, give the same output and are stored the same', async () => {
		const rest = await ok(await overRest(journalEntry('UDD-REST-1')));
		const xml = await ok(await overXml(journalEntry('UDD-XML-1')));
		await sameCreateOutput('GLBATCH', rest, xml, ['referenceNumber']);
		const expected = [
			['6050', '42.50', '10004'],
			['6000', '7.50', '10005'],
			['1000', '50.00', ''],
		];
		expect(await storedLines(rest.recordNo)).toEqual(expected);
		expect(await storedLines(xml.recordNo)).toEqual(expected);
	});

	it('a dimension value the company does not have is refused by Intacct, with its words, and nothing is posted', async () => {
		const run = await overRest(journalEntry('UDD-REST-BAD', '99999'), true);
		const [item] = run.json(NODE_NAME);
		expect(String(item.error)).toMatch(/99999/);
		expect(await readAll(sandbox(), 'GLBATCH', "REFERENCENO = 'UDD-REST-BAD'")).toHaveLength(0);
	});
});

describe('GL entries by user-defined dimension over REST', () => {
	it('the UDD filter returns the same rows as over XML, each with its GLDIM<NAME> field', async () => {
		const parameters = { resource: 'glEntry', operation: 'getMany', returnAll: true, filters: { userDefinedDimensions: { field: [{ name: 'FUNDINGSOURCE', value: '10004' }] } } };
		const [rest, xml] = [await overRest(parameters as INodeParameters), await overXml(parameters as INodeParameters)];
		expect(rest.error).toBeUndefined();
		expect(xml.error).toBeUndefined();
		const [r, x] = [rest.json(NODE_NAME), xml.json(NODE_NAME)];
		expect(r.length).toBeGreaterThan(1);
		expect(r.map((l) => l.recordNo)).toEqual(x.map((l) => l.recordNo));
		r.forEach((row, i) => {
			expect(row.GLDIMFUNDINGSOURCE).toBe('10004');
			expect(x[i]).toMatchObject(row);
		});
		// With a field list naming the dimension: the same items, key for key.
		const named = { ...parameters, options: { fields: 'RECORDNO,ACCOUNTNO,TRX_AMOUNT,GLDIMFUNDINGSOURCE' } };
		const [rn, xn] = [await overRest(named as INodeParameters), await overXml(named as INodeParameters)];
		expect(rn.json(NODE_NAME)).toEqual(xn.json(NODE_NAME));
		expect(rn.json(NODE_NAME).length).toBe(r.length);
	});

	it('a GL entry read whole has its UDD over REST as over XML', async () => {
		const rest = await ok(await overRest(journalEntry('UDD-REST-GET')));
		const [line] = await readAll(sandbox(), 'GLENTRY', `BATCHNO = '${String(rest.recordNo)}' AND LINE_NO = 1`, 'RECORDNO');
		const parameters = { resource: 'glEntry', operation: 'get', recordNo: String(line.RECORDNO) } as INodeParameters;
		const [r, x] = [await ok(await overRest(parameters)), await ok(await overXml(parameters))];
		expect(r.GLDIMFUNDINGSOURCE).toBe('10004');
		expect(x).toMatchObject(r);
	});
});

describe('bills, AR invoices and card transactions with a user-defined dimension over REST', () => {
	it('a bill line, an AR invoice line and a card transaction line carry the UDD as over XML', async () => {
		const bill = (billNumber: string): INodeParameters =>
			({
				resource: 'bill',
				operation: 'create',
				vendor: rl('V-107'),
				billNumber,
				transactionDate: '2026-10-01',
				dueDate: '2026-10-31',
				lineInput: 'json',
				linesJson: JSON.stringify([{ accountNo: '6500', amount: '80.00', locationId: '110', userDefinedDimensions: { FUNDINGSOURCE: '10002' } }]),
			}) as unknown as INodeParameters;
		const [restBill, xmlBill] = [await ok(await overRest(bill('UDD-BILL-REST'))), await ok(await overXml(bill('UDD-BILL-XML')))];
		for (const recordNo of [restBill.recordNo, xmlBill.recordNo]) {
			const [line] = await readAll(sandbox(), 'APBILLITEM', `RECORDKEY = ${String(recordNo)}`, 'RECORDKEY,GLDIMFUNDINGSOURCE');
			expect(line.GLDIMFUNDINGSOURCE).toBe('10002');
		}

		const invoice = (invoiceNumber: string): INodeParameters =>
			({
				resource: 'arInvoice',
				operation: 'create',
				customer: rl('C-1001'),
				invoiceNumber,
				invoiceDate: '2026-10-01',
				dueDate: '2026-10-31',
				lineInput: 'json',
				linesJson: JSON.stringify([{ accountNo: '4200', amount: 30, locationId: '110', GLDIMFUNDINGSOURCE: '10003' }]),
			}) as unknown as INodeParameters;
		const [restInvoice, xmlInvoice] = [await ok(await overRest(invoice('UDD-AR-REST'))), await ok(await overXml(invoice('UDD-AR-XML')))];
		await sameCreateOutput('ARINVOICE', restInvoice, xmlInvoice, ['invoiceNumber']);
		for (const recordNo of [restInvoice.recordNo, xmlInvoice.recordNo]) {
			const [line] = await readAll(sandbox(), 'ARINVOICEITEM', `RECORDKEY = ${String(recordNo)}`, 'RECORDKEY,GLDIMFUNDINGSOURCE');
			expect(line.GLDIMFUNDINGSOURCE).toBe('10003');
		}

		const card = (referenceNumber: string): INodeParameters =>
			({
				resource: 'cardTransaction',
				operation: 'create',
				chargeCard: rl('VISA-1234'),
				paymentDate: '2026-11-04',
				lineInput: 'json',
				linesJson: JSON.stringify([{ accountNo: '6000', amount: 12.5, locationId: '110', userDefinedDimensions: { FUNDINGSOURCE: '10006' } }]),
				additionalFields: { referenceNumber },
			}) as unknown as INodeParameters;
		const [restCard, xmlCard] = [await ok(await overRest(card('UDD-CC-REST'))), await ok(await overXml(card('UDD-CC-XML')))];
		for (const recordNo of [restCard.recordNo, xmlCard.recordNo]) {
			const [line] = await readAll(sandbox(), 'CCTRANSACTIONENTRY', `RECORDKEY = ${String(recordNo)}`, 'RECORDKEY,GLDIMFUNDINGSOURCE');
			expect(line.GLDIMFUNDINGSOURCE).toBe('10006');
		}
		const got = { resource: 'cardTransaction', operation: 'get', recordNo: String(restCard.recordNo) } as INodeParameters;
		const [restGot, xmlGot] = [await ok(await overRest(got)), await ok(await overXml(got))];
		expect(xmlGot).toMatchObject(restGot);
		expect(JSON.stringify(restGot)).toContain('10006');
	});
});
