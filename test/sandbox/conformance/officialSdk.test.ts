/**
 * Conformance: Sage's official JS SDK (@intacct/intacct-sdk 2.2.1) drives the sandbox and must parse
 * every response. Its Endpoint class rejects hosts outside *.intacct.com (§11), including the
 * endpoint SessionProvider receives from getAPISession, so the test uses the hostname trick from
 * docs/sandbox.md: sandbox.intacct.com resolves to 127.0.0.1 in this process, and the sandbox
 * answers getAPISession with the host name the SDK used.
 */
import dns from 'node:dns';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// Before the SDK: it calls util functions Node 23+ removed (n8n 2.x runs on Node 24).
import '../../support/intacctSdkNodeCompat';
import * as IA from '@intacct/intacct-sdk';
import type { Sandbox } from '../../../sandbox/api';
import { startSandbox } from '../../../sandbox';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | Array<{ address: string; family: number }>, family?: number) => void;
const originalLookup = dns.lookup;

/** Resolves *.intacct.com to loopback so no request can leave this machine. */
function routeIntacctHostsToLoopback(): void {
	const patched = (hostname: string, options: unknown, callback?: unknown): void => {
		const cb = (typeof options === 'function' ? options : callback) as LookupCallback;
		const opts = (typeof options === 'object' && options !== null ? options : {}) as { all?: boolean };
		if (/(^|\.)intacct\.com\.?$/i.test(hostname)) {
			if (opts.all === true) cb(null, [{ address: '127.0.0.1', family: 4 }]);
			else cb(null, '127.0.0.1', 4);
			return;
		}
		(originalLookup as (h: string, o: unknown, c: unknown) => void)(hostname, options, callback);
	};
	(dns as { lookup: unknown }).lookup = patched;
}

let sandbox: Sandbox;
let endpointUrl: string;

beforeAll(async () => {
	routeIntacctHostsToLoopback();
	sandbox = await startSandbox({ port: 0, publicHosts: ['sandbox.intacct.com'] });
	endpointUrl = `http://sandbox.intacct.com:${sandbox.port}/ia/xml/xmlgw.phtml`;
});
afterAll(async () => {
	(dns as { lookup: unknown }).lookup = originalLookup;
	await sandbox.close();
});

function loginConfig(overrides: Partial<Record<'userPassword' | 'senderPassword' | 'entityId', string>> = {}): IA.ClientConfig {
	const config = new IA.ClientConfig();
	config.senderId = sandbox.credentials.senderId;
	config.senderPassword = overrides.senderPassword ?? sandbox.credentials.senderPassword;
	config.companyId = sandbox.credentials.companyId;
	config.userId = sandbox.credentials.userId;
	config.userPassword = overrides.userPassword ?? sandbox.credentials.userPassword;
	if (overrides.entityId !== undefined) config.entityId = overrides.entityId;
	config.endpointUrl = endpointUrl;
	return config;
}

async function sessionClient(): Promise<IA.OnlineClient> {
	return new IA.OnlineClient(await IA.SessionProvider.factory(loginConfig()));
}

/** Records come back as xml2js objects (values strings, or objects for nested elements). */
type SdkRecord = Record<string, unknown>;
const field = (record: unknown, name: string): string => String((record as SdkRecord)[name]);

async function firstValue(client: IA.OnlineClient, object: string, fieldName: string, query = ''): Promise<string> {
	const rbq = new IA.Functions.Common.ReadByQuery();
	rbq.objectName = object;
	rbq.fields = [fieldName];
	rbq.pageSize = 1;
	if (query !== '') rbq.query = new IA.Functions.Common.Query.QueryString(query);
	const result = (await client.execute(rbq)).getResult();
	return field(result.data[0], fieldName);
}

it('SessionProvider logs in and gets a session with the sandbox endpoint and ISO timestamps', async () => {
	const config = await IA.SessionProvider.factory(loginConfig());
	expect(config.sessionId).toMatch(/\.\.$/);
	expect(config.endpointUrl).toBe(endpointUrl);
	expect(config.companyId).toBe('HOPEWELL');
	expect(config.entityId).toBe('');
	expect(config.sessionTimeout).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
});

it('SessionProvider moves a session to an entity', async () => {
	const top = await IA.SessionProvider.factory(loginConfig());
	top.entityId = '200';
	const entity = await IA.SessionProvider.factory(top);
	expect(entity.entityId).toBe('200');
});

