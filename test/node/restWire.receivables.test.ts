/**
 * Customers, AR invoices, AR payments, deposits and card transactions over OAuth 2.0 (REST) through
 * the real n8n engine against the sandbox: every operation run with both credentials and the outputs
 * compared; records written over one API read and changed over the other (one company model); bad
 * input stopped before anything is sent; Intacct's refusals surfacing with the ia::error code and
 * message; a re-run posting nothing twice.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { listSearch, packageNode } from '../support/harness';
import { NODE_NAME, expectSameCreateKeys, readAll, REST_NODE, XML_NODE, useBothWires } from './support';
import { arInvoiceParameters, arPaymentParameters } from './paymentSupport';

const { sandbox, credentials: both, rest, xml } = useBothWires();

const locator = (value: string) => ({ __rl: true, mode: 'id', value });

const overRest = async (parameters: INodeParameters, workflowId?: string, continueOnFail = false) => await rest(parameters, { workflowId, continueOnFail });
const overXml = async (parameters: INodeParameters, workflowId?: string) => await xml(parameters, { workflowId });

async function ok(run: Awaited<ReturnType<typeof overRest>>): Promise<IDataObject> {
	expect(run.error).toBeUndefined();
	return run.json(NODE_NAME)[0];
}

/** The same read over both APIs: every field REST returns equals the XML output (REST returns fewer fields). */
async function sameRead(parameters: INodeParameters, minFields = 8): Promise<{ rest: IDataObject[]; xml: IDataObject[] }> {
	const [rest, xml] = [await overRest(parameters), await overXml(parameters)];
	expect(rest.error).toBeUndefined();
	expect(xml.error).toBeUndefined();
	const [r, x] = [rest.json(NODE_NAME), xml.json(NODE_NAME)];
	expect(r.length).toBe(x.length);
	expect(r.length).toBeGreaterThan(0);
	r.forEach((row, i) => {
		expect(Object.keys(row).length).toBeGreaterThanOrEqual(minFields);
		expect(x[i]).toMatchObject(row);
	});
	return { rest: r, xml: x };
}

/** A create over both APIs: the same keys, the same output but for the record number and its link (which is the XML read's). */
async function sameCreateOutput(object: string, rest: IDataObject, xml: IDataObject, differing: string[]): Promise<void> {
	const strip = (o: IDataObject) => Object.fromEntries(Object.entries(o).filter(([k]) => !['recordNo', 'RECORDNO', 'recordUrl', 'RECORD_URL', ...differing].includes(k)));
	await expectSameCreateKeys(sandbox(), object, rest, xml);
	expect(strip(rest)).toEqual(strip(xml));
}

const invoice = arInvoiceParameters;

async function restInvoice(number: string, amounts = [100, 50]): Promise<number> {
	return (await ok(await overRest(invoice(number, {}, amounts)))).recordNo as number;
}

