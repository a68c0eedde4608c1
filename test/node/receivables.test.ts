/**
 * The AR flow through the real engine against the sandbox: customers, AR invoices (the open invoices
 * of a customer), AR payments applied to one or many invoices (into undeposited funds or a bank, with
 * an overpayment), deposits of undeposited payments. Each create: a batch with one bad item fails
 * alone, a re-run posts once, each validation error stops the item before anything is sent.
 */
import type { INodeParameters } from 'n8n-workflow';
import type { Sandbox } from '../../sandbox/api';
import { createCredentialsHelper, sandboxCredentialValues } from '../support/harness';
import { NODE_NAME, functionsSent, readAll, runNode, startTestSandbox } from './support';
import { arPaymentParameters } from './paymentSupport';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});

afterAll(async () => {
	await sandbox?.close();
});

const locator = (value: string) => ({ __rl: true, mode: 'id', value });

function invoiceParameters(overrides: INodeParameters = {}, lines: Array<Record<string, unknown>> = [{ accountNo: '4200', amount: 100, memo: 'Program fees', locationId: '110' }]): INodeParameters {
	return {
		resource: 'arInvoice',
		operation: 'create',
		customer: locator('C-1001'),
		invoiceDate: '2026-10-01',
		dueDate: '2026-10-31',
		lineInput: 'fields',
		lines: { line: lines } as unknown as INodeParameters,
		...overrides,
	};
}

async function newInvoice(number: string, amounts = [100, 50], customer = 'C-1001'): Promise<number> {
	const run = await runNode(sandbox, invoiceParameters({ invoiceNumber: number, customer: locator(customer) }, amounts.map((amount) => ({ accountNo: '4200', amount, locationId: '110' }))));
	expect(run.status).toBe('success');
	return Number(run.json(NODE_NAME)[0].recordNo);
}

async function invoiceState(recordNo: number) {
	const [invoice] = await readAll(sandbox, 'ARINVOICE', `RECORDNO = ${recordNo}`);
	return { state: invoice.STATE, due: invoice.TOTALDUE, paid: invoice.TOTALPAID };
}

async function expectRefused(parameters: INodeParameters, message: RegExp, sent: string) {
	const before = functionsSent(sandbox, sent);
	const run = await runNode(sandbox, parameters);
	expect(run.status).toBe('error');
	expect(run.error?.message).toMatch(/item 1/);
	expect(run.error?.message).toMatch(message);
	expect(functionsSent(sandbox, sent)).toBe(before);
}

describe('customer', () => {
	it('creates (once on a re-run), gets, lists and updates a customer', async () => {
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		const parameters = { resource: 'customer', operation: 'create', customerId: 'C-2001', name: 'Lakeside Clinic', additionalFields: { email: 'ap@lakeside.example', customerType: 'Clinic' } };
		const first = await runNode(sandbox, parameters, { workflowId: 'wfCust', credentials });
		expect(first.json(NODE_NAME)[0]).toMatchObject({ customerId: 'C-2001', name: 'Lakeside Clinic', recordNo: expect.any(Number) });
		const second = await runNode(sandbox, parameters, { workflowId: 'wfCust', credentials });
		expect(second.json(NODE_NAME)[0]).toMatchObject({ duplicate: true, recordNo: first.json(NODE_NAME)[0].recordNo });
		expect(await readAll(sandbox, 'CUSTOMER', "CUSTOMERID = 'C-2001'")).toHaveLength(1);
		const [stored] = await readAll(sandbox, 'CUSTOMER', "CUSTOMERID = 'C-2001'");
		expect(stored).toMatchObject({ NAME: 'Lakeside Clinic', DISPLAYCONTACT: { PRINTAS: 'Lakeside Clinic', EMAIL1: 'ap@lakeside.example' } });
		const got = await runNode(sandbox, { resource: 'customer', operation: 'get', customer: locator('C-2001') });
		expect(got.json(NODE_NAME)[0]).toMatchObject({ customerId: 'C-2001', customerType: 'Clinic' });
		const many = await runNode(sandbox, { resource: 'customer', operation: 'getMany', returnAll: true, filters: { name: 'Lakeside' } });
		expect(many.json(NODE_NAME).map((c) => c.customerId)).toEqual(['C-2001']);
		const updated = await runNode(sandbox, { resource: 'customer', operation: 'update', customer: locator('C-2001'), updateFields: { name: 'Lakeside Community Clinic' } });
		expect(updated.json(NODE_NAME)[0]).toMatchObject({ updated: true });
		expect((await readAll(sandbox, 'CUSTOMER', "CUSTOMERID = 'C-2001'"))[0].NAME).toBe('Lakeside Community Clinic');
	});

	it.each([
		['no customer ID', { resource: 'customer', operation: 'create', customerId: '={{ $json.missing }}', name: 'X' }, /"customerId"/],
		['no name', { resource: 'customer', operation: 'create', customerId: 'C-2999', name: '={{ $json.missing }}' }, /"name"/],
		['an update without fields', { resource: 'customer', operation: 'update', customer: locator('C-1001'), updateFields: {} }, /nothing to update/],
	])('refuses %s before sending anything', async (_name, parameters, message) => {
		await expectRefused(parameters as INodeParameters, message, parameters.operation === 'update' ? 'update' : 'create');
	});
});

