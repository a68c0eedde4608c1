/**
 * The webhook trigger's decisions, one request at a time, through a small IWebhookFunctions stub.
 * Enrichment (API reads) is covered against the sandbox in webhook.engine.test.ts; here it is
 * replaced so these tests need no client.
 */
jest.mock('../../../nodes/SageIntacctTrigger/enrichment', () => ({
	fetchEntryAndBatch: jest.fn(async () => ({})),
}));

import { NodeApiError, type IDataObject, type INodeExecutionData } from 'n8n-workflow';

import { fetchEntryAndBatch } from '../../../nodes/SageIntacctTrigger/enrichment';

import { ACCESS_KEY, callWebhook, glEntryBody } from '../../trigger/webhookStub';

function emitted(result: { workflowData?: INodeExecutionData[][] }): IDataObject[] {
	return (result.workflowData?.[0] ?? []).map((i) => i.json);
}

describe('access key', () => {
	it('starts one execution with a clean item for the right key in the body', async () => {
		const { result, status } = await callWebhook({ body: glEntryBody() });
		expect(status).toBeUndefined();
		const [item] = emitted(result);
		expect(item).toMatchObject({
			event: 'created',
			object: 'GLENTRY',
			recordNo: 5012,
			journalEntryRecordNo: 877,
			journalEntryNumber: 41,
			journal: 'GJ',
			accountNo: '6100',
			trType: -1,
			debitCredit: 'credit',
			amount: 1250.5,
			signedAmount: -1250.5,
			entryDate: '2026-03-31',
			postingDate: '2026-03-31',
			whenModified: '2026-03-31T14:02:11',
			memo: 'Accrue "Q1" grant spend',
			departmentId: 'D100',
			locationId: '100',
			projectId: 'P-7',
			vendorId: 'V-2',
			classId: '',
			GLDIMFUNDINGSOURCE: 'FS-NSF',
		});
	});

	it('never puts the access key in the output, even with the raw payload', async () => {
		const { result } = await callWebhook({ body: glEntryBody(), parameters: { options: { includeRaw: true } } });
		const [item] = emitted(result);
		expect(item.raw).toMatchObject({ object: 'GLENTRY', event: 'created' });
		expect(JSON.stringify(result)).not.toContain(ACCESS_KEY);
	});

	it.each([
		['wrong key', glEntryBody({}, { accessKey: 'nope' })],
		['key of a different length', glEntryBody({}, { accessKey: ACCESS_KEY + 'x' })],
		['missing key', (() => { const b = glEntryBody(); delete b.accessKey; return b; })()],
	])('answers 401 and starts nothing for a %s', async (_name, body) => {
		const { result, status, sent } = await callWebhook({ body });
		expect(status).toBe(401);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(JSON.stringify(sent)).toMatch(/Unauthorized/);
	});

	it('refuses everything while the node has no access key', async () => {
		const body = glEntryBody({}, { accessKey: '' });
		const { status } = await callWebhook({ body, parameters: { accessKey: '' } });
		expect(status).toBe(401);
	});

	it('reads the key from the URL query when configured so, and only there', async () => {
		const body = glEntryBody();
		delete body.accessKey;
		const params = { accessKeyLocation: 'query' };
		expect(emitted((await callWebhook({ body, query: { key: ACCESS_KEY }, parameters: params })).result)).toHaveLength(1);
		expect((await callWebhook({ body, query: { key: 'bad' }, parameters: params })).status).toBe(401);
		expect((await callWebhook({ body: glEntryBody(), parameters: params })).status).toBe(401);
	});

	it('reads the key from the X-Intacct-Access-Key header when configured so', async () => {
		const body = glEntryBody();
		delete body.accessKey;
		const params = { accessKeyLocation: 'header' };
		const ok = await callWebhook({ body, headers: { 'x-intacct-access-key': ACCESS_KEY }, parameters: params });
		expect(emitted(ok.result)).toHaveLength(1);
		expect((await callWebhook({ body, headers: { 'x-intacct-access-key': 'bad' }, parameters: params })).status).toBe(401);
	});
});

describe('webhook delivery (Bearer + X-Trusted-Context)', () => {
	const clientId = 'abc123def456.app.sage.com';
	const context = (id: string) => Buffer.from(JSON.stringify({ clientId: id, companyId: 'HOPEWELL' })).toString('base64');
	const params = { options: { webhookDeliveryClientId: clientId } };

	it('accepts a delivery whose trusted context names the client ID', async () => {
		const headers = { authorization: 'Bearer eyJ.a.b', 'x-trusted-context': context(clientId) };
		expect(emitted((await callWebhook({ body: glEntryBody(), headers, parameters: params })).result)).toHaveLength(1);
	});

	it.each([
		['no bearer token', { 'x-trusted-context': context(clientId) }],
		['another client ID', { authorization: 'Bearer t', 'x-trusted-context': context('other.app.sage.com') }],
		['no trusted context', { authorization: 'Bearer t' }],
		['a context that is not base64 JSON', { authorization: 'Bearer t', 'x-trusted-context': '%%%' }],
	])('answers 401 for %s', async (_name, headers) => {
		expect((await callWebhook({ body: glEntryBody(), headers, parameters: params })).status).toBe(401);
	});
});

