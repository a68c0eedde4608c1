/**
 * (a) Posting bills and journal entries from n8n items: our node in the real n8n engine versus one
 * request per item (hand-built XML, and the official SDK's execute) and the SDK's executeBatch.
 * Every run gets a fresh sandbox (by default in its own process, bench/sandboxProcess.ts), so every
 * client starts cold (it must sign in: the floor's "1"). Requests, the most in flight at once and
 * the stored documents are read from the sandbox's admin endpoints after the run; the benchmark
 * process's own CPU time during the run is the client's (with an out-of-process sandbox).
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { setFastReads } from '../fastReads';
import { PACKAGE_ROOT, packageNode, runWorkflow, sandboxCredentialValues } from '../../test/support/harness';
import { discoverMasterDataOver, startBenchSandbox, type BenchSandbox } from '../benchSandbox';
import { writeFloor } from '../floor';
import { billCreateParameters, journalEntryCreateParameters, NODE_NAME } from '../../test/support/nodeWorkflows';
import type { BenchOptions } from '../options';
import { makeBills, makeJournalEntries, type BenchBill, type BenchJournalEntry } from '../payloads';
import type { WriteMeasurement } from '../results';
import type { MasterData } from '../../test/support/sandboxModel';
import { timedWithCpu } from '../stats';
import { REST_NODE_WRITES, REST_NODE_WRITES_SINGLE, restCredentialValues, restNode, restTransactions } from './restNode';
import { naivePostBills, naivePostJournalEntries, type NaiveResult } from './naiveLoop';
import { sdkBill, sdkExecuteBatches, sdkExecuteEach, sdkJournalEntry, sdkSessionClient } from './sdkClient';

type Documents = WriteMeasurement['documents'];

interface RunOutcome {
	ms: number;
	/** CPU time (user + system) of this process during the run. */
	cpuMs: number;
	/** From the start of the run to the sandbox receiving its first request, and from its last answer
	 * to the end of the run (ms; epoch-ms clocks of the same machine, so ±1 ms). */
	beforeFirstMs: number;
	afterLastMs: number;
	/** The sandbox's handling time beyond the configured latency, summed over the requests. */
	sandboxMs: number;
	requests: number;
	/** Functions the sandbox ran: one API transaction each (a sign-in, a read, a one-document write). */
	transactions: number;
	maxInFlight: number;
	posted: number;
	failed: number;
	firstFailure?: string;
}

interface Contender {
	client: string;
	/** Documents per run (a sample for the slow per-item loops). */
	items: number;
	batchSize: number;
	concurrency: number;
	run(sandbox: BenchSandbox, master: MasterData, runId: string): Promise<NaiveResult>;
	/** API transactions when the sandbox's function counters do not give them (REST: restNode.ts). */
	transactions?(functions: Record<string, number>, posted: number): number;
}

let runCounter = 0;

/** Documents of this run, and how many of them the sandbox holds afterwards. */
function documentsFor(documents: Documents, count: number, master: MasterData, runId: string) {
	if (documents === 'bills') {
		const bills = makeBills(count, master, runId);
		return { bills, entries: [] as BenchJournalEntry[], stored: (s: BenchSandbox) => s.count('APBILL', `RECORDID like 'BENCH-${runId}-B%'`) };
	}
	const entries = makeJournalEntries(count, master, runId);
	return { bills: [] as BenchBill[], entries, stored: (s: BenchSandbox) => s.count('GLBATCH', `REFERENCENO like 'BENCH-${runId}-J%'`) };
}

async function measureOnce(sandbox: BenchSandbox, master: MasterData, contender: Contender, documents: Documents): Promise<RunOutcome> {
	const runId = `${process.pid}x${++runCounter}`;
	await sandbox.resetStats();
	const { value, ms, cpuMs, startedAt, endedAt } = await timedWithCpu(() => contender.run(sandbox, master, runId));
	const { requests, maxInFlight, firstRequestAt, lastAnsweredAt, handlingMs, functions } = await sandbox.stats();
	const sandboxMs = Math.max(0, handlingMs - requests * sandbox.latencyMs);
	const stored = await documentsFor(documents, 0, master, runId).stored(sandbox);
	const transactions = contender.transactions ? contender.transactions(functions, stored) : Object.values(functions).reduce((n, count) => n + count, 0);
	const beforeFirstMs = firstRequestAt === null ? NaN : Math.max(0, firstRequestAt - startedAt);
	const afterLastMs = lastAnsweredAt === null ? NaN : Math.max(0, endedAt - lastAnsweredAt);
	return { ms, cpuMs, beforeFirstMs, afterLastMs, sandboxMs, requests, transactions, maxInFlight, posted: stored, failed: value.failed, firstFailure: value.firstFailure };
}

