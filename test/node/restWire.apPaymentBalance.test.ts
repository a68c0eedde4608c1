/**
 * AP payments and balances over OAuth 2.0 (REST) through the real n8n engine against the sandbox,
 * beside the same operations over Web Services (XML): create / get / get many / reverse give the
 * same keys and values, a payment made on one wire is read on the other, the bills' paid and due
 * amounts follow in both views, bad input is refused before anything is sent, Intacct's refusals
 * surface with the ia::error code and message. Balances: get budgets over both; the report-service
 * operations refused before anything is sent (docs/rest-wire.md).
 */
import type { IDataObject } from 'n8n-workflow';
import { RestIntacctClient } from '../../nodes/shared/intacct/client/restClient';
import { SageIntacct } from '../../nodes/SageIntacct/SageIntacct.node';
import { nodeRestHttp } from '../support/nodeRestHttp';
import { NODE_NAME, expectSameCreateKeys, readAll, useBothWires } from './support';
import { apPaymentParameters, billState, newBill } from './paymentSupport';

const { sandbox, rest: overRest, xml: overXml } = useBothWires();

/** The bill as the REST API shows it (GET /objects/accounts-payable/bill/{key}, outside the node). */
async function restBill(recordNo: number): Promise<Record<string, unknown>> {
	const client = new RestIntacctClient({ credentials: { ...sandbox().rest.credentials, baseUrl: sandbox().rest.baseUrl }, http: nodeRestHttp, retryBaseDelayMs: 1 });
	const { result } = await client.request('GET', `/objects/accounts-payable/bill/${recordNo}`);
	return result as Record<string, unknown>;
}

/** Fields the sandbox's XML read has and REST has no field for (docs/rest-wire.md). */
const XML_ONLY_OUTPUT = ['reversedPaymentRecordNo', 'journalEntryRecordNo', 'PARENTPAYMENTKEY', 'GLBATCHKEY'];

function withoutXmlOnly(record: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(record).filter(([k]) => !XML_ONLY_OUTPUT.includes(k)));
}

