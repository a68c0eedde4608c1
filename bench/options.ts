import { SANDBOX_MODES, type SandboxMode } from './benchSandbox';

/**
 * Command-line options of `npm run bench`. Defaults are the issue's sizes; `--quick` shrinks every
 * size so the whole run takes well under a minute (a smoke, not a measurement).
 */
export interface BenchOptions {
	/** n8n items per write scenario (bills, journal entries). */
	items: number;
	/** Items the per-item baselines post (naive loop, SDK execute per item). Their time is linear in
	 * items, so a smaller sample is reported together with its extrapolation to `items`. */
	baselineItems: number;
	/** Repetitions of every scenario; the report shows medians. */
	runs: number;
	/** Latency the sandbox adds to every HTTP request (ms). */
	latencyMs: number;
	/** GLENTRY rows the read scenario generates and reads back. */
	glEntries: number;
	/** Webhook deliveries pushed through the trigger's webhook(). */
	webhooks: number;
	/** Unique keys of the idempotency flood (default 1,000,000). */
	idempotencyKeys: number;
	/** Functions per request for our node and for the SDK's executeBatch. */
	batchSize: number;
	/** Requests in flight per company (Intacct standard tier: 2). */
	concurrency: number;
	/** Where the sandbox of the write and read scenarios runs: its own process (default; the client's
	 * CPU is then measured as against a remote gateway) or this one (the smoke test). */
	sandbox: SandboxMode;
	/** Which scenarios to run. */
	only: Set<ScenarioName>;
	/** Where the report goes. */
	out: string;
	quick: boolean;
}

export const SCENARIOS = ['writes', 'reads', 'parse', 'webhook', 'idempotency'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

const FULL = { items: 1000, runs: 3, latencyMs: 100, glEntries: 100_000, webhooks: 20_000, idempotencyKeys: 1_000_000 };
const QUICK = { items: 50, runs: 1, latencyMs: 20, glEntries: 5_000, webhooks: 2_000, idempotencyKeys: 20_000 };

export const USAGE = `usage: npm run bench -- [--quick] [--items N] [--baseline-items N] [--runs N] [--latency MS]
                       [--gl-entries N] [--webhooks N] [--batch-size N] [--concurrency N]
                       [--sandbox process|in-process]
                       [--only writes,reads,parse,webhook,idempotency] [--idempotency-keys N] [--out docs/benchmarks.md]`;

function positiveInt(flag: string, text: string | undefined): number {
	const value = Number(text);
	if (text === undefined || !Number.isInteger(value) || value < 0) {
		throw new Error(`${flag} needs a whole number, got ${text === undefined ? 'nothing' : `'${text}'`}\n${USAGE}`);
	}
	return value;
}

export function parseOptions(argv: string[]): BenchOptions {
	const quick = argv.includes('--quick');
	const base = quick ? QUICK : FULL;
	const options: BenchOptions = {
		items: base.items,
		baselineItems: -1,
		runs: base.runs,
		latencyMs: base.latencyMs,
		glEntries: base.glEntries,
		webhooks: base.webhooks,
		idempotencyKeys: base.idempotencyKeys,
		batchSize: 50,
		concurrency: 2,
		sandbox: 'process',
		only: new Set(SCENARIOS),
		out: 'docs/benchmarks.md',
		quick,
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const next = (): string | undefined => argv[++i];
		switch (flag) {
			case '--quick':
				break;
			case '--items':
				options.items = positiveInt(flag, next());
				break;
			case '--baseline-items':
				options.baselineItems = positiveInt(flag, next());
				break;
			case '--runs':
				options.runs = Math.max(1, positiveInt(flag, next()));
				break;
			case '--latency':
				options.latencyMs = positiveInt(flag, next());
				break;
			case '--gl-entries':
				options.glEntries = positiveInt(flag, next());
				break;
			case '--webhooks':
				options.webhooks = positiveInt(flag, next());
				break;
			case '--idempotency-keys':
				options.idempotencyKeys = positiveInt(flag, next());
				break;
			case '--batch-size':
				options.batchSize = Math.max(1, positiveInt(flag, next()));
				break;
			case '--concurrency':
				options.concurrency = Math.max(1, positiveInt(flag, next()));
				break;
			case '--sandbox': {
				const mode = next() ?? '';
				if (!(SANDBOX_MODES as readonly string[]).includes(mode)) throw new Error(`--sandbox takes ${SANDBOX_MODES.join(' or ')}\n${USAGE}`);
				options.sandbox = mode as SandboxMode;
				break;
			}
			case '--only': {
				const names = (next() ?? '').split(',').filter(Boolean);
				const unknown = names.filter((n) => !(SCENARIOS as readonly string[]).includes(n));
				if (names.length === 0 || unknown.length > 0) throw new Error(`--only takes ${SCENARIOS.join(',')}\n${USAGE}`);
				options.only = new Set(names as ScenarioName[]);
				break;
			}
			case '--out':
				options.out = next() ?? options.out;
				break;
			case '--help':
			case '-h':
				throw new Error(USAGE);
			default:
				throw new Error(`unknown option ${flag}\n${USAGE}`);
		}
	}
	if (options.baselineItems < 0 || options.baselineItems > options.items) options.baselineItems = options.items;
	return options;
}
