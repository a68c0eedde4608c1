/**
 * Helpers to drive a real n8n CLI from the checks: the environment of an isolated instance
 * (docs/e2e.md), `n8n execute --id --rawOutput` with output parsing, and HTTP calls with timeouts.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpCall, type HttpCall } from './http';

export interface N8nInstance {
	/** Folder holding node_modules/.bin/n8n (an e2e runtime in .cache). */
	runtimeDir: string;
	/** N8N_USER_FOLDER */
	userFolder: string;
	/** Major version (1 or 2): 1.x rejects some 2.x-only settings. */
	major: number;
	port: number;
	brokerPort: number;
	encryptionKey: string;
}

/** The environment of an isolated instance (shared by bash through e2e/lib/env.sh, keep in step). */
export function n8nEnv(instance: N8nInstance): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		N8N_USER_FOLDER: instance.userFolder,
		N8N_ENCRYPTION_KEY: instance.encryptionKey,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(instance.port),
		N8N_RUNNERS_BROKER_PORT: String(instance.brokerPort),
		DB_TYPE: 'sqlite',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: 'warn',
	};
	if (instance.major >= 2) env.N8N_DISABLED_MODULES = 'mcp-registry';
	return env;
}

export function n8nBin(instance: N8nInstance): string {
	return join(instance.runtimeDir, 'node_modules', '.bin', 'n8n');
}

export interface CliResult {
	status: number | null;
	stdout: string;
	stderr: string;
	ms: number;
}

/**
 * Runs an n8n CLI command to completion. Output goes to files, not pipes: n8n ends with
 * process.exit(), which drops whatever a pipe has not taken yet (a large run JSON arrives truncated).
 */
export function runCli(instance: N8nInstance, args: string[], timeoutMs = 180_000): CliResult {
	const dir = mkdtempSync(join(tmpdir(), 'n8n-cli-'));
	const outFile = join(dir, 'stdout');
	const errFile = join(dir, 'stderr');
	const out = openSync(outFile, 'w');
	const err = openSync(errFile, 'w');
	const start = Date.now();
	try {
		// Log level info: on failure `n8n execute` prints the run (with the error) only as info logs.
		const r = spawnSync(n8nBin(instance), args, { env: { ...n8nEnv(instance), N8N_LOG_LEVEL: 'info' }, stdio: ['ignore', out, err], timeout: timeoutMs, killSignal: 'SIGKILL' });
		return { status: r.status, stdout: readFileSync(outFile, 'utf8'), stderr: readFileSync(errFile, 'utf8'), ms: Date.now() - start };
	} finally {
		closeSync(out);
		closeSync(err);
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The run JSON that `n8n execute --rawOutput` prints after its log lines: from the first line that is exactly `{`. */
export function parseRunOutput(stdout: string): unknown {
	const lines = stdout.split('\n');
	const start = lines.findIndex((l) => l.trimEnd() === '{');
	if (start < 0) throw new Error(`no run JSON in n8n output:\n${stdout.slice(-2000)}`);
	const rest = lines.slice(start).join('\n');
	// Anything after the JSON (rare trailing log lines) is cut at the matching closing brace.
	try {
		return JSON.parse(rest) as unknown;
	} catch {
		const end = lines.findIndex((l, i) => i > start && l.trimEnd() === '}');
		return JSON.parse(lines.slice(start, end + 1).join('\n')) as unknown;
	}
}

export interface NodeRun {
	json: Record<string, unknown>[];
	binary: Record<string, unknown>[];
	error?: unknown;
}

interface RunDataEntry {
	data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, unknown> }> | null> };
	error?: unknown;
}

/** Output items of a node's last run (all outputs concatenated), from the run JSON. */
export function nodeOutput(run: unknown, nodeName: string): NodeRun {
	const runData = (run as { data?: { resultData?: { runData?: Record<string, RunDataEntry[]> } } }).data?.resultData?.runData ?? {};
	const entries = runData[nodeName];
	if (entries === undefined || entries.length === 0) throw new Error(`node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ')})`);
	const last = entries[entries.length - 1];
	const items = (last.data?.main ?? []).flatMap((o) => o ?? []);
	return { json: items.map((i) => i.json), binary: items.map((i) => i.binary ?? {}), error: last.error };
}

export function runError(run: unknown): unknown {
	return (run as { data?: { resultData?: { error?: unknown } } }).data?.resultData?.error;
}

export interface ExecuteResult {
	run: unknown;
	ms: number;
	status: number | null;
}

/** `n8n execute --id=<id> --rawOutput`; throws with the log tail when the run failed. */
export function executeWorkflow(instance: N8nInstance, workflowId: string): ExecuteResult {
	const r = runCli(instance, ['execute', `--id=${workflowId}`, '--rawOutput']);
	let run: unknown;
	try {
		run = parseRunOutput(r.stdout);
	} catch (error) {
		throw new Error(`n8n execute --id=${workflowId} exited ${r.status} without run JSON\n--- stdout ---\n${r.stdout.slice(-3000)}\n--- stderr ---\n${r.stderr.slice(-3000)}`, { cause: error });
	}
	const err = runError(run);
	if (r.status !== 0 || err !== undefined) {
		throw new Error(`n8n execute --id=${workflowId} failed (exit ${r.status}): ${JSON.stringify(err ?? {}).slice(0, 2000)}\n${r.stderr.slice(-2000)}`);
	}
	return { run, ms: r.ms, status: r.status };
}

export async function httpJson(url: string, init: HttpCall = {}): Promise<{ status: number; body: unknown }> {
	const response = await httpCall(url, init);
	let body: unknown = response.text;
	try {
		body = JSON.parse(response.text) as unknown;
	} catch {
		/* not JSON */
	}
	return { status: response.status, body };
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

/** The e2e suite's owner account (test-only values). */
export const E2E_OWNER: OwnerAccount = { email: 'e2e-owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-Owner-Passw0rd' };

/** POST /rest/owner/setup (both 1.x and 2.x); an instance that already has an owner is fine. */
export async function ownerSetup(baseUrl: string, owner: OwnerAccount): Promise<void> {
	const r = await httpJson(`${baseUrl}/rest/owner/setup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(owner), timeoutMs: 30_000 });
	if (r.status === 200) return;
	// Already set up (a re-run on the same user folder): signing in below proves the account works.
	if (r.status === 400 && JSON.stringify(r.body).toLowerCase().includes('already')) return;
	throw new Error(`owner setup: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
}

