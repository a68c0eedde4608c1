/**
 * `node scripts/run-ts.js bench/profileItems.ts [--items N] [--runs N] [--latency MS] [--documents bills|journalEntries|both] [--compare]`
 *
 * Where the client's CPU per posted item goes (issue 16): our node posts N documents in n8n's
 * engine against a sandbox in its own process (so this process's CPU is the client's), after one
 * warm-up run. For every measured run it reports process.cpuUsage() per item, and V8's sampling
 * profile (node:inspector) split by layer - n8n's expression and parameter code, n8n's engine, our
 * pipeline, our XML writer and reader, zod, Node's HTTP, GC - plus the functions with the most
 * inclusive time. CPU time, not wall time: the machine is shared (the load is printed).
 *
 * `--compare`: the same runs, interleaved, with the node's fast parameter reads
 * (nodes/shared/intacct/n8n/fastParameters.ts) switched off in the loaded package - every parameter
 * read by n8n's getNodeParameter as before them - and on; both profiled. One process, one load.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Session, type Profiler } from 'node:inspector';

import type { IDataObject } from 'n8n-workflow';

import { PACKAGE_ROOT, packageNode, runWorkflow, sandboxCredentialValues } from '../test/support/harness';
import { billCreateParameters, journalEntryCreateParameters, NODE_NAME } from '../test/support/nodeWorkflows';
import { discoverMasterDataOver, startBenchSandbox } from './benchSandbox';
import { makeBills, makeJournalEntries } from './payloads';
import { clearBuiltSessionCache } from './scenarios/writes';
import { fastReadStats as fastStats, setFastReads as fastParameters } from './fastReads';

type Documents = 'bills' | 'journalEntries';

function args(): { items: number; runs: number; latencyMs: number; documents: Documents[]; out?: string; compare: boolean } {
	const argv = process.argv.slice(2);
	const value = (flag: string): string | undefined => {
		const i = argv.indexOf(flag);
		return i === -1 ? undefined : argv[i + 1];
	};
	const documents = value('--documents') ?? 'both';
	return {
		items: Number(value('--items') ?? 1000),
		runs: Number(value('--runs') ?? 2),
		latencyMs: Number(value('--latency') ?? 100),
		documents: documents === 'both' ? ['bills', 'journalEntries'] : [documents as Documents],
		out: value('--out'),
		compare: argv.includes('--compare'),
	};
}

/** Layer of a profile frame, from its script URL and function name. */
function layer(url: string, name: string): string {
	if (name === '(garbage collector)') return 'V8 garbage collection';
	if (name === '(program)' || name === '(idle)' || name === '(root)') return 'V8 program / idle';
	const u = url.replace(/\\/g, '/');
	if (u.includes('/dist/nodes/shared/intacct/n8n/fastParameters.js')) return 'ours: fast parameter reads';
	if (u.includes('/dist/nodes/shared/intacct/xml/')) return 'ours: XML writer and reader';
	if (u.includes('/dist/nodes/shared/intacct/client/')) return 'ours: client (sessions, batching)';
	if (u.includes('/dist/nodes/shared/intacct/records/')) return 'ours: records (amounts, dates, output shape)';
	if (u.includes('/dist/nodes/shared/intacct/')) return 'ours: write pipeline (parameters, validation, keys, outputs)';
	if (u.includes('/dist/nodes/')) return 'ours: operation modules';
	if (u.includes('/node_modules/zod/')) return 'zod';
	if (u.includes('/node_modules/n8n-workflow/') || u.includes('/node_modules/@n8n/tournament') || u.includes('/node_modules/@n8n/expression')) return 'n8n: expressions and parameters (n8n-workflow)';
	if (u.includes('/node_modules/n8n-core/')) return 'n8n: execution engine (n8n-core)';
	if (u.includes('/node_modules/fast-xml-parser/') || u.includes('xmlParser')) return 'ours: XML writer and reader';
	if (u.includes('/node_modules/')) return `other packages (${u.split('/node_modules/').pop()?.split('/')[0] ?? '?'})`;
	if (u.startsWith('node:') || u === '') return 'Node.js (HTTP, streams, crypto, timers)';
	if (u.includes('/.cache/run/')) return 'benchmark harness';
	return `other (${path.basename(u)})`;
}

interface Split {
	selfUs: Map<string, number>;
	inclusiveUs: Map<string, number>;
	/** Self time of our own functions (dist/nodes), V8 builtins they call included. */
	oursUs: Map<string, number>;
	totalUs: number;
}

