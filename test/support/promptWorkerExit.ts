/**
 * jest-worker gives a worker process 500 ms to exit after it is told the run is over (its "end"
 * message), then kills it and prints "A worker process has failed to exit gracefully ... tests
 * leaking due to improper teardown". Measured here (issue 18): at every test file's teardown the
 * only open handles are the worker's IPC and stdio pipes, and the worker's `exit` event fires 1 ms
 * after "end", yet on a loaded 2-core machine the warning still came (2 of 2 runs with the 100k GL
 * entry test, whose worker holds ~500 MB): a natural exit frees the whole heap before the process
 * ends, and that teardown is what overran. Nothing is left to do once "end" arrives (results are
 * sent, stdout/stderr pipes write synchronously on Linux), so the worker exits at once.
 */
const END_MESSAGE = 2; // jest-worker's CHILD_MESSAGE_END
const INSTALLED = Symbol.for('sage-intacct.prompt-worker-exit');

export function exitPromptlyAtEnd(): void {
	const host = process as NodeJS.Process & { [INSTALLED]?: true };
	if (host[INSTALLED] || typeof process.send !== 'function') return;
	host[INSTALLED] = true;
	const onMessage = (message: unknown): void => {
		if (!Array.isArray(message) || message[0] !== END_MESSAGE) return;
		process.removeListener('message', onMessage);
		// After jest-worker's own handler (teardown, then it stops listening) has run.
		setImmediate(() => process.exit(process.exitCode ?? 0));
	};
	process.on('message', onMessage);
}
