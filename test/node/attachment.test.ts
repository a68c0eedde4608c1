/**
 * Attachments through the real engine against the sandbox (Sage's Attachments page): folders (get
 * many, create, re-create answered as a duplicate), an attachment from binary files and back
 * byte-identical (get), a re-run that uploads nothing new, the same ID with other files refused,
 * get many without the files' data, linking to an existing bill and journal entry by updating
 * SUPDOCID (and refusing to replace another attachment unless asked), each validation error.
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

/** Bytes 0..255 twice: every byte value, so a lossy text round trip would show. */
const IMAGE = Buffer.from([...Array.from({ length: 256 }, (_, i) => i), ...Array.from({ length: 256 }, (_, i) => 255 - i)]);
const PDF = Buffer.from('%PDF-1.4 restaurant invoice');

function fileItem(files: Record<string, { bytes: Buffer; name: string; mime: string }>) {
	const binary: Record<string, { data: string; mimeType: string; fileName: string }> = {};
	for (const [field, f] of Object.entries(files)) binary[field] = { data: f.bytes.toString('base64'), mimeType: f.mime, fileName: f.name };
	return { json: {}, binary };
}

function createParameters(overrides: Record<string, unknown> = {}) {
	return {
		resource: 'attachment',
		operation: 'create',
		name: 'Invoice photo',
		folder: { __rl: true, mode: 'id', value: 'Restaurant Bills' },
		binaryPropertyNames: 'photo, invoice',
		...overrides,
	};
}

async function newBill(number: string): Promise<number> {
	const run = await runNode(sandbox, {
		resource: 'bill',
		operation: 'create',
		vendor: { __rl: true, mode: 'id', value: 'V-107' },
		billNumber: number,
		transactionDate: '2026-10-01',
		dueDate: '2026-10-31',
		lineInput: 'fields',
		lines: { line: [{ accountNo: '6050', amount: 80, locationId: '110' }] },
	});
	return Number(run.json(NODE_NAME)[0].recordNo);
}

describe('attachment folders', () => {
	it('creates a folder once (a second create answers it as a duplicate) and lists it', async () => {
		const parameters = { resource: 'attachment', operation: 'createFolder', name: 'Expense Receipts', description: 'Receipts from expenses' };
		const first = await runNode(sandbox, parameters);
		expect(first.json(NODE_NAME)[0]).toMatchObject({ name: 'Expense Receipts', created: true });
		const second = await runNode(sandbox, parameters);
		expect(second.json(NODE_NAME)[0]).toMatchObject({ name: 'Expense Receipts', created: false, duplicate: true });
		expect(await readAll(sandbox, 'SUPDOCFOLDER', "NAME = 'Expense Receipts'")).toHaveLength(1);
		const listed = await runNode(sandbox, { resource: 'attachment', operation: 'getManyFolders', returnAll: true });
		expect(listed.json(NODE_NAME)).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Expense Receipts', description: 'Receipts from expenses' }), expect.objectContaining({ name: 'Bills' })]));
		const limited = await runNode(sandbox, { resource: 'attachment', operation: 'getManyFolders', returnAll: false, limit: 1 });
		expect(limited.json(NODE_NAME)).toHaveLength(1);
	});
});

describe('folders and entities', () => {
	it('a folder created at the top level serves receipts in every entity; one created inside an entity is that entity\'s', async () => {
		const folder = await runNode(sandbox, { resource: 'attachment', operation: 'createFolder', name: 'Shared Receipts', entityId: { __rl: true, mode: 'id', value: 'TOP_LEVEL' } });
		expect(folder.json(NODE_NAME)[0]).toMatchObject({ created: true });
		const card = (entity: string, folderName: string, ref: string) => ({
			resource: 'cardTransaction',
			operation: 'create',
			chargeCard: { __rl: true, mode: 'id', value: 'AMEX-1001' },
			paymentDate: '2026-11-10',
			lineInput: 'fields',
			lines: { line: [{ accountNo: '6000', amount: 10, locationId: entity === '100' ? '110' : '210' }] },
			additionalFields: { referenceNumber: ref },
			attachFiles: true,
			binaryPropertyNames: 'photo',
			attachmentFolder: folderName,
			entityId: { __rl: true, mode: 'id', value: entity },
		});
		const item = (name: string) => [fileItem({ photo: { bytes: Buffer.from(name), name: `${name}.jpg`, mime: 'image/jpeg' } })];
		for (const entity of ['100', '200']) {
			const run = await runNode(sandbox, card(entity, 'Shared Receipts', `SHARED-${entity}`), { items: item(`shared-${entity}`) });
			expect(run.status).toBe('success');
		}
		// Created (when missing) by the first item's entity, the folder is that entity's: the other entity cannot use it.
		expect((await runNode(sandbox, card('100', 'East Receipts', 'EAST-1'), { items: item('east-1') })).status).toBe('success');
		const west = await runNode(sandbox, card('200', 'East Receipts', 'EAST-2'), { items: item('east-2') });
		expect(west.error?.message).toMatch(/Attachment Folder 'East Receipts' given for supdocfoldername does not exist/);
	});
});