describe('AP payment create over REST', () => {
	it('pays two bills (one in part), the bills follow in both views, and the output has the XML keys', async () => {
		const a = await newBill(overXml, 'R-PAY-A');
		const b = await newBill(overXml, 'R-PAY-B', 80);
		const rest = await overRest(apPaymentParameters([{ billRecordNo: a, amount: 100 }, { billRecordNo: b, amount: 80 }], { additionalFields: { documentNumber: 'R-ACH-1' } }));
		expect(rest.error).toBeUndefined();
		const [made] = rest.json(NODE_NAME);
		expect(made).toMatchObject({ recordNo: expect.any(Number), vendorId: 'V-107', bankAccount: 'BOA-OP', paymentMethod: 'ACH', amount: 180 });

		const c = await newBill(overXml, 'R-PAY-C');
		const xml = await overXml(apPaymentParameters([{ billRecordNo: c, amount: 100 }]));
		// The XML output's keys, the record link too: the XML read's RECORD_URL of the payment REST created.
		expect(await expectSameCreateKeys(sandbox(), 'APPYMT', made, xml.json(NODE_NAME)[0])).not.toBe('');

		expect(await billState(sandbox(), a)).toEqual({ state: 'Partially Paid', due: '50.00', paid: '100.00' });
		expect(await billState(sandbox(), b)).toEqual({ state: 'Paid', due: '0.00', paid: '80.00' });
		expect(await restBill(a)).toMatchObject({ state: 'partiallyPaid', totalBaseAmountDue: '50.00', paymentInformation: expect.objectContaining({ totalBaseAmountPaid: '100.00' }) });
		expect(await restBill(b)).toMatchObject({ state: 'paid', totalBaseAmountDue: '0.00' });
		const [stored] = await readAll(sandbox(), 'APPYMT', `RECORDNO = ${String(made.recordNo)}`);
		expect(stored).toMatchObject({ TOTALENTERED: '180.00', DOCNUMBER: 'R-ACH-1', PAYMENTMETHOD: 'ACH', FINANCIALENTITY: 'BOA-OP', STATE: 'Complete' });
		expect((await readAll(sandbox(), 'APPYMTDETAIL', `PAYMENTKEY = ${String(made.recordNo)}`)).map((d) => [d.RECORDKEY, d.TRX_PAYMENTAMOUNT])).toEqual([
			[String(a), '100.00'],
			[String(b), '80.00'],
		]);
	});

	it('Save As Draft leaves the bills untouched, as over XML', async () => {
		const billNo = await newBill(overXml, 'R-PAY-DRAFT');
		const run = await overRest(apPaymentParameters([{ billRecordNo: billNo, amount: 20 }], { additionalFields: { draft: true } }));
		expect(run.error).toBeUndefined();
		const [stored] = await readAll(sandbox(), 'APPYMT', `RECORDNO = ${String(run.json(NODE_NAME)[0].recordNo)}`);
		expect(stored.STATE).toBe('Draft');
		expect(await billState(sandbox(), billNo)).toEqual({ state: 'Posted', due: '150.00', paid: '0.00' });
	});

	it('a re-run with the same idempotency keys posts one payment', async () => {
		const billNo = await newBill(overXml, 'R-PAY-IDEMP');
		const parameters = apPaymentParameters([{ billRecordNo: billNo, amount: 40 }]);
		const first = await overRest(parameters, { workflowId: 'wfRestPay' });
		const second = await overRest(parameters, { workflowId: 'wfRestPay' });
		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(second.json(NODE_NAME)[0].recordNo).toBe(first.json(NODE_NAME)[0].recordNo);
		expect(await readAll(sandbox(), 'APPYMTDETAIL', `RECORDKEY = ${billNo}`)).toHaveLength(1);
		expect(await billState(sandbox(), billNo)).toMatchObject({ due: '110.00', paid: '40.00' });
	});

	it('a batch with one payment over the amount due: that item fails alone with the ia::error code and Intacct\'s message', async () => {
		const bills = [await newBill(overXml, 'R-PAY-B1'), await newBill(overXml, 'R-PAY-B2')];
		const run = await overRest(
			{ ...apPaymentParameters([]), billInput: 'json', billsJson: '={{ JSON.stringify([{ billRecordNo: $json.bill, amount: $json.amount }]) }}' },
			{ items: [{ bill: bills[0], amount: 150 }, { bill: bills[1], amount: 150.01 }], continueOnFail: true },
		);
		const out = run.output(NODE_NAME);
		expect(out[0].json.recordNo).toEqual(expect.any(Number));
		expect(String(out[1].json.error)).toMatch(/operationFailed|BL03000020/);
		expect(JSON.stringify(out[1].json)).toMatch(/exceeds the amount due 150\.00/);
		expect(await billState(sandbox(), bills[0])).toMatchObject({ state: 'Paid' });
		expect(await billState(sandbox(), bills[1])).toMatchObject({ state: 'Posted', due: '150.00' });
	});

	it.each([
		['no bills', apPaymentParameters([]), /pays no bill/],
		['a record number that is not one', apPaymentParameters([{ billRecordNo: 'INV-1', amount: 5 }]), /bill 1, field "billRecordNo": "INV-1" is not a record number/],
		['a zero amount', apPaymentParameters([{ billRecordNo: 1, amount: 0 }]), /bill 1, field "amount": must be greater than 0/],
	])('refuses %s before anything is sent', async (_name, parameters, message) => {
		const before = sandbox().stats.requests;
		const run = await overRest(parameters);
		expect(run.error?.message).toMatch(/\(item 1\)/);
		expect(run.error?.message).toMatch(message);
		expect(sandbox().stats.requests).toBe(before);
	});
});