describe('events and filters', () => {
	it.each(['created', 'updated', 'deleted'])('emits a %s event named by the template', async (event) => {
		const { result } = await callWebhook({ body: glEntryBody({}, { event }) });
		expect(emitted(result)[0].event).toBe(event);
	});

	it.each([
		['create', 'created'],
		['After Update', 'updated'],
		['DELETE', 'deleted'],
	])('accepts the event spelled "%s" as %s', async (spelled, event) => {
		const { result } = await callWebhook({ body: glEntryBody({}, { event: spelled }) });
		expect(emitted(result)[0].event).toBe(event);
	});

	it('accepts a hand-written flat template (fields at the top level)', async () => {
		const { record, ...top } = glEntryBody() as { record: Record<string, string> };
		const { result } = await callWebhook({ body: { ...top, ...record } });
		expect(emitted(result)[0]).toMatchObject({ recordNo: 5012, accountNo: '6100' });
	});

	it('acknowledges events the node does not listen to without starting a run', async () => {
		const { result, status } = await callWebhook({ body: glEntryBody({}, { event: 'deleted' }), parameters: { events: ['created'] } });
		expect(result).toEqual({});
		expect(status).toBeUndefined();
	});

	it('infers created/updated from the timestamps when one Intacct trigger covers all events', async () => {
		const params = { intacctTriggers: 'oneForAllEvents' };
		const created = glEntryBody();
		delete created.event;
		const updated = glEntryBody({ WHENMODIFIED: '04/01/2026 09:00:00' });
		delete updated.event;
		expect(emitted((await callWebhook({ body: created, parameters: params })).result)[0]).toMatchObject({ event: 'created', eventInferred: true });
		expect(emitted((await callWebhook({ body: updated, parameters: params })).result)[0]).toMatchObject({ event: 'updated' });
		expect((await callWebhook({ body: updated, parameters: { ...params, events: ['created'] } })).result).toEqual({});
	});

	it.each([
		[{ accounts: '6100' }, true],
		[{ accounts: '61*' }, true],
		[{ accounts: '4000, 5*' }, false],
		[{ journals: 'GJ' }, true],
		[{ journals: 'APJ' }, false],
		[{ departments: 'D100', projects: 'P-7' }, true],
		[{ departments: 'D100', projects: 'P-8' }, false],
		[{ locations: '200' }, false],
		[{ vendors: 'V-2' }, true],
		[{ classes: 'C1' }, false],
		[{ userDimensionValues: 'FS-NSF, FS-NIH' }, true],
		[{ userDimensionValues: 'FS-NIH' }, false],
	])('filters %j -> emits %s', async (filters, emits) => {
		const { result } = await callWebhook({ body: glEntryBody(), parameters: { filters } });
		expect(emitted(result)).toHaveLength(emits ? 1 : 0);
		if (!emits) expect(result).toEqual({});
	});
});