describe('attachment create / get', () => {
	it('uploads two files as one attachment (folder created) and downloads them back byte-identical', async () => {
		const run = await runNode(sandbox, createParameters(), {
			items: [fileItem({ photo: { bytes: IMAGE, name: 'plate.jpg', mime: 'image/jpeg' }, invoice: { bytes: PDF, name: 'inv-77.pdf', mime: 'application/pdf' } })],
		});
		expect(run.status).toBe('success');
		const [created] = run.json(NODE_NAME);
		expect(created).toMatchObject({ attachmentId: expect.stringMatching(/^N8N[0-9A-F]{17}$/), folder: 'Restaurant Bills', created: true, files: [{ fileName: 'plate.jpg', size: 512 }, { fileName: 'inv-77.pdf' }] });
		const got = await runNode(sandbox, { resource: 'attachment', operation: 'get', attachmentId: { __rl: true, mode: 'id', value: String(created.attachmentId) }, binaryPropertyName: 'file' });
		const [out] = got.output(NODE_NAME);
		expect(out.json).toMatchObject({ attachmentId: created.attachmentId, name: 'Invoice photo', folder: 'Restaurant Bills' });
		expect(out.binary?.file).toMatchObject({ fileName: 'plate.jpg', mimeType: 'image/jpeg' });
		expect(out.binary?.file_2).toMatchObject({ fileName: 'inv-77.pdf', mimeType: 'application/pdf' });
		expect(Buffer.from(out.binary!.file.data, 'base64').equals(IMAGE)).toBe(true);
		expect(Buffer.from(out.binary!.file_2.data, 'base64').equals(PDF)).toBe(true);
	});

	it('a re-run uploads nothing new; the same ID with other files is refused, never overwritten', async () => {
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		const parameters = createParameters({ binaryPropertyNames: 'photo', additionalFields: { attachmentId: 'CRAFT-0001' } });
		const item = fileItem({ photo: { bytes: IMAGE, name: 'plate.jpg', mime: 'image/jpeg' } });
		const before = functionsSent(sandbox, 'create_supdoc');
		const first = await runNode(sandbox, parameters, { credentials, items: [item] });
		const second = await runNode(sandbox, parameters, { credentials, items: [item] });
		expect(first.json(NODE_NAME)[0]).toMatchObject({ attachmentId: 'CRAFT-0001', created: true });
		expect(second.json(NODE_NAME)[0]).toMatchObject({ attachmentId: 'CRAFT-0001', created: false, duplicate: true });
		expect(functionsSent(sandbox, 'create_supdoc') - before).toBe(1);
		const other = await runNode(sandbox, parameters, { items: [fileItem({ photo: { bytes: PDF, name: 'other.jpg', mime: 'image/jpeg' } })] });
		expect(other.error?.message).toMatch(/"CRAFT-0001" already exists in Intacct with other files/);
		const [stored] = await readAll(sandbox, 'SUPDOC', "SUPDOCID = 'CRAFT-0001'");
		expect(stored.ATTACHMENTCOUNT).toBe('1');
	});

	it('a batch with one attachment into a folder that is refused: the others upload, the bad one fails alone with Intacct\'s error', async () => {
		const run = await runNode(sandbox, createParameters({ binaryPropertyNames: 'photo', folder: { __rl: true, mode: 'id', value: '={{ $json.folder }}' }, additionalFields: { createFolder: false, attachmentId: '={{ $json.id }}' } }), {
			items: [
				{ ...fileItem({ photo: { bytes: IMAGE, name: 'a.jpg', mime: 'image/jpeg' } }), json: { folder: 'Bills', id: 'BATCH-A' } },
				{ ...fileItem({ photo: { bytes: IMAGE, name: 'b.jpg', mime: 'image/jpeg' } }), json: { folder: 'No Such Folder', id: 'BATCH-B' } },
				{ ...fileItem({ photo: { bytes: PDF, name: 'c.jpg', mime: 'image/jpeg' } }), json: { folder: 'Bills', id: 'BATCH-C' } },
			],
			continueOnFail: true,
		});
		const out = run.output(NODE_NAME);
		expect(out.map((o) => o.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
		expect(out[0].json).toMatchObject({ attachmentId: 'BATCH-A', created: true });
		expect(String(out[1].json.error)).toMatch(/No Such Folder/);
		expect(out[1].json).toMatchObject({ errorNumber: 'BL03000015' });
		expect(out[2].json).toMatchObject({ attachmentId: 'BATCH-C', created: true });
	});

	it('get many lists attachments of a folder without their data', async () => {
		const run = await runNode(sandbox, { resource: 'attachment', operation: 'getMany', returnAll: true, filters: { folder: 'Bills' } });
		const ids = run.json(NODE_NAME).map((a) => a.attachmentId);
		expect(ids).toEqual(expect.arrayContaining(['BATCH-A', 'BATCH-C']));
		expect(run.json(NODE_NAME).every((a) => a.folder === 'Bills' && a.files === undefined)).toBe(true);
	});

	it.each([
		['no name', createParameters({ name: '={{ $json.missing }}' }), /item 1\), field "name": is required/],
		['no binary field named', createParameters({ binaryPropertyNames: ' ' }), /item 1\), field "binaryPropertyNames": name at least one binary field/],
		['a missing binary field', createParameters({ binaryPropertyNames: 'photo' }), /item 1\), field "binaryPropertyNames": the item has no binary field "photo"/],
	])('refuses %s before sending anything', async (_name, parameters, message) => {
		const before = functionsSent(sandbox, 'create_supdoc') + functionsSent(sandbox, 'get');
		const run = await runNode(sandbox, parameters);
		expect(run.error?.message).toMatch(message);
		expect(functionsSent(sandbox, 'create_supdoc') + functionsSent(sandbox, 'get')).toBe(before);
	});

	it('a missing attachment is an item error', async () => {
		const run = await runNode(sandbox, { resource: 'attachment', operation: 'get', attachmentId: { __rl: true, mode: 'id', value: 'NOPE-1' } });
		expect(run.error?.message).toMatch(/Attachment "NOPE-1" was not found/);
	});
});

