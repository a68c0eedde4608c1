/**
 * The sandbox as the benchmarks see it, wherever it runs: its URL and credentials, its request
 * counters and record counts (through the admin endpoints, /__sandbox/..., so the same code serves a
 * sandbox in another process and one in this process), and the master data documents refer to.
 *
 *   'process'    (default for `npm run bench`): a child process (bench/sandboxProcess.ts), so the
 *                client and node CPU is measured like against a remote gateway.
 *   'in-process' (the test/bench smoke test): startSandbox() here; quicker to start, but its work
 *                shares this event loop and lands in the measured wall time.
 */
import { startSandbox } from '../sandbox';
import type { SandboxCredentials } from '../sandbox/api';
import { SANDBOX_LOGIN, type RenderRecord } from '../sandbox/model/contract';
import type { MasterData } from '../test/support/sandboxModel';
import { startSandboxProcess } from './sandboxProcess';

export type SandboxMode = 'process' | 'in-process';
export const SANDBOX_MODES: readonly SandboxMode[] = ['process', 'in-process'];

export interface AdminStats {
	requests: number;
	functions: Record<string, number>;
	inFlight: number;
	maxInFlight: number;
	/** Epoch ms of the first request since the last reset / of the latest answer (null: none). */
	firstRequestAt: number | null;
	lastAnsweredAt: number | null;
	/** Arrival to answer, summed over the requests since the last reset (ms, latency included). */
	handlingMs: number;
}

export interface BenchSandbox {
	mode: SandboxMode;
	/** The latency it adds to every gateway request (ms). */
	latencyMs: number;
	url: string;
	credentials: SandboxCredentials;
	stats(): Promise<AdminStats>;
	resetStats(): Promise<void>;
	/** readByQuery totalcount of `object` matching `query`, straight from the model (not counted in stats). */
	count(object: string, query?: string): Promise<number>;
	records(object: string, options?: { query?: string; fields?: string; pageSize?: number }): Promise<RenderRecord[]>;
	close(): Promise<void>;
}

export interface BenchSandboxOptions {
	mode: SandboxMode;
	latencyMs: number;
	concurrency?: number;
	glEntries?: number;
}

function adminClient(url: string) {
	const base = url.replace(/\/ia\/xml\/xmlgw\.phtml$/, '') + '/__sandbox/';
	const call = async <T>(method: 'GET' | 'POST', route: string, params: Record<string, string> = {}): Promise<T> => {
		const target = new URL(route, base);
		for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
		const response = await fetch(target, { method });
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${target.pathname}: HTTP ${response.status} ${text.slice(0, 300)}`);
		return JSON.parse(text) as T;
	};
	return {
		stats: () => call<AdminStats>('GET', 'stats'),
		resetStats: async () => {
			await call('POST', 'stats/reset');
		},
		count: async (object: string, query = '') => (await call<{ count: number }>('GET', 'count', { object, query })).count,
		records: async (object: string, options: { query?: string; fields?: string; pageSize?: number } = {}) =>
			(
				await call<{ records: RenderRecord[] }>('GET', 'records', {
					object,
					query: options.query ?? '',
					fields: options.fields ?? '*',
					pagesize: String(options.pageSize ?? 1000),
				})
			).records,
	};
}

export async function startBenchSandbox(options: BenchSandboxOptions): Promise<BenchSandbox> {
	let url: string;
	let close: () => Promise<void>;
	if (options.mode === 'process') {
		const child = await startSandboxProcess({ latencyMs: options.latencyMs, concurrency: options.concurrency, glEntries: options.glEntries });
		url = child.url;
		close = child.close;
	} else {
		const sandbox = await startSandbox({ port: 0, latencyMs: options.latencyMs, concurrency: options.concurrency, glEntryTarget: options.glEntries });
		url = sandbox.url;
		close = sandbox.close;
	}
	const credentials: SandboxCredentials = {
		companyId: SANDBOX_LOGIN.companyId,
		entityId: '',
		senderId: SANDBOX_LOGIN.senderId,
		senderPassword: SANDBOX_LOGIN.senderPassword,
		userId: SANDBOX_LOGIN.userId,
		userPassword: SANDBOX_LOGIN.userPassword,
		endpointUrl: url,
	};
	return { mode: options.mode, latencyMs: options.latencyMs, url, credentials, ...adminClient(url), close };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const isActive = (r: RenderRecord): boolean => !/inactive/i.test(text(r.STATUS));
const requiresNothing = (r: RenderRecord): boolean =>
	['REQUIREDEPT', 'REQUIRELOC', 'REQUIREPROJECT', 'REQUIRECLASS'].every((f) => !/^(true|T)$/i.test(text(r[f])));

/** The same choice as sandboxModel.discoverMasterData, over the admin endpoints. */
export async function discoverMasterDataOver(sandbox: BenchSandbox): Promise<MasterData> {
	const accounts = (await sandbox.records('GLACCOUNT')).filter((r) => isActive(r) && requiresNothing(r));
	const byType = (code: RegExp) => accounts.filter((r) => code.test(text(r.ACCOUNTTYPE)));
	const expenseAccounts = byType(/^(incomestatement|I)$/i)
		.filter((r) => !/^(credit|-1)$/i.test(text(r.NORMALBALANCE)))
		.map((r) => text(r.ACCOUNTNO))
		.slice(0, 6);
	const balance = byType(/^(balancesheet|N)$/i).map((r) => text(r.ACCOUNTNO));
	const journals = (await sandbox.records('GLJOURNAL')).filter(isActive).map((r) => text(r.SYMBOL));
	const master: MasterData = {
		journal: journals.includes('GJ') ? 'GJ' : journals[0] ?? '',
		expenseAccounts,
		creditAccount: balance.find((a) => /^2/.test(a)) ?? balance[0] ?? '',
		vendorIds: (await sandbox.records('VENDOR')).filter(isActive).map((r) => text(r.VENDORID)).slice(0, 5),
		departmentIds: (await sandbox.records('DEPARTMENT')).filter(isActive).map((r) => text(r.DEPARTMENTID)).slice(0, 4),
		locationIds: (await sandbox.records('LOCATION')).filter(isActive).map((r) => text(r.LOCATIONID)).slice(0, 2),
	};
	const empty = Object.entries(master).filter(([, v]) => (Array.isArray(v) ? v.length === 0 : v === ''));
	if (empty.length > 0) throw new Error(`the sandbox company has no usable ${empty.map(([k]) => k).join(', ')}`);
	return master;
}