/** Stages of the write pipeline, by the inclusive time of the functions that run them. */
export const STAGES: Array<[string, RegExp]> = [
	["n8n's getNodeParameter (expressions: WorkflowDataProxy, $now/$today, evaluation)", /^ExecuteContext\.getNodeParameter execute-context\.js/],
	['ours: validateItems (parameters read + checks + function built), n8n share included', /^validateItems writes\.js/],
	['ours: assignKeys (idempotency keys, content digests)', /^assignKeys writes\.js/],
	['ours: sendWrites (batches, XML, HTTP, answers)', /^sendWrites writes\.js/],
	['ours: XML request writer', /^writeRequest requestWriter\.js/],
	['ours: XML response reader', /^readResponse responseReader\.js/],
	['ours: outputs (items out)', /^outputs writes\.js/],
	['V8 garbage collection', /^\(garbage collector\)/],
];

/** Self time per layer, and inclusive time per function (each sample counted once per function on its stack). */
function split(profile: Profiler.Profile): Split {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const selfUs = new Map<string, number>();
	const inclusiveUs = new Map<string, number>();
	const oursUs = new Map<string, number>();
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	let totalUs = 0;
	for (let i = 0; i < samples.length; i++) {
		const dt = deltas[i + 1] ?? 0;
		const node = byId.get(samples[i]);
		if (!node) continue;
		if (node.callFrame.functionName === '(idle)') continue;
		// A V8 builtin (JSON.parse, RegExp, Intl ...) has no script: its time is its caller's layer's.
		let owner = node;
		while (owner.callFrame.url === '' && !owner.callFrame.functionName.startsWith('(')) {
			const up = parent.get(owner.id);
			const next = up === undefined ? undefined : byId.get(up);
			if (!next || next.callFrame.functionName === '(root)') break;
			owner = next;
		}
		const key = layer(owner.callFrame.url, owner.callFrame.functionName);
		totalUs += dt;
		selfUs.set(key, (selfUs.get(key) ?? 0) + dt);
		if (owner.callFrame.url.includes('/dist/nodes/')) {
			const f = owner.callFrame;
			const fnKey = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
			oursUs.set(fnKey, (oursUs.get(fnKey) ?? 0) + dt);
		}
		const seen = new Set<string>();
		for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
			const f = byId.get(id)?.callFrame;
			if (!f || f.functionName === '(root)') continue;
			const fnKey = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
			if (seen.has(fnKey)) continue;
			seen.add(fnKey);
			inclusiveUs.set(fnKey, (inclusiveUs.get(fnKey) ?? 0) + dt);
		}
	}
	return { selfUs, inclusiveUs, oursUs, totalUs };
}

async function post(session: Session, documents: Documents, items: number, latencyMs: number, profile: boolean) {
	const sandbox = await startBenchSandbox({ mode: 'process', latencyMs });
	try {
		const master = await discoverMasterDataOver(sandbox);
		const runId = `prof${process.pid}x${Date.now()}`;
		const docs = documents === 'bills' ? makeBills(items, master, runId) : makeJournalEntries(items, master, runId);
		const inputItems = docs.map((doc, item) => ({ json: JSON.parse(JSON.stringify(doc)) as IDataObject, pairedItem: { item } }));
		const parameters = documents === 'bills' ? billCreateParameters(50) : journalEntryCreateParameters(50);
		clearBuiltSessionCache();
		const post = (method: string, params?: object) =>
			new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
		if (profile) {
			await post('Profiler.setSamplingInterval', { interval: 200 });
			await post('Profiler.start');
		}
		const cpu = process.cpuUsage();
		const started = Date.now();
		const result = await runWorkflow(
			{ nodes: [packageNode('sageIntacct', NODE_NAME, parameters)] },
			{ credentials: sandboxCredentialValues({ ...sandbox.credentials }), inputItems },
		);
		const used = process.cpuUsage(cpu);
		const ms = Date.now() - started;
		const prof = profile ? ((await post('Profiler.stop')) as { profile: Profiler.Profile }).profile : undefined;
		const output = result.json(NODE_NAME);
		const failed = output.filter((j) => j.error !== undefined).length;
		if (failed > 0 || output.length !== items) throw new Error(`${documents}: ${failed} failed of ${output.length}: ${String(output.find((j) => j.error)?.error)}`);
		return { cpuUs: used.user + used.system, ms, profile: prof };
	} finally {
		await sandbox.close();
	}
}

/** Shares of the profile (its samples are wall-clock, so the machine's load inflates their µs) applied
 * to the median process.cpuUsage per item of the unprofiled runs: the CPU µs per item of each part. */
