/**
 * An optional look at every gateway request body before anything else happens to it (faults,
 * parsing, authentication). Off unless installed: the demo, the CLI, the e2e suite and the
 * benchmarks never pay for it. The test suite installs one process-wide (test/support/requestSchema)
 * to validate every request against Intacct's schema; a single sandbox can also take its own
 * through SandboxOptions.inspectRequest.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface InspectedRequest {
	/** The request body exactly as received (UTF-8). */
	body: string;
	headers: IncomingHttpHeaders;
}

/** Must not throw and must not block: it only observes. */
export type RequestInspector = (request: InspectedRequest) => void;

let processDefault: RequestInspector | undefined;

/** Sets (or with undefined clears) the inspector of every sandbox started afterwards without its own. */
export function setDefaultRequestInspector(inspector: RequestInspector | undefined): void {
	processDefault = inspector;
}

export function defaultRequestInspector(): RequestInspector | undefined {
	return processDefault;
}
