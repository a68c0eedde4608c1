/**
 * `npm run bench [-- options]`: runs the benchmark scenarios against the in-process sandbox and
 * writes docs/benchmarks.md. `--quick` is a smoke run of every scenario at small sizes (< 1 min);
 * `--help` lists the options. Build first (`npm run build`): the node runs from dist/ as in n8n.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { PACKAGE_ROOT } from '../test/support/harness';
import { machineInfo } from './machine';
import { parseOptions } from './options';
import { renderReport } from './report';
import { runBenchmarks } from './runBenchmarks';

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const started = Date.now();
	const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
	const args = process.argv.slice(2);
	const report = await runBenchmarks(options, ['npm run bench', ...(args.length ? ['--', ...args] : [])].join(' '), log);
	const markdown = renderReport(report, machineInfo());
	const out = path.resolve(PACKAGE_ROOT, options.out);
	fs.mkdirSync(path.dirname(out), { recursive: true });
	fs.writeFileSync(out, markdown + '\n');
	log(`wrote ${path.relative(PACKAGE_ROOT, out)}`);
	console.log(markdown.split('\n## (a)')[0]);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
