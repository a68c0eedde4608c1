/**
 * Switches the built package's fast parameter reads (nodes/shared/intacct/n8n/fastParameters.ts)
 * off and on, so one benchmark process can run the node both ways side by side: off, every
 * parameter of every item is read by n8n's getNodeParameter, as before the fast reads. The router
 * calls `useFastParameters` through its module's exports, which is the module object required here
 * (n8n's loader requires dist/ through the same module registry).
 */
import * as path from 'node:path';

import { PACKAGE_ROOT } from '../test/support/harness';

export interface FastReadStats {
	fast: number;
	n8n: number;
	disagreed: string[];
}

type UseFast = (context: unknown, stats?: FastReadStats) => () => void;

let loaded: { useFastParameters: UseFast } | undefined;
let original: UseFast | undefined;

/** Reads counted while the fast reads are on (all runs of this process). */
export const fastReadStats: FastReadStats = { fast: 0, n8n: 0, disagreed: [] };

/** Fast parameter reads on (counting them in fastReadStats) or off (n8n's getNodeParameter for every read). */
export function setFastReads(on: boolean): void {
	if (!loaded) {
		// `require` itself (not createRequire): under jest it is jest's module registry, the one
		// n8n's loader used for dist/ there; in the bundled bench it is Node's.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		loaded = require(path.join(PACKAGE_ROOT, 'dist/nodes/shared/intacct/n8n/fastParameters.js')) as { useFastParameters: UseFast };
		original = loaded.useFastParameters;
	}
	const use = original as UseFast;
	loaded.useFastParameters = on ? (context, stats) => use(context, stats ?? fastReadStats) : () => () => undefined;
}