it('readByQuery + readMore page through every GLACCOUNT exactly once', async () => {
	const client = await sessionClient();
	const rbq = new IA.Functions.Common.ReadByQuery();
	rbq.objectName = 'GLACCOUNT';
	rbq.fields = ['RECORDNO', 'ACCOUNTNO', 'TITLE'];
	rbq.pageSize = 7;
	let result = (await client.execute(rbq)).getResult();
	const total = result.totalCount;
	expect(total).toBeGreaterThan(7);
	const seen = result.data.map((r) => field(r, 'ACCOUNTNO'));
	while (result.numRemaining > 0) {
		const more = new IA.Functions.Common.ReadMore();
		more.resultId = result.resultId;
		result = (await client.execute(more)).getResult();
		expect(result.listType).toBe('glaccount');
		seen.push(...result.data.map((r) => field(r, 'ACCOUNTNO')));
	}
	expect(seen).toHaveLength(total);
	expect(new Set(seen).size).toBe(total);
});

it('DimensionsGet (getDimensions) lists the standard dimensions and the user-defined FUNDINGSOURCE', async () => {
	const client = await sessionClient();
	const result = (await client.execute(new IA.Functions.PlatformServices.DimensionsGet())).getResult();
	expect(result.status).toBe('success');
	const dimensions = (result.data[0] as { dimension: SdkRecord[] }).dimension;
	expect(dimensions.map((d) => field(d, 'objectName'))).toContain('DEPARTMENT');
	expect(dimensions.filter((d) => field(d, 'userDefinedDimension') === 'true').map((d) => field(d, 'objectName'))).toEqual(['FUNDINGSOURCE']);
});

it('query (the newer structured query) with filter, order and paging', async () => {
	const client = await sessionClient();
	const query = new IA.Functions.Common.NewQuery.Query();
	query
		.assignFromObject('GLACCOUNT')
		.assignSelectFields(new IA.Functions.Common.NewQuery.QuerySelect.SelectBuilder().addFields(['RECORDNO', 'ACCOUNTNO']).selects)
		.assignFilter(new IA.Functions.Common.NewQuery.QueryFilter.Filter('ACCOUNTNO').greaterThanOrEqualTo('6000'))
		.assignOrderBy([new IA.Functions.Common.NewQuery.QueryOrderBy.OrderBuilder().addDescending('ACCOUNTNO').orders[0]])
		.assignPageSize(3);
	const result = (await client.execute(query)).getResult();
	expect(result.status).toBe('success');
	expect(result.count).toBe(3);
	expect(result.totalCount).toBeGreaterThan(3);
	const numbers = result.data.map((r) => field(r, 'ACCOUNTNO'));
	expect([...numbers].sort().reverse()).toEqual(numbers);
	expect(numbers.every((n) => n >= '6000')).toBe(true);
});

function journalEntry(amount: number, creditAmount = amount): IA.Functions.GeneralLedger.JournalEntryCreate {
	const entry = new IA.Functions.GeneralLedger.JournalEntryCreate();
	entry.journalSymbol = 'GJ';
	entry.postingDate = sandbox.clock.now();
	entry.description = 'SDK conformance entry';
	entry.referenceNumber = `SDK-${amount}-${creditAmount}`;
	const debit = new IA.Functions.GeneralLedger.JournalEntryLineCreate();
	debit.glAccountNumber = '6000';
	debit.transactionAmount = amount; // positive -> TR_TYPE 1 (debit)
	debit.locationId = '110';
	debit.memo = 'supplies';
	const credit = new IA.Functions.GeneralLedger.JournalEntryLineCreate();
	credit.glAccountNumber = '1000';
	credit.transactionAmount = -creditAmount; // negative -> TR_TYPE -1 (credit)
	credit.locationId = '110';
	entry.lines = [debit, credit];
	return entry;
}

it('JournalEntryCreate (generic GLBATCH create) returns the new RECORDNO', async () => {
	const client = await sessionClient();
	const result = (await client.execute(journalEntry(125.5))).getResult();
	expect(result.status).toBe('success');
	expect(result.listType).toBe('objects');
	const recordNo = field(result.data[0], 'RECORDNO');
	expect(recordNo).toMatch(/^\d+$/);
	const title = await firstValue(client, 'GLBATCH', 'BATCH_TITLE', `RECORDNO = ${recordNo}`);
	expect(title).toBe('SDK conformance entry');
});

