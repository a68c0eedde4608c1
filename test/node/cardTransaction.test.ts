/**
 * Charge card transactions through the real engine against the sandbox (Sage's Charge Card
 * Transactions page): create with lines and receipt files, the posting and the attachment it leaves,
 * a batch where one transaction fails alone with Intacct's error, a re-run that records one
 * transaction (and one attachment) not two, each validation error before anything is sent, get with
 * lines, get many, reverse, entity override.
 */
import type { Sandbox } from '../../sandbox/api';
import { createCredentialsHelper, sandboxCredentialValues } from '../support/harness';
import { NODE_NAME, functionsSent, readAll, runNode, startTestSandbox } from './support';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});

afterAll(async () => {
	await sandbox?.close();
});

const RECEIPT = Buffer.from('\x89PNG receipt bytes for the card transaction');

function cardParameters(overrides: Record<string, unknown> = {}) {
	return {
		resource: 'cardTransaction',
		operation: 'create',
		chargeCard: { __rl: true, mode: 'id', value: 'VISA-1234' },
		paymentDate: '2026-11-04',
		lineInput: 'fields',
		lines: {
			line: [
				{ accountNo: '6000', amount: 54.32, memo: 'Program supplies', locationId: '110', departmentId: 'PROG' },
				{ accountNo: '6200', amount: 18.5, memo: 'Taxi', locationId: '110' },
			],
		},
		additionalFields: { referenceNumber: 'EXP-1001', payee: 'Costco' },
		...overrides,
	};
}

function receiptItem(name = 'receipt.png', bytes = RECEIPT) {
	return { json: {}, binary: { receipt: { data: bytes.toString('base64'), mimeType: 'image/png', fileName: name } } };
}

