/**
 * The accounts-receivable and cash-management REST objects over the one company model
 * (sandbox/rest/objects/accountsReceivable.ts, cashManagement.ts, sandbox/rest/workflows.ts): writes
 * run the XML API's own functions and rules, lines change by key, refusals in ia::error shape.
 */
import type { Sandbox } from '../../../../sandbox';
import { call, fn, textAt } from '../../protocol/gatewayClient';
import { rest, useRestSandbox } from '../restClient';

describe('REST accounts receivable and cash management objects', () => {
	let sandbox: Sandbox;
	let token: string;
	useRestSandbox((s, t) => {
		[sandbox, token] = [s, t];
	});

	const newInvoice = async (invoiceNumber: string, amounts: string[]) =>
		await rest(sandbox, token, 'POST', '/objects/accounts-receivable/invoice', {
			invoiceNumber,
			customer: { id: 'C-1001' },
			invoiceDate: '2026-10-05',
			dueDate: '2026-11-04',
			lines: amounts.map((txnAmount) => ({ txnAmount, glAccount: { id: '4200' }, memo: `Fee ${txnAmount}`, dimensions: { location: { id: '110' } } })),
		});

	test('an invoice created over REST is read over XML; a PATCH changes a line by key and adds one', async () => {
		const posted = await newInvoice('INV-R-1', ['100.00', '40.00']);
		expect(posted.status).toBe(201);
		const key = posted.body['ia::result'].key as string;
		const xml = await call(sandbox.url, fn('r1', `<read><object>ARINVOICE</object><keys>${key}</keys><fields>*</fields></read>`));
		expect(textAt(xml, 'operation/result/data/ARINVOICE/TOTALDUE')).toBe('140.00');
		const got = await rest(sandbox, token, 'GET', `/objects/accounts-receivable/invoice/${key}`);
		expect(got.body['ia::result']).toMatchObject({ invoiceNumber: 'INV-R-1', customer: { id: 'C-1001' }, state: 'posted', totalBaseAmountDue: '140.00', invoiceDate: '2026-10-05' });

		const lines = await rest(sandbox, token, 'POST', '/services/core/query', { object: 'accounts-receivable/invoice-line', fields: ['key', 'lineNumber'], filters: [{ $eq: { 'invoice.key': key } }], orderBy: [{ lineNumber: 'asc' }] });
		const second = lines.body['ia::result'][1].key as string;
		const patched = await rest(sandbox, token, 'PATCH', `/objects/accounts-receivable/invoice/${key}`, {
			description: 'Changed',
			lines: [{ key: second, txnAmount: '45.00' }, { txnAmount: '5.00', glAccount: { id: '4200' }, dimensions: { location: { id: '110' } } }],
		});
		expect(patched.status).toBe(200);
		const after = await rest(sandbox, token, 'GET', `/objects/accounts-receivable/invoice/${key}`);
		expect(after.body['ia::result']).toMatchObject({ description: 'Changed', totalBaseAmount: '150.00' });

		const foreign = await rest(sandbox, token, 'PATCH', `/objects/accounts-receivable/invoice/${key}`, { lines: [{ key: '999999', txnAmount: '1.00' }] });
		expect(foreign.status).toBe(404);
		expect(foreign.body['ia::error']).toMatchObject({ code: 'notFound' });
	});

	test('a payment over REST applies to invoices (due amounts fall); paying more than due is 422 with the model error', async () => {
		const invoice = (await newInvoice('INV-R-PAY', ['80.00'])).body['ia::result'].key as string;
		const pay = (amount: string) => ({
			customer: { id: 'C-1001' },
			paymentMethod: 'printedCheck',
			undepositedGLAccount: { id: '1050' },
			paymentSummary: { receiptDate: '2026-11-02' },
			txnCurrency: { currency: 'USD' },
			paymentDetails: [{ arInvoice: { id: invoice }, txnCurrency: { paymentAmount: amount } }],
		});
		const over = await rest(sandbox, token, 'POST', '/objects/accounts-receivable/payment', pay('90.00'));
		expect(over.status).toBe(422);
		expect(over.body['ia::error']).toMatchObject({ code: 'operationFailed', details: [expect.objectContaining({ code: 'BL03000020', message: expect.stringMatching(/exceeds the amount due 80\.00/) }), expect.objectContaining({ code: 'BL01001973' })] });
		const paid = await rest(sandbox, token, 'POST', '/objects/accounts-receivable/payment', pay('30.00'));
		expect(paid.status).toBe(201);
		const got = await rest(sandbox, token, 'GET', `/objects/accounts-receivable/invoice/${invoice}`);
		expect(got.body['ia::result']).toMatchObject({ totalBaseAmountDue: '50.00', state: 'partiallyPaid' });
		const payment = await rest(sandbox, token, 'GET', `/objects/accounts-receivable/payment/${paid.body['ia::result'].key as string}`);
		expect(payment.body['ia::result']).toMatchObject({ paymentMethod: 'printedCheck', state: 'complete', undepositedGLAccount: { id: '1050' }, customer: { id: 'C-1001' } });
		const badMethod = await rest(sandbox, token, 'POST', '/objects/accounts-receivable/payment', { ...pay('1.00'), paymentMethod: 'Printed Check' });
		expect(badMethod.status).toBe(400);
		expect(badMethod.body['ia::error'].details[0]).toMatchObject({ field: 'paymentMethod' });
	});

	test('a deposit takes undeposited payments once; deposits cannot be patched', async () => {
		const invoice = (await newInvoice('INV-R-DEP', ['25.00'])).body['ia::result'].key as string;
		const payment = await rest(sandbox, token, 'POST', '/objects/accounts-receivable/payment', {
			customer: { id: 'C-1001' },
			paymentMethod: 'cash',
			undepositedGLAccount: { id: '1050' },
			paymentSummary: { receiptDate: '2026-11-02' },
			txnCurrency: { currency: 'USD' },
			paymentDetails: [{ arInvoice: { id: invoice }, txnCurrency: { paymentAmount: '25.00' } }],
		});
		const receipt = payment.body['ia::result'].key as string;
		const deposit = { bankAccount: { id: 'BOA-OP' }, txnDate: '2026-11-03', depositId: 'SLIP-R-1', details: [{ id: receipt }] };
		const made = await rest(sandbox, token, 'POST', '/objects/cash-management/deposit', deposit);
		expect(made.status).toBe(201);
		const key = made.body['ia::result'].key as string;
		expect((await rest(sandbox, token, 'GET', `/objects/cash-management/deposit/${key}`)).body['ia::result']).toMatchObject({ depositId: 'SLIP-R-1', totalEntered: '25.00', bankAccount: { id: 'BOA-OP' }, state: 'posted' });
		const again = await rest(sandbox, token, 'POST', '/objects/cash-management/deposit', { ...deposit, depositId: 'SLIP-R-2' });
		expect(again.status).toBe(422);
		expect(again.body['ia::error'].details[0].message).toMatch(/already deposited/);
		const noDetails = await rest(sandbox, token, 'POST', '/objects/cash-management/deposit', { ...deposit, details: undefined });
		expect(noDetails.status).toBe(400);
		expect((await rest(sandbox, token, 'PATCH', `/objects/cash-management/deposit/${key}`, { description: 'x' })).status).toBe(405);
	});

	test('a card transaction reversed through the workflow; the workflow refuses what it cannot reverse', async () => {
		const made = await rest(sandbox, token, 'POST', '/objects/cash-management/credit-card-txn', {
			creditCardAccount: { id: 'VISA-1234' },
			txnDate: '2026-11-04',
			referenceNumber: 'CC-R-1',
			lines: [{ glAccount: { id: '6000' }, totalTxnAmount: '12.00', dimensions: { location: { id: '110' } } }],
		});
		expect(made.status).toBe(201);
		const key = made.body['ia::result'].key as string;
		const lines = await rest(sandbox, token, 'POST', '/services/core/query', { object: 'cash-management/credit-card-txn-line', fields: ['totalTxnAmount', 'txnAmount', 'glAccount.id'], filters: [{ $eq: { 'creditCardTxn.key': key } }] });
		expect(lines.body['ia::result']).toEqual([{ totalTxnAmount: '12.00', txnAmount: '12.00', 'glAccount.id': '6000' }]);

		const missingDate = await rest(sandbox, token, 'POST', '/workflows/cash-management/credit-card-txn/reverse', { key });
		expect(missingDate.status).toBe(400);
		expect(missingDate.body['ia::error'].details[0]).toMatchObject({ field: 'reversedDate' });
		expect((await rest(sandbox, token, 'POST', '/workflows/cash-management/credit-card-txn/reverse', { key: '999999', reversedDate: '2026-11-05' })).status).toBe(404);
		const reversed = await rest(sandbox, token, 'POST', '/workflows/cash-management/credit-card-txn/reverse', { key, reversedDate: '2026-11-05', memo: 'Wrong card' });
		expect(reversed.status).toBe(200);
		expect(reversed.body['ia::result']).toMatchObject({ state: 'reversed', href: `/objects/cash-management/credit-card-txn/${reversed.body['ia::result'].key as string}` });
		expect((await rest(sandbox, token, 'GET', `/objects/cash-management/credit-card-txn/${key}`)).body['ia::result']).toMatchObject({ state: 'reversed', reversedBy: { key: reversed.body['ia::result'].key } });
		const twice = await rest(sandbox, token, 'POST', '/workflows/cash-management/credit-card-txn/reverse', { key, reversedDate: '2026-11-06' });
		expect(twice.status).toBe(422);
	});
});
