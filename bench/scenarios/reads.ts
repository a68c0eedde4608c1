/**
 * (b) Reading every GL entry (Return All): requests versus the page-size floor, wall time, peak
 * memory versus the size of what was read; and the raw answers, kept for the parsing benchmark.
 * One sandbox serves every run (generating 100,000 entries takes a while); the client's session
 * cache is cleared before each run so each one signs in, as the floor assumes.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox/api';
import { IntacctClient } from '../../nodes/SageIntacct/transport/client';
import { readByQuery, MAX_READ_BY_QUERY_PAGE_SIZE } from '../../nodes/SageIntacct/transport/functions';
import { clearSessionCache } from '../../nodes/SageIntacct/transport/sessionCache';
import type { IntacctRecord } from '../../nodes/SageIntacct/transport/types';
import { createNodeHttpPost } from '../../test/support/nodeHttpPost';
import { PACKAGE_ROOT, packageNode, runWorkflow, sandboxCredentialValues } from '../../test/harness';
import { capturingPost } from '../capture';
import { readFloor } from '../floor';
import { startMemoryProbe } from '../memory';
import { NODE_NAME } from '../nodeWorkflows';
import type { BenchOptions } from '../options';
import type { ReadMeasurement } from '../results';
import { modelCount } from '../sandboxModel';
import { timed } from '../stats';

interface ReadRun {
	ms: number;
	requests: number;
	records: number;
	outputBytes: number;
	peakRssGrowth: number;
	peakHeapGrowth: number;
	retainedHeap: number;
}

const PAGE_SIZE = MAX_READ_BY_QUERY_PAGE_SIZE;

function outputSize(records: unknown[]): number {
	let bytes = 0;
	for (const r of records) bytes += Buffer.byteLength(JSON.stringify(r));
	return bytes;
}

/** Our client's pages() straight (what getMany does inside the node), keeping every record. */
async function clientRead(sandbox: Sandbox, limit: number | undefined, keepBodies?: string[]): Promise<ReadRun> {
	clearSessionCache();
	const capture = capturingPost(createNodeHttpPost({ keepAlive: true }), (body) => keepBodies !== undefined && /<(readByQuery|readMore)>/.test(body));
	const client = new IntacctClient({ credentials: sandbox.credentials, post: capture.post });
	sandbox.stats.reset();
	const probe = startMemoryProbe();
	const records: IntacctRecord[] = [];
	const { ms } = await timed(async () => {
		for await (const page of client.pages(readByQuery({ object: 'GLENTRY', pageSize: PAGE_SIZE }), { limit })) {
			records.push(...page);
			probe.sample();
		}
	});
	const memory = probe.stop();
	const retainedHeap = probe.retainedHeap();
	if (keepBodies) keepBodies.push(...capture.bodies);
	return { ms, requests: sandbox.stats.requests, records: records.length, outputBytes: outputSize(records), retainedHeap, ...memory };
}

/** The node runs from dist/, whose client has its own module-level session cache: clear that one. */
function clearBuiltSessionCache(): void {
	const load = createRequire(path.join(PACKAGE_ROOT, 'package.json'));
	(load('./dist/nodes/SageIntacct/transport/sessionCache.js') as { clearSessionCache(): void }).clearSessionCache();
}

/** glEntry / getMany through the n8n engine (items as n8n holds them). */
async function nodeRead(sandbox: Sandbox, limit: number | undefined): Promise<ReadRun> {
	clearBuiltSessionCache();
	sandbox.stats.reset();
	const parameters = limit === undefined ? { resource: 'glEntry', operation: 'getMany', returnAll: true } : { resource: 'glEntry', operation: 'getMany', returnAll: false, limit };
	const probe = startMemoryProbe();
	const { value, ms } = await timed(() =>
		runWorkflow({ nodes: [packageNode('sageIntacct', NODE_NAME, parameters)] }, { credentials: sandboxCredentialValues({ ...sandbox.credentials }) }),
	);
	const memory = probe.stop();
	const retainedHeap = probe.retainedHeap();
	if (value.error) throw new Error(`glEntry getMany failed: ${value.error.message}`);
	const output = value.json(NODE_NAME);
	return { ms, requests: sandbox.stats.requests, records: output.length, outputBytes: outputSize(output), retainedHeap, ...memory };
}

function summarise(client: string, total: number, latencyMs: number, runs: ReadRun[], quarter: ReadRun): ReadMeasurement {
	const peak = runs.reduce((a, b) => (b.peakHeapGrowth > a.peakHeapGrowth ? b : a));
	return {
		client,
		records: runs[0].records,
		pageSize: PAGE_SIZE,
		runsMs: runs.map((r) => r.ms),
		requests: runs[runs.length - 1].requests,
		floor: readFloor(total, PAGE_SIZE, latencyMs),
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
	const sandbox = await startSandbox({ port: 0, latencyMs: options.latencyMs, glEntryTarget: options.glEntries });
	try {
		const total = modelCount(sandbox, 'GLENTRY');
		progress(`reads: the sandbox holds ${total} GL entries`);
		const bodies: string[] = [];
		const measurements: ReadMeasurement[] = [];
		const readers: Array<[string, (limit: number | undefined, keep?: string[]) => Promise<ReadRun>]> = [
			['our client (pages(), records kept in an array)', (limit, keep) => clientRead(sandbox, limit, keep)],
			['our node in the n8n engine (glEntry getMany, Return All)', (limit) => nodeRead(sandbox, limit)],
		];
		for (const [name, read] of readers) {
			const runs: ReadRun[] = [];
			for (let r = 0; r < options.runs; r++) {
				const run = await read(undefined, r === 0 && bodies.length === 0 ? bodies : undefined);
				if (run.records !== total) throw new Error(`${name} read ${run.records} of ${total} GL entries`);
				progress(`reads / ${name}: run ${r + 1}: ${run.ms.toFixed(0)} ms, ${run.requests} requests, heap +${(run.peakHeapGrowth / 1048576).toFixed(1)} MiB`);
				runs.push(run);
			}
			const quarter = await read(Math.ceil(total / 4));
			measurements.push(summarise(name, total, options.latencyMs, runs, quarter));
		}
		return { measurements, bodies, totalEntries: total };
	} finally {
		await sandbox.close();
	}
}
