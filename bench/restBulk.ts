/**
 * `node scripts/run-ts.js bench/restBulk.ts [--sizes 100,1000,10000] [--latency 100] [--runs 1]`:
 * batch requests versus the bulk service for REST creates (bench/scenarios/restBulk.ts), a Markdown
 * table on stdout, progress on stderr.
 */
import { bulkTable, runBulkBenchmark } from './scenarios/restBulk';

const args = process.argv.slice(2);
const value = (flag: string): string | undefined => {
	const at = args.indexOf(flag);
	return at >= 0 ? args[at + 1] : undefined;
};
const sizes = (value('--sizes') ?? '100,1000,10000').split(',').map(Number);
const latency = Number(value('--latency') ?? 100);
const runs = Number(value('--runs') ?? 1);

runBulkBenchmark(sizes, latency, runs, (line) => process.stderr.write(`${line}\n`))
	.then((rows) => process.stdout.write(`${bulkTable(rows)}\n`))
	.catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 1;
	});
