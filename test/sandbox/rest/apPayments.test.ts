import type { Sandbox } from '../../../sandbox';
import { call, fn, textAt } from '../protocol/gatewayClient';
import { rest, useRestSandbox } from './restClient';

/** AP payments, payment details, the reverse workflow and budget details over REST (sandbox/rest/objects/apPayments.ts, budgets.ts, workflows.ts). */
describe('AP payments over REST on the one company model', () => {
	let sandbox: Sandbox;
	let token: string;
	useRestSandbox((s, t) => {
		[sandbox, token] = [s, t];
	});

	async function bill(number: string, amount = '150.00'): Promise<string> {
		const posted = await rest(sandbox, token, 'POST', '/objects/accounts-payable/bill', {
			vendor: { id: 'V-107' },
			billNumber: number,
			createdDate: '2026-10-01',
			dueDate: '2026-10-31',
			currency: { txnCurrency: 'USD' },
			lines: [{ glAccount: { id: '6500' }, txnAmount: amount, dimensions: { location: { id: '110' } } }],
		});
		expect(posted.status).toBe(201);
		return posted.body['ia::result'].key as string;
	}

	const payment = (billKey: string, amount: string, extra: Record<string, unknown> = {}) => ({
		financialEntity: { entityId: 'BOA-OP' },
		paymentMethod: 'ach',
		vendor: { id: 'V-107' },
		paymentDate: '2026-11-02',
		txnCurrency: { currency: 'USD' },
		state: 'submitted',
		details: [{ bill: { key: billKey }, txnCurrency: { paymentAmount: amount } }],
		...extra,
	});

	test('a submitted payment lowers the bill in both views; GET shows the payment in the REST shape with its details', async () => {
		const billKey = await bill('SB-PAY-1');
		const posted = await rest(sandbox, token, 'POST', '/objects/accounts-payable/payment', payment(billKey, '100.00', { documentNumber: 'ACH-9' }));
		expect(posted.status).toBe(201);
		const key = posted.body['ia::result'].key as string;
		expect(posted.body['ia::result']).toEqual({ key, id: key, href: `/objects/accounts-payable/payment/${key}` });

		const got = await rest(sandbox, token, 'GET', `/objects/accounts-payable/payment/${key}`);
		const result = got.body['ia::result'];
		expect(result).toMatchObject({
			financialEntity: { entityId: 'BOA-OP' },
			paymentMethod: 'ach',
			vendor: { id: 'V-107' },
			documentNumber: 'ACH-9',
			txnDate: '2026-11-02',
			state: 'confirmed',
			baseCurrency: { totalAmount: '100.00', totalPaid: '100.00' },
			txnCurrency: { currency: 'USD', totalAmount: '100.00' },
		});
		expect(result).not.toHaveProperty('paymentDate');
		expect(result.details).toEqual([
			expect.objectContaining({ bill: expect.objectContaining({ key: billKey }), txnCurrency: expect.objectContaining({ paymentAmount: '100.00' }), apPayment: expect.objectContaining({ key }) }),
		]);

		const restBill = await rest(sandbox, token, 'GET', `/objects/accounts-payable/bill/${billKey}`);
		expect(restBill.body['ia::result']).toMatchObject({ state: 'partiallyPaid', totalBaseAmountDue: '50.00', paymentInformation: { totalBaseAmountPaid: '100.00' } });
		const xml = await call(sandbox.url, fn('r1', `<read><object>APPYMT</object><keys>${key}</keys><fields>*</fields></read>`));
		expect(textAt(xml, 'operation/result/data/APPYMT/STATE')).toBe('Complete');
		expect(textAt(xml, 'operation/result/data/APPYMT/PAYMENTMETHOD')).toBe('ACH');

		const details = await rest(sandbox, token, 'POST', '/services/core/query', { object: 'accounts-payable/payment-detail', fields: ['key', 'bill.key', 'txnCurrency.paymentAmount'], filters: [{ $eq: { 'apPayment.key': key } }] });
		expect(details.status).toBe(200);
		expect(details.body['ia::result']).toEqual([expect.objectContaining({ 'bill.key': billKey, 'txnCurrency.paymentAmount': '100.00' })]);
	});

	test('without state a payment is a draft (the OpenAPI default): the bill is untouched', async () => {
		const billKey = await bill('SB-PAY-DRAFT');
		const body: Record<string, unknown> = payment(billKey, '10.00');
		delete body.state;
		const posted = await rest(sandbox, token, 'POST', '/objects/accounts-payable/payment', body);
		expect(posted.status).toBe(201);
		const got = await rest(sandbox, token, 'GET', `/objects/accounts-payable/payment/${posted.body['ia::result'].key as string}`);
		expect(got.body['ia::result'].state).toBe('draft');
		const restBill = await rest(sandbox, token, 'GET', `/objects/accounts-payable/bill/${billKey}`);
		expect(restBill.body['ia::result']).toMatchObject({ state: 'posted', totalBaseAmountDue: '150.00' });
	});

	test.each([
		['no details', (k: string) => ({ ...payment(k, '1.00'), details: undefined }), 400, 'details'],
		['no payment date', (k: string) => ({ ...payment(k, '1.00'), paymentDate: undefined }), 400, 'paymentDate'],
		['an unknown payment method', (k: string) => ({ ...payment(k, '1.00'), paymentMethod: 'Printed Check' }), 400, 'paymentMethod'],
		['a created state other than draft or submitted', (k: string) => ({ ...payment(k, '1.00'), state: 'confirmed' }), 400, 'state'],
		['a bill key that names no bill', () => payment('999999', '1.00'), 400, 'details[0].bill.key'],
	])('refuses %s with 400 invalidRequest naming the field', async (_name, build, status, field) => {
		const billKey = await bill(`SB-PAY-BAD-${field}`);
		const refused = await rest(sandbox, token, 'POST', '/objects/accounts-payable/payment', JSON.parse(JSON.stringify(build(billKey))));
		expect(refused.status).toBe(status);
		expect(refused.body['ia::error']).toMatchObject({ code: 'invalidRequest' });
		expect(JSON.stringify(refused.body['ia::error'].details)).toContain(field);
		const restBill = await rest(sandbox, token, 'GET', `/objects/accounts-payable/bill/${billKey}`);
		expect(restBill.body['ia::result'].totalBaseAmountDue).toBe('150.00');
	});

	test('paying more than the bill has due is Intacct\'s business error: 422 operationFailed with the model\'s number', async () => {
		const billKey = await bill('SB-PAY-OVER');
		const refused = await rest(sandbox, token, 'POST', '/objects/accounts-payable/payment', payment(billKey, '150.01'));
		expect(refused.status).toBe(422);
		expect(refused.body['ia::error']).toMatchObject({ code: 'operationFailed' });
		expect(refused.body['ia::error'].details[0]).toMatchObject({ code: 'BL03000020', message: expect.stringContaining('exceeds the amount due 150.00') });
	});

	test('PATCH may not change state; DELETE of a posted payment is refused; reverse gives the money back once', async () => {
		const billKey = await bill('SB-PAY-REV');
		const key = (await rest(sandbox, token, 'POST', '/objects/accounts-payable/payment', payment(billKey, '150.00'))).body['ia::result'].key as string;
		const patched = await rest(sandbox, token, 'PATCH', `/objects/accounts-payable/payment/${key}`, { state: 'voided' });
		expect(patched.status).toBe(400);
		expect(JSON.stringify(patched.body['ia::error'])).toContain('state');
		const deleted = await rest(sandbox, token, 'DELETE', `/objects/accounts-payable/payment/${key}`);
		expect(deleted.status).toBe(422);
		expect(deleted.body['ia::error'].details[0].message).toMatch(/cannot be deleted/);

		const noDate = await rest(sandbox, token, 'POST', '/workflows/accounts-payable/payment/reverse', { key });
		expect(noDate.status).toBe(400);
		expect(noDate.body['ia::error'].details[0]).toMatchObject({ field: 'paymentDate' });
		const unknown = await rest(sandbox, token, 'POST', '/workflows/accounts-payable/payment/reverse', { key: '999999', paymentDate: '2026-11-05' });
		expect(unknown.status).toBe(404);
		expect(unknown.body['ia::error']).toMatchObject({ code: 'notFound' });

		const reversed = await rest(sandbox, token, 'POST', '/workflows/accounts-payable/payment/reverse', { key, paymentDate: '2026-11-05', description: 'Lost check' });
		expect(reversed.status).toBe(200);
		expect(reversed.body['ia::result']).toEqual({ key, id: key, href: `/objects/accounts-payable/payment/${key}`, state: 'voided' });
		const restBill = await rest(sandbox, token, 'GET', `/objects/accounts-payable/bill/${billKey}`);
		expect(restBill.body['ia::result']).toMatchObject({ state: 'posted', totalBaseAmountDue: '150.00' });

		const again = await rest(sandbox, token, 'POST', '/workflows/accounts-payable/payment/reverse', { key, paymentDate: '2026-11-06' });
		expect(again.status).toBe(422);
		expect(again.body['ia::error'].details[0]).toMatchObject({ code: 'BL03000020', message: expect.stringContaining('already reversed') });
		const wrongMethod = await rest(sandbox, token, 'GET', '/workflows/accounts-payable/payment/reverse');
		expect(wrongMethod.status).toBe(405);
	});

	test('budget details are read over REST and are not written there', async () => {
		const listed = await rest(sandbox, token, 'POST', '/services/core/query', {
			object: 'general-ledger/budget-detail',
			fields: ['key', 'budget.id', 'glAccount.id', 'reportingPeriod.id', 'dimensions.project.id', 'amount'],
			filters: [{ $eq: { 'budget.id': 'Grant Budgets' } }, { $eq: { 'reportingPeriod.id': 'Month Ended March 2025' } }],
		});
		expect(listed.status).toBe(200);
		expect(listed.body['ia::result'].length).toBeGreaterThan(0);
		const first = listed.body['ia::result'][0];
		expect(first).toMatchObject({ 'budget.id': 'Grant Budgets', 'reportingPeriod.id': 'Month Ended March 2025' });
		const got = await rest(sandbox, token, 'GET', `/objects/general-ledger/budget-detail/${first.key as string}`);
		expect(got.body['ia::result']).toMatchObject({ budget: { id: 'Grant Budgets' }, glAccount: { id: first['glAccount.id'] }, amount: first.amount });
		const write = await rest(sandbox, token, 'POST', '/objects/general-ledger/budget-detail', { amount: '1.00' });
		expect(write.status).toBe(405);
	});
});
