/**
 * (a) Posting bills and journal entries from n8n items: our node in the real n8n engine versus one
 * request per item (hand-built XML, and the official SDK's execute) and the SDK's executeBatch.
 * Every run gets a fresh sandbox, so every client starts cold (it must sign in: the floor's "1").
 */
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox/api';
import { packageNode, runWorkflow, sandboxCredentialValues } from '../../test/harness';
import { writeFloor } from '../floor';
import { billCreateParameters, journalEntryCreateParameters, NODE_NAME } from '../nodeWorkflows';
import type { BenchOptions } from '../options';
import { makeBills, makeJournalEntries, type BenchBill, type BenchJournalEntry } from '../payloads';
import type { WriteMeasurement } from '../results';
import { discoverMasterData, modelCount, type MasterData } from '../sandboxModel';
import { timed } from '../stats';
import { naivePostBills, naivePostJournalEntries, type NaiveResult } from './naiveLoop';
import { sdkBill, sdkExecuteBatches, sdkExecuteEach, sdkJournalEntry, sdkSessionClient } from './sdkClient';

type Documents = WriteMeasurement['documents'];

interface RunOutcome {
	ms: number;
	requests: number;
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
	run(sandbox: Sandbox, master: MasterData, runId: string): Promise<NaiveResult>;
}

let runCounter = 0;

/** Documents of this run, and how many of them the sandbox holds afterwards. */
function documentsFor(documents: Documents, count: number, master: MasterData, runId: string) {
	if (documents === 'bills') {
		const bills = makeBills(count, master, runId);
		return { bills, entries: [] as BenchJournalEntry[], stored: (s: Sandbox) => modelCount(s, 'APBILL', `RECORDID like 'BENCH-${runId}-B%'`) };
	}
	const entries = makeJournalEntries(count, master, runId);
	return { bills: [] as BenchBill[], entries, stored: (s: Sandbox) => modelCount(s, 'GLBATCH', `REFERENCENO like 'BENCH-${runId}-J%'`) };
}

async function measureOnce(contender: Contender, documents: Documents, options: BenchOptions): Promise<RunOutcome> {
	const sandbox = await startSandbox({ port: 0, latencyMs: options.latencyMs, concurrency: options.concurrency });
	try {
		const master = discoverMasterData(sandbox);
		const runId = `${process.pid}x${++runCounter}`;
		sandbox.stats.reset();
		const { value, ms } = await timed(() => contender.run(sandbox, master, runId));
		const requests = sandbox.stats.requests;
		const stored = documentsFor(documents, 0, master, runId).stored(sandbox);
		return { ms, requests, posted: stored, failed: value.failed, firstFailure: value.firstFailure };
	} finally {
		await sandbox.close();
	}
}

function contenders(documents: Documents, options: BenchOptions): Contender[] {
	const login = (s: Sandbox) => s.credentials;
	const docs = (master: MasterData, runId: string, count: number) => documentsFor(documents, count, master, runId);
	const nodeRun: Contender['run'] = async (sandbox, master, runId) => {
		const { bills, entries } = docs(master, runId, options.items);
		const items = (documents === 'bills' ? bills : entries).map((doc) => ({ json: JSON.parse(JSON.stringify(doc)) }));
		const parameters = documents === 'bills' ? billCreateParameters(options.batchSize) : journalEntryCreateParameters(options.batchSize);
		const result = await runWorkflow(
			{ nodes: [packageNode('sageIntacct', NODE_NAME, parameters)] },
			{ credentials: sandboxCredentialValues({ ...sandbox.credentials }), inputItems: items },
		);
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
	return [
		{ client: 'our node in the n8n engine', items: options.items, batchSize: options.batchSize, concurrency: options.concurrency, run: nodeRun },
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

/** Loads the built package and warms the JIT with a tiny run of each write, so the first measured
 * run is not also the process's cold start (not recorded). */
async function warmUp(options: BenchOptions): Promise<void> {
	const tiny = { ...options, items: 2, baselineItems: 2, latencyMs: 0 };
	for (const documents of ['bills', 'journal entries'] as const) await measureOnce(contenders(documents, tiny)[0], documents, tiny);
}

export async function runWriteBenchmarks(options: BenchOptions, progress: (line: string) => void): Promise<WriteMeasurement[]> {
	const measurements: WriteMeasurement[] = [];
	await warmUp(options);
	for (const documents of ['bills', 'journal entries'] as const) {
		for (const contender of contenders(documents, options)) {
			const runs: RunOutcome[] = [];
			for (let r = 0; r < options.runs; r++) {
				const outcome = await measureOnce(contender, documents, options);
				progress(`${documents} / ${contender.client}: run ${r + 1}: ${outcome.ms.toFixed(0)} ms, ${outcome.requests} requests, ${outcome.posted} stored, ${outcome.failed} failed`);
				runs.push(outcome);
			}
			const last = runs[runs.length - 1];
			measurements.push({
				client: contender.client,
				documents,
				items: contender.items,
				runsMs: runs.map((r) => r.ms),
				requests: last.requests,
				posted: last.posted,
				failed: last.failed,
				firstFailure: runs.find((r) => r.firstFailure)?.firstFailure,
				// The floor of the full scenario size: sampled loops are reported scaled to it.
				floor: writeFloor(options.items, contender.batchSize, contender.concurrency, options.latencyMs),
				extrapolatedTo: contender.items < options.items ? options.items : undefined,
			});
		}
	}
	return measurements;
}