describe('attachment addToRecord', () => {
	async function upload(id: string): Promise<void> {
		const run = await runNode(sandbox, createParameters({ binaryPropertyNames: 'photo', additionalFields: { attachmentId: id } }), { items: [fileItem({ photo: { bytes: Buffer.from(id), name: `${id}.jpg`, mime: 'image/jpeg' } })] });
		expect(run.status).toBe('success');
	}

	it('links an attachment to an existing bill (SUPDOCID update); a re-run sends nothing; another attachment is not replaced unless asked', async () => {
		await upload('LINK-1');
		await upload('LINK-2');
		const billNo = await newBill('CRAFT-LINK-1');
		const link = (id: string, extra: Record<string, unknown> = {}) => ({ resource: 'attachment', operation: 'addToRecord', attachmentId: { __rl: true, mode: 'id', value: id }, recordType: 'bill', recordNo: String(billNo), ...extra });
		const first = await runNode(sandbox, link('LINK-1'));
		expect(first.json(NODE_NAME)[0]).toMatchObject({ recordType: 'bill', recordNo: billNo, attachmentId: 'LINK-1', linked: true, alreadyLinked: false });
		expect((await readAll(sandbox, 'APBILL', `RECORDNO = ${billNo}`))[0]).toMatchObject({ SUPDOCID: 'LINK-1', TOTALENTERED: '80.00', WHENDUE: '10/31/2026' });
		const updates = functionsSent(sandbox, 'update');
		const again = await runNode(sandbox, link('LINK-1'));
		expect(again.json(NODE_NAME)[0]).toMatchObject({ alreadyLinked: true });
		expect(functionsSent(sandbox, 'update')).toBe(updates);
		const refused = await runNode(sandbox, link('LINK-2'));
		expect(refused.error?.message).toMatch(/already has attachment "LINK-1"; turn on Replace Existing Attachment/);
		const replaced = await runNode(sandbox, link('LINK-2', { replace: true }));
		expect(replaced.json(NODE_NAME)[0]).toMatchObject({ attachmentId: 'LINK-2', replacedAttachmentId: 'LINK-1' });
		expect((await readAll(sandbox, 'APBILL', `RECORDNO = ${billNo}`))[0].SUPDOCID).toBe('LINK-2');
	});

	it('links an attachment to an existing journal entry, keeping its lines', async () => {
		await upload('LINK-JE');
		const je = await runNode(sandbox, {
			resource: 'journalEntry',
			operation: 'create',
			journal: { __rl: true, mode: 'id', value: 'GJ' },
			postingDate: '2026-10-15',
			description: 'Card statement accrual',
			lineInput: 'fields',
			lines: { line: [{ accountNo: '6000', type: 'debit', amount: 42, locationId: '110' }, { accountNo: '2100', type: 'credit', amount: 42, locationId: '110' }] },
		});
		expect(je.status).toBe('success');
		const recordNo = Number(je.json(NODE_NAME)[0].recordNo);
		const run = await runNode(sandbox, { resource: 'attachment', operation: 'addToRecord', attachmentId: { __rl: true, mode: 'id', value: 'LINK-JE' }, recordType: 'journalEntry', recordNo: String(recordNo) });
		expect(run.json(NODE_NAME)[0]).toMatchObject({ recordType: 'journalEntry', recordNo, linked: true });
		const [batch] = await readAll(sandbox, 'GLBATCH', `RECORDNO = ${recordNo}`);
		expect(batch).toMatchObject({ SUPDOCID: 'LINK-JE', BATCH_TITLE: 'Card statement accrual' });
		const lines = await readAll(sandbox, 'GLENTRY', `BATCHNO = ${recordNo}`);
		expect(lines.map((l) => [l.ACCOUNTNO, l.TR_TYPE, l.TRX_AMOUNT, l.LOCATION])).toEqual([
			['6000', '1', '42.00', '110'],
			['2100', '-1', '42.00', '110'],
		]);
	});

	it('surfaces Intacct\'s error for an attachment that does not exist, and fails a missing record alone', async () => {
		const billNo = await newBill('CRAFT-LINK-BAD');
		const run = await runNode(
			sandbox,
			{ resource: 'attachment', operation: 'addToRecord', attachmentId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, recordType: 'bill', recordNo: '={{ $json.bill }}' },
			{ items: [{ id: 'NO-SUCH-DOC', bill: billNo }, { id: 'LINK-1', bill: 999999 }], continueOnFail: true },
		);
		const [unknownDoc, missingBill] = run.json(NODE_NAME);
		expect(String(unknownDoc.error)).toMatch(/NO-SUCH-DOC/);
		expect(unknownDoc).toMatchObject({ errorNumber: 'BL03000015' });
		expect(String(missingBill.error)).toMatch(/Bill 999999 was not found/);
	});

	it.each([
		['a record number that is not one', { recordNo: 'INV-1' }, /item 1\), field "recordNo": "INV-1" is not a record number/],
		['no attachment', { attachmentId: { __rl: true, mode: 'id', value: '={{ $json.missing }}' } }, /item 1\), field "attachmentId": is required/],
	])('refuses %s before sending anything', async (_name, overrides, message) => {
		const before = functionsSent(sandbox, 'read');
		const run = await runNode(sandbox, { resource: 'attachment', operation: 'addToRecord', attachmentId: { __rl: true, mode: 'id', value: 'LINK-1' }, recordType: 'bill', recordNo: '1', ...overrides });
		expect(run.error?.message).toMatch(message);
		expect(functionsSent(sandbox, 'read')).toBe(before);
	});
});