describe('customers over REST', () => {
	it('create, get, get many and update give what XML gives, and each API reads what the other wrote', async () => {
		const fields = { email: 'ap@lakeside.example', customerType: 'Clinic', phone: '555-0100', contactName: 'Lakeside AP' };
		const rest = await ok(await overRest({ resource: 'customer', operation: 'create', customerId: 'C-REST-1', name: 'Lakeside Rest', additionalFields: fields }));
		const xml = await ok(await overXml({ resource: 'customer', operation: 'create', customerId: 'C-XML-1', name: 'Lakeside Rest', additionalFields: fields }));
		await sameCreateOutput('CUSTOMER', rest, xml, ['customerId']);
		expect(rest.recordUrl).toEqual(expect.any(String));
		const [stored] = await readAll(sandbox(), 'CUSTOMER', "CUSTOMERID = 'C-REST-1'");
		expect(stored).toMatchObject({ NAME: 'Lakeside Rest', CUSTTYPE: 'Clinic', DISPLAYCONTACT: expect.objectContaining({ EMAIL1: 'ap@lakeside.example', PRINTAS: 'Lakeside Rest' }) });

		const { rest: got } = await sameRead({ resource: 'customer', operation: 'get', customer: locator('C-XML-1') });
		expect(got[0]).toMatchObject({ customerId: 'C-XML-1', name: 'Lakeside Rest' });
		const many = { resource: 'customer', operation: 'getMany', returnAll: true, filters: { name: 'Lakeside', status: 'T' } };
		const listed = await sameRead(many);
		expect(listed.rest.map((c) => c.customerId).sort()).toEqual(['C-REST-1', 'C-XML-1']);

		await ok(await overRest({ resource: 'customer', operation: 'update', customer: locator('C-XML-1'), updateFields: { name: 'Lakeside Renamed', email: 'new@lakeside.example' } }));
		const [changed] = await readAll(sandbox(), 'CUSTOMER', "CUSTOMERID = 'C-XML-1'");
		expect(changed).toMatchObject({ NAME: 'Lakeside Renamed', DISPLAYCONTACT: expect.objectContaining({ EMAIL1: 'new@lakeside.example' }) });
	});

	it('a re-run creates the customer once; a field REST has no name for is refused before sending', async () => {
		const parameters = { resource: 'customer', operation: 'create', customerId: 'C-REST-2', name: 'Rerun Clinic' };
		const first = await ok(await overRest(parameters, 'wfRestCust'));
		const second = await ok(await overRest(parameters, 'wfRestCust'));
		expect(second.recordNo).toBe(first.recordNo);
		expect(await readAll(sandbox(), 'CUSTOMER', "CUSTOMERID = 'C-REST-2'")).toHaveLength(1);

		const before = sandbox().stats.requests;
		const refused = await overRest({ ...parameters, customerId: 'C-REST-3', additionalFields: { customFields: { field: [{ name: 'CRM_ID', value: '7' }] } } });
		expect(refused.error?.message).toMatch(/CRM_ID has no REST equivalent/);
		expect(sandbox().stats.requests).toBe(before);
	});
});

