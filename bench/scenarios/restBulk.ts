/**
 * Batch requests versus the asynchronous bulk service for creates over REST (client/restCreates.ts),
 * at several sizes, against the bench sandbox (own process, the bench's latency per request, the
 * REST tier's concurrency). Each size and way runs on fresh vendor IDs; wall time from the first
 * request to every outcome paired back, requests counted by the sandbox. The node's "auto" threshold
 * (BULK_FROM_RECORDS) is chosen from this table (docs/benchmarks-rest.md).
 *
 *   node scripts/run-ts.js bench/restBulk.ts [--sizes 100,1000,10000] [--latency 100] [--runs 1]
 */
import { performance } from 'node:perf_hooks';
import { RestIntacctClient } from '../../nodes/shared/intacct/client/restClient';
import { createRecords } from '../../nodes/shared/intacct/client/restCreates';
import { DEMO_CLIENT_APPLICATION } from '../../sandbox/rest/clientApplications';
import { SANDBOX_LOGIN } from '../../sandbox/model/contract';
import { nodeRestHttp } from '../../test/support/nodeRestHttp';
import { startBenchSandbox, type BenchSandbox } from '../benchSandbox';

export interface BulkMeasurement {
	way: 'batch' | 'bulk';
	records: number;
	ms: number;
	requests: number;
	created: number;
	failed: number;
}

function restClient(sandbox: BenchSandbox): RestIntacctClient {
	const origin = new URL(sandbox.url).origin;
	return new RestIntacctClient({
		credentials: {
			clientId: DEMO_CLIENT_APPLICATION.clientId,
			clientSecret: DEMO_CLIENT_APPLICATION.clientSecret,
			companyId: SANDBOX_LOGIN.companyId,
			userId: SANDBOX_LOGIN.userId,
			entityId: '',
			baseUrl: `${origin}/ia/api/v1`,
		},
		http: nodeRestHttp,
		sleep: async (ms) => await new Promise((resolve) => setTimeout(resolve, ms)),
	});
}

let run = 0;

export async function measureBulk(sandbox: BenchSandbox, way: 'batch' | 'bulk', records: number): Promise<BulkMeasurement> {
	const tag = `BK${process.pid}x${++run}`;
	const vendors = Array.from({ length: records }, (_, i) => ({ id: `${tag}-${i + 1}`, name: `Bulk bench vendor ${i + 1}` }));
	const client = restClient(sandbox);
	await client.openSession();
	await sandbox.resetStats();
	const started = performance.now();
	const { outcomes } = await createRecords(client, 'accounts-payable/vendor', vendors, { way });
	const ms = performance.now() - started;
	const { requests } = await sandbox.stats();
	const created = outcomes.filter((o) => o.ok).length;
	return { way, records, ms, requests, created, failed: records - created };
}

export async function runBulkBenchmark(sizes: number[], latencyMs: number, runs: number, progress: (line: string) => void): Promise<BulkMeasurement[]> {
	const sandbox = await startBenchSandbox({ mode: 'process', latencyMs });
	const out: BulkMeasurement[] = [];
	try {
		await measureBulk(sandbox, 'batch', 2);
		await measureBulk(sandbox, 'bulk', 2);
		for (const size of sizes) {
			for (const way of ['batch', 'bulk'] as const) {
				for (let r = 0; r < runs; r++) {
					const m = await measureBulk(sandbox, way, size);
					progress(`${way} ${size}: ${m.ms.toFixed(0)} ms, ${m.requests} requests, ${m.created} created, ${m.failed} failed`);
					out.push(m);
				}
			}
		}
	} finally {
		await sandbox.close();
	}
	return out;
}

/** The table docs/benchmarks-rest.md shows. */
export function bulkTable(rows: BulkMeasurement[]): string {
	const lines = ['| Records | Way | Wall time | Requests | Created |', '|---:|---|---:|---:|---:|'];
	for (const r of rows) lines.push(`| ${r.records.toLocaleString('en-US')} | ${r.way} | ${(r.ms / 1000).toFixed(2)} s | ${r.requests} | ${r.created.toLocaleString('en-US')} |`);
	return lines.join('\n');
}
