/**
 * (b) Reading every GL entry (Return All): requests versus the page-size floor, wall time, peak
 * memory versus the size of what was read; and the raw answers, kept for the parsing benchmark.
 * One sandbox serves every run (generating 100,000 entries takes a while), by default in its own
 * process (bench/sandboxProcess.ts) so the memory and CPU measured here are the client's alone; the
 * client's session cache is cleared before each run so each one signs in, as the floor assumes.
 */
import { IntacctClient } from '../../nodes/shared/intacct/client/client';
import { lookup, query, readByQuery, MAX_QUERY_PAGE_SIZE, MAX_READ_BY_QUERY_PAGE_SIZE } from '../../nodes/shared/intacct/xml/functions';
import { asRecords, fieldText } from '../../nodes/shared/intacct/xml/responseReader';
import { clearSessionCache } from '../../nodes/shared/intacct/client/sessionCache';
import type { IntacctRecord } from '../../nodes/shared/intacct/core/types';
import { createNodeHttpPost } from '../../test/support/nodeHttpPost';
import { packageNode, runWorkflow, sandboxCredentialValues } from '../../test/support/harness';
import { startBenchSandbox, type BenchSandbox } from '../benchSandbox';
import { capturingPost } from '../capture';
import { readFloor } from '../floor';
import { startMemoryProbe } from '../memory';
import { NODE_NAME } from '../../test/support/nodeWorkflows';
import type { BenchOptions } from '../options';
import type { ReadMeasurement } from '../results';
import { timedWithCpu } from '../stats';
import { clearBuiltSessionCache } from './writes';
import { REST_NODE_READS, restNodeReadAll } from './restNode';
import { REST_QUERY_PAGE } from '../../nodes/shared/intacct/client/restClient';

interface ReadRun {
	ms: number;
	cpuMs: number;
	/** The sandbox's handling time beyond the latency, summed over the requests. */
	sandboxMs: number;
	requests: number;
	records: number;
	outputBytes: number;
	peakRssGrowth: number;
	peakHeapGrowth: number;
	retainedHeap: number;
}

/** readByQuery + readMore at 1,000 rows (before issue 16), or query keyset-paged at 2,000 (issue 16). */
type ReadPath = 'readByQuery' | 'query';
const PAGE_SIZES: Record<ReadPath, number> = { readByQuery: MAX_READ_BY_QUERY_PAGE_SIZE, query: MAX_QUERY_PAGE_SIZE };

function outputSize(records: unknown[]): number {
	let bytes = 0;
	for (const r of records) bytes += Buffer.byteLength(JSON.stringify(r));
	return bytes;
}

/** Our client's pages() straight (what getMany does inside the node), keeping every record. */
async function clientRead(sandbox: BenchSandbox, path: ReadPath, limit: number | undefined, keepBodies?: string[]): Promise<ReadRun> {
	clearSessionCache();
	const capture = capturingPost(createNodeHttpPost({ keepAlive: true }), (body) => keepBodies !== undefined && /<(readByQuery|readMore)>/.test(body));
	const client = new IntacctClient({ credentials: sandbox.credentials, post: capture.post });
	await sandbox.resetStats();
	const probe = startMemoryProbe();
	const records: IntacctRecord[] = [];
	const { ms, cpuMs } = await timedWithCpu(async () => {
		let fn = readByQuery({ object: 'GLENTRY', pageSize: PAGE_SIZES.readByQuery });
		if (path === 'query') {
			// query has no "all fields": one lookup for the field list, as the node does (in the time and the count).
			const type = (await client.execute(lookup('GLENTRY'))).records[0];
			const fields = asRecords(asRecords(type?.Fields)[0]?.Field).map((f) => fieldText(f.ID) ?? '');
			fn = query({ object: 'GLENTRY', select: fields, orderBy: [{ field: 'RECORDNO' }], showPrivate: true, pageSize: PAGE_SIZES.query });
		}
		for await (const page of client.pages(fn, { limit })) {
			records.push(...page);
			probe.sample();
		}
	});
	const memory = probe.stop();
	const retainedHeap = probe.retainedHeap();
	if (keepBodies) keepBodies.push(...capture.bodies);
	const { requests, handlingMs } = await sandbox.stats();
	const sandboxMs = Math.max(0, handlingMs - requests * sandbox.latencyMs);
	return { ms, cpuMs, sandboxMs, requests, records: records.length, outputBytes: outputSize(records), retainedHeap, ...memory };
}