describe('AR invoices over REST', () => {
	it('create gives the XML output; get and get many (open invoices) read the same over both', async () => {
		const rest = await ok(await overRest(invoice('AR-REST-1', { additionalFields: { description: 'Autumn term', referenceNumber: 'PO-77' } })));
		const xml = await ok(await overXml(invoice('AR-XML-1', { additionalFields: { description: 'Autumn term', referenceNumber: 'PO-77' } })));
		await sameCreateOutput('ARINVOICE', rest, xml, ['invoiceNumber']);
		expect(rest).toMatchObject({ customerId: 'C-1001', totalEntered: 150, state: 'Posted' });
		const [stored] = await readAll(sandbox(), 'ARINVOICE', `RECORDNO = ${String(rest.recordNo)}`);
		expect(stored).toMatchObject({ RECORDID: 'AR-REST-1', DOCNUMBER: 'PO-77', DESCRIPTION: 'Autumn term', WHENCREATED: '10/01/2026', WHENDUE: '10/31/2026', TOTALENTERED: '150.00', STATE: 'Posted' });
		expect(await readAll(sandbox(), 'ARINVOICEITEM', `RECORDKEY = ${String(rest.recordNo)}`)).toHaveLength(2);

		await sameRead({ resource: 'arInvoice', operation: 'get', recordNo: String(rest.recordNo) }, 15);
		await sameRead({ resource: 'arInvoice', operation: 'get', recordNo: String(xml.recordNo) }, 15);
		const open = await sameRead({ resource: 'arInvoice', operation: 'getMany', returnAll: true, filters: { customerId: 'C-1001', openOnly: true, dueBefore: '2026-10-31' } });
		expect(open.rest.map((i) => i.recordNo)).toEqual(expect.arrayContaining([rest.recordNo, xml.recordNo]));
	});

	it('a draft, an update (header and added line) and a delete over REST', async () => {
		const draft = await ok(await overRest(invoice('AR-REST-DRAFT', { additionalFields: { draft: true } })));
		expect(draft.state).toBe('Draft');
		const recordNo = String(draft.recordNo);
		expect((await readAll(sandbox(), 'ARINVOICE', `RECORDNO = ${recordNo}`))[0]).toMatchObject({ STATE: 'Draft' });

		const updated = await overRest({
			resource: 'arInvoice',
			operation: 'update',
			recordNo,
			updateFields: { description: 'Changed over REST', dueDate: '2026-11-15' },
			lineInput: 'fields',
			lines: { line: [{ accountNo: '4200', amount: 25, memo: 'Late fee', locationId: '110' }] },
		});
		expect(await ok(updated)).toEqual({ recordNo: Number(recordNo), updated: true });
		expect((await readAll(sandbox(), 'ARINVOICE', `RECORDNO = ${recordNo}`))[0]).toMatchObject({ DESCRIPTION: 'Changed over REST', WHENDUE: '11/15/2026', TOTALENTERED: '175.00' });

		// Line changes by number (updatelineitem line_num) over REST: the PATCH names the line by its key.
		const changed = await overRest({ resource: 'arInvoice', operation: 'update', recordNo, lineUpdatesJson: '[{ "lineNo": 2, "amount": 60, "memo": "Corrected" }]' });
		expect(changed.error).toBeUndefined();
		const lines = await readAll(sandbox(), 'ARINVOICEITEM', `RECORDKEY = ${recordNo}`, 'LINE_NO,TRX_AMOUNT,ENTRYDESCRIPTION');
		expect(lines.sort((a, b) => Number(a.LINE_NO) - Number(b.LINE_NO))).toEqual([
			{ LINE_NO: '1', TRX_AMOUNT: '100.00', ENTRYDESCRIPTION: 'Program fees' },
			{ LINE_NO: '2', TRX_AMOUNT: '60.00', ENTRYDESCRIPTION: 'Corrected' },
			{ LINE_NO: '3', TRX_AMOUNT: '25.00', ENTRYDESCRIPTION: 'Late fee' },
		]);
		expect((await readAll(sandbox(), 'ARINVOICE', `RECORDNO = ${recordNo}`))[0]).toMatchObject({ TOTALENTERED: '185.00' });
		const noLine = await overRest({ resource: 'arInvoice', operation: 'update', recordNo, lineUpdatesJson: '[{ "lineNo": 9, "amount": 1 }]' });
		expect(noLine.error?.message).toMatch(/has no line 9 to change/);

		const deleted = await ok(await overRest({ resource: 'arInvoice', operation: 'delete', recordNo }));
		expect(deleted).toEqual({ deleted: true, recordNo: Number(recordNo) });
		expect(await readAll(sandbox(), 'ARINVOICE', `RECORDNO = ${recordNo}`)).toHaveLength(0);
	});

	it('bad input stops before sending; Intacct refusing an invoice surfaces with its ia::error code', async () => {
		const before = sandbox().stats.requests;
		const bad = await overRest(invoice('AR-REST-BAD', { dueDate: '2026-09-01' }));
		expect(bad.error?.message).toMatch(/dueDate.*before the invoice date/);
		const badLine = await overRest({ resource: 'arInvoice', operation: 'update', recordNo: '1', lineUpdatesJson: '[{ "lineNo": 0, "amount": 10 }]' });
		expect(badLine.error?.message).toMatch(/line change 1, field "lineNo": must be a line number from 1/);
		expect(sandbox().stats.requests).toBe(before);

		const unknownAccount = await overRest({ ...invoice('AR-REST-NOACCT'), lines: { line: [{ accountNo: '9999', amount: 10, locationId: '110' }] } }, undefined, true);
		expect(String(unknownAccount.json(NODE_NAME)[0].error)).toMatch(/\(HTTP 422\): operationFailed .*9999/s);
	});

	it('a re-run posts the invoice once', async () => {
		const parameters = invoice('AR-REST-ONCE');
		const first = await ok(await overRest(parameters, 'wfRestInvoice'));
		const second = await ok(await overRest(parameters, 'wfRestInvoice'));
		expect(second.recordNo).toBe(first.recordNo);
		expect(await readAll(sandbox(), 'ARINVOICE', "RECORDID = 'AR-REST-ONCE'")).toHaveLength(1);
	});
});

