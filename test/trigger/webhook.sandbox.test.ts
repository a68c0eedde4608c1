/**
 * End to end over real HTTP: the sandbox's Platform Services emulation POSTs the node's own
 * generated template to the hosted trigger (n8n-core WebhookContext + execution engine) after real
 * GL entry writes. Every change must start exactly one execution, through forced retries, and
 * enrichment must read the entry and its batch through the credential. Requires `npm run build`.
 */
import { buildDocumentTemplate, type GlEntryEvent } from '../../nodes/SageIntacctTrigger/documentTemplate';
import { sandboxCredentialValues } from '../support/harness';
import { createJournalEntry, deleteJournalEntry, lineRecordNos, retitleJournalEntry, startGlSandbox, type GlSandbox } from './sandboxGl';
import { startHostedTrigger, type HostedTrigger } from './webhookHost';
import { ACCESS_KEY } from './webhookStub';

const SANDBOX_EVENT: Record<GlEntryEvent, 'create' | 'update' | 'delete'> = { created: 'create', updated: 'update', deleted: 'delete' };

let gl: GlSandbox;
let host: HostedTrigger | undefined;
beforeEach(async () => {
	gl = await startGlSandbox();
});
afterEach(async () => {
	await gl.sandbox.close();
	await host?.close();
	host = undefined;
});

/** One Intacct trigger per event, each with the template the node shows for it. */
function subscribePerEvent(url: string, extra: { webhookDelivery?: { clientId: string; style?: 'signed' | 'earlyAdopter' } } = {}): void {
	for (const event of ['created', 'updated', 'deleted'] as GlEntryEvent[]) {
		gl.sandbox.platform.subscribe({
			object: 'GLENTRY',
			events: [SANDBOX_EVENT[event]],
			url,
			template: buildDocumentTemplate({ event, userDimension: 'FUNDINGSOURCE', accessKeyInBody: true, accessKey: ACCESS_KEY }),
			encoding: 'json',
			...extra,
		});
	}
}

const second = 1000;

it('delivers every create, update and delete exactly once, through a 500 before and after the run', async () => {
	host = await startHostedTrigger({ accessKey: ACCESS_KEY, options: { webhookDeliveryClientId: 'n8n-test.app.sage.com' } });
	subscribePerEvent(host.url, { webhookDelivery: { clientId: 'n8n-test.app.sage.com', style: 'earlyAdopter' } });
	// First delivery: n8n is down (500, nothing ran). Second: the run started but the answer was lost.
	host.failNext('before', 'after');

	const batch = await createJournalEntry(gl, 'Supplies for the pantry');
	const lines = await lineRecordNos(gl, batch);
	await gl.sandbox.platform.idle();
	gl.sandbox.clock.advance(5 * second);
	await retitleJournalEntry(gl, batch, 'Supplies for the pantry (corrected)');
	await gl.sandbox.platform.idle();
	gl.sandbox.clock.advance(5 * second);
	await deleteJournalEntry(gl, batch);
	await gl.sandbox.platform.idle();

	const seen = host.executions.map((items) => {
		expect(items).toHaveLength(1);
		return `${items[0].event}:${items[0].recordNo}`;
	});
	const expected = ['created', 'updated', 'deleted'].flatMap((e) => lines.map((r) => `${e}:${r}`));
	expect([...seen].sort()).toEqual([...expected].sort());

	const deliveries = gl.sandbox.platform.deliveries();
	expect(deliveries).toHaveLength(6);
	expect(deliveries.every((d) => d.delivered)).toBe(true);
	const retried = deliveries.filter((d) => d.attempts.length > 1);
	expect(retried.map((d) => d.attempts.map((a) => a.status))).toEqual([
		[500, 200],
		[500, 200],
	]);
	// The retry of the delivery that had already run was answered without a second execution.
	expect(host.answers.filter((s) => s === 500)).toHaveLength(2);

	const created = host.executions.flat().find((i) => i.event === 'created' && i.trType === 1);
	expect(created).toMatchObject({
		accountNo: '6000',
		amount: 125.4,
		debitCredit: 'debit',
		journalEntryRecordNo: Number(batch),
		departmentId: 'PROG',
		locationId: '100',
		GLDIMFUNDINGSOURCE: '10001',
	});
	expect(typeof created?.deliveryId).toBe('string');
	expect(JSON.stringify(host.executions)).not.toContain(ACCESS_KEY);
});

