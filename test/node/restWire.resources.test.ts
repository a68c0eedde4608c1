/**
 * The rest of the node's resources and operations over OAuth 2.0 (REST), through the real n8n engine
 * against the sandbox, in the style of restWire.test.ts: journal entry get many / update / delete /
 * reverse, bill get many / update / delete, vendor update, the reference lists of the resource
 * locators; and the operations that run over XML only (balance reports) refused before anything is
 * sent, with the words the panel shows (AP payments: restWire.apPaymentBalance.test.ts; customers,
 * AR, deposits and card transactions: restWire.receivables.test.ts; attachments: restAttachments.test.ts).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { listSearch, packageNode } from '../support/harness';
import { NODE_NAME, readAll, REST_NODE, XML_NODE, useBothWires } from './support';

const { sandbox, credentials: both, rest: overRest, xml: overXml } = useBothWires();

const entry = (referenceNumber: string, state = 'Posted') => ({
	resource: 'journalEntry',
	operation: 'create',
	journal: { __rl: true, mode: 'id', value: 'GJ' },
	postingDate: '2026-10-15',
	description: `Entry ${referenceNumber}`,
	state,
	lineInput: 'fields',
	lines: {
		line: [
			{ accountNo: '6100', type: 'debit', amount: 75.5, memo: 'Rent', locationId: '110' },
			{ accountNo: '1000', type: 'credit', amount: 75.5, memo: 'Cash', locationId: '110' },
		],
	},
	additionalFields: { referenceNumber },
});

async function createOverRest(parameters: INodeParameters): Promise<number> {
	const run = await overRest(parameters);
	expect(run.error).toBeUndefined();
	return run.json(NODE_NAME)[0].recordNo as number;
}

describe('journal entries over REST', () => {
	it('get many with filters gives the XML output', async () => {
		await createOverRest(entry('R-MANY-1', 'Draft'));
		const parameters = { resource: 'journalEntry', operation: 'getMany', returnAll: true, filters: { referenceNumber: 'R-MANY-1', state: 'I' } };
		const [rest, xml] = [await overRest(parameters), await overXml(parameters)];
		expect(rest.error).toBeUndefined();
		expect(rest.json(NODE_NAME)).toEqual([expect.objectContaining({ referenceNumber: 'R-MANY-1', state: 'Draft' })]);
		expect(xml.json(NODE_NAME)[0]).toMatchObject(rest.json(NODE_NAME)[0]);
	});

	it('update (header) and delete', async () => {
		const recordNo = await createOverRest(entry('R-UPD-1', 'Draft'));
		const updated = await overRest({ resource: 'journalEntry', operation: 'update', recordNo: String(recordNo), updateFields: { description: 'Corrected over REST' } });
		expect(updated.error).toBeUndefined();
		const [batch] = await readAll(sandbox(), 'GLBATCH', `RECORDNO = ${recordNo}`);
		expect(batch).toMatchObject({ BATCH_TITLE: 'Corrected over REST' });
		expect(await readAll(sandbox(), 'GLENTRY', `BATCHNO = '${recordNo}'`)).toHaveLength(2);

		const deleted = await overRest({ resource: 'journalEntry', operation: 'delete', recordNo: String(recordNo) });
		expect(deleted.error).toBeUndefined();
		expect(deleted.json(NODE_NAME)).toEqual([{ deleted: true, recordNo }]);
		expect(await readAll(sandbox(), 'GLBATCH', `RECORDNO = ${recordNo}`)).toHaveLength(0);
	});

	it('reverse posts the mirror entry, like over XML', async () => {
		const recordNo = await createOverRest(entry('R-REV-1'));
		const run = await overRest({ resource: 'journalEntry', operation: 'reverse', recordNo: String(recordNo), reverseDate: '2026-10-31' });
		expect(run.error).toBeUndefined();
		const [mirror] = run.json(NODE_NAME);
		expect(mirror).toMatchObject({ reversesRecordNo: recordNo, state: 'Posted', referenceNumber: `REV-${recordNo}` });
		const lines = await readAll(sandbox(), 'GLENTRY', `BATCHNO = '${String(mirror.recordNo)}'`);
		expect(lines.map((l) => [l.ACCOUNTNO, l.TR_TYPE])).toEqual([
			['6100', '-1'],
			['1000', '1'],
		]);
	});
});

describe('bills and vendors over REST', () => {
	const bill = (billNumber: string) => ({
		resource: 'bill',
		operation: 'create',
		vendor: { __rl: true, mode: 'id', value: 'V-114' },
		billNumber,
		transactionDate: '2026-10-01',
		dueDate: '2026-10-31',
		lineInput: 'fields',
		lines: { line: [{ accountNo: '6500', amount: 99.9, memo: 'Licences', locationId: '110' }] },
	});

	it('get many (open bills of a vendor) gives the XML output', async () => {
		await createOverRest(bill('R-OPEN-1'));
		const parameters = { resource: 'bill', operation: 'getMany', returnAll: true, filters: { vendorId: 'V-114', openOnly: true } };
		const [rest, xml] = [await overRest(parameters), await overXml(parameters)];
		expect(rest.error).toBeUndefined();
		const bills = rest.json(NODE_NAME);
		expect(bills.length).toBeGreaterThanOrEqual(1);
		expect(bills.every((b) => b.vendorId === 'V-114')).toBe(true);
		const key = (rows: IDataObject[]) => rows.map((b) => Number(b.recordNo)).sort((a, b) => a - b);
		expect(key(bills)).toEqual(key(xml.json(NODE_NAME)));
	});

	it('update (header) and delete', async () => {
		const recordNo = await createOverRest(bill('R-UPD-1'));
		const updated = await overRest({ resource: 'bill', operation: 'update', recordNo: String(recordNo), updateFields: { description: 'Updated over REST', dueDate: '2026-11-15' } });
		expect(updated.error).toBeUndefined();
		const [stored] = await readAll(sandbox(), 'APBILL', `RECORDNO = ${recordNo}`);
		expect(stored).toMatchObject({ DESCRIPTION: 'Updated over REST', WHENDUE: '11/15/2026' });

		const deleted = await overRest({ resource: 'bill', operation: 'delete', recordNo: String(recordNo) });
		expect(deleted.error).toBeUndefined();
		expect(deleted.json(NODE_NAME)).toEqual([{ deleted: true, recordNo }]);
		expect(await readAll(sandbox(), 'APBILL', `RECORDNO = ${recordNo}`)).toHaveLength(0);
	});

	it('vendor update', async () => {
		const created = await overRest({ resource: 'vendor', operation: 'create', vendorId: 'V-REST-UPD', name: 'Before' });
		expect(created.error).toBeUndefined();
		const updated = await overRest({ resource: 'vendor', operation: 'update', vendor: { __rl: true, mode: 'id', value: 'V-REST-UPD' }, updateFields: { name: 'After' } });
		expect(updated.error).toBeUndefined();
		const [stored] = await readAll(sandbox(), 'VENDOR', "VENDORID = 'V-REST-UPD'", 'VENDORID,NAME');
		expect(stored).toEqual({ VENDORID: 'V-REST-UPD', NAME: 'After' });
	});
});

describe('reference lists (resource locators) over REST', () => {
	const node = { ...packageNode('sageIntacct', NODE_NAME, { authentication: 'oAuth2', resource: 'journalEntry', operation: 'create' }), ...REST_NODE };
	const xmlNode = { ...packageNode('sageIntacct', NODE_NAME, { authentication: 'webServices', resource: 'journalEntry', operation: 'create' }), ...XML_NODE };

	it.each(['searchAccounts', 'searchJournals', 'searchVendors', 'searchCustomers', 'searchDepartments', 'searchLocations', 'searchClasses', 'searchProjects'])(
		'%s lists what the XML list lists',
		async (method) => {
			const rest = await listSearch(node, method, { credentials: both() });
			const xml = await listSearch(xmlNode, method, { credentials: both() });
			expect(rest.results.length).toBeGreaterThan(0);
			expect(rest.results).toEqual(xml.results);
		},
	);

	it('a typed filter narrows the list', async () => {
		const result = await listSearch(node, 'searchAccounts', { credentials: both(), filter: 'Rent' });
		expect(result.results).toEqual([{ name: '6100 - Rent and Occupancy', value: '6100' }]);
	});
});

describe('resources that run over XML only say so, before anything is sent', () => {
	it.each([
		[{ resource: 'balance', operation: 'trialBalance', startDate: '2026-01-01', endDate: '2026-01-31' }, /get_trialbalance.*not available over the REST API/],
	])('%j', async (parameters, message) => {
		const before = sandbox().stats.requests;
		const run = await overRest(parameters);
		expect(run.error?.message).toMatch(message);
		expect(sandbox().stats.requests).toBe(before);
	});
});