it('an unbalanced entry is a ResultException carrying the model error', async () => {
	const client = await sessionClient();
	const failure = await client.execute(journalEntry(100, 90)).then(
		() => undefined,
		(error: unknown) => error,
	);
	expect(failure).toBeInstanceOf(IA.Exceptions.ResultException);
	const errors = (failure as IA.Exceptions.ResultException).errors;
	expect(errors.length).toBeGreaterThan(0);
	expect(errors.join(' ')).toMatch(/balance/i);
});

it('BillCreate (legacy create_bill) returns a <key>', async () => {
	const client = await sessionClient();
	const vendorId = await firstValue(client, 'VENDOR', 'VENDORID', "VENDORID = 'V-104'");
	const bill = new IA.Functions.AccountsPayable.BillCreate();
	bill.vendorId = vendorId;
	bill.transactionDate = sandbox.clock.now();
	bill.dueDate = new Date(sandbox.clock.now().getTime() + 30 * 86_400_000);
	bill.billNumber = 'SDK-BILL-1';
	bill.description = 'SDK conformance bill';
	const line = new IA.Functions.AccountsPayable.BillLineCreate();
	line.glAccountNumber = '6000';
	line.transactionAmount = 42.1;
	line.locationId = '110';
	line.memo = 'paper';
	bill.lines = [line];
	const result = (await client.execute(bill)).getResult();
	expect(result.status).toBe('success');
	expect(result.functionName).toBe('create_bill');
	expect(result.key).toMatch(/^\d+$/);
});

it('VendorCreate writes DISPLAYCONTACT/PRINTAS (the vendor name when printAs is empty), which the sandbox requires', async () => {
	const client = await sessionClient();
	const vendor = new IA.Functions.AccountsPayable.VendorCreate();
	vendor.vendorId = 'SDK-V-1';
	vendor.vendorName = 'SDK Conformance Supplies';
	vendor.printAs = '';
	const result = (await client.execute(vendor)).getResult();
	expect(result.status).toBe('success');
	const read = new IA.Functions.Common.ReadByName();
	read.objectName = 'VENDOR';
	read.names = ['SDK-V-1'];
	const [stored] = (await client.execute(read)).getResult().data as SdkRecord[];
	expect(field(stored.DISPLAYCONTACT, 'PRINTAS')).toBe('SDK Conformance Supplies');
});

