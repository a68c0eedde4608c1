/**
 * One output shape over both wires (issue 13): each resource's create, update and get run over the
 * XML and the REST credential in the real n8n engine against one sandbox, Simplify on and off, and
 * the outputs' key sets compared. An update's record link (recordUrl / RECORD_URL) over REST is the
 * XML read's RECORD_URL of that record, as a create's is (expectSameCreateKeys).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NODE_NAME, expectSameCreateKeys, useBothWires } from './support';
import { apPaymentParameters, arInvoiceParameters, arPaymentParameters } from './paymentSupport';

const wires = useBothWires();
const locator = (value: string) => ({ __rl: true, mode: 'id', value });

async function first(run: Promise<Awaited<ReturnType<typeof wires.rest>>>): Promise<IDataObject> {
	const done = await run;
	expect(done.error).toBeUndefined();
	return done.json(NODE_NAME)[0];
}

const journalEntry = (description: string): INodeParameters => ({
	resource: 'journalEntry',
	operation: 'create',
	journal: locator('GJ'),
	postingDate: '2026-10-20',
	description,
	lineInput: 'fields',
	lines: { line: [{ accountNo: '6100', type: 'debit', amount: 40, locationId: '110' }, { accountNo: '1000', type: 'credit', amount: 40, locationId: '110' }] } as unknown as INodeParameters,
});

const bill = (billNumber: string): INodeParameters => ({
	resource: 'bill',
	operation: 'create',
	vendor: locator('V-114'),
	billNumber,
	transactionDate: '2026-10-01',
	dueDate: '2026-10-31',
	lineInput: 'fields',
	lines: { line: [{ accountNo: '6500', amount: 25.5, memo: 'Licences', locationId: '110' }] } as unknown as INodeParameters,
});

const invoice = (invoiceNumber: string): INodeParameters => arInvoiceParameters(invoiceNumber, {}, [80]);

/** A resource with an Update operation: the record it updates is made over XML, then updated over both wires. */
interface UpdateCase {
	resource: string;
	object: string;
	make: (tag: string) => INodeParameters;
	update: (made: IDataObject) => INodeParameters;
}

const UPDATES: UpdateCase[] = [
	{
		resource: 'journalEntry',
		object: 'GLBATCH',
		make: (tag) => journalEntry(`Keys ${tag}`),
		update: (made) => ({ resource: 'journalEntry', operation: 'update', recordNo: String(made.recordNo ?? made.RECORDNO), updateFields: { description: 'Updated' } }),
	},
	{
		resource: 'bill',
		object: 'APBILL',
		make: (tag) => bill(`KEYS-${tag}`),
		update: (made) => ({ resource: 'bill', operation: 'update', recordNo: String(made.recordNo ?? made.RECORDNO), updateFields: { description: 'Updated' } }),
	},
	{
		resource: 'vendor',
		object: 'VENDOR',
		make: (tag) => ({ resource: 'vendor', operation: 'create', vendorId: `V-KEYS-${tag}`, name: 'Before' }),
		update: (made) => ({ resource: 'vendor', operation: 'update', vendor: locator(String(made.vendorId ?? made.VENDORID)), updateFields: { name: 'After' } }),
	},
	{
		resource: 'customer',
		object: 'CUSTOMER',
		make: (tag) => ({ resource: 'customer', operation: 'create', customerId: `C-KEYS-${tag}`, name: 'Before' }),
		update: (made) => ({ resource: 'customer', operation: 'update', customer: locator(String(made.customerId ?? made.CUSTOMERID)), updateFields: { name: 'After' } }),
	},
	{
		resource: 'arInvoice',
		object: 'ARINVOICE',
		make: (tag) => invoice(`AR-KEYS-${tag}`),
		update: (made) => ({ resource: 'arInvoice', operation: 'update', recordNo: String(made.recordNo ?? made.RECORDNO), updateFields: { description: 'Updated' } }),
	},
];

describe('update outputs over REST have the keys of the XML update, the link the XML read of the record', () => {
	it.each(UPDATES.map((c) => [c.resource, c] as const))('%s update, Simplify on and off', async (_name, c) => {
		for (const simplify of [true, false]) {
			const made = await first(wires.xml({ ...c.make(`${c.resource}-${String(simplify)}`), simplify: false }));
			const xml = await first(wires.xml({ ...c.update(made), simplify }));
			const rest = await first(wires.rest({ ...c.update(made), simplify }));
			const link = await expectSameCreateKeys(wires.sandbox(), c.object, rest, xml);
			// update_invoice answers <key> alone over XML: no link; every generic update has one.
			if (c.object === 'ARINVOICE') expect(link).toBe('');
			else expect(link).not.toBe('');
			expect(rest).toEqual(xml);
		}
	});
});

