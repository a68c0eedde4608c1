/** Renders docs/benchmarks.md from the measurements. */
import type { MachineInfo } from './machine';
import type { BenchReport, ParseMeasurement, ReadMeasurement, WriteMeasurement } from './results';
import { formatBytes, formatMs, formatRatio, median } from './stats';

/** Wall time of a measurement scaled to its scenario size (per-item loops are linear in items). */
export function scaledMedianMs(m: WriteMeasurement): number {
	const ms = median(m.runsMs);
	return m.extrapolatedTo && m.items > 0 ? (ms * m.extrapolatedTo) / m.items : ms;
}

const NODE_CLIENT = 'our node';

function writeTable(rows: WriteMeasurement[]): string[] {
	const naive = rows.find((r) => r.client.startsWith('naive'));
	const lines = [
		'| client | items | HTTP requests | floor: requests / round trips / ms | median wall time | ratio to floor | faster than naive per-item | posted / failed |',
		'|---|---:|---:|---|---:|---:|---:|---|',
	];
	for (const r of rows) {
		const ms = scaledMedianMs(r);
		const scaleNote = r.extrapolatedTo ? ` (${r.items} measured, scaled to ${r.extrapolatedTo})` : '';
		const vsNaive = naive ? formatRatio(scaledMedianMs(naive) / ms) : 'n/a';
		lines.push(
			`| ${r.client} | ${r.extrapolatedTo ?? r.items} | ${r.requests}${r.extrapolatedTo ? ` of ${r.items}` : ''} | ` +
				`${r.floor.requests} / ${r.floor.roundTrips} / ${formatMs(r.floor.ms)} | ${formatMs(ms)}${scaleNote} | ` +
				`${formatRatio(ms / r.floor.ms)} | ${vsNaive} | ${r.posted} / ${r.failed} |`,
		);
	}
	return lines;
}

function readTable(rows: ReadMeasurement[]): string[] {
	const lines = [
		'| client | records | page size | HTTP requests | floor (ceil(n/pagesize)+login) | median wall time | ratio to floor | peak heap growth | peak RSS growth | heap kept after GC | output size | kept / output |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const r of rows) {
		const ms = median(r.runsMs);
		lines.push(
			`| ${r.client} | ${r.records} | ${r.pageSize} | ${r.requests} | ${r.floor.requests} (${formatMs(r.floor.ms)}) | ${formatMs(ms)} | ` +
				`${formatRatio(ms / r.floor.ms)} | ${formatBytes(r.peakHeapGrowth)} | ${formatBytes(r.peakRssGrowth)} | ${formatBytes(r.retainedHeap)} | ` +
				`${formatBytes(r.outputBytes)} | ${(r.retainedHeap / r.outputBytes).toFixed(2)} |`,
		);
		if (r.quarter) {
			lines.push(
				`| … same read stopped at a quarter | ${r.quarter.records} | | | | | | ${formatBytes(r.quarter.peakHeapGrowth)} | | ` +
					`${formatBytes(r.quarter.retainedHeap)} | ${formatBytes(r.quarter.outputBytes)} | ${(r.quarter.retainedHeap / r.quarter.outputBytes).toFixed(2)} |`,
			);
		}
	}
	return lines;
}

function parseTable(rows: ParseMeasurement[]): string[] {
	const ours = rows[0];
	const lines = [
		'| parser | response bodies | bytes | records parsed | CPU ms per 1,000 records (median) | runs | CPU relative to ours |',
		'|---|---:|---:|---:|---:|---|---:|',
	];
	for (const r of rows) {
		const per = median(r.cpuMsPer1000);
		lines.push(
			`| ${r.parser} | ${r.bodies} | ${formatBytes(r.bytes)} | ${r.recordsParsed} | ${per.toFixed(2)} | ` +
				`${r.cpuMsPer1000.map((v) => v.toFixed(2)).join(', ')} | ${formatRatio(per / median(ours.cpuMsPer1000))} |`,
		);
	}
	return lines;
}

function targets(report: BenchReport): string[] {
	const lines = ['| target | measured | met |', '|---|---|---|'];
	for (const documents of ['bills', 'journal entries'] as const) {
		const rows = report.writes.filter((w) => w.documents === documents);
		const node = rows.find((r) => r.client.startsWith(NODE_CLIENT));
		const naive = rows.find((r) => r.client.startsWith('naive'));
		if (node && naive) {
			const speedup = scaledMedianMs(naive) / scaledMedianMs(node);
			lines.push(`| ${documents}: node ≥ 50x faster than per-item posting | ${formatRatio(speedup)} | ${speedup >= 50 ? 'yes' : 'no'} |`);
		}
		if (node) {
			const ratio = scaledMedianMs(node) / node.floor.ms;
			lines.push(`| ${documents}: node within 1.3x of the round-trip floor | ${formatRatio(ratio)} | ${ratio <= 1.3 ? 'yes' : 'no'} |`);
		}
	}
	if (report.parse.length >= 2) {
		const ours = median(report.parse[0].cpuMsPer1000);
		const sdk = median(report.parse[1].cpuMsPer1000);
		lines.push(`| response parsing ≥ 2x faster than the SDK's | ${formatRatio(sdk / ours)} | ${sdk / ours >= 2 ? 'yes' : 'no'} |`);
	}
	for (const r of report.reads) {
		if (!r.quarter) continue;
		// Growth from the quarter read to the full read, per byte of output added: a slope ≤ 1.25x the
		// quarter's own heap-per-output-byte means memory grows no faster than the output.
		const quarterRatio = r.quarter.retainedHeap / r.quarter.outputBytes;
		const slope = (r.retainedHeap - r.quarter.retainedHeap) / (r.outputBytes - r.quarter.outputBytes);
		const ok = slope <= quarterRatio * 1.25;
		lines.push(
			`| ${r.client}: memory grows no faster than the output | kept heap per output byte ${quarterRatio.toFixed(2)} up to ¼, ${slope.toFixed(2)} from ¼ to all | ${ok ? 'yes' : 'no'} |`,
		);
	}
	return lines;
}