describe('duplicate deliveries', () => {
	it('starts one execution for a retried delivery with the same idempotency key', async () => {
		const staticData: IDataObject = {};
		const headers = { 'idempotency-key': 'evt-1' };
		const first = await callWebhook({ body: glEntryBody(), headers, staticData });
		const retry = await callWebhook({ body: glEntryBody(), headers, staticData });
		expect(emitted(first.result)).toHaveLength(1);
		expect(emitted(first.result)[0].deliveryId).toBe('evt-1');
		expect(retry.result.workflowData).toBeUndefined();
		expect(retry.status).toBeUndefined();
		const other = await callWebhook({ body: glEntryBody(), headers: { 'idempotency-key': 'evt-2' }, staticData });
		expect(emitted(other.result)).toHaveLength(1);
	});

	it('without a key, treats the same record + event + WHENMODIFIED as one delivery', async () => {
		const staticData: IDataObject = {};
		expect(emitted((await callWebhook({ body: glEntryBody(), staticData })).result)).toHaveLength(1);
		expect((await callWebhook({ body: glEntryBody(), staticData })).result.workflowData).toBeUndefined();
		const later = glEntryBody({ WHENMODIFIED: '04/01/2026 09:00:00' }, { event: 'updated' });
		expect(emitted((await callWebhook({ body: later, staticData })).result)).toHaveLength(1);
		const deleted = glEntryBody({ WHENMODIFIED: '04/01/2026 09:00:00' }, { event: 'deleted' });
		expect(emitted((await callWebhook({ body: deleted, staticData })).result)).toHaveLength(1);
	});

	it.each(['x-idempotency-key', 'x-sage-idempotency-key'])('also reads the key from %s', async (header) => {
		const staticData: IDataObject = {};
		await callWebhook({ body: glEntryBody(), headers: { [header]: 'evt-x' }, staticData });
		const again = await callWebhook({ body: glEntryBody({ WHENMODIFIED: '05/01/2026 00:00:00' }), headers: { [header]: 'evt-x' }, staticData });
		expect(again.result.workflowData).toBeUndefined();
	});

	it('keeps the memory bounded', async () => {
		const staticData: IDataObject = {};
		for (let i = 0; i < 520; i++) {
			await callWebhook({ body: glEntryBody({ RECORDNO: String(i) }), staticData });
		}
		expect((staticData.seenDeliveries as string[]).length).toBe(500);
	});

	it('starts one execution when copies arrive concurrently, each request with its own copy of static data', async () => {
		// n8n loads and saves static data per request, so the last save wins (seen in real n8n: a
		// journal entry's lines posted at once, then retried, started duplicate executions).
		const workflowId = 'wf-concurrent';
		const headers = { 'idempotency-key': 'evt-concurrent' };
		const copies = await Promise.all(
			[1, 2, 3].map(async () => await callWebhook({ body: glEntryBody(), headers, staticData: {}, workflowId })),
		);
		expect(copies.flatMap((c) => emitted(c.result))).toHaveLength(1);
		// A later retry, again with a fresh copy of static data, is still a duplicate.
		const retry = await callWebhook({ body: glEntryBody(), headers, staticData: {}, workflowId });
		expect(retry.result).toEqual({ webhookResponse: { message: 'Duplicate delivery ignored' } });
		// Another workflow receiving the same delivery runs it.
		const elsewhere = await callWebhook({ body: glEntryBody(), headers, staticData: {}, workflowId: 'wf-other' });
		expect(emitted(elsewhere.result)).toHaveLength(1);
	});

	it('does not remember rejected or filtered deliveries', async () => {
		const staticData: IDataObject = {};
		const headers = { 'idempotency-key': 'evt-9' };
		await callWebhook({ body: glEntryBody({}, { accessKey: 'bad' }), headers, staticData });
		await callWebhook({ body: glEntryBody(), headers, staticData, parameters: { filters: { accounts: '1*' } } });
		expect(emitted((await callWebhook({ body: glEntryBody(), headers, staticData })).result)).toHaveLength(1);
	});
});

describe('malformed bodies -> 400 naming the problem', () => {
	it('not JSON', async () => {
		const { status, sent, result } = await callWebhook({ body: {}, rawBody: 'RECORDNO=1&x=2' });
		expect(status).toBe(400);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(JSON.stringify(sent)).toMatch(/not JSON.*Encoding to JSON/);
	});

	it('an unparsed JSON text body is still read', async () => {
		const { result } = await callWebhook({ body: {}, rawBody: JSON.stringify(glEntryBody()) });
		expect(emitted(result)).toHaveLength(1);
	});

	it('a JSON list instead of an object', async () => {
		const { status, sent } = await callWebhook({ body: {}, rawBody: '[1, 2]' });
		expect(status).toBe(400);
		expect(JSON.stringify(sent)).toContain('JSON object');
	});

	it('empty body', async () => {
		expect((await callWebhook({ body: {} })).status).toBe(400);
	});

	it('a merge field Intacct did not fill', async () => {
		const { status, sent } = await callWebhook({ body: glEntryBody({ GLDIMFUNDINGSOURCE: '{!GLENTRY.GLDIMFUNDINGSOURCE!}' }) });
		expect(status).toBe(400);
		expect(JSON.stringify(sent)).toContain('record.GLDIMFUNDINGSOURCE');
	});

	it('missing record number', async () => {
		const { status, sent } = await callWebhook({ body: glEntryBody({ RECORDNO: '' }) });
		expect(status).toBe(400);
		expect(JSON.stringify(sent)).toContain('record.RECORDNO');
	});

	it('an unknown event value', async () => {
		const { status, sent } = await callWebhook({ body: glEntryBody({}, { event: 'posted' }) });
		expect(status).toBe(400);
		expect((sent as { message: string }).message).toContain('"event"');
	});

	it('a template on another object', async () => {
		const { status, sent } = await callWebhook({ body: glEntryBody({}, { object: 'APBILL' }) });
		expect(status).toBe(400);
		expect(JSON.stringify(sent)).toContain('GLENTRY');
	});

	it('checks the key before describing the content', async () => {
		const { status } = await callWebhook({ body: glEntryBody({ RECORDNO: '' }, { accessKey: 'bad' }) });
		expect(status).toBe(401);
	});
});

describe('enrichment failure', () => {
	it('throws a NodeApiError (n8n answers 500, Intacct retries) and remembers nothing', async () => {
		const staticData: IDataObject = {};
		jest.mocked(fetchEntryAndBatch).mockRejectedValueOnce(new Error('There are too many operations running for this company'));
		const params = { enrich: true };
		const headers = { 'idempotency-key': 'evt-enrich' };
		await expect(callWebhook({ body: glEntryBody(), headers, staticData, parameters: params })).rejects.toBeInstanceOf(NodeApiError);
		expect(staticData.seenDeliveries).toBeUndefined();
		const retry = await callWebhook({ body: glEntryBody(), headers, staticData, parameters: params });
		expect(emitted(retry.result)).toHaveLength(1);
	});
});
