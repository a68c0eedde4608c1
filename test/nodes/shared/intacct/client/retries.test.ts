import { create, readByName, readByQuery } from '../../../../../nodes/shared/intacct/xml/functions';
import { IntacctError } from '../../../../../nodes/shared/intacct/core/errors';
import { networkError } from '../../../../../nodes/shared/intacct/client/retryPolicy';
import type { FaultAction } from '../../../../../sandbox/api';
import { collectErrors, departments, useClientFixture } from '../../../../support/sandboxClient';

const fx = useClientFixture();

async function vendorCount(id: string): Promise<number> {
	const [result] = await fx.client().executeBatch([readByQuery({ object: 'VENDOR', fields: ['VENDORID'], query: `VENDORID = '${id}'` })]);
	return result.records.length;
}

describe('retries', () => {
	const transientFaults: Array<[string, FaultAction]> = [
		['429 GW-0010', { type: 'rateLimit' }],
		['503 HTML', { type: 'status', status: 503, body: 'html' }],
		['500 empty', { type: 'status', status: 500, body: 'empty' }],
		['502 XML', { type: 'status', status: 502, body: 'xml' }],
		['504 HTML', { type: 'status', status: 504, body: 'html' }],
		['connection reset', { type: 'resetBeforeProcess' }],
		['too many operations', { type: 'tooManyOperations' }],
	];

	it.each(transientFaults)('retries a read after %s and succeeds', async (_label, action) => {
		const client = fx.client();
		await client.execute(departments());
		fx.sandbox.stats.reset();
		fx.sandbox.faults.add({ match: { functionName: 'readByQuery' }, action });
		const result = await client.execute(departments());
		expect(result.status).toBe('success');
		expect(fx.sandbox.stats.requests).toBe(2);
	});

	it('retries a read after a timeout (hang)', async () => {
		const client = fx.client({ timeoutMs: 300 });
		await client.execute(departments());
		fx.sandbox.stats.reset();
		fx.sandbox.faults.add({ match: { functionName: 'readByQuery' }, action: { type: 'hang' } });
		await client.execute(departments());
		expect(fx.sandbox.stats.requests).toBe(2);
	});

	it('backs off exponentially: retryBaseDelayMs * 2^n', async () => {
		const delays: number[] = [];
		const client = fx.client({ retryBaseDelayMs: 10, maxRetries: 3, sleep: async (ms) => void delays.push(ms) });
		await client.execute(departments());
		fx.sandbox.faults.add({ match: { functionName: 'readByQuery' }, action: { type: 'status', status: 503, body: 'empty' }, times: 3 });
		await client.execute(departments());
		expect(delays).toEqual([10, 20, 40]);
	});

	it('"in process" is its own state: the client waits and asks again with the same key; when the first attempt fails, the write posts once and is never reported as a duplicate (issue 12 item 2)', async () => {
		const first = fx.client();
		const second = fx.client({ retryBaseDelayMs: 300 });
		await first.execute(departments());
		await second.execute(departments());
		await first.execute(create('VENDOR', { VENDORID: 'INPROC-TAKEN', NAME: 'Taken', DISPLAYCONTACT: { PRINTAS: 'Taken' } }));
		const controlId = 'n8n-test-inprocess-1';
		fx.sandbox.faults.add({ match: { bodyContains: 'INPROC-BAD' }, action: { type: 'latency', ms: 700 } });
		const failing = collectErrors(
			first.execute({ ...create('VENDOR', { VENDORID: 'INPROC-TAKEN', NAME: 'INPROC-BAD', DISPLAYCONTACT: { PRINTAS: 'x' } }), controlId }, { idempotent: true }),
		);
		await new Promise((resolve) => setTimeout(resolve, 250));
		const [outcome] = await second.executeMany(
			[{ ...create('VENDOR', { VENDORID: 'INPROC-1', NAME: 'In process Ltd', DISPLAYCONTACT: { PRINTAS: 'In process Ltd' } }), controlId }],
			{ idempotent: true },
		);
		expect(await failing).toMatchObject({ kind: 'result' });
		expect(outcome.ok).toBe(true);
		expect(await vendorCount('INPROC-1')).toBe(1);
	});

	it('a duplicate is recognised by its error number only: "already processed" in a record\'s own text is a plain failure (issue 12 item 3)', async () => {
		const client = fx.client();
		await client.execute(departments());
		const vendor = create('VENDOR', { VENDORID: 'ALREADY PROCESSED', NAME: 'Already processed Ltd', DISPLAYCONTACT: { PRINTAS: 'x' } });
		await client.execute(vendor);
		// Intacct refuses the second: "Another Vendor with the given value(s) ALREADY PROCESSED  already exists".
		const fn = { ...vendor, controlId: 'n8n-test-duptext-1' };
		const [outcome] = await client.executeMany([fn], { idempotent: true });
		expect(outcome.ok).toBe(false);
		expect(outcome.ok ? undefined : outcome.error.kind).toBe('result');
		expect(await vendorCount('ALREADY PROCESSED')).toBe(1);
	});

	it('does not retry a non-idempotent write after an ambiguous fault', async () => {
		const client = fx.client();
		await client.execute(departments());
		fx.sandbox.stats.reset();
		fx.sandbox.faults.add({ match: { functionName: 'create' }, action: { type: 'resetAfterCommit' } });
		const error = await collectErrors(client.execute(create('VENDOR', { VENDORID: 'RST-1', NAME: 'Reset once', DISPLAYCONTACT: { PRINTAS: 'Reset once' } })));
		expect(error).toBeInstanceOf(IntacctError);
		expect(error).toMatchObject({ kind: 'network', code: 'ECONNRESET' });
		expect(fx.sandbox.stats.requests).toBe(1);
		expect(await vendorCount('RST-1')).toBe(1);
	});

	it('retries a non-idempotent write when the gateway refused it at the door (429)', async () => {
		const client = fx.client();
		fx.sandbox.faults.add({ match: { functionName: 'create' }, action: { type: 'rateLimit' } });
		const result = await client.execute(create('VENDOR', { VENDORID: 'RL-1', NAME: 'Rate limited once', DISPLAYCONTACT: { PRINTAS: 'Rate limited once' } }));
		expect(result.status).toBe('success');
		expect(await vendorCount('RL-1')).toBe(1);
	});

	it('reset after commit on an idempotent create: exactly one record, reported as duplicate', async () => {
		const client = fx.client();
		fx.sandbox.faults.add({ match: { functionName: 'create' }, action: { type: 'resetAfterCommit' } });
		const fn = create('VENDOR', { VENDORID: 'IDEM-1', NAME: 'Once only', DISPLAYCONTACT: { PRINTAS: 'Once only' } }, { controlId: 'vendor-IDEM-1' });
		const error = await collectErrors(client.execute(fn, { idempotent: true }));
		expect(error).toBeInstanceOf(IntacctError);
		expect(error).toMatchObject({ kind: 'duplicate', controlId: 'vendor-IDEM-1', functionName: 'create' });
		expect(fx.sandbox.stats.functions.create).toBe(2);
		expect(await vendorCount('IDEM-1')).toBe(1);
		const [again] = await client.executeBatch([fn], { idempotent: true });
		expect(again.duplicate).toBe(true);
	});

	it('reads the duplicate-without-<status> quirk as duplicate too', async () => {
		const quirky = fx.client({
			post: async (request) => await fx.post({ ...request, headers: { ...request.headers, 'x-sandbox-duplicate-without-status': 'true' } }),
		});
		const fn = create('VENDOR', { VENDORID: 'IDEM-2', NAME: 'Quirk', DISPLAYCONTACT: { PRINTAS: 'Quirk' } }, { controlId: 'vendor-IDEM-2' });
		expect((await quirky.execute(fn, { idempotent: true })).status).toBe('success');
		const [again] = await quirky.executeBatch([fn], { idempotent: true });
		expect(again).toMatchObject({ status: 'failure', duplicate: true });
		expect(await vendorCount('IDEM-2')).toBe(1);
	});

	it('a write whose control ID the client generated is not retried even with idempotent', async () => {
		const client = fx.client();
		fx.sandbox.faults.add({ match: { functionName: 'create' }, action: { type: 'status', status: 503, body: 'html' } });
		const error = await collectErrors(client.execute(create('VENDOR', { VENDORID: 'GEN-1', NAME: 'x', DISPLAYCONTACT: { PRINTAS: 'x' } }), { idempotent: true }));
		expect(error).toMatchObject({ kind: 'http', httpStatus: 503 });
		expect(fx.sandbox.stats.functions.create).toBe(1);
	});

	it('readByName still works after retries (sanity of the session after faults)', async () => {
		const client = fx.client();
		fx.sandbox.faults.add({ action: { type: 'resetBeforeProcess' }, times: 2 });
		const result = await client.execute(readByName('VENDOR', 'RL-1'));
		expect(result.status).toBe('success');
	});
});

describe('timeout wording', () => {
	it.each([
		[400, 'within 400 ms'],
		[999, 'within 999 ms'],
		[1500, 'within 1.5 s'],
		[30_000, 'within 30 s'],
		[300_000, 'within 300 s'],
	])('a %i ms timeout reads "%s", never "0 s"', (ms, words) => {
		expect(networkError(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }), ms).message).toContain(words);
	});
});
