/**
 * Attachments over OAuth 2.0 (REST), through the real n8n engine against the sandbox, compared with
 * the same operations over Web Services (XML): a bill with Attach Files (company-config/attachment,
 * then the bill's attachment.id), the Attachment resource (create folder, create, get with the files
 * back byte-identical, get many, get many folders, add to record), and one company model behind both
 * wires (an attachment made over XML is read over REST and the reverse). docs/rest-wire.md.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NODE_NAME, expectSameCreateKeys, functionsSent, readAll, type RunNodeOptions, useBothWires } from './support';

const { sandbox, rest, xml } = useBothWires();

type Items = RunNodeOptions['items'];

const overRest = async (parameters: INodeParameters, items?: Items) => await rest(parameters, { items });
const overXml = async (parameters: INodeParameters, items?: Items) => await xml(parameters, { items });

const PDF = Buffer.from('%PDF-1.4 invoice over REST');
/** Every byte value: a lossy text round trip would show. */
const IMAGE = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

function fileItem(files: Record<string, { bytes: Buffer; name: string; mime: string }>, json: IDataObject = {}) {
	const binary: Record<string, { data: string; mimeType: string; fileName: string }> = {};
	for (const [field, f] of Object.entries(files)) binary[field] = { data: f.bytes.toString('base64'), mimeType: f.mime, fileName: f.name };
	return { json, binary };
}

function bill(billNumber: string, folder: string) {
	return {
		resource: 'bill',
		operation: 'create',
		vendor: { __rl: true, mode: 'id', value: 'V-107' },
		billNumber,
		transactionDate: '2026-10-01',
		dueDate: '2026-10-31',
		lineInput: 'fields',
		lines: { line: [{ accountNo: '6500', amount: 120.4, memo: 'Licences', locationId: '110' }] },
		attachFiles: true,
		binaryPropertyNames: 'invoice, scan',
		attachmentFolder: folder,
	};
}

const billFiles = (tag: string) => [fileItem({ invoice: { bytes: Buffer.concat([PDF, Buffer.from(tag)]), name: 'inv.2026.pdf', mime: 'application/pdf' }, scan: { bytes: IMAGE, name: 'scan', mime: 'image/jpeg' } })];

/** An output without the values that differ by record (keys, numbers, IDs derived from them). */
function shape(json: IDataObject): IDataObject {
	const { recordNo: _r, billNumber: _b, attachmentsId: _a, recordUrl: _u, whenCreated: _w, whenModified: _m, createdBy: _c, modifiedBy: _mb, ...rest } = json;
	return rest;
}