/**
 * The keys of the XML get a REST get does not give: fields of the XML read (`*`) that have no REST
 * name in records/restObjects.ts yet (docs/rest-wire.md "Not yet over REST"), simplified and raw.
 * A REST get gives no key the XML get lacks, and every key it gives has the XML value.
 */
const XML_ONLY_READ_KEYS: Record<string, string[]> = {
	journalEntry: ['reversedDate', 'reversedFromRecordNo', 'historyComment', 'baselocationName', 'prrecordkey', 'REVERSED', 'REVERSEDFROM', 'HISTORY_COMMENT', 'BASELOCATION_NAME', 'PRRECORDKEY'],
	bill: ['recordtype', 'inclusivetax', 'glbatchkey', 'RECORDTYPE', 'INCLUSIVETAX', 'GLBATCHKEY'],
	vendor: ['restrictedlocations', 'restricteddepartments', 'RESTRICTEDLOCATIONS', 'RESTRICTEDDEPARTMENTS'],
	customer: ['araccount', 'restrictedlocations', 'restricteddepartments', 'ARACCOUNT', 'RESTRICTEDLOCATIONS', 'RESTRICTEDDEPARTMENTS'],
	arInvoice: ['recordtype', 'journalEntryRecordNo', 'RECORDTYPE', 'GLBATCHKEY'],
	apPayment: ['reversedPaymentRecordNo', 'journalEntryRecordNo', 'PARENTPAYMENTKEY', 'GLBATCHKEY'],
	arPayment: [
		...['paymentDate', 'overpaymentAmount', 'overpaymentLocationId', 'overpaymentDepartmentId', 'depositRecordNo', 'reversedPaymentRecordNo', 'journalEntryRecordNo'],
		...['PAYMENTDATE', 'OVERPAYMENTAMOUNT', 'OVERPAYMENTLOCATIONID', 'OVERPAYMENTDEPARTMENTID', 'DEPOSITKEY', 'PARENTPAYMENTKEY', 'GLBATCHKEY'],
	],
	cardTransaction: ['journalEntryRecordNo', 'recordUrl', 'GLBATCHKEY', 'RECORD_URL'],
};

const card = (reference: string): INodeParameters => ({
	resource: 'cardTransaction',
	operation: 'create',
	chargeCard: locator('VISA-1234'),
	paymentDate: '2026-11-04',
	lineInput: 'fields',
	lines: { line: [{ accountNo: '6000', amount: 12.5, memo: 'Supplies', locationId: '110' }] } as unknown as INodeParameters,
	additionalFields: { referenceNumber: reference },
});

/** A create's parameters; a payment's document to pay is made over XML first. */
type MakeCreate = (tag: string) => Promise<INodeParameters> | INodeParameters;

const CREATES: Array<[string, string, MakeCreate]> = [
	['journalEntry', 'GLBATCH', (tag) => journalEntry(`Create ${tag}`)],
	['bill', 'APBILL', (tag) => bill(`CRT-${tag}`)],
	['vendor', 'VENDOR', (tag) => ({ resource: 'vendor', operation: 'create', vendorId: `V-CRT-${tag}`, name: 'Created' })],
	['customer', 'CUSTOMER', (tag) => ({ resource: 'customer', operation: 'create', customerId: `C-CRT-${tag}`, name: 'Created' })],
	['arInvoice', 'ARINVOICE', (tag) => invoice(`AR-CRT-${tag}`)],
	['cardTransaction', 'CCTRANSACTION', (tag) => card(`CC-KEYS-${tag}`)],
	[
		'apPayment',
		'APPYMT',
		async (tag) => {
			const paid = await first(wires.xml({ ...bill(`PAY-${tag}`), vendor: locator('V-107') }));
			return apPaymentParameters([{ billRecordNo: Number(paid.recordNo), amount: 25.5 }]);
		},
	],
	[
		'arPayment',
		'ARPYMT',
		async (tag) => {
			const paid = await first(wires.xml(invoice(`PAY-${tag}`)));
			return arPaymentParameters([{ invoiceRecordNo: Number(paid.recordNo), amount: 80 }]);
		},
	],
];

