/**
 * Which deliveries were already handled, by idempotency key (docs/fidelity-webhooks.md, "idempotency"):
 * Intacct asks receivers to keep the key history at least 24 hours and to answer a repeated key like
 * the first time. Memory and the persisted copy stay bounded under a flood of unique keys:
 *
 *  - keys are hashed to 12 base64url characters (72 bits) and kept in hourly buckets (Sets), so a
 *    check is at most `retention / bucket` Set lookups (26), whatever the number of keys;
 *  - buckets older than the retention (25 h) are dropped; past `maxKeys` the oldest keys go first,
 *    so under a flood the history is shorter than 24 h but never unbounded;
 *  - the persisted copy (n8n workflow static data, which survives a restart) holds the newest
 *    `persistMaxKeys` keys as one string per bucket, and a revision so a process only re-reads it
 *    when another process wrote it.
 *
 * Pure: no n8n, no clock of its own (callers pass `now`).
 */
import { createHash, randomBytes } from 'node:crypto';

export const KEY_LENGTH = 12;
export const DEFAULT_RETENTION_MS = 25 * 60 * 60 * 1000;
export const DEFAULT_BUCKET_MS = 60 * 60 * 1000;
export const DEFAULT_MAX_KEYS = 200_000;
export const DEFAULT_PERSIST_MAX_KEYS = 20_000;

export interface LedgerOptions {
	retentionMs?: number;
	bucketMs?: number;
	maxKeys?: number;
	persistMaxKeys?: number;
}

/** The persisted form: JSON-safe, small (12 characters a key). */
export interface PersistedLedger {
	v: 1;
	rev: string;
	/** [bucket start (epoch ms), keys concatenated] oldest first. */
	buckets: Array<[number, string]>;
}

interface Bucket {
	start: number;
	keys: Set<string>;
	/** Insertion order; `head` marks the oldest key still in `keys` (evicting from the front of a
	 * Set repeatedly is O(n) a step in V8: it walks the deleted entries). */
	order: string[];
	head: number;
	/** order[joinedFrom .. joinedTo) concatenated, reused by toPersisted (most buckets never change). */
	joined: string;
	joinedFrom: number;
	joinedTo: number;
}

const newBucket = (start: number): Bucket => ({ start, keys: new Set(), order: [], head: 0, joined: '', joinedFrom: 0, joinedTo: 0 });

/** order[from ..] of a bucket as one string, reusing what was joined before. */
function joinedFrom(bucket: Bucket, from: number): string {
	if (from < bucket.joinedFrom || from > bucket.joinedTo) {
		bucket.joined = bucket.order.slice(from).join('');
	} else {
		bucket.joined = bucket.joined.slice((from - bucket.joinedFrom) * KEY_LENGTH) + bucket.order.slice(bucket.joinedTo).join('');
	}
	bucket.joinedFrom = from;
	bucket.joinedTo = bucket.order.length;
	return bucket.joined;
}

/** A fixed-length digest of an idempotency key (the raw key may be long or carry anything). */
export function ledgerKey(raw: string): string {
	return createHash('sha256').update(raw, 'utf8').digest('base64url').slice(0, KEY_LENGTH);
}

function isPersisted(value: unknown): value is PersistedLedger {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Partial<PersistedLedger>;
	return v.v === 1 && typeof v.rev === 'string' && Array.isArray(v.buckets);
}

/** Revision and key count of a persisted copy, for diagnostics ('none' when absent or not a ledger). */
export function persistedSummary(value: unknown): { rev: string; keys: number } {
	if (!isPersisted(value)) return { rev: 'none', keys: 0 };
	const keys = value.buckets.reduce((n, bucket) => n + (Array.isArray(bucket) && typeof bucket[1] === 'string' ? Math.floor(bucket[1].length / KEY_LENGTH) : 0), 0);
	return { rev: value.rev, keys };
}

export class IdempotencyLedger {
	private readonly retentionMs: number;
	private readonly bucketMs: number;
	private readonly maxKeys: number;
	private readonly persistMaxKeys: number;
	private buckets: Bucket[] = [];
	private count = 0;
	private revision = '';
	private writes = 0;
	private readonly writer = randomBytes(6).toString('base64url');

	constructor(options: LedgerOptions = {}) {
		this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
		this.bucketMs = options.bucketMs ?? DEFAULT_BUCKET_MS;
		this.maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
		this.persistMaxKeys = options.persistMaxKeys ?? DEFAULT_PERSIST_MAX_KEYS;
	}

	get size(): number {
		return this.count;
	}

	/** Start of the oldest key still remembered (epoch ms), or undefined when empty. */
	oldest(): number | undefined {
		return this.buckets.find((b) => b.keys.size > 0)?.start;
	}

