/**
 * AP bills through the real engine: create (UI and JSON lines, attachments from binary data),
 * idempotent re-run (one bill in the sandbox), get, getMany (open bills of a vendor), update, delete,
 * validation before sending.
 */
import type { Sandbox } from '../../sandbox/api';
import { createCredentialsHelper, sandboxCredentialValues } from '../support/harness';
import { readByName } from '../../nodes/shared/intacct/xml/functions';
import { NODE_NAME, directClient, functionsSent, readAll, runNode, startTestSandbox } from './support';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});

afterAll(async () => {
	await sandbox?.close();
});

function billParameters(overrides: Record<string, unknown> = {}) {
	return {
		resource: 'bill',
		operation: 'create',
		vendor: { __rl: true, mode: 'id', value: 'V-107' },
		billNumber: 'INV-1',
		transactionDate: '2026-10-01',
		dueDate: '2026-10-31',
		lineInput: 'fields',
		lines: {
			line: [
				{ accountNo: '6500', amount: 120.4, memo: 'Licences', locationId: '110', departmentId: 'ADMIN' },
				{ accountNo: '6500', amount: -20.4, memo: 'Credit', locationId: '110' },
			],
		},
		...overrides,
	};
}

describe('bill.create', () => {
	it('creates a bill with lines and dimensions', async () => {
		const run = await runNode(sandbox, billParameters({ billNumber: 'INV-CREATE-1', additionalFields: { description: 'October licences', referenceNumber: 'PO-9' } }));
		expect(run.status).toBe('success');
		const [bill] = run.json(NODE_NAME);
		expect(bill).toMatchObject({ vendorId: 'V-107', billNumber: 'INV-CREATE-1', recordNo: expect.any(Number) });
		const [stored] = await readAll(sandbox, 'APBILL', "RECORDID = 'INV-CREATE-1'");
		expect(stored).toMatchObject({ VENDORID: 'V-107', WHENCREATED: '10/01/2026', WHENDUE: '10/31/2026', DOCNUMBER: 'PO-9', TOTALENTERED: '100.00' });
	});

	it('Attach Files: create_supdoc into a folder created when missing, names without a period, and the bill carries it', async () => {
		const created = { folder: functionsSent(sandbox, 'create_supdocfolder'), supdoc: functionsSent(sandbox, 'create_supdoc') };
		const pdf = Buffer.from('%PDF-1.4 invoice INV-ATT-3');
		const run = await runNode(sandbox, billParameters({ billNumber: 'INV-ATT-3', attachFiles: true, binaryPropertyNames: 'invoice, scan', attachmentFolder: 'AP Bills 2026' }), {
			items: [
				{
					json: {},
					binary: {
						invoice: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'inv.att.3.pdf' },
						scan: { data: pdf.toString('base64'), mimeType: 'image/jpeg', fileName: 'scan' },
					},
				},
			],
		});
		expect(run.status).toBe('success');
		const [bill] = run.json(NODE_NAME);
		const [stored] = await readAll(sandbox, 'APBILL', "RECORDID = 'INV-ATT-3'");
		expect(stored.SUPDOCID).toBe(bill.attachmentsId);
		const [supdoc] = (await directClient(sandbox).execute(readByName('SUPDOC', String(bill.attachmentsId)))).records;
		expect(supdoc).toMatchObject({ FOLDERNAME: 'AP Bills 2026', ATTACHMENTCOUNT: '2' });
		const files = (supdoc.ATTACHMENTS as { attachment: Array<Record<string, string>> }).attachment;
		expect(files.map((f) => [f.ATTACHMENTNAME, f.ATTACHMENTTYPE])).toEqual([
			['inv_att_3', 'pdf'],
			['scan', 'jpg'],
		]);
		expect(functionsSent(sandbox, 'create_supdocfolder') - created.folder).toBe(1);
		expect(functionsSent(sandbox, 'create_supdoc') - created.supdoc).toBe(1);
		const [folder] = await readAll(sandbox, 'SUPDOCFOLDER', "NAME = 'AP Bills 2026'");
		expect(folder).toMatchObject({ NAME: 'AP Bills 2026' });
	});

	it('attaches the item\'s binary files as a supporting document', async () => {
		const pdf = Buffer.from('%PDF-1.4 invoice INV-ATT-1');
		const run = await runNode(sandbox, billParameters({ billNumber: 'INV-ATT-1', attachFiles: true, binaryPropertyNames: 'invoice', attachmentFolder: 'Bills' }), {
			items: [{ json: {}, binary: { invoice: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'inv-att-1.pdf' } } }],
		});
		expect(run.status).toBe('success');
		const [bill] = run.json(NODE_NAME);
		expect(bill.attachmentsId).toEqual(expect.stringMatching(/^N8N/));
		const [stored] = await readAll(sandbox, 'APBILL', "RECORDID = 'INV-ATT-1'");
		expect(stored.SUPDOCID).toBe(bill.attachmentsId);
		const [supdoc] = await readAll(sandbox, 'SUPDOC', `SUPDOCID = '${String(bill.attachmentsId)}'`);
		expect(supdoc).toMatchObject({ FOLDERNAME: 'Bills', ATTACHMENTCOUNT: '1' });
	});

	it('fails the item when the named binary field is missing, before sending', async () => {
		const before = functionsSent(sandbox, 'create');
		const run = await runNode(sandbox, billParameters({ billNumber: 'INV-NOBIN', attachFiles: true, binaryPropertyNames: 'invoice' }));
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/item 1.*binaryPropertyNames.*no binary field "invoice"/);
		expect(functionsSent(sandbox, 'create')).toBe(before);
	});

	it('is idempotent: the same workflow run twice leaves one bill, the second run returns it as a duplicate', async () => {
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		const parameters = billParameters({ billNumber: 'INV-IDEMP-1' });
		const first = await runNode(sandbox, parameters, { workflowId: 'wfBills', credentials });
		const second = await runNode(sandbox, parameters, { workflowId: 'wfBills', credentials });
		expect(first.json(NODE_NAME)[0].duplicate).toBeUndefined();
		expect(second.json(NODE_NAME)[0]).toMatchObject({
			duplicate: true,
			recordNo: first.json(NODE_NAME)[0].recordNo,
			billNumber: 'INV-IDEMP-1',
			vendorId: 'V-107',
		});
		expect(await readAll(sandbox, 'APBILL', "RECORDID = 'INV-IDEMP-1'")).toHaveLength(1);
		// Issue 16: the run's cost line follows (the duplicate was still a write call Intacct refused).
		expect(second.taskData(NODE_NAME)?.hints).toEqual([
			expect.objectContaining({ message: expect.stringMatching(/1 of 1 items.*nothing was posted again/) }),
			expect.objectContaining({ message: expect.stringMatching(/^Sage Intacct: \d+ API transactions?: .*1 write/) }),
		]);
	});

	it('a re-run with attachments uploads the files once and posts the bill once', async () => {
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		const pdf = Buffer.from('%PDF-1.4 invoice INV-ATT-2');
		const options = {
			workflowId: 'wfAttach',
			credentials,
			items: [{ json: {}, binary: { data: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'inv-att-2.pdf' } } }],
		};
		const parameters = billParameters({ billNumber: 'INV-ATT-2', attachFiles: true });
		const first = await runNode(sandbox, parameters, options);
		const second = await runNode(sandbox, parameters, options);
		expect(second.json(NODE_NAME)[0]).toMatchObject({ duplicate: true, recordNo: first.json(NODE_NAME)[0].recordNo });
		expect(await readAll(sandbox, 'APBILL', "RECORDID = 'INV-ATT-2'")).toHaveLength(1);
		expect(await readAll(sandbox, 'SUPDOC', `SUPDOCID = '${String(first.json(NODE_NAME)[0].attachmentsId)}'`)).toHaveLength(1);
	});

	it('takes signed JSON lines and rejects debit/credit keys on bill lines', async () => {
		const ok = await runNode(
			sandbox,
			billParameters({ billNumber: 'INV-JSON-1', lineInput: 'json', linesJson: '={{ $json.lines }}' }),
			{ items: [{ lines: [{ accountNo: '6300', amount: '500.00', locationId: '110', GLDIMFUNDINGSOURCE: '10001' }] }] },
		);
		expect(ok.status).toBe('success');
		const bad = await runNode(
			sandbox,
			billParameters({ billNumber: 'INV-JSON-2', lineInput: 'json', linesJson: JSON.stringify([{ accountNo: '6300', debit: 5 }]) }),
		);
		expect(bad.error?.message).toMatch(/item 1.*line 1, field "debit"/);
	});

	it('saves a draft bill without a due date', async () => {
		const run = await runNode(sandbox, billParameters({ billNumber: 'INV-DRAFT-1', dueDate: '', additionalFields: { draft: true } }));
		expect(run.status).toBe('success');
		const [stored] = await readAll(sandbox, 'APBILL', "RECORDID = 'INV-DRAFT-1'");
		expect(stored.STATE).toBe('Draft');
	});

	it('needs a due date unless saved as a draft, also with a payment term: refused before sending, naming item and field', async () => {
		const before = functionsSent(sandbox, 'create');
		const run = await runNode(sandbox, billParameters({ billNumber: 'INV-NODUE', dueDate: '' }));
		expect(run.error?.message).toMatch(/item 1.*field "dueDate".*requires a due date \(WHENDUE\) unless the bill is saved as a draft/);
		const withTerm = await runNode(sandbox, billParameters({ billNumber: 'INV-TERM', dueDate: '', additionalFields: { paymentTerm: 'Net 30' } }));
		expect(withTerm.error?.message).toMatch(/item 1.*field "dueDate"/);
		expect(functionsSent(sandbox, 'create')).toBe(before);
		const both = await runNode(sandbox, billParameters({ billNumber: 'INV-TERM-2', additionalFields: { paymentTerm: 'Net 30' } }));
		expect(both.status).toBe('success');
		expect((await readAll(sandbox, 'APBILL', "RECORDID = 'INV-TERM-2'", 'TERMNAME,WHENDUE'))[0]).toEqual({ TERMNAME: 'Net 30', WHENDUE: '10/31/2026' });
	});
});