describe('bill with Attach Files over REST', () => {
	it('uploads the files as company-config/attachment, the bill carries it; the same output as over XML; a re-run posts nothing', async () => {
		const restBefore = sandbox().stats.requests;
		const rest = await overRest(bill('REST-ATT-1', 'AP Bills REST'), billFiles('1'));
		expect(rest.error).toBeUndefined();
		const xml = await overXml(bill('XML-ATT-1', 'AP Bills XML'), billFiles('2'));
		expect(xml.error).toBeUndefined();
		const [restBill] = rest.json(NODE_NAME);
		const [xmlBill] = xml.json(NODE_NAME);
		expect(restBill.attachmentsId).toEqual(expect.stringMatching(/^N8N[0-9A-F]{17}$/));
		// The XML output's keys, the record link too (the XML read's RECORD_URL of the bill REST created).
		expect(await expectSameCreateKeys(sandbox(), 'APBILL', restBill, xmlBill)).not.toBe('');
		expect(shape(restBill)).toEqual(shape(xmlBill));
		expect(sandbox().stats.requests).toBeGreaterThan(restBefore);

		const [stored] = await readAll(sandbox(), 'APBILL', "RECORDID = 'REST-ATT-1'");
		expect(stored.SUPDOCID).toBe(restBill.attachmentsId);
		const [supdoc] = await readAll(sandbox(), 'SUPDOC', `SUPDOCID = '${String(restBill.attachmentsId)}'`);
		expect(supdoc).toMatchObject({ FOLDERNAME: 'AP Bills REST', ATTACHMENTCOUNT: '2' });
		const [folder] = await readAll(sandbox(), 'SUPDOCFOLDER', "NAME = 'AP Bills REST'");
		expect(folder).toMatchObject({ NAME: 'AP Bills REST' });

		// The XML wire reads the files the REST wire uploaded, byte-identical, names split as create_supdoc's.
		const got = await overXml({ resource: 'attachment', operation: 'get', attachmentId: { __rl: true, mode: 'id', value: String(restBill.attachmentsId) }, binaryPropertyName: 'file' });
		const [out] = got.output(NODE_NAME);
		expect(out.json).toMatchObject({ attachmentId: restBill.attachmentsId, folder: 'AP Bills REST', files: [{ fileName: 'inv_2026.pdf' }, { fileName: 'scan.jpg', size: 256 }] });
		expect(Buffer.from(out.binary!.file_2.data, 'base64').equals(IMAGE)).toBe(true);

		const again = await overRest(bill('REST-ATT-1', 'AP Bills REST'), billFiles('1'));
		// Intacct replays the first answer to a repeated Idempotency-Key: the same record, not a second one.
		expect(again.json(NODE_NAME)[0]).toMatchObject({ recordNo: restBill.recordNo, attachmentsId: restBill.attachmentsId });
		expect(await readAll(sandbox(), 'APBILL', "RECORDID = 'REST-ATT-1'")).toHaveLength(1);
		expect(await readAll(sandbox(), 'SUPDOC', `SUPDOCID = '${String(restBill.attachmentsId)}'`)).toHaveLength(1);
	});

	it('a bill read over REST names the attachment the XML wire linked, and the reverse', async () => {
		const xml = await overXml(bill('XML-ATT-2', 'AP Bills XML'), billFiles('3'));
		const [xmlBill] = xml.json(NODE_NAME);
		const readRest = await overRest({ resource: 'bill', operation: 'get', recordNo: String(xmlBill.recordNo) });
		const readXml = await overXml({ resource: 'bill', operation: 'get', recordNo: String(xmlBill.recordNo) });
		expect(readRest.json(NODE_NAME)[0]).toMatchObject({ attachmentsId: xmlBill.attachmentsId });
		// The XML get answers every field of APBILL; each field REST maps has the XML value.
		expect(readXml.json(NODE_NAME)[0]).toMatchObject(readRest.json(NODE_NAME)[0]);
	});
});