describe('cardTransaction.create', () => {
	it('records the transaction with its lines and the receipt attached, posted to the card liability account', async () => {
		const run = await runNode(sandbox, cardParameters({ attachFiles: true, binaryPropertyNames: 'receipt', attachmentFolder: 'Receipts' }), { items: [receiptItem()] });
		expect(run.status).toBe('success');
		const [out] = run.json(NODE_NAME);
		expect(out).toMatchObject({ recordNo: expect.any(Number), chargeCardId: 'VISA-1234', paymentDate: '2026-11-04', referenceNumber: 'EXP-1001', payee: 'Costco', total: 72.82, lines: 2, attachmentsId: expect.stringMatching(/^N8N/) });
		const [stored] = await readAll(sandbox, 'CCTRANSACTION', `RECORDNO = ${String(out.recordNo)}`);
		expect(stored).toMatchObject({ FINANCIALENTITY: 'VISA-1234', TOTALENTERED: '72.82', SUPDOCID: out.attachmentsId, STATE: 'Posted' });
		const lines = await readAll(sandbox, 'CCTRANSACTIONENTRY', `RECORDKEY = ${String(out.recordNo)}`);
		expect(lines.map((l) => [l.ACCOUNTNO, l.TRX_AMOUNT, l.DEPARTMENTID])).toEqual([
			['6000', '54.32', 'PROG'],
			['6200', '18.50', ''],
		]);
		const gl = await readAll(sandbox, 'GLENTRY', `BATCHNO = ${String(stored.GLBATCHKEY)}`);
		expect(gl.filter((l) => l.ACCOUNTNO === '2050').reduce((sum, l) => sum + Number(l.TRX_AMOUNT), 0)).toBeCloseTo(72.82);
		const [supdoc] = await readAll(sandbox, 'SUPDOC', `SUPDOCID = '${String(out.attachmentsId)}'`);
		expect(supdoc).toMatchObject({ FOLDERNAME: 'Receipts', ATTACHMENTCOUNT: '1' });
	});

	it('is idempotent: the same run twice records one transaction and uploads the receipt once', async () => {
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		const parameters = cardParameters({ additionalFields: { referenceNumber: 'EXP-IDEMP' }, attachFiles: true, binaryPropertyNames: 'receipt' });
		const supdocsBefore = functionsSent(sandbox, 'create_supdoc');
		const first = await runNode(sandbox, parameters, { workflowId: 'wfCards', credentials, items: [receiptItem('idemp.png')] });
		const second = await runNode(sandbox, parameters, { workflowId: 'wfCards', credentials, items: [receiptItem('idemp.png')] });
		expect(first.json(NODE_NAME)[0].duplicate).toBeUndefined();
		expect(second.json(NODE_NAME)[0]).toMatchObject({ duplicate: true, recordNo: first.json(NODE_NAME)[0].recordNo });
		expect(await readAll(sandbox, 'CCTRANSACTION', "RECORDID = 'EXP-IDEMP'")).toHaveLength(1);
		expect(await readAll(sandbox, 'SUPDOC', `SUPDOCID = '${String(first.json(NODE_NAME)[0].attachmentsId)}'`)).toHaveLength(1);
		expect(functionsSent(sandbox, 'create_supdoc') - supdocsBefore).toBeLessThanOrEqual(2);
	});

	it('a batch with one transaction on an unknown card: the others are recorded, the bad one fails alone with Intacct\'s error', async () => {
		const run = await runNode(
			sandbox,
			cardParameters({ chargeCard: { __rl: true, mode: 'id', value: '={{ $json.card }}' }, additionalFields: { referenceNumber: '={{ $json.ref }}' } }),
			{ items: [{ card: 'VISA-1234', ref: 'EXP-B1' }, { card: 'VISA-0000', ref: 'EXP-B2' }, { card: 'AMEX-1001', ref: 'EXP-B3' }], continueOnFail: true },
		);
		const out = run.output(NODE_NAME);
		expect(out.map((o) => o.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
		expect(out[0].json.recordNo).toEqual(expect.any(Number));
		expect(String(out[1].json.error)).toMatch(/VISA-0000/);
		expect(out[1].json).toMatchObject({ errorNumber: 'BL03000015' });
		expect(out[2].json.recordNo).toEqual(expect.any(Number));
		expect(await readAll(sandbox, 'CCTRANSACTION', "RECORDID = 'EXP-B2'")).toHaveLength(0);
		expect(await readAll(sandbox, 'CCTRANSACTION', "RECORDID = 'EXP-B3'")).toHaveLength(1);
	});

	it('surfaces Intacct\'s own error and correction for a line without a location (multi-entity company)', async () => {
		const run = await runNode(sandbox, cardParameters({ lines: { line: [{ accountNo: '6000', amount: 10 }] }, additionalFields: { referenceNumber: 'EXP-NOLOC' } }));
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/locationid/);
		expect(JSON.stringify(run.error)).toMatch(/BL03000018/);
	});

	it('runs in the entity given by the override (a location of another entity is refused there)', async () => {
		const entity = { __rl: true, mode: 'id', value: '200' };
		const ok = await runNode(sandbox, cardParameters({ entityId: entity, lines: { line: [{ accountNo: '6000', amount: 12, locationId: '210' }] }, additionalFields: { referenceNumber: 'EXP-W1' } }));
		expect(ok.status).toBe('success');
		const [stored] = await readAll(sandbox, 'CCTRANSACTION', "RECORDID = 'EXP-W1'");
		expect(stored.MEGAENTITYID).toBe('200');
		const refused = await runNode(sandbox, cardParameters({ entityId: entity, additionalFields: { referenceNumber: 'EXP-W2' } }));
		expect(refused.error?.message).toMatch(/Location 110 does not belong to entity 200/);
	});

	it.each([
		['no lines', cardParameters({ lines: { line: [] } }), /item 1.*no lines/],
		['a zero amount', cardParameters({ lines: { line: [{ accountNo: '6000', amount: 0, locationId: '110' }] } }), /item 1\) line 1, field "amount": must not be zero/],
		['a line without an account', cardParameters({ lines: { line: [{ accountNo: '', amount: 5, locationId: '110' }] } }), /item 1\) line 1, field "accountNo"/],
		['three decimals', cardParameters({ lines: { line: [{ accountNo: '6000', amount: 1.005, locationId: '110' }] } }), /line 1, field "amount": .*decimals/],
		['no card', cardParameters({ chargeCard: { __rl: true, mode: 'id', value: '={{ $json.missing }}' } }), /item 1\), field "chargeCard": is required/],
		['a bad date', cardParameters({ paymentDate: 'yesterday' }), /item 1\), field "paymentDate"/],
		['bad JSON lines', cardParameters({ lineInput: 'json', linesJson: '[{"accountNo": "6000"' }), /item 1.*linesJson|item 1.*JSON/],
		['a missing receipt file', cardParameters({ attachFiles: true, binaryPropertyNames: 'receipt' }), /item 1\), field "binaryPropertyNames": the item has no binary field "receipt"/],
	])('refuses %s before sending anything, naming item, line and field', async (_name, parameters, message) => {
		const before = functionsSent(sandbox, 'record_cctransaction');
		const run = await runNode(sandbox, parameters);
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(message);
		expect(functionsSent(sandbox, 'record_cctransaction')).toBe(before);
	});
});

