/**
 * AP payments through the real engine against the sandbox: pay one or many bills (partial and full),
 * the bills' amount due and state follow, a batch with one bad payment, a re-run posts one payment
 * not two, each validation error before anything is sent, get / get many, reverse.
 */
import type { Sandbox } from '../../sandbox/api';
import { createCredentialsHelper, sandboxCredentialValues } from '../support/harness';
import { NODE_NAME, functionsSent, readAll, runNode, startTestSandbox } from './support';
import { apPaymentParameters, billState, newBill, type NodeRunner } from './paymentSupport';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});

afterAll(async () => {
	await sandbox?.close();
});

/** The node over Web Services with the sandbox's XML credentials. */
const overXml: NodeRunner = async (parameters) => await runNode(sandbox, parameters);

describe('apPayment.create', () => {
	it('pays two bills in one payment, one partly and one in full; the bills follow', async () => {
		const a = await newBill(overXml, 'PAY-NODE-A');
		const b = await newBill(overXml, 'PAY-NODE-B', 80);
		const run = await runNode(sandbox, apPaymentParameters([{ billRecordNo: a, amount: 100 }, { billRecordNo: b, amount: 80 }], { additionalFields: { documentNumber: 'ACH-1001' } }));
		expect(run.status).toBe('success');
		const [payment] = run.json(NODE_NAME);
		expect(payment).toMatchObject({ recordNo: expect.any(Number), vendorId: 'V-107', bankAccount: 'BOA-OP', amount: 180 });
		expect(await billState(sandbox, a)).toEqual({ state: 'Partially Paid', due: '50.00', paid: '100.00' });
		expect(await billState(sandbox, b)).toEqual({ state: 'Paid', due: '0.00', paid: '80.00' });
		const [stored] = await readAll(sandbox, 'APPYMT', `RECORDNO = ${String(payment.recordNo)}`);
		expect(stored).toMatchObject({ TOTALENTERED: '180.00', DOCNUMBER: 'ACH-1001', PAYMENTMETHOD: 'ACH', FINANCIALENTITY: 'BOA-OP', STATE: 'Complete' });
	});

	it('is idempotent: the same run twice makes one payment, the second returns it as a duplicate', async () => {
		const billNo = await newBill(overXml, 'PAY-NODE-IDEMP');
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		const parameters = apPaymentParameters([{ billRecordNo: billNo, amount: 40 }]);
		const first = await runNode(sandbox, parameters, { workflowId: 'wfPay', credentials });
		const second = await runNode(sandbox, parameters, { workflowId: 'wfPay', credentials });
		expect(second.json(NODE_NAME)[0]).toMatchObject({ duplicate: true, recordNo: first.json(NODE_NAME)[0].recordNo });
		expect(await readAll(sandbox, 'APPYMTDETAIL', `RECORDKEY = ${billNo}`)).toHaveLength(1);
		expect(await billState(sandbox, billNo)).toEqual({ state: 'Partially Paid', due: '110.00', paid: '40.00' });
	});

	it('a batch with one payment over the amount due: the others post, the bad one fails alone with Intacct\'s error', async () => {
		const bills = [await newBill(overXml, 'PAY-NODE-B1'), await newBill(overXml, 'PAY-NODE-B2'), await newBill(overXml, 'PAY-NODE-B3')];
		const run = await runNode(
			sandbox,
			{ ...apPaymentParameters([]), billInput: 'json', billsJson: '={{ JSON.stringify([{ billRecordNo: $json.bill, amount: $json.amount }]) }}' },
			{ items: [{ bill: bills[0], amount: 150 }, { bill: bills[1], amount: 150.01 }, { bill: bills[2], amount: 10 }], continueOnFail: true },
		);
		const out = run.output(NODE_NAME);
		expect(out.map((o) => o.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
		expect(out[0].json.recordNo).toEqual(expect.any(Number));
		expect(String(out[1].json.error)).toMatch(/exceeds the amount due 150\.00/);
		expect(out[1].json).toMatchObject({ errorNumber: 'BL03000020' });
		expect(out[2].json.recordNo).toEqual(expect.any(Number));
		expect(await billState(sandbox, bills[0])).toMatchObject({ state: 'Paid' });
		expect(await billState(sandbox, bills[1])).toMatchObject({ state: 'Posted', due: '150.00' });
		expect(await billState(sandbox, bills[2])).toMatchObject({ state: 'Partially Paid', due: '140.00' });
	});

	it.each([
		['no bills', apPaymentParameters([]), /pays no bill/],
		['a bill without a record number', apPaymentParameters([{ billRecordNo: '', amount: 5 }]), /bill 1, field "billRecordNo": required/],
		['a record number that is not one', apPaymentParameters([{ billRecordNo: 'INV-1', amount: 5 }]), /bill 1, field "billRecordNo": "INV-1" is not a record number/],
		['a zero amount', apPaymentParameters([{ billRecordNo: 1, amount: 0 }]), /bill 1, field "amount": must be greater than 0/],
		['three decimals', apPaymentParameters([{ billRecordNo: 1, amount: 1.005 }]), /bill 1, field "amount": .*more than 2 decimals/],
		['no payment date', apPaymentParameters([{ billRecordNo: 1, amount: 5 }], { paymentDate: '={{ $json.missing }}' }), /field "paymentDate"/],
		['no bank account', apPaymentParameters([{ billRecordNo: 1, amount: 5 }], { bankAccount: { __rl: true, mode: 'id', value: '={{ $json.missing }}' } }), /"bankAccount"/],
		['bad JSON bills', { ...apPaymentParameters([]), billInput: 'json', billsJson: '{not json' }, /field "billsJson": not valid JSON/],
	])('refuses %s before sending anything, naming item and field', async (_name, parameters, message) => {
		const before = functionsSent(sandbox, 'create');
		const run = await runNode(sandbox, parameters);
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/\(item 1\)/); // counted from 1, as the editor shows (issue 18 item 5)
		expect(run.error?.message).toMatch(message);
		expect(functionsSent(sandbox, 'create')).toBe(before);
	});
});

describe('apPayment get, getMany, reverse', () => {
	it('gets a payment, lists the vendor\'s payments, and a reversal opens the bill again', async () => {
		const billNo = await newBill(overXml, 'PAY-NODE-REV');
		const paid = await runNode(sandbox, apPaymentParameters([{ billRecordNo: billNo, amount: 150 }], { paymentDate: '2026-11-03' }));
		const recordNo = paid.json(NODE_NAME)[0].recordNo;
		const got = await runNode(sandbox, { resource: 'apPayment', operation: 'get', recordNo: String(recordNo) });
		expect(got.json(NODE_NAME)[0]).toMatchObject({ recordNo, paymentDate: '2026-11-03', bankAccount: 'BOA-OP', totalEntered: 150, state: 'Complete' });
		const many = await runNode(sandbox, { resource: 'apPayment', operation: 'getMany', returnAll: true, filters: { vendorId: 'V-107', startDate: '2026-11-03', endDate: '2026-11-03' } });
		expect(many.json(NODE_NAME).map((p) => p.recordNo)).toContain(recordNo);
		expect(await billState(sandbox, billNo)).toMatchObject({ state: 'Paid' });
		const reversed = await runNode(sandbox, { resource: 'apPayment', operation: 'reverse', recordNo: String(recordNo), reversalDate: '2026-11-05', memo: 'Wrong bank' });
		expect(reversed.json(NODE_NAME)[0]).toMatchObject({ recordNo, reversed: true, reversalRecordNo: expect.any(Number) });
		expect(await billState(sandbox, billNo)).toEqual({ state: 'Posted', due: '150.00', paid: '0.00' });
		const voided = await runNode(sandbox, { resource: 'apPayment', operation: 'getMany', returnAll: true, filters: { vendorId: 'V-107', states: ['V'] } });
		expect(voided.json(NODE_NAME).map((p) => p.recordNo)).toContain(recordNo);
	});
});
