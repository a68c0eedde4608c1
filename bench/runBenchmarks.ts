/**
 * Runs the selected benchmark scenarios and collects their measurements (bench/run.ts is the CLI).
 * The node scenarios load the BUILT package (dist/) like n8n does: run `npm run build` first.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { PACKAGE_ROOT } from '../test/support/harness';
import type { BenchOptions } from './options';
import type { BenchReport } from './results';
import { median } from './stats';
import { scaledMedianMs } from './report';
import { FAST_XML_PARSER_ONLY, measureParsing, OUR_PARSER, SCAN_READER, SDK_PARSER } from './scenarios/parseCpu';
import { runReadBenchmarks } from './scenarios/reads';
import { runIdempotencyBenchmark } from './scenarios/idempotencyFlood';
import { runWebhookBenchmark } from './scenarios/webhook';
import { runWriteBenchmarks } from './scenarios/writes';

function requireBuild(): void {
	const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	const missing = pkg.n8n.nodes.filter((file) => !fs.existsSync(path.join(PACKAGE_ROOT, file)));
	if (missing.length > 0) throw new Error(`the node scenarios load the built package; run \`npm run build\` first (missing ${missing.join(', ')})`);
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** Notes computed from the numbers: failures, extra requests, where the time above the floor goes. */
export function explain(report: BenchReport): string[] {
	const notes: string[] = [];
	for (const w of report.writes) {
		if (w.failed > 0 || w.posted !== w.items) {
			notes.push(`${w.documents} / ${w.client}: ${w.posted} stored, ${w.failed} failed${w.firstFailure ? ` (first failure: ${w.firstFailure})` : ''}.`);
		}
		if (w.requests > w.floor.requests && !w.extrapolatedTo && w.client.includes('over REST')) {
			const way = w.client.includes('One Request Per Document')
				? 'one request per keyed document, the credential\'s way back, plus one read-back of their record links (webURL) per 4,000'
				: 'keyed documents travel as composite requests of up to 10 (7.6 on average, cut by their keys) instead of batches, as a batch takes one Idempotency-Key for all its documents (docs/rest-wire.md), plus one read-back of their record links and creation times per 4,000';
			const currency = w.documents === 'bills' ? "; bills also read the company's base currency once: REST requires a bill's currency, the XML gateway defaults it" : '';
			notes.push(`${w.documents} / ${w.client}: ${w.requests} HTTP requests where ${w.floor.requests} suffice (${way}${currency}).`);
		} else if (w.requests > w.floor.requests && !w.extrapolatedTo) {
			notes.push(
				`${w.documents} / ${w.client}: ${w.requests} HTTP requests where ${w.floor.requests} suffice (the extra one is a second getAPISession: the credential's preAuthentication opens a session the client does not reuse).`,
			);
		}
		if (w.client.startsWith('our node')) {
			// A sampled row (per-item loops measured on fewer items) is scaled to the scenario size its floor is for.
			const size = w.extrapolatedTo ?? w.items;
			const perItem = (scaledMedianMs(w) - w.floor.ms) / size;
			const cpu = w.cpuMsRuns && w.cpuMsRuns.length > 0 ? median(w.cpuMsRuns) / w.items : NaN;
			const where =
				report.options.sandbox === 'in-process'
					? "n8n evaluating the item's expressions, validation, XML writing and reading, and the in-process sandbox's own work"
					: "n8n evaluating the item's expressions, validation, XML writing and reading, plus the sandbox process posting the batches";
			notes.push(
				`${w.documents} / ${w.client}: ${ms(perItem)} per item above the round-trip floor (${where}); client CPU ${Number.isFinite(cpu) ? ms(cpu) : 'n/a'} per item. ` +
					`Within 1.3x of the floor at ${size} items leaves ${ms((0.3 * w.floor.ms) / size)} per item.`,
			);
		}
	}
	for (const r of report.reads) {
		if (r.requests > r.floor.requests) notes.push(`reads / ${r.client}: ${r.requests} requests, floor ${r.floor.requests} (the second sign-in again).`);
	}
	if (report.parse.length >= 3 && report.reads.length > 0) {
		const [ours, sdk, bare] = report.parse.map((p) => median(p.cpuMsPer1000));
		const read = report.reads[0];
		const share = `${((ours * read.records) / 1000 / median(read.runsMs) * 100).toFixed(0)}% of the client read's wall time`;
		notes.push(
			ours <= sdk / 2
				? `Parsing: the 2x target needs ≤ ${ms(sdk / 2)} per 1,000 records; our reader spends ${ms(ours)} (${share}); fast-xml-parser alone costs ${ms(bare)}.`
				: `Parsing: the 2x target needs ≤ ${ms(sdk / 2)} per 1,000 records; our reader spends ${ms(ours)} (${share}); fast-xml-parser alone already costs ${ms(bare)}, so no reader built on it can meet it.`,
		);
	}
	const byDocuments = (documents: string, prefix: string) => report.writes.find((w) => w.documents === documents && w.client.startsWith(prefix));
	for (const documents of ['bills', 'journal entries']) {
		const node = byDocuments(documents, 'our node');
		const batch = byDocuments(documents, 'official SDK, executeBatch');
		if (!node || !batch || batch.items !== node.items) continue;
		const batchRatio = median(batch.runsMs) / batch.floor.ms;
		notes.push(
			`${documents}: the SDK's executeBatch sends the same batches with ${ms(median(batch.cpuMsRuns ?? []) / batch.items)} client CPU per item and still takes ` +
				`${batchRatio.toFixed(2)}x the floor: that much is the gateway's own work (sandbox work ${ms(median(batch.sandboxMsRuns ?? []))}) plus the machine, not the client. ` +
				`Our node takes ${(median(node.runsMs) / median(batch.runsMs)).toFixed(2)}x the SDK batch's time, ${ms(median(node.beforeFirstMsRuns ?? []))} of it before its first request.`,
		);
	}
	return notes;
}

