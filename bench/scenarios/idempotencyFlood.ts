/**
 * A flood of unique webhook deliveries against the trigger's duplicate check: N unique idempotency
 * keys arriving evenly over 24 hours (simulated clock), each checked and then remembered, as the
 * trigger does for a delivery that starts a run. Side by side, in the same run:
 *   - the idempotency ledger (nodes/shared/intacct/client/idempotencyLedger.ts, bounded);
 *   - an unbounded Set of the raw keys (what "keep everything 24 h" costs without a bound);
 *   - the ring of 500 keys in static data that the trigger kept before (array includes + rewrite).
 * Measured: time per check+remember, heap retained after a full GC, the persisted size written to
 * static data per delivery and the time to produce it, and how much history is still remembered.
 */
import { createHash, randomUUID } from 'node:crypto';

import { IdempotencyLedger, ledgerKey } from '../../nodes/shared/intacct/client/idempotencyLedger';
import { collectGarbage } from '../memory';

export interface IdempotencyMeasurement {
	approach: string;
	keys: number;
	/** Mean ns per check + remember over the whole flood, and over the last 10% (is it slowing down?). */
	nsPerKey: number;
	nsPerKeyLast10: number;
	retainedBytes: number;
	/** Keys still remembered at the end, and the age of the oldest (hours). */
	remembered: number;
	historyHours: number;
	/** Bytes of the static-data copy written per delivery, and ms to build it. */
	persistedBytes: number;
	persistMs: number;
}

const DAY_MS = 24 * 3_600_000;

function heapUsed(): number {
	collectGarbage();
	return process.memoryUsage().heapUsed;
}

/** CPU time (user + system), not wall time: the machine is shared, CPU time is what the check costs. */
function cpuNs(): number {
	const u = process.cpuUsage();
	return (u.user + u.system) * 1000;
}

function timeFlood(keys: number, step: (i: number, now: Date) => void): { nsPerKey: number; nsPerKeyLast10: number } {
	const start0 = Date.UTC(2026, 2, 2);
	const tenth = Math.floor(keys * 0.9);
	let t0 = cpuNs();
	const begin = t0;
	for (let i = 0; i < keys; i++) {
		if (i === tenth) t0 = cpuNs();
		step(i, new Date(start0 + Math.floor((i * DAY_MS) / keys)));
	}
	const end = cpuNs();
	return { nsPerKey: (end - begin) / keys, nsPerKeyLast10: (end - t0) / (keys - tenth) };
}

function measureLedger(keys: number): IdempotencyMeasurement {
	const raw = Array.from({ length: 16 }, () => randomUUID());
	const before = heapUsed();
	const ledger = new IdempotencyLedger();
	let last = new Date();
	const times = timeFlood(keys, (i, now) => {
		const key = ledgerKey(`${raw[i & 15]}:${i}`);
		if (!ledger.has(key, now)) ledger.add(key, now);
		last = now;
	});
	const retained = heapUsed() - before;
	const p0 = cpuNs();
	const persisted = JSON.stringify(ledger.toPersisted());
	const persistMs = (cpuNs() - p0) / 1e6;
	const oldest = ledger.oldest();
	return {
		approach: 'idempotency ledger (bounded, hourly buckets)',
		keys,
		...times,
		retainedBytes: retained,
		remembered: ledger.size,
		historyHours: oldest === undefined ? 0 : (last.getTime() - oldest) / 3_600_000,
		persistedBytes: Buffer.byteLength(persisted),
		persistMs,
	};
}

function measureUnboundedSet(keys: number): IdempotencyMeasurement {
	const prefix = randomUUID();
	const before = heapUsed();
	const seen = new Set<string>();
	const times = timeFlood(keys, (i) => {
		const key = `${prefix}:${i}`;
		if (!seen.has(key)) seen.add(key);
	});
	const retained = heapUsed() - before;
	return {
		approach: 'unbounded Set of raw keys (no bound)',
		keys,
		...times,
		retainedBytes: retained,
		remembered: seen.size,
		historyHours: 24,
		persistedBytes: NaN,
		persistMs: NaN,
	};
}

/** The previous trigger's ring: sha256 hex (32 chars) keys, includes() then filter+push+slice(-500). */
function measureOldRing(keys: number): IdempotencyMeasurement {
	const prefix = randomUUID();
	const before = heapUsed();
	let ring: string[] = [];
	const times = timeFlood(keys, (i) => {
		const key = createHash('sha256').update(`key:${prefix}:${i}`).digest('hex').slice(0, 32);
		if (ring.includes(key)) return;
		const next = ring.filter((k) => k !== key);
		next.push(key);
		ring = next.slice(-500);
	});
	const retained = heapUsed() - before;
	const p0 = cpuNs();
	const persisted = JSON.stringify(ring);
	const persistMs = (cpuNs() - p0) / 1e6;
	return {
		approach: 'previous ring of 500 keys',
		keys,
		...times,
		retainedBytes: retained,
		remembered: ring.length,
		// At the flood's rate (keys spread over 24 h), 500 keys are this much history.
		historyHours: (500 / keys) * 24,
		persistedBytes: Buffer.byteLength(persisted),
		persistMs,
	};
}

/** The ring's cost per key does not depend on the flood's size (it never holds more than 500): a
 * tenth of the keys (at least 10,000) measures it without spending minutes. */
export function runIdempotencyBenchmark(keys: number, progress: (line: string) => void): IdempotencyMeasurement[] {
	const out: IdempotencyMeasurement[] = [];
	const sizes: Array<[(n: number) => IdempotencyMeasurement, number]> = [
		[measureLedger, keys],
		[measureUnboundedSet, keys],
		[measureOldRing, Math.min(keys, Math.max(10_000, Math.floor(keys / 10)))],
	];
	for (const [measure, n] of sizes) {
		const m = measure(n);
		progress(`idempotency: ${m.approach}: ${m.nsPerKey.toFixed(0)} ns/key, retained ${(m.retainedBytes / 1048576).toFixed(1)} MiB`);
		out.push(m);
	}
	return out;
}
