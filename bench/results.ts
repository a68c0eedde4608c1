/** What each scenario measured, as plain data for the report (bench/report.ts). */
import type { Floor } from './floor';

export interface WriteMeasurement {
	/** Who posted: "our node in the n8n engine", "naive loop", "official SDK execute", ... */
	client: string;
	documents: 'bills' | 'journal entries';
	/** Items actually posted per run. */
	items: number;
	/** Wall time of each run (ms). */
	runsMs: number[];
	/** CPU time (user + system) of the benchmark process during each run (ms): the client's own CPU
	 * when the sandbox runs in its own process. */
	cpuMsRuns?: number[];
	/** Per run: ms from the start to the sandbox's first request (the client preparing before it
	 * sends anything: n8n, validation, XML, sign-in not yet started) and from the last answer to the
	 * end (reading answers, building the output items). */
	beforeFirstMsRuns?: number[];
	afterLastMsRuns?: number[];
	/** Per run: the sandbox's handling time beyond the configured latency, summed over requests (its
	 * own work: parsing, posting, rendering; the admin stats' handlingMs − requests × latency). */
	sandboxMsRuns?: number[];
	/** HTTP requests the sandbox received in one run (sandbox.stats.requests). */
	requests: number;
	/** API transactions of one run as Intacct bills them (client/costMeter.ts rules), from the
	 * sandbox's function counters: every function is one (each write here creates one document). */
	transactions?: number;
	/** The most requests the sandbox had in flight at once, over the runs (stats.maxInFlight). */
	maxInFlight?: number;
	/** Documents that the sandbox holds afterwards / that the client reported as failed. */
	posted: number;
	failed: number;
	firstFailure?: string;
	floor: Floor;
	/** Set when `items` is a sample of the scenario size: wall time scaled linearly to this many. */
	extrapolatedTo?: number;
}

export interface ReadMeasurement {
	client: string;
	records: number;
	pageSize: number;
	runsMs: number[];
	/** CPU time (user + system) of the benchmark process during each run (ms). */
	cpuMsRuns?: number[];
	/** Per run: the sandbox's handling time beyond the latency, summed over requests (ms). */
	sandboxMsRuns?: number[];
	requests: number;
	floor: Floor;
	/** Peak RSS / heapUsed above the baseline before the read (bytes). */
	peakRssGrowth: number;
	peakHeapGrowth: number;
	/** Heap held after a full GC once the read finished, the records still referenced (bytes). */
	retainedHeap: number;
	/** Size of the output (JSON.stringify of all records, bytes). */
	outputBytes: number;
	/** The same read stopped at a quarter of the records, to show the slope. */
	quarter?: { records: number; peakHeapGrowth: number; retainedHeap: number; outputBytes: number };
}

export interface ParseMeasurement {
	parser: string;
	records: number;
	bodies: number;
	bytes: number;
	/** CPU (user+system) per 1,000 records, ms, one value per run. */
	cpuMsPer1000: number[];
	/** Records the parser returned (sanity: must equal `records`). */
	recordsParsed: number;
}

export interface WebhookMeasurement {
	deliveries: number;
	duplicates: number;
	forged: number;
	runsMs: number[];
	/** What webhook() did: workflows started, duplicates ignored, forged rejected. */
	started: number;
	ignored: number;
	rejected: number;
}

export type { IdempotencyMeasurement } from './scenarios/idempotencyFlood';
import type { IdempotencyMeasurement } from './scenarios/idempotencyFlood';

export interface BenchReport {
	startedAt: Date;
	command: string;
	options: Record<string, string | number | boolean>;
	writes: WriteMeasurement[];
	reads: ReadMeasurement[];
	parse: ParseMeasurement[];
	webhook: WebhookMeasurement[];
	/** Unique-key flood against the duplicate check (absent in reports written before it existed). */
	idempotency?: IdempotencyMeasurement[];
	notes: string[];
}