export async function runBenchmarks(options: BenchOptions, command: string, progress: (line: string) => void): Promise<BenchReport> {
	const report: BenchReport = {
		startedAt: new Date(),
		command,
		options: {
			items: options.items,
			baselineItems: options.baselineItems,
			runs: options.runs,
			latencyMs: options.latencyMs,
			glEntries: options.glEntries,
			webhooks: options.webhooks,
			batchSize: options.batchSize,
			concurrency: options.concurrency,
			sandbox: options.sandbox,
		},
		writes: [],
		reads: [],
		parse: [],
		webhook: [],
		notes: [],
	};
	if (options.only.has('writes') || options.only.has('reads')) requireBuild();
	if (options.only.has('writes')) report.writes = await runWriteBenchmarks(options, progress);
	if (options.only.has('reads') || options.only.has('parse')) {
		const reads = await runReadBenchmarks(options, progress);
		if (options.only.has('reads')) report.reads = reads.measurements;
		if (options.only.has('parse')) {
			report.parse = [OUR_PARSER, SDK_PARSER, FAST_XML_PARSER_ONLY, SCAN_READER].map((parser) => measureParsing(parser, reads.bodies, Math.max(3, options.runs)));
			for (const p of report.parse) {
				if (p.recordsParsed !== reads.totalEntries) report.notes.push(`${p.parser} found ${p.recordsParsed} of ${reads.totalEntries} records in the captured bodies.`);
			}
		}
	}
	if (options.only.has('webhook')) report.webhook = [await runWebhookBenchmark(options.webhooks, options.runs)];
	if (options.only.has('idempotency')) report.idempotency = runIdempotencyBenchmark(options.idempotencyKeys, progress);
	report.notes.push(...explain(report));
	if (options.quick) report.notes.push('Quick smoke run (--quick): sizes are far below the issue\'s; do not read these numbers as results.');
	return report;
}
