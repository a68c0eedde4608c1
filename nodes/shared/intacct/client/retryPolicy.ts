/**
 * Which failures are worth retrying, and when a retry could duplicate a write (§4.7, §7).
 */
import { IntacctError } from '../core/errors';

/** A wait in words: "400 ms" below a second, then seconds ("2.5 s", "30 s", "300 s"), never "0 s". */
export function formatDuration(ms: number): string {
	if (!Number.isFinite(ms) || ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
	const seconds = ms / 1000;
	return Number.isInteger(seconds) || seconds >= 10 ? `${Math.round(seconds)} s` : `${Math.round(seconds * 10) / 10} s`;
}

const NETWORK_FAULTS: Record<string, { summary: (timeoutMs: number) => string; transient: boolean }> = {
	ECONNRESET: { summary: () => 'The connection to the Intacct gateway was reset before an answer arrived', transient: true },
	EPIPE: { summary: () => 'The connection to the Intacct gateway broke while sending the request', transient: true },
	ECONNABORTED: { summary: () => 'The connection to the Intacct gateway was aborted', transient: true },
	ECONNREFUSED: { summary: () => 'The Intacct gateway refused the connection', transient: true },
	EHOSTUNREACH: { summary: () => 'The Intacct gateway host is unreachable', transient: true },
	EAI_AGAIN: { summary: () => "The Intacct gateway's host name could not be resolved right now (DNS)", transient: true },
	ETIMEDOUT: { summary: (ms) => `The Intacct gateway did not answer within ${formatDuration(ms)}`, transient: true },
	ESOCKETTIMEDOUT: { summary: (ms) => `The Intacct gateway did not answer within ${formatDuration(ms)}`, transient: true },
	ENOTFOUND: { summary: () => "The Intacct gateway's host name does not exist (DNS)", transient: false },
};

/** Faults after which the gateway certainly did not run anything: safe to repeat even writes. */
const NOTHING_RAN_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

/** Turns an HttpPost rejection (no HTTP answer) into an IntacctError of kind 'network'. */
export function networkError(cause: unknown, timeoutMs: number): IntacctError {
	if (cause instanceof IntacctError) return cause;
	const code = typeof (cause as { code?: unknown })?.code === 'string' ? (cause as { code: string }).code : undefined;
	const known = code ? NETWORK_FAULTS[code] : undefined;
	return new IntacctError({
		kind: 'network',
		summary: known ? known.summary(timeoutMs) : `The request to the Intacct gateway failed without an answer${code ? ` (${code})` : ''}`,
		transient: known ? known.transient : true,
		code,
		hint: code === 'ENOTFOUND' ? 'Check the endpoint URL of the Sage Intacct credential.' : undefined,
	});
}

/** Whether the failed request certainly never ran in Intacct (so repeating a write is safe). */
export function nothingRan(error: IntacctError): boolean {
	if (error.kind === 'network') return error.code !== undefined && NOTHING_RAN_CODES.has(error.code);
	// 429 GW-0010 and "too many operations" are refusals at the door (§1.1, §4.7).
	if (error.kind === 'http') return error.httpStatus === 429;
	return error.kind === 'control' || error.kind === 'authentication';
}

/**
 * Retry decision. Never: business errors, 524 (may still be running), validation. Reads: every
 * transient fault. Writes: only when the request is idempotent (uniqueid + caller's stable control
 * IDs: a repeat is refused as a duplicate instead of creating twice), or when nothing ran.
 */
export function shouldRetry(error: IntacctError, hasWrites: boolean, idempotent: boolean): boolean {
	if (!error.transient) return false;
	if (!hasWrites || idempotent) return true;
	return nothingRan(error);
}

/** retryBaseDelayMs * 2^attempt (1, 2, 4, 8, 16 s by default, like the official SDK). */
export function backoffDelay(baseMs: number, attempt: number): number {
	return baseMs * 2 ** attempt;
}
