/**
 * The bridge between test code (inside jest's VM context) and the test environment (outside it)
 * that validates: the environment puts a RequestSink on the test's globalThis; test code records
 * every request body the client sends through it.
 */
export const SINK_GLOBAL = '__intacctRequestSchema';

/** Where a body was seen: the sandbox's inspection hook, or a test's own HttpPost stub. */
export type RequestOrigin = 'sandbox' | 'stub';

export interface RequestSink {
	/** A request body the client (or another client under test, e.g. Sage's SDK) sent. */
	record(body: string, origin: RequestOrigin): void;
	/** A body a test wrote by hand to probe the sandbox (not a client's): counted, not validated. */
	handWritten(body: string): void;
}

/** Header a sandbox test puts on a hand-written body (test/sandbox/protocol/gatewayClient.ts). */
export const HAND_WRITTEN_HEADER = 'x-test-hand-written-request';

export function requestSink(): RequestSink {
	const sink = (globalThis as Record<string, unknown>)[SINK_GLOBAL] as RequestSink | undefined;
	if (sink === undefined) throw new Error('requests are not being validated: run under jest with test/support/requestSchema/environment.ts');
	return sink;
}