/** glEntry / getMany through the n8n engine (items as n8n holds them). */
async function nodeRead(sandbox: BenchSandbox, limit: number | undefined): Promise<ReadRun> {
	clearBuiltSessionCache();
	await sandbox.resetStats();
	const parameters = limit === undefined ? { resource: 'glEntry', operation: 'getMany', returnAll: true } : { resource: 'glEntry', operation: 'getMany', returnAll: false, limit };
	const probe = startMemoryProbe();
	const { value, ms, cpuMs } = await timedWithCpu(() =>
		runWorkflow({ nodes: [packageNode('sageIntacct', NODE_NAME, parameters)] }, { credentials: sandboxCredentialValues({ ...sandbox.credentials }) }),
	);
	const memory = probe.stop();
	const retainedHeap = probe.retainedHeap();
	if (value.error) throw new Error(`glEntry getMany failed: ${value.error.message}`);
	const output = value.json(NODE_NAME);
	const { requests, handlingMs } = await sandbox.stats();
	const sandboxMs = Math.max(0, handlingMs - requests * sandbox.latencyMs);
	return { ms, cpuMs, sandboxMs, requests, records: output.length, outputBytes: outputSize(output), retainedHeap, ...memory };
}

/** glEntry / getMany over REST through the n8n engine (bench/scenarios/restNode.ts), measured like nodeRead. */
async function restNodeRead(sandbox: BenchSandbox, limit: number | undefined): Promise<ReadRun> {
	await sandbox.resetStats();
	const probe = startMemoryProbe();
	const { value: output, ms, cpuMs } = await timedWithCpu(() => restNodeReadAll(sandbox, limit));
	const memory = probe.stop();
	const retainedHeap = probe.retainedHeap();
	const { requests, handlingMs } = await sandbox.stats();
	const sandboxMs = Math.max(0, handlingMs - requests * sandbox.latencyMs);
	return { ms, cpuMs, sandboxMs, requests, records: output.length, outputBytes: outputSize(output), retainedHeap, ...memory };
}

function summarise(client: string, pageSize: number, total: number, latencyMs: number, runs: ReadRun[], quarter: ReadRun): ReadMeasurement {
	const peak = runs.reduce((a, b) => (b.peakHeapGrowth > a.peakHeapGrowth ? b : a));
	return {
		client,
		records: runs[0].records,
		pageSize,
		runsMs: runs.map((r) => r.ms),
		cpuMsRuns: runs.map((r) => r.cpuMs),
		sandboxMsRuns: runs.map((r) => r.sandboxMs),
		requests: runs[runs.length - 1].requests,
		floor: readFloor(total, pageSize, latencyMs),
		peakRssGrowth: peak.peakRssGrowth,
		peakHeapGrowth: peak.peakHeapGrowth,
		retainedHeap: peak.retainedHeap,
		outputBytes: peak.outputBytes,
		quarter: { records: quarter.records, peakHeapGrowth: quarter.peakHeapGrowth, retainedHeap: quarter.retainedHeap, outputBytes: quarter.outputBytes },
	};
}

export interface ReadBenchmarkResult {
	measurements: ReadMeasurement[];
	/** Raw readByQuery/readMore answers of one full read, for the parsing benchmark. */
	bodies: string[];
	totalEntries: number;
}

export async function runReadBenchmarks(options: BenchOptions, progress: (line: string) => void): Promise<ReadBenchmarkResult> {
	const sandbox = await startBenchSandbox({ mode: options.sandbox, latencyMs: options.latencyMs, concurrency: options.concurrency, glEntries: options.glEntries });
	try {
		const total = await sandbox.count('GLENTRY');
		progress(`reads: the sandbox (${sandbox.mode === 'process' ? 'own process' : 'this process'}) holds ${total} GL entries`);
		const bodies: string[] = [];
		const measurements: ReadMeasurement[] = [];
		// Side by side in the same run: the readByQuery paging of before issue 16 and the query path.
		const readers: Array<[string, number, (limit: number | undefined, keep?: string[]) => Promise<ReadRun>]> = [
			['our client, readByQuery + readMore (before issue 16; records kept in an array)', PAGE_SIZES.readByQuery, (limit, keep) => clientRead(sandbox, 'readByQuery', limit, keep)],
			['our client, query keyset-paged + 1 lookup (issue 16)', PAGE_SIZES.query, (limit) => clientRead(sandbox, 'query', limit)],
			['our node in the n8n engine (glEntry getMany, Return All: query + 1 lookup)', PAGE_SIZES.query, (limit) => nodeRead(sandbox, limit)],
			[REST_NODE_READS, REST_QUERY_PAGE, (limit) => restNodeRead(sandbox, limit)],
		];
		for (const [name, pageSize, read] of readers) {
			const runs: ReadRun[] = [];
			for (let r = 0; r < options.runs; r++) {
				const run = await read(undefined, r === 0 && bodies.length === 0 ? bodies : undefined);
				if (run.records !== total) throw new Error(`${name} read ${run.records} of ${total} GL entries`);
				progress(`reads / ${name}: run ${r + 1}: ${run.ms.toFixed(0)} ms (client CPU ${run.cpuMs.toFixed(0)} ms, sandbox work ${run.sandboxMs.toFixed(0)} ms), ${run.requests} requests, heap +${(run.peakHeapGrowth / 1048576).toFixed(1)} MiB`);
				runs.push(run);
			}
			const quarter = await read(Math.ceil(total / 4));
			measurements.push(summarise(name, pageSize, total, options.latencyMs, runs, quarter));
		}
		return { measurements, bodies, totalEntries: total };
	} finally {
		await sandbox.close();
	}
}