export function renderReport(report: BenchReport, machine: MachineInfo): string {
	const out: string[] = [
		'# Benchmarks',
		'',
		'Generated by `npm run bench` (bench/run.ts); do not edit by hand. Every scenario runs against the',
		'in-process sandbox (sandbox/), which adds a fixed latency to every HTTP request to stand for the WAN',
		'round trip to Intacct. Numbers are medians of the runs listed.',
		'',
		`* Date: ${report.startedAt.toISOString()}`,
		`* Command: \`${report.command}\``,
		`* Options: ${Object.entries(report.options)
			.map(([k, v]) => `${k}=${v}`)
			.join(', ')}`,
		`* Machine: ${machine.os}; CPU ${machine.cpuModel}, ${machine.cores} cores; ${machine.memoryGiB} GiB RAM; Node ${machine.node}; load average at start ${machine.loadAverage}`,
		'',
		'## Targets',
		'',
		...targets(report),
		'',
		'## (a) Posting documents from n8n items',
		'',
		'Round-trip floor (bench/floor.ts): `requests = 1 + ceil(items / batchSize)`,',
		'`roundTrips = 1 + ceil(ceil(items / batchSize) / concurrency)`, `floor = roundTrips × latency`; the 1 is',
		'the getAPISession sign-in, which must finish first. The per-item rows use batchSize 1 and',
		'concurrency 1. "Ratio to floor" is wall time ÷ that row\'s own floor; the node\'s row uses the',
		'node\'s batch size and the company concurrency limit (Intacct standard tier: 2 requests in flight).',
		'',
		'The clients, all posting the same documents (bench/payloads.ts) to a fresh sandbox per run, each signing in first:',
		'',
		'* **our node in the n8n engine**: one Sage Intacct node (Bill → Create / Journal Entry → Create, lines as JSON, every',
		'  field an expression on the item) run by n8n-core\'s WorkflowExecute from the built package (test/harness);',
		'  idempotent batches of `batchSize` functions, 2 requests in flight.',
		'* **naive per-item loop**: what an HTTP Request node in a loop does: one getAPISession, then one request per item,',
		'  sequential, hand-written XML over fetch with keep-alive (bench/scenarios/naiveLoop.ts).',
		'* **official SDK**: @intacct/intacct-sdk 2.2.1 `OnlineClient` with a session. Its `Endpoint` class rejects every host',
		'  outside `*.intacct.com`, so the config is built without an endpoint (the default passes the check) and',
		'  `client.config.endpointUrl` is set to the sandbox after construction; `RequestHandler` reads it per request',
		'  unchecked. `SessionProvider` cannot be used (it re-validates the endpoint getAPISession returns), so the session',
		'  is opened with `ApiSessionCreate` and copied into a session client (bench/scenarios/sdkClient.ts). Bills go',
		'  through `BillCreate` (legacy `create_bill`), journal entries through `JournalEntryCreate` (generic GLBATCH).',
		'  Retries off (`maxRetries = 0`). "execute per item" is `execute()` sequentially; "executeBatch" sends chunks of',
		'  `batchSize` with the same 2-in-flight limit as our node.',
		'',
		'The sandbox runs in the benchmark\'s own process: its work (parsing requests, posting, rendering answers) shares the',
		'CPU with the client and counts in the wall time, where against Intacct it would overlap with the network latency.',
		'',
	];
	for (const documents of ['bills', 'journal entries'] as const) {
		const rows = report.writes.filter((w) => w.documents === documents);
		if (rows.length === 0) continue;
		out.push(`### ${documents === 'bills' ? 'AP bills (3 lines each)' : 'Journal entries (3 lines each)'}`, '', ...writeTable(rows), '');
	}
	if (report.reads.length > 0) {
		out.push('## (b) Reading GL entries, Return All', '', ...readTable(report.reads), '');
	}
	if (report.parse.length > 0) {
		out.push(
			'### Response parsing CPU',
			'',
			'The raw response bodies of the read above, captured from the wire, parsed again offline by each',
			'parser (process.cpuUsage around parsing only, after a warm-up pass).',
			'',
			...parseTable(report.parse),
			'',
		);
	}
	if (report.webhook.length > 0) {
		out.push(
			'## (c) Webhook trigger throughput',
			'',
			'`webhook()` of the Sage Intacct Trigger called directly with a minimal context, access key checked',
			'and deliveries deduplicated by idempotency key.',
			'',
			'| deliveries | of which replays | of which forged | median wall time | deliveries / s | started / ignored / rejected |',
			'|---:|---:|---:|---:|---:|---|',
		);
		for (const w of report.webhook) {
			const ms = median(w.runsMs);
			out.push(
				`| ${w.deliveries} | ${w.duplicates} | ${w.forged} | ${formatMs(ms)} | ${Math.round((w.deliveries * 1000) / ms)} | ${w.started} / ${w.ignored} / ${w.rejected} |`,
			);
		}
		out.push('');
	}
	if (report.notes.length > 0) out.push('## Notes', '', ...report.notes.map((n) => `* ${n}`), '');
	return out.join('\n');
}