describe('the Attachment resource over REST', () => {
	const create = (id: string, folder: string) => ({
		resource: 'attachment',
		operation: 'create',
		name: 'Receipt photo',
		folder: { __rl: true, mode: 'id', value: folder },
		binaryPropertyNames: 'photo',
		additionalFields: { attachmentId: id },
	});
	const photo = (bytes: Buffer) => [fileItem({ photo: { bytes, name: 'plate.jpg', mime: 'image/jpeg' } })];

	it('create folder: created, then answered as a duplicate, as over XML', async () => {
		const parameters = { resource: 'attachment', operation: 'createFolder', name: 'Receipts REST', description: 'Made over REST' };
		const first = await overRest(parameters);
		const second = await overRest(parameters);
		expect(first.error).toBeUndefined();
		const xmlFirst = await overXml({ ...parameters, name: 'Receipts XML' });
		const xmlSecond = await overXml({ ...parameters, name: 'Receipts XML' });
		const same = (json: IDataObject) => ({ ...json, name: '', recordNo: typeof json.recordNo });
		expect(same(first.json(NODE_NAME)[0])).toEqual(same(xmlFirst.json(NODE_NAME)[0]));
		expect(same(second.json(NODE_NAME)[0])).toEqual(same(xmlSecond.json(NODE_NAME)[0]));
		expect(second.json(NODE_NAME)[0]).toMatchObject({ duplicate: true });
		expect(await readAll(sandbox(), 'SUPDOCFOLDER', "NAME = 'Receipts REST'")).toHaveLength(1);
	});

	it('create over REST, get over both wires: the same output and bytes; a re-run uploads nothing', async () => {
		const before = functionsSent(sandbox(), 'create_supdoc');
		const made = await overRest(create('REST-PHOTO-1', 'Receipts REST'), photo(IMAGE));
		expect(made.error).toBeUndefined();
		expect(made.json(NODE_NAME)[0]).toMatchObject({ attachmentId: 'REST-PHOTO-1', folder: 'Receipts REST', created: true, files: [{ fileName: 'plate.jpg', size: 256 }] });
		expect(functionsSent(sandbox(), 'create_supdoc')).toBe(before);
		const again = await overRest(create('REST-PHOTO-1', 'Receipts REST'), photo(IMAGE));
		expect(again.json(NODE_NAME)[0]).toMatchObject({ attachmentId: 'REST-PHOTO-1', created: false, duplicate: true });
		const other = await overRest(create('REST-PHOTO-1', 'Receipts REST'), photo(PDF));
		expect(other.error?.message).toMatch(/"REST-PHOTO-1" already exists in Intacct with other files/);

		const get = { resource: 'attachment', operation: 'get', attachmentId: { __rl: true, mode: 'id', value: 'REST-PHOTO-1' }, binaryPropertyName: 'file' };
		const [rest] = (await overRest(get)).output(NODE_NAME);
		const [xml] = (await overXml(get)).output(NODE_NAME);
		expect(rest.json).toEqual(xml.json);
		expect(rest.binary?.file).toMatchObject({ fileName: 'plate.jpg', mimeType: 'image/jpeg' });
		expect(Buffer.from(rest.binary!.file.data, 'base64').equals(IMAGE)).toBe(true);
	});

	it('an attachment made over XML is read over REST; get many and get many folders give the XML output', async () => {
		const made = await overXml(create('XML-PHOTO-1', 'Receipts XML'), photo(PDF));
		expect(made.error).toBeUndefined();
		const get = { resource: 'attachment', operation: 'get', attachmentId: { __rl: true, mode: 'id', value: 'XML-PHOTO-1' }, binaryPropertyName: 'file' };
		const [rest] = (await overRest(get)).output(NODE_NAME);
		expect(rest.json).toMatchObject({ attachmentId: 'XML-PHOTO-1', folder: 'Receipts XML' });
		expect(Buffer.from(rest.binary!.file.data, 'base64').equals(PDF)).toBe(true);

		for (const parameters of [
			{ resource: 'attachment', operation: 'getMany', returnAll: true, filters: { folder: 'Receipts REST' } },
			{ resource: 'attachment', operation: 'getMany', returnAll: false, limit: 2 },
			{ resource: 'attachment', operation: 'getManyFolders', returnAll: true },
		]) {
			const [r, x] = [await overRest(parameters), await overXml(parameters)];
			expect(r.error).toBeUndefined();
			expect(r.json(NODE_NAME).length).toBeGreaterThan(0);
			expect(r.json(NODE_NAME)).toEqual(x.json(NODE_NAME));
		}
	});

	it('a missing attachment is an item error over REST too', async () => {
		const run = await overRest({ resource: 'attachment', operation: 'get', attachmentId: { __rl: true, mode: 'id', value: 'NOPE-1' } });
		expect(run.error?.message).toMatch(/Attachment "NOPE-1" was not found/);
	});

	it('add to record links an attachment to a bill made over REST', async () => {
		const made = await overRest({ ...bill('REST-LINK-1', 'AP Bills REST'), attachFiles: false });
		const recordNo = String(made.json(NODE_NAME)[0].recordNo);
		const link = await overRest({ resource: 'attachment', operation: 'addToRecord', attachmentId: { __rl: true, mode: 'id', value: 'REST-PHOTO-1' }, recordType: 'bill', recordNo });
		expect(link.error).toBeUndefined();
		expect(link.json(NODE_NAME)[0]).toMatchObject({ recordType: 'bill', attachmentId: 'REST-PHOTO-1', linked: true });
		expect((await readAll(sandbox(), 'APBILL', `RECORDNO = ${recordNo}`))[0]).toMatchObject({ SUPDOCID: 'REST-PHOTO-1', TOTALENTERED: '120.40' });
	});
});