describe('AR payments over REST', () => {
	it('a payment applied over REST lowers the due amount in both views; get and get many match XML', async () => {
		const a = await restInvoice('AR-PAY-A', [100]);
		const b = await restInvoice('AR-PAY-B', [80]);
		const params = arPaymentParameters(
			[
				{ invoiceRecordNo: String(a), amount: 100 },
				{ invoiceRecordNo: String(b), amount: 30 },
			],
			{ additionalFields: { referenceNumber: 'CHK-REST-1', description: 'Two invoices' } },
		);
		const rest = await ok(await overRest(params));
		expect(rest).toMatchObject({ recordNo: expect.any(Number), customerId: 'C-1001', undeposited: true, amount: 130, receiptDate: '2026-11-02' });
		const [paidXml] = await readAll(sandbox(), 'ARINVOICE', `RECORDNO = ${b}`);
		expect(paidXml).toMatchObject({ TOTALDUE: '50.00', STATE: 'Partially Paid' });
		const viaRest = await ok(await overRest({ resource: 'arInvoice', operation: 'get', recordNo: String(a) }));
		expect(viaRest).toMatchObject({ totalDue: 0, state: 'Paid' });

		const c = await restInvoice('AR-PAY-C', [40]);
		const xml = await ok(await overXml(arPaymentParameters([{ invoiceRecordNo: String(c), amount: 40 }], { additionalFields: { referenceNumber: 'CHK-XML-1', description: 'Two invoices' } })));
		// Every field of the XML output, the record link too (read back over REST: its webURL).
		expect(await expectSameCreateKeys(sandbox(), 'ARPYMT', rest, xml)).not.toBe('');

		await sameRead({ resource: 'arPayment', operation: 'get', recordNo: String(rest.recordNo) }, 12);
		const many = await sameRead({ resource: 'arPayment', operation: 'getMany', returnAll: true, filters: { customerId: 'C-1001', undepositedAccount: '1050', states: ['C'], startDate: '2026-11-02', endDate: '2026-11-02' } });
		expect(many.rest.map((p) => p.recordNo)).toEqual(expect.arrayContaining([rest.recordNo, xml.recordNo]));
	});

	it('paying more than is due is refused by Intacct with its code and message; a re-run pays once', async () => {
		const a = await restInvoice('AR-PAY-OVER', [20]);
		const over = await overRest(arPaymentParameters([{ invoiceRecordNo: String(a), amount: 25 }]), undefined, true);
		expect(String(over.json(NODE_NAME)[0].error)).toMatch(/operationFailed.*BL03000020 Payment amount 25\.00 exceeds the amount due 20\.00/s);
		expect((await readAll(sandbox(), 'ARINVOICE', `RECORDNO = ${a}`))[0]).toMatchObject({ TOTALDUE: '20.00' });

		const parameters = arPaymentParameters([{ invoiceRecordNo: String(a), amount: 20 }], { additionalFields: { referenceNumber: 'CHK-ONCE' } });
		const first = await ok(await overRest(parameters, 'wfRestPay'));
		const second = await ok(await overRest(parameters, 'wfRestPay'));
		expect(second.recordNo).toBe(first.recordNo);
		expect(await readAll(sandbox(), 'ARPYMT', "DOCNUMBER = 'CHK-ONCE'")).toHaveLength(1);
	});

	it('what REST has no field for is refused before sending, naming it', async () => {
		const before = sandbox().stats.requests;
		const run = await overRest(arPaymentParameters([{ invoiceRecordNo: '1', amount: 5 }], { additionalFields: { overpaymentAmount: 5, overpaymentLocationId: '110' } }));
		expect(run.error?.message).toMatch(/OVERPAYMENTAMOUNT has no REST equivalent/);
		expect(sandbox().stats.requests).toBe(before);
	});
});