it('AttachmentsFolderCreate then AttachmentsCreate (legacy create_supdocfolder, create_supdoc) return their keys', async () => {
	const client = await sessionClient();
	const folder = new IA.Functions.Company.AttachmentsFolderCreate();
	folder.folderName = 'SDK Folder';
	expect((await client.execute(folder)).getResult().status).toBe('success');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-supdoc-'));
	try {
		const filePath = path.join(dir, 'invoice-1.txt');
		fs.writeFileSync(filePath, 'hello attachment');
		const file = new IA.Functions.Company.AttachmentFile();
		file.filePath = filePath;
		const attachments = new IA.Functions.Company.AttachmentsCreate();
		attachments.attachmentsId = 'SDK-DOC-1';
		attachments.attachmentsName = 'SDK conformance attachment';
		attachments.attachmentFolderName = 'SDK Folder';
		attachments.files = [file];
		const result = (await client.execute(attachments)).getResult();
		expect(result.status).toBe('success');
		expect(result.functionName).toBe('create_supdoc');
		expect(result.key).toBe('SDK-DOC-1');
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});

/** The SDK has no class for a generic APBILL create (§5.4); its AbstractFunction is how callers add one. */
class ApBillGenericCreate extends IA.Functions.AbstractFunction {
	constructor(
		private readonly vendorId: string,
		private readonly billNumber: string,
		private readonly amount: string,
	) {
		super();
	}

	writeXml(xml: IA.Xml.IaXmlWriter): void {
		xml.writeStartElement('function');
		xml.writeAttribute('controlid', this.controlId, true);
		xml.writeStartElement('create');
		xml.writeStartElement('APBILL');
		xml.writeElement('VENDORID', this.vendorId, true);
		xml.writeElement('RECORDID', this.billNumber, true);
		xml.writeElement('WHENCREATED', '07/01/2026', true);
		xml.writeElement('WHENDUE', '07/31/2026', true);
		xml.writeStartElement('APBILLITEMS');
		xml.writeStartElement('APBILLITEM');
		xml.writeElement('ACCOUNTNO', '6000', true);
		xml.writeElement('TRX_AMOUNT', this.amount, true);
		xml.writeElement('LOCATIONID', '110', true);
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeEndElement();
	}
}

it('generic create of APBILL (SDK AbstractFunction) returns the new bill with its RECORDNO', async () => {
	const client = await sessionClient();
	const result = (await client.execute(new ApBillGenericCreate('V-104', 'SDK-GENERIC-1', '12.34'))).getResult();
	expect(result.status).toBe('success');
	expect(result.functionName).toBe('create');
	expect(result.listType).toBe('objects');
	const recordNo = (result.data as Array<Record<string, string>>)[0]?.RECORDNO;
	expect(recordNo).toMatch(/^\d+$/);
	expect(await firstValue(client, 'APBILL', 'TOTALENTERED', `RECORDNO = ${recordNo}`)).toBe('12.34');
});

it('executeBatch in a transaction: the SDK parses aborted results and throws for the failure', async () => {
	const client = await sessionClient();
	const config = new IA.RequestConfig();
	config.transaction = true;
	const failure = await client.executeBatch([journalEntry(10), journalEntry(10, 9)], config).then(
		() => undefined,
		(error: unknown) => error,
	);
	expect(failure).toBeInstanceOf(IA.Exceptions.ResultException);
	expect((failure as IA.Exceptions.ResultException).errors.join(' ')).toContain('XL03000009');
});

it('uniqueid=true: a repeated function controlid is a ResultException the SDK can parse', async () => {
	const client = await sessionClient();
	const config = new IA.RequestConfig();
	config.uniqueId = true;
	const first = journalEntry(33);
	first.controlId = 'sdk-je-unique-1';
	expect((await client.execute(first, config)).getResult().status).toBe('success');
	const again = journalEntry(33);
	again.controlId = 'sdk-je-unique-1';
	const failure = await client.execute(again, config).then(
		() => undefined,
		(error: unknown) => error,
	);
	expect(failure).toBeInstanceOf(IA.Exceptions.ResultException);
	expect((failure as IA.Exceptions.ResultException).errors.join(' ')).toContain('XL03000002');
});

it('a bad user password is HTTP 401 + XMLGW_JPP0002, read by the SDK as a control-block ResponseException (as in its own RequestHandler test)', async () => {
	const failure = await IA.SessionProvider.factory(loginConfig({ userPassword: 'wrong' })).then(
		() => undefined,
		(error: unknown) => error,
	);
	// Today's gateway refuses a wrong user/password with HTTP 401 and an XML control failure; the SDK
	// returns XML 4xx bodies to its reader, which throws inside xml2js like any control failure.
	const exception = failure instanceof IA.Exceptions.ResponseException ? failure : (failure as { context?: unknown }).context;
	expect(exception).toBeInstanceOf(IA.Exceptions.ResponseException);
	expect((exception as IA.Exceptions.ResponseException).errors.join(' ')).toContain('XMLGW_JPP0002 Sign-in information is incorrect. Please check your request.');
});

it('a bad sender password is a control-block ResponseException (wrapped by xml2js, as against the real gateway)', async () => {
	const failure = await IA.SessionProvider.factory(loginConfig({ senderPassword: 'wrong' })).then(
		() => undefined,
		(error: unknown) => error,
	);
	// AbstractResponse throws control failures inside xml2js's parse callback; xml2js 0.5 re-emits the
	// throw as an EventEmitter "Unhandled error" whose `context` is the SDK's ResponseException.
	const exception = failure instanceof IA.Exceptions.ResponseException ? failure : (failure as { context?: unknown }).context;
	expect(exception).toBeInstanceOf(IA.Exceptions.ResponseException);
	expect((exception as IA.Exceptions.ResponseException).message).toContain('Response control status failure');
	expect((exception as IA.Exceptions.ResponseException).errors.join(' ')).toContain('XL03000006 Incorrect Intacct XML Partner ID or password.');
});