describe("bill.create with a user's idempotency key (issue 12 item 5)", () => {
	const keyed = (overrides: Record<string, unknown>) => billParameters({ options: { idempotencyKey: 'INV-SHARED-KEY' }, ...overrides });

	it('the same key with a changed amount is an error naming the difference; the correction is never silently dropped', async () => {
		const first = await runNode(sandbox, keyed({ billNumber: 'INV-UK-1' }), { workflowId: 'wfBillUk1' });
		expect(first.status).toBe('success');
		const lines = { line: [{ accountNo: '6500', amount: 150, memo: 'Licences', locationId: '110', departmentId: 'ADMIN' }] };
		const changed = await runNode(sandbox, keyed({ billNumber: 'INV-UK-1', lines }), { workflowId: 'wfBillUk2' });
		expect(changed.status).toBe('error');
		expect(changed.error?.message).toMatch(/already used for a different record/);
		const stored = await readAll(sandbox, 'APBILL', "RECORDID = 'INV-UK-1'");
		expect(stored).toHaveLength(1);
		expect(stored[0].TOTALENTERED).toBe('100.00');
	});

	it('the key is scoped by vendor: the same key for another vendor is another bill', async () => {
		const run = await runNode(sandbox, keyed({ billNumber: 'INV-UK-V', vendor: { __rl: true, mode: 'id', value: 'V-108' } }), { workflowId: 'wfBillUk3' });
		expect(run.status).toBe('success');
		expect(run.json(NODE_NAME)[0].duplicate).toBeUndefined();
		expect(await readAll(sandbox, 'APBILL', "RECORDID = 'INV-UK-V'")).toHaveLength(1);
	});

	it('two different bills sharing a key in one run: the second is refused, not reported as the first', async () => {
		const run = await runNode(sandbox, keyed({ billNumber: '={{ $json.n }}', options: { idempotencyKey: 'INV-RUN-KEY' } }), {
			workflowId: 'wfBillUk4',
			items: [{ n: 'INV-UK-A' }, { n: 'INV-UK-B' }],
			continueOnFail: true,
		});
		const out = run.json(NODE_NAME);
		expect(out[0].duplicate).toBeUndefined();
		expect(String(out[1].error)).toMatch(/item 2 has the same idempotency key as item 1 but different content/i);
		expect(await readAll(sandbox, 'APBILL', "RECORDID = 'INV-UK-B'")).toHaveLength(0);
	});
});