describe('deposits over REST', () => {
	async function undeposited(number: string, amount: number): Promise<number> {
		const invoiceNo = await restInvoice(number, [amount]);
		return (await ok(await overXml(arPaymentParameters([{ invoiceRecordNo: String(invoiceNo), amount }], { additionalFields: { referenceNumber: number } })))).recordNo as number;
	}

	const deposit = (keys: string, slip: string, overrides: INodeParameters = {}): INodeParameters => ({
		resource: 'deposit',
		operation: 'create',
		bankAccount: locator('BOA-OP'),
		depositDate: '2026-11-03',
		depositSlipId: slip,
		receiptKeys: keys,
		...overrides,
	});

	it('deposits payments received over XML, once on a re-run; get and get many match XML', async () => {
		const a = await undeposited('DEP-R-A', 70);
		const b = await undeposited('DEP-R-B', 30);
		const parameters = deposit(`${a},${b}`, 'SLIP-REST-1', { additionalFields: { description: 'Monday checks' } });
		const first = await ok(await overRest(parameters, 'wfRestDep'));
		expect(first).toMatchObject({ recordNo: expect.any(Number), bankAccount: 'BOA-OP', depositSlipId: 'SLIP-REST-1', depositDate: '2026-11-03', paymentRecordNos: [a, b] });
		const second = await ok(await overRest(parameters, 'wfRestDep'));
		expect(second.recordNo).toBe(first.recordNo);
		expect(await readAll(sandbox(), 'DEPOSIT', "DEPOSITID = 'SLIP-REST-1'")).toHaveLength(1);
		expect((await readAll(sandbox(), 'ARPYMT', `RECORDNO = ${a}`))[0].DEPOSITKEY).toBe(String(first.recordNo));

		const c = await undeposited('DEP-X-C', 12);
		const xml = await ok(await overXml(deposit(String(c), 'SLIP-XML-1')));
		expect(Object.keys(first).sort()).toEqual(Object.keys(xml).sort());
		const got = await sameRead({ resource: 'deposit', operation: 'get', recordNo: String(first.recordNo) });
		expect(got.rest[0]).toMatchObject({ totalEntered: 100, depositSlipId: 'SLIP-REST-1' });
		const many = await sameRead({ resource: 'deposit', operation: 'getMany', returnAll: true, filters: { bankAccount: 'BOA-OP', startDate: '2026-11-03', endDate: '2026-11-03' } });
		expect(many.rest.map((d) => d.recordNo)).toEqual(expect.arrayContaining([first.recordNo, xml.recordNo]));
	});

	it('depositing a payment twice is refused by Intacct, with its code', async () => {
		const a = await undeposited('DEP-R-TWICE', 15);
		await ok(await overRest(deposit(String(a), 'SLIP-TWICE-1')));
		const again = await overRest(deposit(String(a), 'SLIP-TWICE-2'), undefined, true);
		expect(String(again.json(NODE_NAME)[0].error)).toMatch(/operationFailed.*BL03000020 AR payment \d+ is already deposited/s);
	});
});

