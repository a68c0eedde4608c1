/**
 * Issue 16's "done": Return All over ~100,000 GL entries in n8n's engine spends at most 51 read
 * calls plus the sign-in, counted by the sandbox, and returns every row exactly once.
 * Requires `npm run build`. Generates the ledger (glEntryTarget), so it takes a while.
 */
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox/api';
import { modelCount } from '../support/sandboxModel';
import { NODE_NAME, runNode } from '../node/support';

jest.setTimeout(900_000);

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, glEntryTarget: 99_000 });
});
afterAll(async () => {
	await sandbox.close();
});

it('reads every GL entry once with at most 51 read calls plus the sign-in', async () => {
	const total = modelCount(sandbox, 'GLENTRY');
	expect(total).toBeGreaterThan(95_000);
	expect(total).toBeLessThanOrEqual(100_000);
	sandbox.stats.reset();
	const run = await runNode(sandbox, {
		resource: 'glEntry',
		operation: 'getMany',
		returnAll: true,
		options: { fields: 'RECORDNO,ACCOUNTNO,AMOUNT,WHENMODIFIED' },
		simplify: false,
	});
	expect(run.status).toBe('success');
	const out = run.output(NODE_NAME);
	expect(out).toHaveLength(total);
	expect(new Set(out.map((i) => String(i.json.RECORDNO))).size).toBe(total);
	const f = sandbox.stats.functions;
	const reads = (f.query ?? 0) + (f.lookup ?? 0) + (f.readByQuery ?? 0) + (f.readMore ?? 0);
	expect(reads).toBe(Math.ceil(total / 2000));
	expect(reads).toBeLessThanOrEqual(51);
	expect(f.getAPISession ?? 0).toBe(1);
	// Before issue 16: readByQuery + readMore at 1,000 rows, ceil(total / 1000) calls (100 here).
});