function table(title: string, rows: Array<[string, number]>, cpuUsPerItem: number, totalUs: number): string {
	const lines = [`### ${title}`, '', '| part | ≈ CPU per item (µs) | share of the profile |', '|---|---:|---:|'];
	for (const [name, us] of rows) lines.push(`| ${name} | ${((us / totalUs) * cpuUsPerItem).toFixed(0)} | ${((100 * us) / totalUs).toFixed(1)} % |`);
	return lines.join('\n');
}

async function main(): Promise<void> {
	const options = args();
	const session = new Session();
	session.connect();
	await new Promise<void>((resolve, reject) => session.post('Profiler.enable', (error) => (error ? reject(error) : resolve())));
	const report: string[] = [
		'Shares are of the profiled run (sampling at 200 µs adds overhead); the µs per item of the unprofiled runs are the measurement.',
		`Profile of the node posting ${options.items} documents per run in n8n's engine (${options.runs} measured runs after a warm-up; sandbox in its own process, ${options.latencyMs} ms latency).`,
		`Machine: ${os.cpus().length} cores, load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}. Node ${process.version}.`,
		'',
	];
	for (const documents of options.documents) {
		const modes: Array<{ label: string; fast: boolean }> = options.compare
			? [
					{ label: "before: every parameter read by n8n's getNodeParameter", fast: false },
					{ label: 'after: fast parameter reads (n8n/fastParameters.ts)', fast: true },
				]
			: [{ label: 'as built', fast: true }];
		for (const mode of modes) {
			fastParameters(mode.fast);
			await post(session, documents, Math.min(options.items, 200), 0, false);
		}
		const cpuPerItem = modes.map((): number[] => []);
		for (let r = 0; r < options.runs; r++) {
			for (const [m, mode] of modes.entries()) {
				fastParameters(mode.fast);
				const before = { ...fastStats };
				const plain = await post(session, documents, options.items, options.latencyMs, false);
				cpuPerItem[m].push(plain.cpuUs / options.items);
				const reads = mode.fast ? `; reads per item: ${((fastStats.fast - before.fast) / options.items).toFixed(2)} fast, ${((fastStats.n8n - before.n8n) / options.items).toFixed(2)} through n8n` : '';
				process.stderr.write(`${documents} (${mode.label}): run ${r + 1}: ${plain.ms} ms, CPU ${(plain.cpuUs / 1000).toFixed(0)} ms (${(plain.cpuUs / options.items).toFixed(0)} µs per item)${reads}\n`);
			}
		}
		report.push(`## ${documents === 'bills' ? 'Bills' : 'Journal entries'}`, '');
		for (const [m, mode] of modes.entries()) {
			fastParameters(mode.fast);
			const profiled = await post(session, documents, options.items, options.latencyMs, true);
			const last: Split | undefined = profiled.profile ? split(profiled.profile) : undefined;
			const runs = cpuPerItem[m];
			const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
			if (options.compare) report.push(`### ${mode.label}`, '');
			report.push(`process.cpuUsage per item, unprofiled runs: ${runs.map((c) => c.toFixed(0)).join(', ')} µs (median ${median.toFixed(0)} µs).`, '');
			if (last) {
				const total = last.totalUs;
				const layers = [...last.selfUs.entries()].sort((a, b) => b[1] - a[1]);
				report.push(table('Self time by layer (sampling profile of one more run)', layers, median, total), '');
				const stages: Array<[string, number]> = STAGES.map(([name, re]) => [name, [...last.inclusiveUs.entries()].filter(([k]) => re.test(k)).reduce((n, [, us]) => n + us, 0)]);
				report.push(table('Stages (inclusive; a stage includes the n8n calls it makes)', stages, median, total), '');
				const ours = [...last.oursUs.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
				report.push(table('Our functions, self time (builtins they call included)', ours, median, total), '');
				const top = [...last.inclusiveUs.entries()].filter(([, us]) => us / total > 0.02).sort((a, b) => b[1] - a[1]).slice(0, 40);
				report.push(table('Inclusive time, functions above 2 %', top, median, total), '');
			}
		}
	}
	if (fastStats.disagreed.length > 0) report.push(`First-item checks that disagreed with n8n (read through n8n instead): ${fastStats.disagreed.join(', ')}`);
	const text = report.join('\n');
	if (options.out) fs.writeFileSync(path.resolve(PACKAGE_ROOT, options.out), text + '\n');
	console.log(text);
	session.disconnect();
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});