	has(key: string, now: Date): boolean {
		this.prune(now.getTime());
		return this.contains(key);
	}

	add(key: string, now: Date): void {
		const t = now.getTime();
		this.prune(t);
		if (this.contains(key)) return;
		const start = t - (t % this.bucketMs);
		let last = this.buckets[this.buckets.length - 1];
		if (last === undefined || last.start < start) {
			last = newBucket(start);
			this.buckets.push(last);
		}
		last.keys.add(key);
		last.order.push(key);
		this.count++;
		while (this.count > this.maxKeys) this.evictOldest();
	}

	/** Forgets keys added at or after `since` (a "replay since" recovery). */
	forgetSince(since: Date): number {
		let forgotten = 0;
		const from = since.getTime() - (since.getTime() % this.bucketMs);
		this.buckets = this.buckets.filter((b) => {
			if (b.start < from) return true;
			forgotten += b.keys.size;
			return false;
		});
		this.count -= forgotten;
		return forgotten;
	}

	/** Merges a persisted copy unless it is the one this ledger last read or wrote. */
	load(persisted: unknown, now: Date): void {
		if (!isPersisted(persisted) || persisted.rev === this.revision) return;
		for (const [start, joined] of persisted.buckets) {
			if (typeof start !== 'number' || typeof joined !== 'string') continue;
			for (let i = 0; i + KEY_LENGTH <= joined.length; i += KEY_LENGTH) {
				const key = joined.slice(i, i + KEY_LENGTH);
				if (!this.contains(key)) this.addAt(key, start);
			}
		}
		this.prune(now.getTime());
		this.revision = persisted.rev;
	}

	/** The newest `persistMaxKeys` keys, for static data. */
	toPersisted(): PersistedLedger {
		let budget = this.persistMaxKeys;
		const out: Array<[number, string]> = [];
		for (let i = this.buckets.length - 1; i >= 0 && budget > 0; i--) {
			const bucket = this.buckets[i];
			const count = bucket.order.length - bucket.head;
			const from = count > budget ? bucket.order.length - budget : bucket.head;
			budget -= bucket.order.length - from;
			if (bucket.order.length > from) out.unshift([bucket.start, joinedFrom(bucket, from)]);
		}
		this.revision = `${this.writer}.${++this.writes}`;
		return { v: 1, rev: this.revision, buckets: out };
	}

	private contains(key: string): boolean {
		for (let i = this.buckets.length - 1; i >= 0; i--) if (this.buckets[i].keys.has(key)) return true;
		return false;
	}

	private addAt(key: string, start: number): void {
		const bucketStart = start - (start % this.bucketMs);
		let index = this.buckets.findIndex((b) => b.start >= bucketStart);
		if (index === -1 || this.buckets[index].start !== bucketStart) {
			const bucket = newBucket(bucketStart);
			if (index === -1) this.buckets.push(bucket);
			else this.buckets.splice(index, 0, bucket);
			index = this.buckets.indexOf(bucket);
		}
		this.buckets[index].keys.add(key);
		this.buckets[index].order.push(key);
		this.count++;
		while (this.count > this.maxKeys) this.evictOldest();
	}

	private evictOldest(): void {
		const first = this.buckets[0];
		if (first === undefined) return;
		if (first.head < first.order.length) {
			first.keys.delete(first.order[first.head++]);
			this.count--;
			if (first.head > 1024 && first.head * 2 > first.order.length) {
				first.order = first.order.slice(first.head);
				first.head = 0;
				first.joined = '';
				first.joinedFrom = 0;
				first.joinedTo = 0;
			}
		}
		if (first.keys.size === 0) this.buckets.shift();
	}

	private prune(now: number): void {
		const cutoff = now - this.retentionMs;
		while (this.buckets.length > 0 && this.buckets[0].start + this.bucketMs <= cutoff) {
			this.count -= this.buckets[0].keys.size;
			this.buckets.shift();
		}
	}
}

/** One ledger per workflow trigger node in this process (bounded: least recently used goes first). */
const LEDGER_LIMIT = 200;
const ledgers = new Map<string, IdempotencyLedger>();

export function ledgerFor(id: string, options?: LedgerOptions): IdempotencyLedger {
	let ledger = ledgers.get(id);
	if (ledger) ledgers.delete(id);
	else {
		ledger = new IdempotencyLedger(options);
		if (ledgers.size >= LEDGER_LIMIT) {
			const oldest = ledgers.keys().next().value;
			if (oldest !== undefined) ledgers.delete(oldest);
		}
	}
	ledgers.set(id, ledger);
	return ledger;
}