describe('AP payment get, get many and reverse over both credentials', () => {
	let viaXml: number;
	let viaRest: number;
	let billNo: number;

	beforeAll(async () => {
		billNo = await newBill(overXml, 'R-PAY-READ');
		const other = await newBill(overXml, 'R-PAY-READ-2');
		const x = await overXml(apPaymentParameters([{ billRecordNo: billNo, amount: 150 }], { paymentDate: '2026-11-06', additionalFields: { description: 'Paid over XML' } }));
		const r = await overRest(apPaymentParameters([{ billRecordNo: other, amount: 60 }], { paymentDate: '2026-11-06', paymentMethod: 'Printed Check', additionalFields: { documentNumber: 'CHK-77' } }));
		viaXml = Number(x.json(NODE_NAME)[0].recordNo);
		viaRest = Number(r.json(NODE_NAME)[0].recordNo);
	});

	it.each([true, false])('get (simplify %s): each payment reads the same on both wires, whichever wire made it', async (simplify) => {
		for (const recordNo of [viaXml, viaRest]) {
			const parameters = { resource: 'apPayment', operation: 'get', recordNo: String(recordNo), simplify };
			const [rest, xml] = [await overRest(parameters), await overXml(parameters)];
			expect(rest.error).toBeUndefined();
			const [r, x] = [rest.json(NODE_NAME)[0], xml.json(NODE_NAME)[0]];
			expect(Object.keys(r).sort()).toEqual(Object.keys(withoutXmlOnly(x)).sort());
			expect(r).toEqual(withoutXmlOnly(x));
		}
		const got = (await overRest({ resource: 'apPayment', operation: 'get', recordNo: String(viaRest) })).json(NODE_NAME)[0];
		expect(got).toMatchObject({ recordNo: viaRest, paymentDate: '2026-11-06', paymentMethod: 'Printed Check', documentNumber: 'CHK-77', totalEntered: 60, state: 'Complete' });
	});

	it('get many with filters lists the same payments on both wires', async () => {
		const parameters = { resource: 'apPayment', operation: 'getMany', returnAll: true, filters: { vendorId: 'V-107', bankAccount: 'BOA-OP', states: ['C'], startDate: '2026-11-06', endDate: '2026-11-06' } };
		const [rest, xml] = [await overRest(parameters), await overXml(parameters)];
		expect(rest.error).toBeUndefined();
		const numbers = (rows: IDataObject[]) => rows.map((p) => Number(p.recordNo)).sort((a, b) => a - b);
		expect(numbers(rest.json(NODE_NAME))).toEqual(expect.arrayContaining([viaXml, viaRest]));
		expect(numbers(rest.json(NODE_NAME))).toEqual(numbers(xml.json(NODE_NAME)));
		expect(rest.json(NODE_NAME).map(withoutXmlOnly)).toEqual(xml.json(NODE_NAME).map(withoutXmlOnly));
	});

	it('reverse over REST opens the bill again; the output has the XML keys; a second reversal is Intacct\'s error', async () => {
		const run = await overRest({ resource: 'apPayment', operation: 'reverse', recordNo: String(viaXml), reversalDate: '2026-11-07', memo: 'Lost check' });
		expect(run.error).toBeUndefined();
		expect(run.json(NODE_NAME)).toEqual([{ recordNo: viaXml, reversed: true, reversalRecordNo: null }]);
		expect(await billState(sandbox(), billNo)).toEqual({ state: 'Posted', due: '150.00', paid: '0.00' });
		expect(await restBill(billNo)).toMatchObject({ state: 'posted', totalBaseAmountDue: '150.00' });
		const voided = await overRest({ resource: 'apPayment', operation: 'getMany', returnAll: true, filters: { vendorId: 'V-107', states: ['V'] } });
		expect(voided.json(NODE_NAME).map((p) => p.recordNo)).toContain(viaXml);

		const viaXmlReverse = await overXml({ resource: 'apPayment', operation: 'reverse', recordNo: String(viaRest), reversalDate: '2026-11-07' });
		expect(Object.keys(viaXmlReverse.json(NODE_NAME)[0]).sort()).toEqual(Object.keys(run.json(NODE_NAME)[0]).sort());

		const again = await overRest({ resource: 'apPayment', operation: 'reverse', recordNo: String(viaXml), reversalDate: '2026-11-08' });
		expect(again.error?.message).toMatch(/already reversed/);
		expect(JSON.stringify(again.error)).toMatch(/BL03000020|operationFailed/);
	});

	it.each([
		['REST', overRest],
		['XML', overXml],
	])('two payments reversed on one date by two runs of one workflow are two reversals, not a duplicate (%s)', async (wire, run) => {
		const bills = [await newBill(overXml, `R-PAY-TWO-${wire}-1`), await newBill(overXml, `R-PAY-TWO-${wire}-2`)];
		const made: number[] = [];
		for (const bill of bills) made.push(Number((await overXml(apPaymentParameters([{ billRecordNo: bill, amount: 25 }]))).json(NODE_NAME)[0].recordNo));
		for (const recordNo of made) {
			const reversed = await run({ resource: 'apPayment', operation: 'reverse', recordNo: String(recordNo), reversalDate: '2026-11-09' }, { workflowId: `wfReverse${wire}` });
			expect(reversed.error).toBeUndefined();
			expect(reversed.json(NODE_NAME)[0]).toMatchObject({ recordNo, reversed: true });
			expect(reversed.json(NODE_NAME)[0].duplicate).toBeUndefined();
		}
		for (const bill of bills) expect(await billState(sandbox(), bill)).toEqual({ state: 'Posted', due: '150.00', paid: '0.00' });
	});

	it('reverse of a payment that does not exist: 404 notFound from the REST API', async () => {
		const run = await overRest({ resource: 'apPayment', operation: 'reverse', recordNo: '999999', reversalDate: '2026-11-08' });
		expect(run.error?.message).toMatch(/not found/i);
	});
});

