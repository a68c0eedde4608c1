/**
 * The faults of the matrix (docs/resilience.md): what the sandbox injects, which operations it
 * concerns, and how the client must report it when it never goes away. A single occurrence of a
 * transient fault must be absorbed (the operation completes, nothing lost, nothing twice).
 */
import type { FaultAction } from '../../sandbox/api';
import type { IntacctErrorKind } from '../../nodes/shared/intacct/core/types';

export type Operation = 'read' | 'singleWrite' | 'batchWrite';

export interface FaultCase {
	id: string;
	label: string;
	action: FaultAction;
	/** Operations the fault means something for. */
	operations: Operation[];
	/** One occurrence is retried away (false: it is reported, e.g. 524 may have run). */
	absorbed: boolean;
	/** On a readMore, the fault may have moved the result set's cursor (or lost it): the client does
	 * not repeat that readMore but runs the readByQuery again and skips what it delivered. */
	rerunsRead?: boolean;
	/** The client needs a short timeout for this fault (hang). */
	shortTimeout?: boolean;
	/** How the failure reads when the fault persists (or, when not absorbed, at once). */
	failure: { kind: IntacctErrorKind; message: RegExp; code?: string; httpStatus?: number };
}

const ALL: Operation[] = ['read', 'singleWrite', 'batchWrite'];

export const FAULTS: FaultCase[] = [
	{
		id: '5xx-empty',
		label: 'HTTP 503 without a body',
		action: { type: 'status', status: 503, body: 'empty' },
		operations: ALL,
		absorbed: true,
		rerunsRead: true,
		failure: { kind: 'http', httpStatus: 503, message: /HTTP 503/ },
	},
	{
		id: '5xx-xml',
		label: 'HTTP 502 with the gateway XML error body',
		action: { type: 'status', status: 502, body: 'xml' },
		operations: ALL,
		absorbed: true,
		rerunsRead: true,
		failure: { kind: 'http', httpStatus: 502, message: /Temporarily Off-line/i },
	},
	{
		id: 'html-page',
		label: 'HTTP 500 Cloudflare-style HTML error page',
		action: { type: 'status', status: 500, body: 'html' },
		operations: ALL,
		absorbed: true,
		rerunsRead: true,
		failure: { kind: 'http', httpStatus: 500, message: /HTML error page/ },
	},
	{
		id: '524',
		label: 'HTTP 524 origin timeout (HTML)',
		action: { type: 'status', status: 524, body: 'html' },
		operations: ALL,
		absorbed: false,
		failure: { kind: 'http', httpStatus: 524, message: /524/ },
	},
	{
		id: '429',
		label: 'HTTP 429 GW-0010 rate limit',
		action: { type: 'rateLimit' },
		operations: ALL,
		absorbed: true,
		failure: { kind: 'http', httpStatus: 429, code: 'GW-0010', message: /GW-0010/ },
	},
	{
		id: 'timeout',
		label: 'no answer (hang) with a 400 ms client timeout',
		action: { type: 'hang' },
		operations: ALL,
		absorbed: true,
		rerunsRead: true,
		shortTimeout: true,
		failure: { kind: 'network', message: /did not answer within/ },
	},
	{
		id: 'reset-before',
		label: 'connection reset before processing',
		action: { type: 'resetBeforeProcess' },
		operations: ALL,
		absorbed: true,
		rerunsRead: true,
		failure: { kind: 'network', message: /reset/i },
	},
	{
		id: 'reset-after-commit',
		label: 'connection reset after the write committed',
		action: { type: 'resetAfterCommit' },
		operations: ALL,
		absorbed: true,
		rerunsRead: true,
		failure: { kind: 'network', message: /reset/i },
	},
	{
		id: 'session-expiry',
		label: 'session expired (mid-paging for reads)',
		action: { type: 'expireSessions' },
		operations: ALL,
		absorbed: true,
		failure: { kind: 'authentication', code: 'XL03000006', message: /Invalid session/ },
	},
	{
		id: 'resultid-expiry',
		label: 'readMore resultId expired',
		action: { type: 'expireResultIds' },
		operations: ['read'],
		absorbed: true,
		rerunsRead: true,
		failure: { kind: 'result', code: 'Query Failed', message: /expired resultId/i },
	},
	{
		id: 'too-many-operations',
		label: '"There are too many operations running for this company"',
		action: { type: 'tooManyOperations' },
		operations: ALL,
		absorbed: true,
		failure: { kind: 'control', message: /too many operations/i },
	},
];
