/**
 * Prints the run's one line about Intacct's schema: how many request bodies were validated, how
 * many were known-invalid (allow-list) or invalid, and that none went unvalidated. Fails the run
 * when a body went unvalidated.
 */
import { rmSync } from 'node:fs';
import { COUNTS_DIR_VARIABLE, sumCounts } from './counts';

export default function globalTeardown(): void {
	const dir = process.env[COUNTS_DIR_VARIABLE];
	if (dir === undefined || dir === '') return;
	const total = sumCounts(dir);
	rmSync(dir, { recursive: true, force: true });
	if (total.files === 0) return;
	const known = total.knownShapes.length > 0 ? `; known-invalid shapes: ${total.knownShapes.join('; ')}` : '';
	process.stdout.write(
		`\nIntacct api.xsd: ${total.validated} request bodies validated (${total.validated - total.knownInvalid - total.invalid} valid, ` +
			`${total.knownInvalid} known-invalid, ${total.invalid} invalid), ${total.unvalidated} unvalidated; ` +
			`${total.handWritten} hand-written sandbox-probe bodies not validated; xmllint: ${total.runs} runs, ${(total.ms / 1000).toFixed(1)} s${known}\n`,
	);
	if (process.env.INTACCT_XSD_DETAILS === '1') {
		for (const [shape, senders] of Object.entries(total.knownSenders).sort()) {
			process.stdout.write(`  ${shape}:\n${senders.sort().map((s) => `    ${s}\n`).join('')}`);
		}
	}
	if (total.unvalidated > 0) throw new Error(`${total.unvalidated} request bodies were sent after their test file finished and went unvalidated`);
}
