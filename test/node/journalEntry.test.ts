/**
 * Journal entries through the real n8n engine against the in-process sandbox: create (UI lines and
 * JSON lines), validation before sending, batching with mixed results, continueOnFail, idempotent
 * re-runs, the entity override, get/getMany/update/delete/reverse.
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

const uiLines = (amount: number, extra: Record<string, unknown> = {}) => ({
	line: [
		{
			accountNo: { __rl: true, mode: 'list', value: '6100' },
			type: 'debit',
			amount,
			memo: 'Rent',
			locationId: { __rl: true, mode: 'id', value: '110' },
			departmentId: { __rl: true, mode: 'list', value: 'ADMIN' },
			...extra,
		},
		{ accountNo: '1000', type: 'credit', amount, memo: 'Cash', locationId: '110' },
	],
});

function createParameters(overrides: Record<string, unknown> = {}) {
	return {
		resource: 'journalEntry',
		operation: 'create',
		journal: { __rl: true, mode: 'id', value: 'GJ' },
		postingDate: '2026-10-15',
		description: 'Rent October',
		lineInput: 'fields',
		lines: uiLines(1250.5),
		...overrides,
	};
}

describe('journalEntry.create', () => {
	it('posts a balanced entry from UI lines and returns its record number, paired to the item', async () => {
		const run = await runNode(sandbox, createParameters({ additionalFields: { referenceNumber: 'JE-UI-1' } }));
		expect(run.status).toBe('success');
		const [item] = run.output(NODE_NAME);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ journal: 'GJ', postingDate: '2026-10-15', lineCount: 2 });
		expect(typeof item.json.recordNo).toBe('number');

		const batches = await readAll(sandbox, 'GLBATCH', `RECORDNO = ${String(item.json.recordNo)}`);
		expect(batches[0]).toMatchObject({ JOURNAL: 'GJ', BATCH_DATE: '10/15/2026', REFERENCENO: 'JE-UI-1', STATE: 'Posted' });
		const lines = await readAll(sandbox, 'GLENTRY', `BATCHNO = '${String(item.json.recordNo)}'`);
		expect(lines.map((l) => [l.ACCOUNTNO, l.TR_TYPE, l.TRX_AMOUNT, l.DEPARTMENT])).toEqual([
			['6100', '1', '1250.50', 'ADMIN'],
			['1000', '-1', '1250.50', ''],
		]);
	});

	it('takes many lines per item from a JSON expression, with user-defined dimensions and Luxon dates', async () => {
		const lines = [
			{ accountNo: '6000', debit: 100.25, locationId: '120', projectId: 'GR-2026-001', GLDIMFUNDINGSOURCE: '10004' },
			{ accountNo: '6050', debit: '49.75', locationId: '120', userDefinedDimensions: { FUNDINGSOURCE: '10005' } },
			{ accountNo: '1000', credit: 150, locationId: '120' },
		];
		const run = await runNode(
			sandbox,
			createParameters({
				lineInput: 'json',
				linesJson: '={{ $json.lines }}',
				postingDate: '={{ DateTime.fromISO($json.date) }}',
				description: '={{ $json.title }}',
			}),
			{ items: [{ lines, date: '2026-10-20', title: 'Supplies A' }, { lines, date: '2026-10-21', title: 'Supplies B' }] },
		);
		expect(run.status).toBe('success');
		const out = run.output(NODE_NAME);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const second = await readAll(sandbox, 'GLENTRY', `BATCHNO = '${String(out[1].json.recordNo)}'`);
		expect(second).toHaveLength(3);
		expect(second[0]).toMatchObject({ ENTRY_DATE: '10/21/2026', PROJECTID: 'GR-2026-001', GLDIMFUNDINGSOURCE: '10004' });
		expect(second[1]).toMatchObject({ GLDIMFUNDINGSOURCE: '10005' });
	});

	it('refuses an unbalanced entry before sending anything, naming the item', async () => {
		const before = functionsSent(sandbox, 'create');
		const run = await runNode(sandbox, createParameters({ lines: { line: [uiLines(100).line[0], { ...uiLines(90).line[1] }] } }));
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/item 0.*not balanced: debits 100\.00, credits 90\.00/);
		expect(functionsSent(sandbox, 'create')).toBe(before);
	});

	it.each([
		['no lines', { linesJson: '[]' }, /has no lines/],
		['impossible date', { postingDate: '13/45/2026' }, /postingDate.*no month 13/],
		['non-existent day', { postingDate: '2026-02-30' }, /postingDate.*not a real date/],
		['two-digit year', { postingDate: '03/04/26' }, /postingDate.*ambiguous/],
		['non-numeric amount', { linesJson: JSON.stringify([{ accountNo: '6100', debit: 'ten' }, { accountNo: '1000', credit: 10 }]) }, /line 1, field "debit": "ten" is not a number/],
		['over-precise amount', { linesJson: JSON.stringify([{ accountNo: '6100', debit: 10.005 }, { accountNo: '1000', credit: 10.005 }]) }, /line 1, field "debit": 10\.005 has more than 2 decimals/],
		['unknown line field', { linesJson: JSON.stringify([{ accountNo: '6100', debit: 5, acount: 'x' }, { accountNo: '1000', credit: 5 }]) }, /line 1, field "acount": unknown field/],
		['missing account', { linesJson: JSON.stringify([{ debit: 5 }, { accountNo: '1000', credit: 5 }]) }, /line 1, field "accountNo": is required/],
	])('validates %s: error names item/line/field, nothing is sent', async (_name, overrides, message) => {
		const before = functionsSent(sandbox, 'create');
		const lineInput = 'linesJson' in overrides ? { lineInput: 'json' } : {};
		const run = await runNode(sandbox, createParameters({ ...lineInput, ...overrides }));
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/item 0/);
		expect(run.error?.message).toMatch(message);
		expect(functionsSent(sandbox, 'create')).toBe(before);
	});

	it('accepts mm/dd/yyyy and un-padded m/d/yyyy dates', async () => {
		const run = await runNode(sandbox, createParameters({ postingDate: '={{ $json.date }}' }), {
			items: [{ date: '10/05/2026' }, { date: '9/7/2026' }],
		});
		expect(run.status).toBe('success');
		expect(run.output(NODE_NAME).map((i) => i.json.postingDate)).toEqual(['2026-10-05', '2026-09-07']);
	});

	it('sends creates in batches and keeps successes when some items fail (continueOnFail)', async () => {
		const items = [
			{ account: '6100', ref: 'BATCH-1' },
			{ account: '9999', ref: 'BATCH-2' }, // unknown account: Intacct rejects it
			{ account: '6150', ref: 'BATCH-3' },
			{ account: '6200', ref: 'BATCH-4', amount: 'oops' }, // fails our validation: never sent
			{ account: '6300', ref: 'BATCH-5' },
		];
		sandbox.stats.reset();
		const run = await runNode(
			sandbox,
			createParameters({
				lineInput: 'json',
				linesJson:
					'={{ [{ accountNo: $json.account, debit: $json.amount ?? 20, locationId: "110" }, { accountNo: "1000", credit: $json.amount ?? 20, locationId: "110" }] }}',
				additionalFields: { referenceNumber: '={{ $json.ref }}' },
				options: { batchSize: 2 },
			}),
			{ items, continueOnFail: true },
		);
		expect(run.status).toBe('success');
		const out = run.output(NODE_NAME);
		expect(out.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(out[0].json.recordNo).toEqual(expect.any(Number));
		expect(out[1].json).toMatchObject({ errorKind: 'result', errorNumber: expect.any(String) });
		expect(String(out[1].json.error)).toMatch(/9999/);
		expect(out[2].json.recordNo).toEqual(expect.any(Number));
		expect(String(out[3].json.error)).toMatch(/item 3.*line 1, field "debit": "oops" is not a number/);
		expect(out[4].json.recordNo).toEqual(expect.any(Number));
		// 4 valid items, batch size 2: 4 creates in 2 requests (plus the sign-in).
		expect(functionsSent(sandbox, 'create')).toBe(4);
		expect(sandbox.stats.requests - functionsSent(sandbox, 'getAPISession')).toBe(2);
		// Error items carry Intacct's words, never a secret.
		const text = JSON.stringify(out);
		for (const secret of [sandbox.credentials.userPassword, sandbox.credentials.senderPassword]) expect(text).not.toContain(secret);
		const created = await readAll(sandbox, 'GLBATCH', "REFERENCENO IN ('BATCH-1','BATCH-2','BATCH-3','BATCH-4','BATCH-5')");
		expect(created.map((b) => b.REFERENCENO).sort()).toEqual(['BATCH-1', 'BATCH-3', 'BATCH-5']);
	});

	it('at volume: 120 items go out in requests of 50 and come back paired in input order', async () => {
		const items = Array.from({ length: 120 }, (_, n) => ({ ref: `VOL-${n}`, amount: n + 1 }));
		sandbox.stats.reset();
		const run = await runNode(
			sandbox,
			createParameters({
				lineInput: 'json',
				linesJson: '={{ [{ accountNo: "6600", debit: $json.amount, locationId: "110" }, { accountNo: "1000", credit: $json.amount, locationId: "110" }] }}',
				additionalFields: { referenceNumber: '={{ $json.ref }}' },
			}),
			{ items },
		);
		expect(run.status).toBe('success');
		const out = run.output(NODE_NAME);
		expect(out.map((i) => (i.pairedItem as { item: number }).item)).toEqual(items.map((_, n) => n));
		expect(functionsSent(sandbox, 'create')).toBe(120);
		expect(sandbox.stats.requests - functionsSent(sandbox, 'getAPISession')).toBe(3);
		const stored = await readAll(sandbox, 'GLBATCH', "REFERENCENO LIKE 'VOL-%'");
		const byRecordNo = new Map(stored.map((b) => [Number(b.RECORDNO), b.REFERENCENO]));
		expect(out.map((i) => byRecordNo.get(i.json.recordNo as number))).toEqual(items.map((i) => i.ref));
	});

	it('without continueOnFail, an Intacct rejection fails the node with Intacct\'s error number and the item', async () => {
		const run = await runNode(sandbox, createParameters({ lines: { line: [{ ...uiLines(5).line[0], accountNo: { __rl: true, mode: 'id', value: '9998' } }, uiLines(5).line[1]] } }));
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/9998/);
		expect(JSON.stringify(run.error)).toMatch(/"itemIndex":0/);
	});

	it('is idempotent: running the same workflow twice posts once and reports the duplicate with the existing entry', async () => {
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		const parameters = createParameters({ additionalFields: { referenceNumber: 'IDEMP-JE-1' } });
		const first = await runNode(sandbox, parameters, { workflowId: 'wfIdem', credentials });
		const second = await runNode(sandbox, parameters, { workflowId: 'wfIdem', credentials });
		expect(first.status).toBe('success');
		expect(second.status).toBe('success');
		const [original] = first.json(NODE_NAME);
		const [repeat] = second.json(NODE_NAME);
		expect(repeat).toMatchObject({ duplicate: true, recordNo: original.recordNo, referenceNumber: 'IDEMP-JE-1' });
		expect(await readAll(sandbox, 'GLBATCH', "REFERENCENO = 'IDEMP-JE-1'")).toHaveLength(1);

		// Another workflow (or changed content) is a different key and posts again.
		const other = await runNode(sandbox, parameters, { workflowId: 'wfOther', credentials });
		expect(other.json(NODE_NAME)[0].duplicate).toBeUndefined();
		expect(await readAll(sandbox, 'GLBATCH', "REFERENCENO = 'IDEMP-JE-1'")).toHaveLength(2);
	});

	it('reports a duplicate without a reference number, and posts again when idempotency is off', async () => {
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		const parameters = createParameters({ description: 'No reference entry' });
		await runNode(sandbox, parameters, { workflowId: 'wfNoRef', credentials });
		const again = await runNode(sandbox, parameters, { workflowId: 'wfNoRef', credentials });
		expect(again.json(NODE_NAME)[0]).toMatchObject({ duplicate: true, message: expect.stringMatching(/could not be looked up/) });
		const off = createParameters({ description: 'No reference entry', options: { idempotent: false } });
		await runNode(sandbox, off, { workflowId: 'wfNoRef', credentials });
		await runNode(sandbox, off, { workflowId: 'wfNoRef', credentials });
		expect(await readAll(sandbox, 'GLBATCH', "BATCH_TITLE = 'No reference entry'")).toHaveLength(3);
	});

	it('an explicit idempotency key dedupes across workflows', async () => {
		const parameters = createParameters({
			additionalFields: { referenceNumber: 'IDEMP-KEY-1' },
			options: { idempotencyKey: '={{ "payroll-" + $json.run }}' },
		});
		await runNode(sandbox, parameters, { workflowId: 'wfA', items: [{ run: 7 }] });
		const again = await runNode(sandbox, parameters, { workflowId: 'wfB', items: [{ run: 7 }] });
		expect(again.json(NODE_NAME)[0]).toMatchObject({ duplicate: true, referenceNumber: 'IDEMP-KEY-1' });
		expect(await readAll(sandbox, 'GLBATCH', "REFERENCENO = 'IDEMP-KEY-1'")).toHaveLength(1);
	});

	it('items sharing an idempotency key in one run are posted once and paired as duplicates', async () => {
		const run = await runNode(
			sandbox,
			createParameters({ additionalFields: { referenceNumber: 'SAME-KEY' }, options: { idempotencyKey: '={{ $json.key }}' } }),
			{ items: [{ key: 'k-1' }, { key: 'k-1' }, { key: 'k-2' }] },
		);
		const out = run.output(NODE_NAME);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[1].json).toMatchObject({ duplicate: true, duplicateOfItem: 0, recordNo: out[0].json.recordNo });
		expect(await readAll(sandbox, 'GLBATCH', "REFERENCENO = 'SAME-KEY'")).toHaveLength(2);
	});

	it('posts in another entity with the entity override', async () => {
		const run = await runNode(
			sandbox,
			createParameters({
				lines: { line: [{ ...uiLines(75).line[0], locationId: { __rl: true, mode: 'id', value: '210' } }, { ...uiLines(75).line[1], locationId: '210' }] },
				additionalFields: { referenceNumber: 'ENTITY-200' },
				entityId: { __rl: true, mode: 'id', value: '200' },
			}),
		);
		expect(run.status).toBe('success');
		const [batch] = await readAll(sandbox, 'GLBATCH', "REFERENCENO = 'ENTITY-200'");
		expect(batch.MEGAENTITYID).toBe('200');
	});
});

describe('journalEntry get, getMany, update, delete, reverse', () => {
	async function createDraft(ref: string): Promise<number> {
		const run = await runNode(sandbox, createParameters({ state: 'Draft', additionalFields: { referenceNumber: ref } }));
		expect(run.status).toBe('success');
		return run.json(NODE_NAME)[0].recordNo as number;
	}

	it('gets an entry with its lines, simplified or raw', async () => {
		const recordNo = await createDraft('GET-1');
		const simplified = await runNode(sandbox, { resource: 'journalEntry', operation: 'get', recordNo: String(recordNo) });
		const [entry] = simplified.json(NODE_NAME);
		expect(entry).toMatchObject({ recordNo, journal: 'GJ', postingDate: '2026-10-15', state: 'Draft', referenceNumber: 'GET-1' });
		expect(Array.isArray(entry.entries)).toBe(true);
		expect((entry.entries as Array<Record<string, unknown>>)[0]).toMatchObject({ accountNo: '6100', trxAmount: 1250.5 });

		const raw = await runNode(sandbox, { resource: 'journalEntry', operation: 'get', recordNo: String(recordNo), simplify: false });
		expect(raw.json(NODE_NAME)[0]).toMatchObject({ RECORDNO: String(recordNo), BATCH_DATE: '10/15/2026' });
	});

	it('gets many with filters', async () => {
		await createDraft('MANY-1');
		const run = await runNode(sandbox, {
			resource: 'journalEntry',
			operation: 'getMany',
			returnAll: true,
			filters: { referenceNumber: 'MANY-1', state: 'I' },
		});
		expect(run.json(NODE_NAME)).toEqual([expect.objectContaining({ referenceNumber: 'MANY-1', state: 'Draft' })]);
	});

	it('updates a draft (keeping its lines) and a posted entry (the reference allows it)', async () => {
		const recordNo = await createDraft('UPD-1');
		const run = await runNode(sandbox, {
			resource: 'journalEntry',
			operation: 'update',
			recordNo: String(recordNo),
			updateFields: { description: 'Rent October (corrected)', postingDate: '2026-10-16' },
		});
		expect(run.status).toBe('success');
		const [batch] = await readAll(sandbox, 'GLBATCH', `RECORDNO = ${recordNo}`);
		expect(batch).toMatchObject({ BATCH_TITLE: 'Rent October (corrected)', BATCH_DATE: '10/16/2026' });
		expect(await readAll(sandbox, 'GLENTRY', `BATCHNO = '${recordNo}'`)).toHaveLength(2);

		const posted = await runNode(sandbox, createParameters({ additionalFields: { referenceNumber: 'UPD-POSTED' } }));
		const postedNo = posted.json(NODE_NAME)[0].recordNo as number;
		// Item 7 of issue 11: the node used to refuse here ("only draft journal entries can be updated").
		const updated = await runNode(sandbox, { resource: 'journalEntry', operation: 'update', recordNo: String(postedNo), updateFields: { description: 'Posted, corrected' } });
		expect(updated.status).toBe('success');
		const [postedBatch] = await readAll(sandbox, 'GLBATCH', `RECORDNO = ${postedNo}`);
		expect(postedBatch).toMatchObject({ BATCH_TITLE: 'Posted, corrected', STATE: 'Posted' });
	});

	it('replaces the lines of a draft with JSON lines', async () => {
		const recordNo = await createDraft('UPD-2');
		const run = await runNode(sandbox, {
			resource: 'journalEntry',
			operation: 'update',
			recordNo: String(recordNo),
			lineInput: 'json',
			linesJson: JSON.stringify([
				{ accountNo: '6500', debit: 10, locationId: '110' },
				{ accountNo: '6600', debit: 5, locationId: '110' },
				{ accountNo: '1000', credit: 15, locationId: '110' },
			]),
		});
		expect(run.status).toBe('success');
		const lines = await readAll(sandbox, 'GLENTRY', `BATCHNO = '${recordNo}'`);
		expect(lines.map((l) => l.ACCOUNTNO)).toEqual(['6500', '6600', '1000']);
	});

	it('deletes an entry', async () => {
		const recordNo = await createDraft('DEL-1');
		const run = await runNode(sandbox, { resource: 'journalEntry', operation: 'delete', recordNo: String(recordNo) });
		expect(run.json(NODE_NAME)).toEqual([{ deleted: true, recordNo }]);
		expect(await readAll(sandbox, 'GLBATCH', `RECORDNO = ${recordNo}`)).toHaveLength(0);
	});

	it('reverses a posted entry', async () => {
		const created = await runNode(sandbox, createParameters({ additionalFields: { referenceNumber: 'REV-1' } }));
		const recordNo = created.json(NODE_NAME)[0].recordNo as number;
		const run = await runNode(sandbox, { resource: 'journalEntry', operation: 'reverse', recordNo: String(recordNo), reverseDate: '2026-10-31' });
		expect(run.status).toBe('success');
		// Item 1 of issue 11: a mirror entry by create GLBATCH (no STATE=Reversed update, which Intacct does not document).
		const [mirror] = run.json(NODE_NAME);
		expect(mirror).toMatchObject({ reversesRecordNo: recordNo, state: 'Posted', referenceNumber: `REV-${recordNo}` });
		const reversalNo = mirror.recordNo as number;
		expect(reversalNo).not.toBe(recordNo);
		const [batch] = await readAll(sandbox, 'GLBATCH', `RECORDNO = ${reversalNo}`);
		expect(batch).toMatchObject({ BATCH_DATE: '10/31/2026', REFERENCENO: `REV-${recordNo}`, STATE: 'Posted' });
		const lines = await readAll(sandbox, 'GLENTRY', `BATCHNO = '${reversalNo}'`);
		expect(lines.map((l) => [l.ACCOUNTNO, l.TR_TYPE])).toEqual([
			['6100', '-1'],
			['1000', '1'],
		]);
	});

	it('refuses a reverse date that is not after the posting date, before sending anything', async () => {
		const created = await runNode(sandbox, createParameters({ additionalFields: { referenceNumber: 'REV-SAME-DAY' } }));
		const recordNo = created.json(NODE_NAME)[0].recordNo as number;
		const [original] = await readAll(sandbox, 'GLBATCH', `RECORDNO = ${recordNo}`);
		const [month, day, year] = String(original.BATCH_DATE).split('/');
		const run = await runNode(sandbox, { resource: 'journalEntry', operation: 'reverse', recordNo: String(recordNo), reverseDate: `${year}-${month}-${day}` });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/must be after the posting date/);
		expect(await readAll(sandbox, 'GLBATCH', `REFERENCENO = 'REV-${recordNo}'`)).toHaveLength(0);
	});
});