/** The node runs from dist/, whose client has its own module-level session cache: clear it, so every
 * run signs in (each run has a fresh sandbox on a new port anyway). */
export function clearBuiltSessionCache(): void {
	const load = createRequire(path.join(PACKAGE_ROOT, 'package.json'));
	(load('./dist/nodes/shared/intacct/client/sessionCache.js') as { clearSessionCache(): void }).clearSessionCache();
}

/** n8n items as an upstream node hands them over: each carries its own document (lines included)
 * and its pairing to the input item. */
function asItems(documents: Array<BenchBill | BenchJournalEntry>): Array<{ json: IDataObject; pairedItem: { item: number } }> {
	return documents.map((doc, item) => ({ json: JSON.parse(JSON.stringify(doc)) as IDataObject, pairedItem: { item } }));
}

function contenders(documents: Documents, options: BenchOptions): Contender[] {
	const login = (s: BenchSandbox) => s.credentials;
	const docs = (master: MasterData, runId: string, count: number) => documentsFor(documents, count, master, runId);
	const nodeRunWith = (fastReads: boolean): Contender['run'] => async (sandbox, master, runId) => {
		const { bills, entries } = docs(master, runId, options.items);
		const items = asItems(documents === 'bills' ? bills : entries);
		clearBuiltSessionCache();
		const parameters = documents === 'bills' ? billCreateParameters(options.batchSize) : journalEntryCreateParameters(options.batchSize);
		setFastReads(fastReads);
		let result: Awaited<ReturnType<typeof runWorkflow>>;
		try {
			result = await runWorkflow(
				{ nodes: [packageNode('sageIntacct', NODE_NAME, parameters)] },
				{ credentials: sandboxCredentialValues({ ...sandbox.credentials }), inputItems: items },
			);
		} finally {
			setFastReads(true);
		}
		const output = result.json(NODE_NAME);
		const failed = output.filter((j) => j.error !== undefined).length + (result.error ? items.length - output.length : 0);
		return { posted: output.length - failed, failed, firstFailure: result.error?.message ?? (output.find((j) => j.error)?.error as string | undefined) };
	};
	const naiveRun: Contender['run'] = async (sandbox, master, runId) => {
		const { bills, entries } = docs(master, runId, options.baselineItems);
		return documents === 'bills'
			? await naivePostBills(sandbox.url, login(sandbox), bills)
			: await naivePostJournalEntries(sandbox.url, login(sandbox), entries);
	};
	const sdkFunctions = (master: MasterData, runId: string, count: number) => {
		const { bills, entries } = docs(master, runId, count);
		return documents === 'bills' ? bills.map((b, i) => sdkBill(b, `bill-${i}`)) : entries.map((e, i) => sdkJournalEntry(e, `je-${i}`));
	};
	// The same node, parameters and documents over the REST wire (bench/scenarios/restNode.ts).
	const restNodeRun = (keyedCreates: 'composite' | 'single', count: number): Contender['run'] => async (sandbox, master, runId) => {
		const { bills, entries } = docs(master, runId, count);
		const items = asItems(documents === 'bills' ? bills : entries);
		const parameters = documents === 'bills' ? billCreateParameters(options.batchSize) : journalEntryCreateParameters(options.batchSize);
		const result = await runWorkflow({ nodes: [restNode(parameters)] }, { credentials: restCredentialValues(sandbox, keyedCreates), inputItems: items });
		const output = result.json(NODE_NAME);
		const failed = output.filter((j) => j.error !== undefined).length + (result.error ? items.length - output.length : 0);
		return { posted: output.length - failed, failed, firstFailure: result.error?.message ?? (output.find((j) => j.error)?.error as string | undefined) };
	};
	return [
		{ client: 'our node in the n8n engine', items: options.items, batchSize: options.batchSize, concurrency: options.concurrency, run: nodeRunWith(true) },
		// The same node with its fast parameter reads off: n8n evaluates every expression of every item (issue 16, docs/benchmarks-cost.md).
		{ client: "same node, every parameter read by n8n's getNodeParameter (fast reads off)", items: options.items, batchSize: options.batchSize, concurrency: options.concurrency, run: nodeRunWith(false) },
		{ client: REST_NODE_WRITES, items: options.items, batchSize: options.batchSize, concurrency: options.concurrency, run: restNodeRun('composite', options.items), transactions: restTransactions },
		// The credential's way back (one request per keyed document), at the per-item baselines' size.
		{ client: REST_NODE_WRITES_SINGLE, items: options.baselineItems, batchSize: 1, concurrency: options.concurrency, run: restNodeRun('single', options.baselineItems), transactions: restTransactions },
		{ client: 'naive per-item loop (HTTP Request-style)', items: options.baselineItems, batchSize: 1, concurrency: 1, run: naiveRun },
		{
			client: 'official SDK, execute per item',
			items: options.baselineItems,
			batchSize: 1,
			concurrency: 1,
			run: async (sandbox, master, runId) =>
				await sdkExecuteEach(await sdkSessionClient(sandbox.url, login(sandbox)), sdkFunctions(master, runId, options.baselineItems)),
		},
		{
			client: `official SDK, executeBatch (${options.batchSize} per request, ${options.concurrency} in flight)`,
			items: options.items,
			batchSize: options.batchSize,
			concurrency: options.concurrency,
			run: async (sandbox, master, runId) =>
				await sdkExecuteBatches(
					await sdkSessionClient(sandbox.url, login(sandbox)),
					sdkFunctions(master, runId, options.items),
					options.batchSize,
					options.concurrency,
				),
		},
	];
}