describe('card transactions over REST', () => {
	const card = (reference: string, overrides: INodeParameters = {}): INodeParameters => ({
		resource: 'cardTransaction',
		operation: 'create',
		chargeCard: locator('VISA-1234'),
		paymentDate: '2026-11-04',
		lineInput: 'fields',
		lines: {
			line: [
				{ accountNo: '6000', amount: 54.32, memo: 'Program supplies', locationId: '110', departmentId: 'PROG' },
				{ accountNo: '6200', amount: 18.5, memo: 'Taxi', locationId: '110' },
			],
		} as unknown as INodeParameters,
		additionalFields: { referenceNumber: reference, payee: 'Costco' },
		...overrides,
	});

	it('create, get (with lines), get many and reverse over REST match XML; a re-run posts once', async () => {
		const rest = await ok(await overRest(card('CC-REST-1'), 'wfRestCard'));
		const xml = await ok(await overXml(card('CC-XML-1')));
		await sameCreateOutput('CCTRANSACTION', rest, xml, ['referenceNumber']);
		const rerun = await ok(await overRest(card('CC-REST-1'), 'wfRestCard'));
		expect(rerun.recordNo).toBe(rest.recordNo);
		expect(await readAll(sandbox(), 'CCTRANSACTION', "RECORDID = 'CC-REST-1'")).toHaveLength(1);

		const got = await sameRead({ resource: 'cardTransaction', operation: 'get', recordNo: String(rest.recordNo) });
		expect((got.rest[0].lines as IDataObject[]).map((l) => [l.lineNo, l.accountNo, l.trxAmount])).toEqual([
			[1, '6000', 54.32],
			[2, '6200', 18.5],
		]);
		const many = await sameRead({ resource: 'cardTransaction', operation: 'getMany', returnAll: true, filters: { chargeCardId: 'VISA-1234', referenceNumber: 'CC-REST-1' } });
		expect(many.rest.map((t) => t.recordNo)).toEqual([rest.recordNo]);

		const reverse = { resource: 'cardTransaction', operation: 'reverse', recordNo: String(xml.recordNo), reversalDate: '2026-11-07', memo: 'Personal expense' };
		const reversed = await ok(await overRest(reverse, 'wfRestReverse'));
		expect(reversed).toMatchObject({ recordNo: xml.recordNo, reversed: true, reversalRecordNo: expect.any(Number) });
		expect((await readAll(sandbox(), 'CCTRANSACTION', `RECORDNO = ${String(xml.recordNo)}`))[0]).toMatchObject({ STATE: 'Reversed' });
		const again = await ok(await overRest(reverse, 'wfRestReverse'));
		expect(again.reversalRecordNo).toBe(reversed.reversalRecordNo);
		expect(await readAll(sandbox(), 'CCTRANSACTION', `REVERSEDKEY = ${String(xml.recordNo)}`)).toHaveLength(1);
	});

	it('a line of zero is stopped before sending; an unknown card is refused by Intacct with its code', async () => {
		const before = sandbox().stats.requests;
		const zero = await overRest(card('CC-ZERO', { lines: { line: [{ accountNo: '6000', amount: 0, locationId: '110' }] } as unknown as INodeParameters }));
		expect(zero.error?.message).toMatch(/line 1, field "amount": must not be zero/);
		expect(sandbox().stats.requests).toBe(before);
		const unknown = await overRest(card('CC-NOCARD', { chargeCard: locator('NOPE-1') }), undefined, true);
		expect(String(unknown.json(NODE_NAME)[0].error)).toMatch(/\(HTTP 422\): operationFailed .*NOPE-1/s);
	});
});

describe('the bank account and charge card lists over REST', () => {
	const search = async (authentication: string, method: string) =>
		await listSearch({ ...packageNode('sageIntacct', NODE_NAME, { authentication, resource: 'deposit', operation: 'create' }), ...(authentication === 'oAuth2' ? REST_NODE : XML_NODE) }, method, { credentials: both() });

	it.each(['searchChargeCards', 'searchCustomers'])('%s lists what the XML list lists', async (method) => {
		const rest = await search('oAuth2', method);
		expect(rest.results.length).toBeGreaterThan(0);
		expect(rest.results).toEqual((await search('webServices', method)).results);
	});

	it('searchBankAccounts lists the same accounts (a company without account status: REST, having no lookup, shows the IDs as names)', async () => {
		const rest = await search('oAuth2', 'searchBankAccounts');
		const xml = await search('webServices', 'searchBankAccounts');
		expect(rest.results.length).toBeGreaterThan(0);
		expect(rest.results.map((r) => r.value)).toEqual(xml.results.map((r) => r.value));
	});
});
