/**
 * What 200 bill updates cost over REST now that updates carry RECORD_URL (docs/benchmarks-rest.md,
 * "Updates"): one PATCH per bill and one read-back query for all 200 (not one GET per update), counted
 * by the sandbox; the XML wire's count beside it. The node runs in the real n8n engine.
 */
import type { IDataObject } from 'n8n-workflow';
import { NODE_NAME, useBothWires } from './support';

const wires = useBothWires();
const BILLS = 200;

/** The sandbox's request counters while `run` runs: requests, and requests per function or REST path. */
async function counted(run: () => Promise<void>): Promise<{ requests: number; functions: Record<string, number> }> {
	const stats = wires.sandbox().stats;
	const requests = stats.requests;
	const functions = { ...stats.functions };
	await run();
	const delta: Record<string, number> = {};
	for (const [name, n] of Object.entries(stats.functions)) if (n !== (functions[name] ?? 0)) delta[name] = n - (functions[name] ?? 0);
	return { requests: stats.requests - requests, functions: delta };
}

it(`${BILLS} bill updates over REST: ${BILLS} PATCHes and one read-back query for their links`, async () => {
	const items = Array.from({ length: BILLS }, (_, i) => ({ billNumber: `UPD-COST-${i + 1}` }));
	const made = await wires.rest(
		{
			resource: 'bill',
			operation: 'create',
			vendor: { __rl: true, mode: 'id', value: 'V-114' },
			billNumber: '={{ $json.billNumber }}',
			transactionDate: '2026-10-01',
			dueDate: '2026-10-31',
			lineInput: 'fields',
			lines: { line: [{ accountNo: '6500', amount: 10, memo: 'Licences', locationId: '110' }] },
		},
		{ items },
	);
	expect(made.error).toBeUndefined();
	const bills = made.json(NODE_NAME).map((b) => ({ recordNo: b.recordNo }));
	expect(bills).toHaveLength(BILLS);
	const update = { resource: 'bill', operation: 'update', recordNo: '={{ $json.recordNo }}', updateFields: { description: 'Updated in bulk' } };

	let restOut: IDataObject[] = [];
	const rest = await counted(async () => {
		const run = await wires.rest(update, { items: bills });
		expect(run.error).toBeUndefined();
		restOut = run.json(NODE_NAME);
	});
	let xmlOut: IDataObject[] = [];
	const xml = await counted(async () => {
		const run = await wires.xml(update, { items: bills });
		expect(run.error).toBeUndefined();
		xmlOut = run.json(NODE_NAME);
	});
	// XML beside it: one session, then the 200 updates in batches of 50.
	expect(xml).toEqual({ requests: 5, functions: { getAPISession: 1, update: BILLS } });
	expect(rest.functions['rest:PATCH accounts-payable/bill']).toBe(BILLS);
	expect(rest.functions['rest:POST services/core/query']).toBe(1);
	// The token and the 200 PATCHes, then the read-back.
	expect(rest.requests).toBe(1 + BILLS + 1);
	expect(restOut.every((b) => typeof b.recordUrl === 'string' && b.recordUrl !== '')).toBe(true);
	expect(restOut.map((b) => b.recordUrl)).toEqual(xmlOut.map((b) => b.recordUrl));
}, 300_000);
