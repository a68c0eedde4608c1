/**
 * Gives jest 29's test workers a realistic time to exit when the run is over (issue 18, "a worker
 * that fails to exit").
 *
 * jest-worker 29 sends each worker its "end" message, waits 500 ms for the worker's `exit` event
 * (FORCE_EXIT_DELAY, hard-coded in build/base/BaseWorkerPool.js), then kills it, and jest-runner
 * prints "A worker process has failed to exit gracefully ... likely caused by tests leaking due to
 * improper teardown". The `exit` event only comes once the OS has torn the process down, and a
 * worker that ran the n8n engine tests holds 350-600 MB: on the 2-core machine at load ~15 that
 * teardown alone took 300-1,100 ms, even for a process killed with SIGKILL, while jest's own event
 * loop was on time (measured for this issue). The warning then reports a busy machine, not a leak.
 *
 * jest 30.4 made the delay a setting (`workerGracefulExitTimeout`). Until the suite moves to jest 30,
 * the run's globalSetup (in jest's own process, before the workers start) gives jest 29's worker
 * pool the same setting. A worker kept alive by a leaked handle never exits by itself, so it is
 * still killed and still reported, only after the grace instead of after 500 ms.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Measured exits (END to exit event) on the 2-core machine: 20-50 ms quiet, up to 2.3 s for a 500 MB
 * worker at load ~20; at the end of a full run each worker holds 1.1-1.3 GB. A worker that has not
 * exited after 30 s is not slow, it is held.
 */
export const WORKER_EXIT_GRACE_MS = 30_000;

const CHILD_MESSAGE_END = 2; // jest-worker's types.CHILD_MESSAGE_END

interface PoolWorker {
	send(request: unknown[], onStart: () => void, onEnd: () => void, onCustomMessage: () => void): void;
	waitForExit(): Promise<void>;
	forceExit(): void;
}

interface WorkerPool {
	getWorkers(): PoolWorker[];
}

interface WorkerPoolPrototype {
	end(this: WorkerPool): Promise<{ forceExited: boolean }>;
}

const nothing = (): void => undefined;

/** The jest-worker jest-runner uses (the one that runs the test files), and its version. */
function jestWorkerOfRunner(): { dir: string; version: string } {
	const runnerDir = dirname(require.resolve('jest-runner/package.json'));
	const manifest = require.resolve('jest-worker/package.json', { paths: [runnerDir] });
	const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
	return { dir: dirname(manifest), version };
}

function workerPoolPrototype(): WorkerPoolPrototype {
	const { dir, version } = jestWorkerOfRunner();
	if (!version.startsWith('29.')) {
		throw new Error(
			`test/support/workerExitGrace.ts fills a gap of jest-worker 29, but jest-runner uses jest-worker ${version}. ` +
				`From jest 30.4 on, set workerGracefulExitTimeout: ${WORKER_EXIT_GRACE_MS} in jest.config.js and delete this file.`,
		);
	}
	// `require` itself: in jest's process it is Node's, the module cache jest-runner loads the pool
	// from; in a test file it is that file's module registry (workerExitGrace.test.ts).
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const pool = require(join(dir, 'build', 'base', 'BaseWorkerPool.js')) as { default?: { prototype?: Partial<WorkerPoolPrototype> } };
	const prototype = pool.default?.prototype;
	if (typeof prototype?.end !== 'function') throw new Error(`jest-worker ${version}: base/BaseWorkerPool.js no longer has an end() to adjust`);
	return prototype as WorkerPoolPrototype;
}

async function endWorker(worker: PoolWorker, graceMs: number): Promise<boolean> {
	worker.send([CHILD_MESSAGE_END, false], nothing, nothing, nothing);
	let timer: NodeJS.Timeout | undefined;
	const exitedByItself = await Promise.race([
		worker.waitForExit().then(() => true),
		new Promise<boolean>((resolve) => {
			timer = setTimeout(() => resolve(false), graceMs);
		}),
	]);
	clearTimeout(timer);
	if (exitedByItself) return false;
	worker.forceExit();
	await worker.waitForExit();
	return true;
}

/**
 * From now on, a jest-worker pool's end() gives each worker graceMs (not 500 ms) to exit by itself
 * before killing it and reporting it as force exited. Same as jest 29's end() otherwise.
 */
export function allowWorkerExitGrace(graceMs: number = WORKER_EXIT_GRACE_MS): void {
	const prototype = workerPoolPrototype();
	prototype.end = async function end(this: WorkerPool): Promise<{ forceExited: boolean }> {
		const forced = await Promise.all(this.getWorkers().map((worker) => endWorker(worker, graceMs)));
		return { forceExited: forced.includes(true) };
	};
}