/**
 * One sandbox per document type serves every contender and run, like one remote gateway would: it
 * is warmed first by a tiny run of every contender (which also loads the built package and warms
 * this process's JIT; not recorded). Runs never share a session (every client signs in, the node's
 * session cache is cleared) nor documents (bill numbers and references carry the run's ID).
 */
async function withSandbox<T>(options: BenchOptions, documents: Documents, use: (sandbox: BenchSandbox, master: MasterData) => Promise<T>): Promise<T> {
	const sandbox = await startBenchSandbox({ mode: options.sandbox, latencyMs: options.latencyMs, concurrency: options.concurrency });
	try {
		const master = await discoverMasterDataOver(sandbox);
		const tiny = { ...options, items: 2, baselineItems: 2 };
		for (const contender of contenders(documents, tiny)) {
			const warm = await measureOnce(sandbox, master, contender, documents);
			if (warm.failed > 0 || warm.posted !== 2) throw new Error(`warm-up ${documents} / ${contender.client}: ${warm.posted} stored, ${warm.failed} failed (${warm.firstFailure ?? 'no message'})`);
		}
		return await use(sandbox, master);
	} finally {
		await sandbox.close();
	}
}

export async function runWriteBenchmarks(options: BenchOptions, progress: (line: string) => void): Promise<WriteMeasurement[]> {
	const measurements: WriteMeasurement[] = [];
	for (const documents of ['bills', 'journal entries'] as const) {
		await withSandbox(options, documents, async (sandbox, master) => {
			progress(`${documents}: sandbox ${sandbox.mode === 'process' ? 'in its own process' : 'in this process'} at ${sandbox.url}, warmed up`);
			for (const contender of contenders(documents, options)) {
				const runs: RunOutcome[] = [];
				for (let r = 0; r < options.runs; r++) {
					const outcome = await measureOnce(sandbox, master, contender, documents);
					progress(
						`${documents} / ${contender.client}: run ${r + 1}: ${outcome.ms.toFixed(0)} ms (client CPU ${outcome.cpuMs.toFixed(0)} ms; ` +
						`${outcome.beforeFirstMs.toFixed(0)} ms before the first request, ${outcome.afterLastMs.toFixed(0)} ms after the last answer; ` +
						`sandbox work ${outcome.sandboxMs.toFixed(0)} ms), ` +
							`${outcome.requests} requests, ${outcome.transactions} API transactions (max ${outcome.maxInFlight} in flight), ${outcome.posted} stored, ${outcome.failed} failed`,
					);
					runs.push(outcome);
				}
				const last = runs[runs.length - 1];
				measurements.push({
					client: contender.client,
					documents,
					items: contender.items,
					runsMs: runs.map((r) => r.ms),
					cpuMsRuns: runs.map((r) => r.cpuMs),
					beforeFirstMsRuns: runs.map((r) => r.beforeFirstMs),
					afterLastMsRuns: runs.map((r) => r.afterLastMs),
					sandboxMsRuns: runs.map((r) => r.sandboxMs),
					requests: last.requests,
					transactions: last.transactions,
					maxInFlight: Math.max(...runs.map((r) => r.maxInFlight)),
					posted: last.posted,
					failed: last.failed,
					firstFailure: runs.find((r) => r.firstFailure)?.firstFailure,
					// The floor of the full scenario size: sampled loops are reported scaled to it.
					floor: writeFloor(options.items, contender.batchSize, contender.concurrency, options.latencyMs),
					extrapolatedTo: contender.items < options.items ? options.items : undefined,
				});
			}
		});
	}
	return measurements;
}