describe('bill get, getMany, update, delete', () => {
	async function createBill(billNumber: string, vendor = 'V-109'): Promise<number> {
		const run = await runNode(sandbox, billParameters({ billNumber, vendor: { __rl: true, mode: 'id', value: vendor } }));
		expect(run.status).toBe('success');
		return run.json(NODE_NAME)[0].recordNo as number;
	}

	it('gets a bill', async () => {
		const recordNo = await createBill('INV-GET-1');
		const run = await runNode(sandbox, { resource: 'bill', operation: 'get', recordNo: String(recordNo) });
		expect(run.json(NODE_NAME)[0]).toMatchObject({ recordNo, billNumber: 'INV-GET-1', vendorId: 'V-109', transactionDate: '2026-10-01', totalEntered: 100 });
	});

	it('gets the open bills of a vendor', async () => {
		await createBill('INV-OPEN-1', 'V-114');
		await createBill('INV-OPEN-2', 'V-114');
		const run = await runNode(sandbox, { resource: 'bill', operation: 'getMany', returnAll: true, filters: { vendorId: 'V-114', openOnly: true } });
		const bills = run.json(NODE_NAME);
		expect(bills.length).toBeGreaterThanOrEqual(2);
		expect(bills.every((b) => b.vendorId === 'V-114' && (b.totalDue as number) > 0)).toBe(true);
	});

	it('updates header fields', async () => {
		const recordNo = await createBill('INV-UPD-1');
		const run = await runNode(sandbox, { resource: 'bill', operation: 'update', recordNo: String(recordNo), updateFields: { description: 'Updated', dueDate: '2026-11-15' } });
		expect(run.status).toBe('success');
		const [stored] = await readAll(sandbox, 'APBILL', `RECORDNO = ${recordNo}`);
		expect(stored).toMatchObject({ DESCRIPTION: 'Updated', WHENDUE: '11/15/2026' });
	});

	it('replaces the lines of a bill', async () => {
		const recordNo = await createBill('INV-UPD-LINES');
		const run = await runNode(sandbox, {
			resource: 'bill',
			operation: 'update',
			recordNo: String(recordNo),
			lineInput: 'json',
			linesJson: JSON.stringify([{ accountNo: '6700', amount: 42.5, memo: 'Posters', locationId: '110' }]),
		});
		expect(run.status).toBe('success');
		const [stored] = await readAll(sandbox, 'APBILL', `RECORDNO = ${recordNo}`);
		expect(stored.TOTALENTERED).toBe('42.50');
	});

	it('refuses an update with nothing to change, before sending', async () => {
		const run = await runNode(sandbox, { resource: 'bill', operation: 'update', recordNo: '1' });
		expect(run.error?.message).toMatch(/item 1.*nothing to update/);
	});

	it('deletes a bill', async () => {
		const recordNo = await createBill('INV-DEL-1');
		const run = await runNode(sandbox, { resource: 'bill', operation: 'delete', recordNo: String(recordNo) });
		expect(run.json(NODE_NAME)).toEqual([{ deleted: true, recordNo }]);
		expect(await readAll(sandbox, 'APBILL', `RECORDNO = ${recordNo}`)).toHaveLength(0);
	});
});