describe('cardTransaction get, getMany, reverse', () => {
	it('gets a transaction with its lines, lists the card\'s transactions, and reverses one once', async () => {
		const created = await runNode(sandbox, cardParameters({ paymentDate: '2026-11-06', additionalFields: { referenceNumber: 'EXP-GET', payee: 'Office Depot' } }));
		const recordNo = created.json(NODE_NAME)[0].recordNo;
		const got = await runNode(sandbox, { resource: 'cardTransaction', operation: 'get', recordNo: String(recordNo) });
		expect(got.json(NODE_NAME)[0]).toMatchObject({ recordNo, chargeCardId: 'VISA-1234', paymentDate: '2026-11-06', referenceNumber: 'EXP-GET', payee: 'Office Depot', totalEntered: 72.82 });
		expect((got.json(NODE_NAME)[0].lines as Array<Record<string, unknown>>).map((l) => [l.lineNo, l.accountNo, l.trxAmount])).toEqual([
			[1, '6000', 54.32],
			[2, '6200', 18.5],
		]);
		const many = await runNode(sandbox, { resource: 'cardTransaction', operation: 'getMany', returnAll: true, filters: { chargeCardId: 'VISA-1234', startDate: '2026-11-06', endDate: '2026-11-06' } });
		expect(many.json(NODE_NAME).map((t) => t.recordNo)).toEqual([recordNo]);
		const reverse = { resource: 'cardTransaction', operation: 'reverse', recordNo: String(recordNo), reversalDate: '2026-11-07', memo: 'Personal expense' };
		const reversed = await runNode(sandbox, reverse);
		expect(reversed.json(NODE_NAME)[0]).toMatchObject({ recordNo, reversed: true, reversalRecordNo: expect.any(Number) });
		const [original] = await readAll(sandbox, 'CCTRANSACTION', `RECORDNO = ${String(recordNo)}`);
		expect(original).toMatchObject({ STATE: 'Reversed' });
		// The same reversal again (a re-run) is recognised, not applied twice; a new reversal is refused.
		const rerun = await runNode(sandbox, reverse);
		expect(rerun.json(NODE_NAME)[0]).toMatchObject({ recordNo, duplicate: true });
		expect(await readAll(sandbox, 'CCTRANSACTION', `REVERSEDKEY = ${String(recordNo)}`)).toHaveLength(1);
		const again = await runNode(sandbox, { ...reverse, options: { idempotent: false } }, { continueOnFail: true });
		expect(String(again.json(NODE_NAME)[0].error)).toMatch(/cannot be reversed/);
	});

	it('a missing transaction is an item error', async () => {
		const run = await runNode(sandbox, { resource: 'cardTransaction', operation: 'get', recordNo: '999999' });
		expect(run.error?.message).toMatch(/Card transaction 999999 was not found/);
	});
});
