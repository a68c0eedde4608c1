/**
 * The jest environment makes a worker leave as soon as jest-worker tells it the run is over, instead
 * of waiting for a natural exit (test/support/promptWorkerExit.ts; issue 18, "a worker that fails to
 * exit"). The stand-in worker holds a timer that would keep it alive: with the hook it exits 0 on the
 * end message, without it it is still running and has to be killed.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const END_MESSAGE = [2];

async function runWorker(prompt: boolean): Promise<{ code: number | null; killedByUs: boolean }> {
	const child = fork(join(ROOT, 'scripts', 'run-ts.js'), ['test/support/fixtures/workerAtEnd.ts', ...(prompt ? ['--prompt'] : [])], { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
	await new Promise<void>((resolve, reject) => {
		child.once('message', () => resolve());
		child.once('error', reject);
	});
	let killedByUs = false;
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	child.send(END_MESSAGE);
	// A worker that is still there after 5 s is not leaving by itself (the hook's exit is immediate).
	const guard = setTimeout(() => {
		killedByUs = true;
		child.kill('SIGKILL');
	}, 5000);
	const code = await exited;
	clearTimeout(guard);
	return { code, killedByUs };
}

it('a worker with the hook exits with code 0 when the end message arrives, though a timer would keep it alive', async () => {
	expect(await runWorker(true)).toEqual({ code: 0, killedByUs: false });
});

it('the same worker without the hook does not leave (the stand-in really holds the process)', async () => {
	expect(await runWorker(false)).toEqual({ code: null, killedByUs: true });
});
