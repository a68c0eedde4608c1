/** The per-worker tallies the environment writes and globalTeardown sums into the one line printed. */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface SchemaCounts {
	/** Request bodies libxml2 gave a verdict on. */
	validated: number;
	/** ... of which invalid, and on the known-invalid list (reported, not failed). */
	knownInvalid: number;
	/** ... of which invalid and not on the list (each failed its test). */
	invalid: number;
	/** Bodies recorded too late to be validated (after their test file finished): must be 0. */
	unvalidated: number;
	/** Hand-written bodies of the sandbox's own protocol tests (not a client's; not validated). */
	handWritten: number;
	/** xmllint runs (one per test file that sent requests, more for very large batches). */
	runs: number;
	/** Milliseconds spent in xmllint. */
	ms: number;
	/** Distinct known-invalid shapes seen: "<request> (<fixedBy>)". */
	knownShapes: string[];
	/** Per known shape, the tests that sent it ("<file> › <test>"): printed with INTACCT_XSD_DETAILS=1. */
	knownSenders: Record<string, string[]>;
}

export const COUNTS_DIR_VARIABLE = 'INTACCT_XSD_COUNTS_DIR';

export function emptyCounts(): SchemaCounts {
	return { validated: 0, knownInvalid: 0, invalid: 0, unvalidated: 0, handWritten: 0, runs: 0, ms: 0, knownShapes: [], knownSenders: {} };
}

export function resetCountsDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
}

/** One JSON line per test file, in a file per worker process. */
export function appendCounts(counts: SchemaCounts): void {
	const dir = process.env[COUNTS_DIR_VARIABLE];
	if (dir === undefined || dir === '' || !existsSync(dir)) return;
	appendFileSync(join(dir, `worker-${process.pid}.jsonl`), `${JSON.stringify(counts)}\n`);
}

export function sumCounts(dir: string): SchemaCounts & { files: number } {
	const total = { ...emptyCounts(), files: 0 };
	const shapes = new Set<string>();
	if (!existsSync(dir)) return total;
	for (const file of readdirSync(dir)) {
		for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
			if (line.trim() === '') continue;
			const counts = JSON.parse(line) as SchemaCounts;
			total.files += 1;
			total.validated += counts.validated;
			total.knownInvalid += counts.knownInvalid;
			total.invalid += counts.invalid;
			total.unvalidated += counts.unvalidated;
			total.handWritten += counts.handWritten;
			total.runs += counts.runs;
			total.ms += counts.ms;
			for (const shape of counts.knownShapes) shapes.add(shape);
			for (const [shape, senders] of Object.entries(counts.knownSenders)) {
				total.knownSenders[shape] = [...new Set([...(total.knownSenders[shape] ?? []), ...senders])];
			}
		}
	}
	total.knownShapes = [...shapes].sort();
	return total;
}
