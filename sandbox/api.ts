/**
 * The sandbox's public surface, used by tests, the demo, the e2e suite and the benchmarks:
 *
 *   const sandbox = await startSandbox({ port: 0 });
 *   sandbox.credentials   // sageIntacctApi credential values pointing at it
 *   sandbox.faults.add({ action: { type: 'status', status: 503, body: 'html' }, times: 2 });
 *   await sandbox.close();
 *
 * Implemented by startSandbox() in sandbox/index.ts.
 */
import type { ChangeEvent, CompanyModel } from './model/contract';
import type { RequestInspector } from './protocol/requestInspection';

export type { InspectedRequest, RequestInspector } from './protocol/requestInspection';
import type { ClientApplication, ClientApplicationRegistry } from './rest/clientApplications';

export interface SandboxOptions {
	/** 0 (default in tests) = a free port. The CLI default is 8787. */
	port?: number;
	/** Always loopback by default. */
	host?: string;
	/** Other host names clients reach the gateway by, e.g. `host.docker.internal:8787` (that port
	 * only) or `sandbox.intacct.com` (any port); getAPISession names the endpoint by them. Loopback
	 * names always count; any other Host header gets the sandbox's own address. */
	publicHosts?: string[];
	/** Model seed (deterministic history). */
	seed?: number;
	/** Approximate GLENTRY rows to generate (benchmarks: 100000+). */
	glEntryTarget?: number;
	/** JSON file: loaded at start if present, saved after every committed write and on close. */
	statePath?: string;
	/** Sliding session lifetime; default 2 hours. */
	sessionDurationMs?: number;
	/** Concurrent requests per company (§4.7: standard tier 2). */
	concurrency?: number;
	/** How long an extra request waits for a slot before "too many operations"; default 30000. */
	concurrencyWaitMs?: number;
	/** Latency added to every HTTP request (benchmarks: 100 ms WAN round trip). */
	latencyMs?: number;
	/** Scale of the webhook retry schedule 10/30/90 s; default 1 (real), tests use e.g. 0.001. */
	webhookTimeScale?: number;
	/** Log one line per request to this function (no secrets). */
	log?: (line: string) => void;
	/** Where the sandbox clock starts (it then ticks in real time; tests move it with clock.advance/set).
	 * Sessions, result-set expiry, webhook attempt times and every write's WHENCREATED/WHENMODIFIED
	 * follow this clock. The seeded history keeps its fixed dates (deterministic). Default: real time. */
	startTime?: Date;
	/** Sees every gateway request body as received (tests validate them against Intacct's schema).
	 * Default: the process-wide inspector set by setDefaultRequestInspector(), normally none. */
	inspectRequest?: RequestInspector;
	/** The REST API (/ia/api/v1/): extra OAuth client applications, performance tier, limits. */
	rest?: RestOptions;
}

export interface RestOptions {
	/** Client applications besides the demo one (DEMO_CLIENT_APPLICATION, authorised for HOPEWELL). */
	clientApplications?: ClientApplication[];
	/** Performance tier 1-4: REST concurrency per application/company 6/8, 8/10, 12/15, 15/20. Default 1. */
	tier?: number;
	/** Requests per 60 s per company before 429 GW-0010; default unlimited. */
	requestsPerMinute?: number;
	/** Access token lifetime; default 21600 s (6 h). */
	accessTokenSeconds?: number;
}

/** The REST side of a running sandbox. */
export interface SandboxRest {
	/** http://127.0.0.1:<port>/ia/api/v1 */
	baseUrl: string;
	tokenUrl: string;
	authorizeUrl: string;
	/** The demo client application and user (client credentials username: userId@companyId). */
	credentials: { clientId: string; clientSecret: string; companyId: string; userId: string; entityId: string };
	/** Registered client applications; add() registers more at run time. */
	clientApplications: ClientApplicationRegistry;
	/** Every access token issued so far stops working (token expiry mid-run). */
	expireAccessTokens(): void;
}

/** Which requests a fault applies to. All given conditions must hold. */
export interface FaultMatch {
	/** Only requests containing a function with this element name (e.g. 'create', 'readMore'). REST
	 * requests match 'rest', their object or service ('general-ledger/journal-entry', 'services/core/query',
	 * 'oauth2/token') and 'METHOD object' ('POST accounts-payable/bill'). */
	functionName?: string;
	/** Only from the Nth matching request on (1-based); default 1. */
	fromRequest?: number;
	/** Only requests whose XML body contains this text (e.g. one item's reference number): picks a
	 * request by content when several are in flight and their arrival order is not fixed. */
	bodyContains?: string;
}

