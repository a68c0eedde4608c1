import { create, readByName, readByQuery } from '../../../../../nodes/shared/intacct/xml/functions';
import { useClientFixture } from '../../../../support/sandboxClient';

const fx = useClientFixture();

describe('executeMany', () => {
	it('chunks into batches, matches results by controlid, one failure does not fail the others', async () => {
		const client = fx.client();
		const fns = [
			create('VENDOR', { VENDORID: 'B-1', NAME: 'One' }),
			create('VENDOR', { VENDORID: 'B-2', NAME: 'Two' }),
			readByQuery({ object: 'NOSUCHOBJECT' }),
			create('VENDOR', { VENDORID: 'B-4', NAME: 'Four' }),
			readByName('VENDOR', 'B-1'),
		];
		const outcomes = await client.executeMany(fns, { batchSize: 2 });
		expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, true, true]);
		expect(fx.sandbox.stats.functions.getAPISession).toBe(1);
		// 3 requests of functions plus the login
		expect(fx.sandbox.stats.requests).toBe(4);
		const third = outcomes[2];
		if (third.ok) throw new Error('expected a failure');
		expect(third.error).toMatchObject({ kind: 'result', functionName: 'readByQuery' });
		const first = outcomes[0];
		if (!first.ok) throw first.error;
		expect(first.result.records[0].RECORDNO).toMatch(/^\d+$/);
	});

	it('fails only the functions of a request whose HTTP call failed', async () => {
		const client = fx.client({ maxRetries: 0, concurrency: 1 });
		await client.execute(readByName('VENDOR', 'B-1'));
		fx.sandbox.faults.add({ action: { type: 'status', status: 400, body: 'xml' } });
		const fns = ['B-1', 'B-2', 'B-4', 'B-1'].map((id) => readByName('VENDOR', id));
		const outcomes = await client.executeMany(fns, { batchSize: 2 });
		expect(outcomes.map((o) => o.ok)).toEqual([false, false, true, true]);
		const failed = outcomes[0];
		if (failed.ok) throw new Error('expected a failure');
		expect(failed.error).toMatchObject({ kind: 'http', httpStatus: 400 });
	});

	it('keeps at most `concurrency` requests in flight', async () => {
		let inFlight = 0;
		let peak = 0;
		const client = fx.client({
			concurrency: 2,
			post: async (request) => {
				inFlight++;
				peak = Math.max(peak, inFlight);
				try {
					return await fx.post(request);
				} finally {
					inFlight--;
				}
			},
		});
		const fns = Array.from({ length: 10 }, () => readByQuery({ object: 'DEPARTMENT', fields: ['DEPARTMENTID'], pageSize: 1 }));
		const outcomes = await client.executeMany(fns, { batchSize: 1 });
		expect(outcomes.every((o) => o.ok)).toBe(true);
		expect(peak).toBe(2);
	});

	it('with the default cap and sandbox latency the gateway never sees more than 2 requests at once, across clients of one credential', async () => {
		await fx.client().execute(readByName('VENDOR', 'B-1'));
		fx.sandbox.faults.add({ action: { type: 'latency', ms: 40 }, times: Infinity });
		fx.sandbox.stats.reset();
		const fns = Array.from({ length: 6 }, () => readByQuery({ object: 'DEPARTMENT', fields: ['DEPARTMENTID'], pageSize: 1 }));
		// Two client instances (two n8n items or nodes) with the same credential share its slots.
		const [first, second] = await Promise.all([fx.client().executeMany(fns, { batchSize: 1 }), fx.client().executeMany(fns, { batchSize: 1 })]);
		expect([...first, ...second].every((o) => o.ok)).toBe(true);
		expect(fx.sandbox.stats.requests).toBe(12);
		expect(fx.sandbox.stats.maxInFlight).toBe(2);
		fx.sandbox.faults.clear();
	});

	it('a cap above the company\'s slots is what the sandbox sees too (the stat is not a coincidence)', async () => {
		await fx.client().execute(readByName('VENDOR', 'B-1'));
		fx.sandbox.faults.add({ action: { type: 'latency', ms: 40 }, times: Infinity });
		fx.sandbox.stats.reset();
		const fns = Array.from({ length: 6 }, () => readByQuery({ object: 'DEPARTMENT', fields: ['DEPARTMENTID'], pageSize: 1 }));
		const outcomes = await fx.client({ concurrency: 3 }).executeMany(fns, { batchSize: 1 });
		expect(outcomes.every((o) => o.ok)).toBe(true);
		expect(fx.sandbox.stats.maxInFlight).toBe(3);
		fx.sandbox.faults.clear();
	});
});
