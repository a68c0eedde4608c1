/** Starts a fresh tally directory for this run's schema-validation counts (see counts.ts). */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNTS_DIR_VARIABLE, resetCountsDir } from './counts';

export default function globalSetup(): void {
	const dir = join(tmpdir(), `intacct-xsd-counts-${process.pid}`);
	resetCountsDir(dir);
	process.env[COUNTS_DIR_VARIABLE] = dir;
}
