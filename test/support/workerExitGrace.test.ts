/**
 * jest 29's worker pool, as the suite's globalSetup adjusts it (test/support/workerExitGrace.ts): a
 * worker that takes longer than jest's 500 ms to exit by itself (what the OS's teardown of a big
 * worker takes on a loaded machine) is not reported as force exited, and a worker kept alive by a
 * leaked handle still is. Real jest-worker pools with real child processes; each case gets its own
 * copy of jest-worker (jest.isolateModulesAsync), so the stock pool can be compared with the adjusted one.
 */
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { ExitBehaviour } from './fixtures/exitingWorker';

const ROOT = join(__dirname, '..', '..');
const WORKER = join(ROOT, '.cache', 'run', 'exitingWorker.js');

interface ExitingWorkerPool {
	ready(): Promise<string>;
	end(): Promise<{ forceExited: boolean }>;
}

beforeAll(() => {
	buildSync({ entryPoints: [join(__dirname, 'fixtures', 'exitingWorker.ts')], outfile: WORKER, bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' });
});

/** Starts a one-worker pool (with the grace applied when graceMs is given), waits until it works, ends it. */
async function endPool(behaviour: ExitBehaviour, graceMs?: number): Promise<{ forceExited: boolean; ms: number }> {
	let pool: ExitingWorkerPool | undefined;
	await jest.isolateModulesAsync(async () => {
		if (graceMs !== undefined) (await import('./workerExitGrace')).allowWorkerExitGrace(graceMs);
		const { Worker } = await import('jest-worker');
		pool = new Worker(WORKER, { numWorkers: 1, exposedMethods: ['ready'], setupArgs: [behaviour] }) as unknown as ExitingWorkerPool;
	});
	if (pool === undefined) throw new Error('no pool');
	expect(await pool.ready()).toBe('ready');
	const started = Date.now();
	const { forceExited } = await pool.end();
	return { forceExited, ms: Date.now() - started };
}

it("stock jest 29 reports a worker that exits by itself 1.5 s after the end message as force exited (its 500 ms deadline)", async () => {
	expect((await endPool({ teardownMs: 1500, leak: false })).forceExited).toBe(true);
});

it('with the grace, the same worker exits by itself and is not reported', async () => {
	const { forceExited, ms } = await endPool({ teardownMs: 1500, leak: false }, 8000);
	expect(forceExited).toBe(false);
	expect(ms).toBeGreaterThanOrEqual(1500);
});

it('with the grace, a worker kept alive by a leaked interval is still killed and reported, once the grace is over', async () => {
	const { forceExited, ms } = await endPool({ teardownMs: 0, leak: true }, 1000);
	expect(forceExited).toBe(true);
	expect(ms).toBeGreaterThanOrEqual(1000);
});
