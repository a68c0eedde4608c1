/**
 * The sandbox in its own process, for the timing scenarios: the client and the node then pay their
 * own CPU only, as against a remote Intacct gateway (an in-process sandbox parses requests, posts
 * documents and renders answers on the benchmark's own event loop, inside the measured time).
 *
 * sandbox/cli.ts is bundled once per benchmark process (esbuild, node_modules external, like
 * scripts/run-ts.js but to its own file, so a concurrent `npm run sandbox` cannot race on it) and
 * started with `--port 0 --quiet --stop-on-stdin-end`; the URL comes from its "listening on" line and
 * it is ready once it prints "Press Ctrl-C". Counters and record counts are read through the admin
 * endpoints (/__sandbox/..., docs/sandbox.md). close() sends SIGTERM; the stdin pipe takes the child
 * down if this process dies without closing it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { buildSync } from 'esbuild';

import { PACKAGE_ROOT } from '../test/support/harness';

let bundled: string | undefined;

function sandboxBundle(): string {
	if (bundled) return bundled;
	const dir = path.join(PACKAGE_ROOT, '.cache', 'bench');
	fs.mkdirSync(dir, { recursive: true });
	const outfile = path.join(dir, 'sandbox-cli.js');
	const temp = path.join(dir, `sandbox-cli.${process.pid}.tmp.js`);
	buildSync({
		entryPoints: [path.join(PACKAGE_ROOT, 'sandbox', 'cli.ts')],
		outfile: temp,
		bundle: true,
		platform: 'node',
		target: 'node20',
		packages: 'external',
		logLevel: 'warning',
	});
	fs.renameSync(temp, outfile);
	bundled = outfile;
	return outfile;
}

export interface SandboxProcessOptions {
	latencyMs: number;
	concurrency?: number;
	glEntries?: number;
	/** Give up waiting for the ready line after this long (100,000 GL entries take a while to generate). */
	startTimeoutMs?: number;
}

export interface SandboxProcess {
	/** http://127.0.0.1:<port>/ia/xml/xmlgw.phtml */
	url: string;
	pid: number;
	close(): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.once('exit', () => {
		for (const child of live) child.kill('SIGKILL');
	});
}

export async function startSandboxProcess(options: SandboxProcessOptions): Promise<SandboxProcess> {
	const args = [sandboxBundle(), '--port', '0', '--quiet', '--stop-on-stdin-end', '--latency', String(options.latencyMs)];
	if (options.concurrency !== undefined) args.push('--concurrency', String(options.concurrency));
	if (options.glEntries !== undefined) args.push('--gl-entries', String(options.glEntries));
	const child = spawn(process.execPath, args, { cwd: PACKAGE_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
	live.add(child);
	installExitHook();
	let output = '';
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	child.once('exit', () => live.delete(child));
	const url = await new Promise<string>((resolve, reject) => {
		const timeoutMs = options.startTimeoutMs ?? 300_000;
		const timer = setTimeout(() => fail(new Error(`the sandbox process did not get ready within ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
		const fail = (error: Error): void => {
			clearTimeout(timer);
			child.kill('SIGKILL');
			reject(error);
		};
		const onData = (chunk: Buffer): void => {
			output += chunk.toString();
			if (!/Press Ctrl-C/.test(output)) return;
			const found = /listening on (\S+)/.exec(output)?.[1];
			clearTimeout(timer);
			child.stdout?.off('data', onData);
			if (found) resolve(found);
			else fail(new Error(`the sandbox process printed no URL:\n${output}`));
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.once('exit', (code) => fail(new Error(`the sandbox process exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
		child.once('error', fail);
	});
	// Keep draining its output (an unread pipe would block it once full), and stop keeping this process alive.
	child.stdout?.resume();
	child.stderr?.resume();
	let closing: Promise<void> | undefined;
	return {
		url,
		pid: child.pid ?? -1,
		close: () =>
			(closing ??= (async () => {
				if (child.exitCode !== null || child.signalCode !== null) return;
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
				await exited;
				clearTimeout(timer);
			})()),
	};
}