describe('arInvoice', () => {
	it('creates an invoice once on a re-run; it is among the open invoices of its customer until paid', async () => {
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		const parameters = invoiceParameters({ invoiceNumber: 'AR-IDEMP-1', customer: locator('C-1004') });
		const first = await runNode(sandbox, parameters, { workflowId: 'wfInv', credentials });
		expect(first.json(NODE_NAME)[0]).toMatchObject({ recordNo: expect.any(Number), customerId: 'C-1004', invoiceNumber: 'AR-IDEMP-1', totalEntered: 100, invoiceDate: '2026-10-01' });
		const second = await runNode(sandbox, parameters, { workflowId: 'wfInv', credentials });
		expect(second.json(NODE_NAME)[0]).toMatchObject({ duplicate: true, recordNo: first.json(NODE_NAME)[0].recordNo });
		expect(await readAll(sandbox, 'ARINVOICE', "RECORDID = 'AR-IDEMP-1'")).toHaveLength(1);
		const recordNo = first.json(NODE_NAME)[0].recordNo as number;
		const open = await runNode(sandbox, { resource: 'arInvoice', operation: 'getMany', returnAll: true, filters: { customerId: 'C-1004', openOnly: true } });
		expect(open.json(NODE_NAME).map((i) => i.recordNo)).toContain(recordNo);
		expect(open.json(NODE_NAME).every((i) => i.customerId === 'C-1004' && Number(i.totalDue) > 0)).toBe(true);
		const got = await runNode(sandbox, { resource: 'arInvoice', operation: 'get', recordNo: String(recordNo) });
		expect(got.json(NODE_NAME)[0]).toMatchObject({ recordNo, invoiceNumber: 'AR-IDEMP-1', dueDate: '2026-10-31', totalDue: 100, state: 'Posted' });
		const paid = await runNode(sandbox, arPaymentParameters([{ invoiceRecordNo: recordNo, amount: 100 }], { customer: locator('C-1004') }));
		expect(paid.status).toBe('success');
		const after = await runNode(sandbox, { resource: 'arInvoice', operation: 'getMany', returnAll: true, filters: { customerId: 'C-1004', openOnly: true } });
		expect(after.json(NODE_NAME).map((i) => i.recordNo)).not.toContain(recordNo);
	});

	it('a batch with one invoice on an unknown account: the others post, the bad one fails alone with Intacct\'s error', async () => {
		const run = await runNode(
			sandbox,
			invoiceParameters({ lineInput: 'json', linesJson: '={{ JSON.stringify([{ accountNo: $json.account, amount: 10, locationId: "110" }]) }}', invoiceNumber: '={{ $json.number }}' }),
			{ items: [{ account: '4200', number: 'AR-B1' }, { account: '4999', number: 'AR-B2' }, { account: '4300', number: 'AR-B3' }], continueOnFail: true },
		);
		const out = run.output(NODE_NAME);
		expect(out.map((o) => o.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
		expect(out[0].json.recordNo).toEqual(expect.any(Number));
		expect(out[1].json).toMatchObject({ errorNumber: 'BL03000015' });
		expect(String(out[1].json.error)).toMatch(/4999/);
		expect(out[2].json.recordNo).toEqual(expect.any(Number));
		expect(await readAll(sandbox, 'ARINVOICE', "RECORDID = 'AR-B2'")).toHaveLength(0);
	});

	it('updates an invoice (a line changed, a line added) and deletes one; an invoice with payments cannot be deleted', async () => {
		const recordNo = await newInvoice('AR-UPD-1');
		const updated = await runNode(sandbox, {
			resource: 'arInvoice',
			operation: 'update',
			recordNo: String(recordNo),
			updateFields: { description: 'Corrected', dueDate: '2026-11-15' },
			lineUpdatesJson: '[{ "lineNo": 2, "amount": 75, "memo": "Adjusted" }]',
			lineInput: 'fields',
			lines: { line: [{ accountNo: '4300', amount: 25, locationId: '110' }] },
		});
		expect(updated.json(NODE_NAME)[0]).toMatchObject({ recordNo, updated: true });
		const [stored] = await readAll(sandbox, 'ARINVOICE', `RECORDNO = ${recordNo}`);
		expect(stored).toMatchObject({ DESCRIPTION: 'Corrected', WHENDUE: '11/15/2026', TOTALENTERED: '200.00', TOTALDUE: '200.00' });
		const lines = await readAll(sandbox, 'ARINVOICEITEM', `RECORDKEY = ${recordNo}`);
		expect(lines.map((l) => [l.ACCOUNTNO, l.TRX_AMOUNT, l.ENTRYDESCRIPTION])).toEqual([
			['4200', '100.00', ''],
			['4200', '75.00', 'Adjusted'],
			['4300', '25.00', ''],
		]);
		const deleted = await runNode(sandbox, { resource: 'arInvoice', operation: 'delete', recordNo: String(recordNo) });
		expect(deleted.json(NODE_NAME)[0]).toEqual({ deleted: true, recordNo });
		expect(await readAll(sandbox, 'ARINVOICE', `RECORDNO = ${recordNo}`)).toHaveLength(0);
		const withPayment = await newInvoice('AR-DEL-PAID');
		await runNode(sandbox, arPaymentParameters([{ invoiceRecordNo: withPayment, amount: 10 }]));
		const refused = await runNode(sandbox, { resource: 'arInvoice', operation: 'delete', recordNo: String(withPayment) });
		expect(refused.status).toBe('error');
		expect(refused.error?.message).toMatch(/has payments applied/);
	});

	it.each([
		['no lines', invoiceParameters({}, []), /has no lines/],
		['a line without an account', invoiceParameters({}, [{ accountNo: '', amount: 5 }]), /line 1, field "accountNo"/],
		['a line amount with three decimals', invoiceParameters({}, [{ accountNo: '4200', amount: 1.005 }]), /line 1, field "amount"/],
		['no invoice date', invoiceParameters({ invoiceDate: '={{ $json.missing }}' }), /field "invoiceDate"/],
		['no due date', invoiceParameters({ dueDate: '={{ $json.missing }}' }), /field "dueDate": Intacct requires a due date/],
		['a due date before the invoice date', invoiceParameters({ dueDate: '2026-09-30' }), /field "dueDate": .* is before the invoice date/],
		['no customer', invoiceParameters({ customer: locator('={{ $json.missing }}') }), /"customer"/],
	])('create refuses %s before sending anything', async (_name, parameters, message) => {
		await expectRefused(parameters, message, 'create_invoice');
	});

	it.each([
		['nothing to change', {}, /nothing to update/],
		['line changes that are not JSON', { lineUpdatesJson: '{nope' }, /field "lineUpdatesJson": not valid JSON/],
		['a line change without a line number', { lineUpdatesJson: '[{ "amount": 5 }]' }, /line change 1, field "lineNo"/],
		['a line change to an unknown field', { lineUpdatesJson: '[{ "lineNo": 1, "colour": "red" }]' }, /line change 1, field "colour": not a line field/],
	])('update refuses %s before sending anything', async (_name, overrides, message) => {
		await expectRefused({ resource: 'arInvoice', operation: 'update', recordNo: '1', updateFields: {}, lineInput: 'keep', ...overrides }, message, 'update_invoice');
	});
});

describe('arPayment', () => {
	it('pays two invoices in one payment, one partly (waterfall over its lines) and one in full', async () => {
		const a = await newInvoice('AR-PAY-A');
		const b = await newInvoice('AR-PAY-B', [80]);
		const run = await runNode(sandbox, arPaymentParameters([{ invoiceRecordNo: a, amount: 120 }, { invoiceRecordNo: b, amount: 80 }], { additionalFields: { referenceNumber: 'CHK-5001' } }));
		expect(run.status).toBe('success');
		const [payment] = run.json(NODE_NAME);
		expect(payment).toMatchObject({ recordNo: expect.any(Number), customerId: 'C-1001', undeposited: true, receivedInto: '1050', amount: 200, receiptDate: '2026-11-02' });
		expect(await invoiceState(a)).toEqual({ state: 'Partially Paid', due: '30.00', paid: '120.00' });
		expect(await invoiceState(b)).toEqual({ state: 'Paid', due: '0.00', paid: '80.00' });
		const lines = await readAll(sandbox, 'ARINVOICEITEM', `RECORDKEY = ${a}`);
		expect(lines.map((l) => l.TOTALDUE)).toEqual(['0.00', '30.00']);
		const [stored] = await readAll(sandbox, 'ARPYMT', `RECORDNO = ${String(payment.recordNo)}`);
		expect(stored).toMatchObject({ TOTALENTERED: '200.00', DOCNUMBER: 'CHK-5001', PAYMENTMETHOD: 'Printed Check', UNDEPOSITEDACCOUNTNO: '1050', STATE: 'Complete' });
		const got = await runNode(sandbox, { resource: 'arPayment', operation: 'get', recordNo: String(payment.recordNo) });
		expect(got.json(NODE_NAME)[0]).toMatchObject({ recordNo: payment.recordNo, receiptDate: '2026-11-02', undepositedFundsAccount: '1050', totalEntered: 200 });
		const many = await runNode(sandbox, { resource: 'arPayment', operation: 'getMany', returnAll: true, filters: { customerId: 'C-1001', undepositedAccount: '1050', startDate: '2026-11-02', endDate: '2026-11-02' } });
		expect(many.json(NODE_NAME).map((p) => p.recordNo)).toContain(payment.recordNo);
	});

	it('is idempotent: the same run twice receives one payment, the second returns it as a duplicate', async () => {
		const invoice = await newInvoice('AR-PAY-IDEMP');
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		const parameters = arPaymentParameters([{ invoiceRecordNo: invoice, amount: 40 }]);
		const first = await runNode(sandbox, parameters, { workflowId: 'wfArPay', credentials });
		const second = await runNode(sandbox, parameters, { workflowId: 'wfArPay', credentials });
		expect(second.json(NODE_NAME)[0]).toMatchObject({ duplicate: true, recordNo: first.json(NODE_NAME)[0].recordNo });
		expect(await readAll(sandbox, 'ARPYMTDETAIL', `RECORDKEY = ${invoice}`)).toHaveLength(1);
		expect(await invoiceState(invoice)).toEqual({ state: 'Partially Paid', due: '110.00', paid: '40.00' });
	});

	it("a batch with one payment over the amount due: the others post, the bad one fails alone with Intacct's error", async () => {
		const invoices = [await newInvoice('AR-PAY-B1', [150]), await newInvoice('AR-PAY-B2', [150]), await newInvoice('AR-PAY-B3', [150])];
		const run = await runNode(
			sandbox,
			{ ...arPaymentParameters([]), invoiceInput: 'json', invoicesJson: '={{ JSON.stringify([{ invoiceRecordNo: $json.invoice, amount: $json.amount }]) }}' },
			{ items: [{ invoice: invoices[0], amount: 150 }, { invoice: invoices[1], amount: 150.01 }, { invoice: invoices[2], amount: 10 }], continueOnFail: true },
		);
		const out = run.output(NODE_NAME);
		expect(out[0].json.recordNo).toEqual(expect.any(Number));
		expect(String(out[1].json.error)).toMatch(/exceeds the amount due 150\.00/);
		expect(out[1].json).toMatchObject({ errorNumber: 'BL03000020' });
		expect(out[2].json.recordNo).toEqual(expect.any(Number));
		expect(await invoiceState(invoices[0])).toMatchObject({ state: 'Paid' });
		expect(await invoiceState(invoices[1])).toMatchObject({ state: 'Posted', due: '150.00' });
		expect(await invoiceState(invoices[2])).toMatchObject({ state: 'Partially Paid', due: '140.00' });
	});

	it('receives an overpayment into the bank on top of the invoice; a paid invoice is no longer open', async () => {
		const invoice = await newInvoice('AR-PAY-OVER', [60]);
		const run = await runNode(
			sandbox,
			arPaymentParameters([{ invoiceRecordNo: invoice, amount: 60 }], { receiveInto: 'bank', bankAccount: locator('BOA-OP'), additionalFields: { overpaymentAmount: 15, overpaymentLocationId: '110' } }),
		);
		expect(run.json(NODE_NAME)[0]).toMatchObject({ amount: 75, overpaymentAmount: 15, undeposited: false, receivedInto: 'BOA-OP' });
		const [stored] = await readAll(sandbox, 'ARPYMT', `RECORDNO = ${String(run.json(NODE_NAME)[0].recordNo)}`);
		expect(stored).toMatchObject({ TOTALENTERED: '75.00', TOTALPAID: '60.00', OVERPAYMENTAMOUNT: '15.00', FINANCIALENTITY: 'BOA-OP' });
		const again = await runNode(sandbox, arPaymentParameters([{ invoiceRecordNo: invoice, amount: 1 }]));
		expect(again.status).toBe('error');
		expect(again.error?.message).toMatch(/is Paid and no longer open/);
	});

	it.each([
		['no invoices', arPaymentParameters([]), /pays no invoice/],
		['an invoice without a record number', arPaymentParameters([{ invoiceRecordNo: '', amount: 5 }]), /invoice 1, field "invoiceRecordNo": required/],
		['a record number that is not one', arPaymentParameters([{ invoiceRecordNo: 'INV-1', amount: 5 }]), /invoice 1, field "invoiceRecordNo": "INV-1" is not a record number/],
		['a zero amount', arPaymentParameters([{ invoiceRecordNo: 1, amount: 0 }]), /invoice 1, field "amount": must be greater than 0/],
		['three decimals', arPaymentParameters([{ invoiceRecordNo: 1, amount: 1.005 }]), /invoice 1, field "amount": .*more than 2 decimals/],
		['no receipt date', arPaymentParameters([{ invoiceRecordNo: 1, amount: 5 }], { receiptDate: '={{ $json.missing }}' }), /field "receiptDate"/],
		['no undeposited funds account', arPaymentParameters([{ invoiceRecordNo: 1, amount: 5 }], { undepositedAccount: locator('={{ $json.missing }}') }), /"undepositedAccount"/],
		['no bank account', arPaymentParameters([{ invoiceRecordNo: 1, amount: 5 }], { receiveInto: 'bank', bankAccount: locator('={{ $json.missing }}') }), /"bankAccount"/],
		['a negative overpayment', arPaymentParameters([{ invoiceRecordNo: 1, amount: 5 }], { additionalFields: { overpaymentAmount: -1 } }), /field "overpaymentAmount": must be greater than 0/],
		['bad JSON invoices', { ...arPaymentParameters([]), invoiceInput: 'json', invoicesJson: '{not json' }, /field "invoicesJson": not valid JSON/],
	])('refuses %s before sending anything, naming item and field', async (_name, parameters, message) => {
		await expectRefused(parameters, message, 'create');
	});
});

describe('deposit', () => {
	async function undepositedPayment(number: string, amount: number): Promise<number> {
		const invoice = await newInvoice(number, [amount]);
		const run = await runNode(sandbox, arPaymentParameters([{ invoiceRecordNo: invoice, amount }]));
		return Number(run.json(NODE_NAME)[0].recordNo);
	}

	function depositParameters(keys: string, overrides: INodeParameters = {}): INodeParameters {
		return { resource: 'deposit', operation: 'create', bankAccount: locator('BOA-OP'), depositDate: '2026-11-03', depositSlipId: 'SLIP-1', receiptKeys: keys, ...overrides };
	}

	it('deposits undeposited payments into a bank once on a re-run; gets and lists the deposit', async () => {
		const a = await undepositedPayment('AR-DEP-A', 70);
		const b = await undepositedPayment('AR-DEP-B', 30);
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		const parameters = depositParameters(`${a},${b}`, { depositSlipId: 'SLIP-IDEMP', additionalFields: { description: 'Monday checks' } });
		const first = await runNode(sandbox, parameters, { workflowId: 'wfDep', credentials });
		expect(first.json(NODE_NAME)[0]).toMatchObject({ recordNo: expect.any(Number), bankAccount: 'BOA-OP', depositSlipId: 'SLIP-IDEMP', depositDate: '2026-11-03', paymentRecordNos: [a, b] });
		const second = await runNode(sandbox, parameters, { workflowId: 'wfDep', credentials });
		expect(second.json(NODE_NAME)[0]).toMatchObject({ duplicate: true, recordNo: first.json(NODE_NAME)[0].recordNo });
		expect(await readAll(sandbox, 'DEPOSIT', "DEPOSITID = 'SLIP-IDEMP'")).toHaveLength(1);
		const recordNo = first.json(NODE_NAME)[0].recordNo;
		const got = await runNode(sandbox, { resource: 'deposit', operation: 'get', recordNo: String(recordNo) });
		expect(got.json(NODE_NAME)[0]).toMatchObject({ recordNo, bankAccount: 'BOA-OP', depositSlipId: 'SLIP-IDEMP', totalEntered: 100, depositDate: '2026-11-03' });
		const many = await runNode(sandbox, { resource: 'deposit', operation: 'getMany', returnAll: true, filters: { bankAccount: 'BOA-OP', depositSlipId: 'SLIP-IDEMP' } });
		expect(many.json(NODE_NAME).map((d) => d.recordNo)).toEqual([recordNo]);
		const [payment] = await readAll(sandbox, 'ARPYMT', `RECORDNO = ${a}`);
		expect(payment.DEPOSITKEY).toBe(String(recordNo));
	});

	it('a batch with one deposit of an already deposited payment: the other posts, the bad one fails alone', async () => {
		const a = await undepositedPayment('AR-DEP-C', 20);
		const b = await undepositedPayment('AR-DEP-D', 25);
		await runNode(sandbox, depositParameters(String(a), { depositSlipId: 'SLIP-FIRST' }));
		const run = await runNode(sandbox, depositParameters('={{ $json.keys }}', { depositSlipId: '={{ $json.slip }}' }), {
			items: [{ keys: String(a), slip: 'SLIP-AGAIN' }, { keys: String(b), slip: 'SLIP-NEW' }],
			continueOnFail: true,
		});
		const out = run.output(NODE_NAME);
		expect(String(out[0].json.error)).toMatch(/already deposited/);
		expect(out[0].json).toMatchObject({ errorNumber: 'BL03000020' });
		expect(out[1].json.recordNo).toEqual(expect.any(Number));
		expect(await readAll(sandbox, 'DEPOSIT', "DEPOSITID = 'SLIP-AGAIN'")).toHaveLength(0);
	});

	it.each([
		['no payments', depositParameters('={{ $json.missing }}'), /field "receiptKeys": required/],
		['a key that is not a record number', depositParameters('12,abc'), /field "receiptKeys": entry 2 "abc" is not a record number/],
		['a payment listed twice', depositParameters('12,12'), /field "receiptKeys": payment 12 is listed twice/],
		['no deposit slip', depositParameters('12', { depositSlipId: '={{ $json.missing }}' }), /"depositSlipId"/],
		['no deposit date', depositParameters('12', { depositDate: '={{ $json.missing }}' }), /field "depositDate"/],
		['no bank account', depositParameters('12', { bankAccount: locator('={{ $json.missing }}') }), /"bankAccount"/],
	])('refuses %s before sending anything', async (_name, parameters, message) => {
		await expectRefused(parameters, message, 'record_deposit');
	});
});