export type FaultAction =
	| { type: 'latency'; ms: number }
	/** HTTP status with no body, an HTML (Cloudflare-like) page, or a gateway XML error body. */
	| { type: 'status'; status: number; body: 'empty' | 'html' | 'xml' }
	/** 429 with the bare control failure GW-0010. */
	| { type: 'rateLimit' }
	/** Runs and commits the request, then destroys the socket without answering. */
	| { type: 'resetAfterCommit' }
	/** Destroys the socket before running anything. */
	| { type: 'resetBeforeProcess' }
	/** Never answers (until the client gives up). */
	| { type: 'hang' }
	/** Expires every session before running the request (auth failure "Invalid session"). */
	| { type: 'expireSessions' }
	/** Forgets all readMore result IDs before running the request. */
	| { type: 'expireResultIds' }
	/** Answers the request with "There are too many operations running for this company". */
	| { type: 'tooManyOperations' };

export interface FaultRule {
	match?: FaultMatch;
	action: FaultAction;
	/** How many matching requests it affects; default 1; Infinity for all. */
	times?: number;
}

export interface FaultController {
	add(rule: FaultRule): void;
	clear(): void;
	/** Rules not yet used up. */
	pending(): number;
}

export interface SandboxClock {
	now(): Date;
	advance(ms: number): void;
	set(date: Date): void;
}

/** Counters of what the gateway received, for asserting request counts in tests and benchmarks. */
export interface SandboxStats {
	/** HTTP requests received (all, including faulted ones). */
	requests: number;
	/** Functions received, by element name (getAPISession, readByQuery, create, ...). */
	functions: Record<string, number>;
	/** HTTP requests being handled right now (from arrival until the answer is sent or the connection
	 * drops; hanging requests count until their connection closes). */
	inFlight: number;
	/** The most requests in flight at once since start or the last reset() (a client's concurrency cap
	 * shows here: with latency, a cap of 2 never makes this exceed 2). */
	maxInFlight: number;
	/** Zeroes the counters; maxInFlight restarts from the requests still in flight. */
	reset(): void;
}

/** A Platform Services trigger (§9, §12.25): POST a JSON document template after create/update/delete. */
export interface TriggerSubscription {
	/** Object whose changes fire it, e.g. 'GLENTRY'. */
	object: string;
	events: Array<'create' | 'update' | 'delete'>;
	/** Where to POST. */
	url: string;
	/** Document template with {!GLENTRY.FIELD!} merge fields; values are JSON-escaped when `encoding` is json. */
	template: string;
	encoding?: 'json' | 'xml';
	/** "Use webhook delivery": adds Authorization: Bearer <jwt-like token> and X-Trusted-Context. */
	webhookDelivery?: { clientId: string };
	/** Extra headers. */
	headers?: Record<string, string>;
}

export interface DeliveryRecord {
	subscriptionId: string;
	idempotencyKey: string;
	event: ChangeEvent;
	attempts: Array<{ at: Date; status: number | 'error' }>;
	delivered: boolean;
}

export interface PlatformServices {
	subscribe(subscription: TriggerSubscription): string;
	unsubscribe(id: string): void;
	/** Every delivery so far (for assertions). */
	deliveries(): DeliveryRecord[];
	/** Resolves when no delivery is pending or being retried. */
	idle(): Promise<void>;
}

export interface SandboxCredentials {
	companyId: string;
	entityId: string;
	senderId: string;
	senderPassword: string;
	userId: string;
	userPassword: string;
	endpointUrl: string;
}

export interface Sandbox {
	/** http://127.0.0.1:<port>/ia/xml/xmlgw.phtml */
	url: string;
	port: number;
	credentials: SandboxCredentials;
	clock: SandboxClock;
	faults: FaultController;
	stats: SandboxStats;
	platform: PlatformServices;
	/** The company's model, for direct assertions on state. */
	company: CompanyModel;
	/** The REST API on the same server and model. */
	rest: SandboxRest;
	close(): Promise<void>;
}