describe('balances over REST', () => {
	it.each([true, false])('get budgets (simplify %s) gives the XML output', async (simplify) => {
		const parameters = { resource: 'balance', operation: 'getBudgets', returnAll: true, simplify, filters: { budgetId: 'Grant Budgets', projectId: 'GR-2025-003', periodName: 'Month Ended March 2025' } };
		const [rest, xml] = [await overRest(parameters), await overXml(parameters)];
		expect(rest.error).toBeUndefined();
		expect(rest.json(NODE_NAME).length).toBeGreaterThan(0);
		expect(rest.json(NODE_NAME)).toEqual(xml.json(NODE_NAME));
	});

	it('get budgets of one account, limited', async () => {
		const parameters = { resource: 'balance', operation: 'getBudgets', returnAll: false, limit: 2, filters: { budgetId: 'Grant Budgets' } };
		const [rest, xml] = [await overRest(parameters), await overXml(parameters)];
		expect(rest.json(NODE_NAME)).toHaveLength(2);
		expect(rest.json(NODE_NAME)).toEqual(xml.json(NODE_NAME));
	});

	it.each([
		[{ resource: 'balance', operation: 'accountBalances', startDate: '2026-01-01', endDate: '2026-01-31' }, /get_accountbalancesbydimensions.*not available over the REST API.*Web Services \(XML\)/],
		[{ resource: 'balance', operation: 'trialBalance', startDate: '2026-01-01', endDate: '2026-01-31' }, /get_trialbalance.*not available over the REST API/],
		[{ resource: 'balance', operation: 'budgetVsActual', budgetId: 'Grant Budgets', startDate: '2025-03-01', endDate: '2025-05-31' }, /get_accountbalancesbydimensions.*not available over the REST API/],
	])('the report operations are refused before anything is sent: %j', async (parameters, message) => {
		const before = sandbox().stats.requests;
		const run = await overRest(parameters);
		expect(run.error?.message).toMatch(message);
		expect(sandbox().stats.requests).toBe(before);
	});
});

describe('panel notices over OAuth 2.0', () => {
	const properties = new SageIntacct().description.properties;

	it('AP payments have none; the balance notice shows for the three report operations only', () => {
		expect(properties.some((p) => p.name === 'restApPaymentNotice')).toBe(false);
		const notice = properties.find((p) => p.name === 'restBalanceNotice');
		expect(notice?.type).toBe('notice');
		expect(notice?.displayOptions?.show).toEqual({ resource: ['balance'], operation: ['accountBalances', 'budgetVsActual', 'trialBalance'], authentication: ['oAuth2'] });
		expect(notice?.displayName).toMatch(/Web Services \(XML\).*asynchronous report service/);
	});
});