it('refuses deliveries from a trigger with the wrong key: 401, retried by nobody, no execution', async () => {
	host = await startHostedTrigger({ accessKey: ACCESS_KEY });
	gl.sandbox.platform.subscribe({
		object: 'GLENTRY',
		events: ['create'],
		url: host.url,
		template: buildDocumentTemplate({ event: 'created', userDimension: '', accessKeyInBody: true, accessKey: 'an-old-key' }),
		encoding: 'json',
	});
	await createJournalEntry(gl, 'Should not arrive');
	await gl.sandbox.platform.idle();
	expect(host.executions).toEqual([]);
	expect(gl.sandbox.platform.deliveries().map((d) => d.attempts.map((a) => a.status))).toEqual([[401], [401]]);
});

it('enriches with the full entry and batch, and infers events from one trigger for all events', async () => {
	host = await startHostedTrigger(
		{
			accessKey: ACCESS_KEY,
			accessKeyLocation: 'query',
			intacctTriggers: 'oneForAllEvents',
			enrich: true,
			filters: { accounts: '6*' },
			options: { includeRaw: true },
		},
		sandboxCredentialValues(gl.credentials),
	);
	gl.sandbox.platform.subscribe({
		object: 'GLENTRY',
		events: ['create', 'update', 'delete'],
		url: `${host.url}?key=${encodeURIComponent(ACCESS_KEY)}`,
		template: buildDocumentTemplate({ userDimension: 'FUNDINGSOURCE', accessKeyInBody: false }),
		encoding: 'json',
	});
	const batch = await createJournalEntry(gl, 'Enriched entry');
	await gl.sandbox.platform.idle();
	gl.sandbox.clock.advance(3 * second);
	await retitleJournalEntry(gl, batch, 'Enriched entry v2');
	await gl.sandbox.platform.idle();
	gl.sandbox.clock.advance(3 * second);
	await deleteJournalEntry(gl, batch);
	await gl.sandbox.platform.idle();

	// Only the 6000 line passes the account filter: one execution per event.
	const items = host.executions.flat();
	expect(items.map((i) => i.event)).toEqual(['created', 'updated', 'deleted']);
	expect(items.every((i) => i.eventInferred === true && i.accountNo === '6000')).toBe(true);
	expect(items[0].batch).toMatchObject({ recordNo: Number(batch), journal: 'GJ' });
	expect(items[1].batch).toMatchObject({ description: 'Enriched entry v2' });
	expect(items[1].journalEntryDescription).toBe('Enriched entry v2');
	expect(items[2].batch).toBeUndefined();
	expect(items[0].rawEntry).toMatchObject({ ACCOUNTNO: '6000', BATCHNO: batch });
	expect(items[0].rawBatch).toMatchObject({ RECORDNO: batch, BATCH_TITLE: 'Enriched entry' });
	expect(items[0].rawBatch).not.toHaveProperty('ENTRIES');
	expect(JSON.stringify(items)).not.toContain(ACCESS_KEY);
});

it('never calls a live entry deleted because the credential\'s entity cannot see it, or because the read failed (issue 12 item 6)', async () => {
	// The credential works in entity 100; the entry is posted in entity 200.
	host = await startHostedTrigger(
		{ accessKey: ACCESS_KEY, accessKeyLocation: 'query', intacctTriggers: 'oneForAllEvents', enrich: true },
		sandboxCredentialValues(gl.credentials, { entityId: '100' }),
	);
	gl.sandbox.platform.subscribe({
		object: 'GLENTRY',
		events: ['create'],
		url: `${host.url}?key=${encodeURIComponent(ACCESS_KEY)}`,
		template: buildDocumentTemplate({ userDimension: 'FUNDINGSOURCE', accessKeyInBody: false }),
		encoding: 'json',
	});
	// The first enrichment request fails at the gateway (HTTP 400, not retried by the client): the
	// webhook answers 5xx, nothing runs, Intacct delivers again and that delivery runs once.
	gl.sandbox.faults.add({ match: { functionName: 'read' }, action: { type: 'status', status: 400, body: 'xml' }, times: 1 });
	await createJournalEntry(
		gl,
		'Posted in entity 200',
		[
			{ account: '6000', trType: 1, amount: '80.00', location: '200', memo: 'Supplies' },
			{ account: '1000', trType: -1, amount: '80.00', location: '200', memo: 'Cash' },
		],
		'200',
	);
	await gl.sandbox.platform.idle();
	gl.sandbox.clock.advance(60 * second);
	await gl.sandbox.platform.idle();

	const items = host.executions.flat();
	expect(items.length).toBeGreaterThan(0);
	expect(items.map((i) => i.event)).not.toContain('deleted');
	expect(items.every((i) => i.event === 'created')).toBe(true);
	// one execution per line: the failed first attempt ran nothing
	expect(new Set(items.map((i) => i.recordNo)).size).toBe(items.length);
	expect(host.answers.some((status) => status >= 500)).toBe(true);
});