describe('creates and gets: the same keys over both wires', () => {
	it.each(CREATES)('%s create, then get over both, Simplify on and off', async (resource, object, make) => {
		for (const simplify of [true, false]) {
			const tag = simplify ? 'S' : 'R';
			const xml = await first(wires.xml({ ...(await make(`${tag}-X`)), simplify }));
			const rest = await first(wires.rest({ ...(await make(`${tag}-R`)), simplify }));
			await expectSameCreateKeys(wires.sandbox(), object, rest, xml);
			const key = rest.recordNo ?? rest.RECORDNO;
			const id = rest.vendorId ?? rest.VENDORID ?? rest.customerId ?? rest.CUSTOMERID;
			const get: INodeParameters =
				resource === 'vendor' ? { resource, operation: 'get', vendor: locator(String(id)) } : resource === 'customer' ? { resource, operation: 'get', customer: locator(String(id)) } : { resource, operation: 'get', recordNo: String(key) };
			const gotXml = await first(wires.xml({ ...get, simplify }));
			const gotRest = await first(wires.rest({ ...get, simplify }));
			expect(gotXml).toMatchObject(gotRest);
			expect(Object.keys(gotRest).filter((k) => !(k in gotXml))).toEqual([]);
			expect(Object.keys(gotXml).filter((k) => !(k in gotRest) && !XML_ONLY_READ_KEYS[resource].includes(k))).toEqual([]);
		}
	});
});

/**
 * The fields the REST get gained (issue 13) carry the XML read's values, not only its keys: a journal
 * entry in the adjustments journal (glJournal.key / isAdjustment) and a bill with a payment priority.
 */
describe('document fields read over REST carry the XML values', () => {
	const raw = async (resource: string, recordNo: unknown): Promise<[IDataObject, IDataObject]> => {
		const get: INodeParameters = { resource, operation: 'get', recordNo: String(recordNo), simplify: false };
		return [await first(wires.xml(get)), await first(wires.rest(get))];
	};

	it('journal entry: the journal key, adjustment flag and creating user', async () => {
		const made = await first(wires.xml({ ...journalEntry('Adjusting'), journal: locator('ADJ'), simplify: false }));
		const [xml, rest] = await raw('journalEntry', made.RECORDNO);
		expect(xml.ADJ).toBe('true');
		expect(xml.JOURNALKEY).not.toBe('');
		expect(xml.USERINFO).toEqual({ LOGINID: expect.stringMatching(/.+/) });
		expect(rest).toMatchObject({ JOURNALKEY: xml.JOURNALKEY, ADJ: 'true', REVERSEDKEY: xml.REVERSEDKEY, TRANSACTIONSOURCE: xml.TRANSACTIONSOURCE, USERINFO: xml.USERINFO });
	});

	it('bill: payment priority and module', async () => {
		const made = await first(wires.xml({ ...bill('PRIORITY-1'), additionalFields: { customFields: { field: [{ name: 'PAYMENTPRIORITY', value: 'high' }] } }, simplify: false }));
		const [xml, rest] = await raw('bill', made.RECORDNO);
		expect(xml).toMatchObject({ PAYMENTPRIORITY: 'high', MODULEKEY: '3.AP' });
		expect(rest).toMatchObject({ PAYMENTPRIORITY: 'high', MODULEKEY: '3.AP' });
		for (const field of ['BILLTOPAYTOCONTACTNAME', 'SHIPTORETURNTOCONTACTNAME', 'PRBATCH', 'EXCH_RATE_DATE', 'EXCH_RATE_TYPE_ID', 'EXCHANGE_RATE', 'TAXSOLUTIONID']) expect(rest[field]).toBe(xml[field]);
	});

	it('bill: a payment priority written over REST (paymentPriority) reads back over XML', async () => {
		const made = await first(wires.rest({ ...bill('PRIORITY-2'), additionalFields: { customFields: { field: [{ name: 'PAYMENTPRIORITY', value: 'urgent' }] } }, simplify: false }));
		const [xml, rest] = await raw('bill', made.RECORDNO);
		expect(xml.PAYMENTPRIORITY).toBe('urgent');
		expect(rest.PAYMENTPRIORITY).toBe('urgent');
	});
});
