/** The idempotency ledger: 24 h+ history, bounded under a flood, survives a reload from static data. */
import { IdempotencyLedger, ledgerKey, KEY_LENGTH } from '../../../../../nodes/shared/intacct/client/idempotencyLedger';

const HOUR = 3_600_000;
const T0 = new Date('2026-03-02T10:15:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

it('remembers a key for at least 24 hours and forgets it after the retention', () => {
	const ledger = new IdempotencyLedger();
	ledger.add(ledgerKey('k1'), T0);
	expect(ledger.has(ledgerKey('k1'), at(24 * HOUR))).toBe(true);
	expect(ledger.has(ledgerKey('k1'), at(26 * HOUR))).toBe(false);
	expect(ledger.size).toBe(0);
});

it('keys are fixed-length digests (a long or odd key costs the same)', () => {
	expect(ledgerKey('x'.repeat(10_000))).toHaveLength(KEY_LENGTH);
	expect(ledgerKey('a')).not.toBe(ledgerKey('b'));
});

it('stays within maxKeys under a flood, dropping the oldest first', () => {
	const ledger = new IdempotencyLedger({ maxKeys: 1000 });
	for (let i = 0; i < 5000; i++) ledger.add(ledgerKey(`k${i}`), at(i * 1000));
	expect(ledger.size).toBe(1000);
	expect(ledger.has(ledgerKey('k0'), at(5000 * 1000))).toBe(false);
	expect(ledger.has(ledgerKey('k4999'), at(5000 * 1000))).toBe(true);
	expect(ledger.has(ledgerKey('k4000'), at(5000 * 1000))).toBe(true);
});

it('survives a restart through its persisted form (what goes into static data)', () => {
	const before = new IdempotencyLedger();
	before.add(ledgerKey('a'), T0);
	before.add(ledgerKey('b'), at(2 * HOUR));
	const persisted = JSON.parse(JSON.stringify(before.toPersisted()));
	const after = new IdempotencyLedger();
	after.load(persisted, at(3 * HOUR));
	expect(after.has(ledgerKey('a'), at(3 * HOUR))).toBe(true);
	expect(after.has(ledgerKey('b'), at(3 * HOUR))).toBe(true);
	expect(after.has(ledgerKey('c'), at(3 * HOUR))).toBe(false);
	// Keys keep their age: 'a' still expires 25 h after it was seen.
	expect(after.has(ledgerKey('a'), at(26 * HOUR))).toBe(false);
});

it('persists only the newest persistMaxKeys keys', () => {
	const ledger = new IdempotencyLedger({ persistMaxKeys: 10 });
	for (let i = 0; i < 50; i++) ledger.add(ledgerKey(`k${i}`), at(i * 60_000));
	const persisted = ledger.toPersisted();
	expect(persisted.buckets.reduce((n, [, joined]) => n + joined.length / KEY_LENGTH, 0)).toBe(10);
	const reloaded = new IdempotencyLedger();
	reloaded.load(persisted, at(50 * 60_000));
	expect(reloaded.has(ledgerKey('k49'), at(50 * 60_000))).toBe(true);
	expect(reloaded.has(ledgerKey('k39'), at(50 * 60_000))).toBe(false);
});

it('merges a copy another process wrote, and skips re-reading its own', () => {
	const mine = new IdempotencyLedger();
	const theirs = new IdempotencyLedger();
	mine.add(ledgerKey('mine'), T0);
	theirs.add(ledgerKey('theirs'), T0);
	mine.load(theirs.toPersisted(), T0);
	expect(mine.has(ledgerKey('theirs'), T0)).toBe(true);
	const own = mine.toPersisted();
	const size = mine.size;
	mine.load(own, T0);
	expect(mine.size).toBe(size);
});

it('forgets keys from a date on (replay since)', () => {
	const ledger = new IdempotencyLedger();
	ledger.add(ledgerKey('old'), T0);
	ledger.add(ledgerKey('new'), at(5 * HOUR));
	expect(ledger.forgetSince(at(4 * HOUR))).toBe(1);
	expect(ledger.has(ledgerKey('old'), at(5 * HOUR))).toBe(true);
	expect(ledger.has(ledgerKey('new'), at(5 * HOUR))).toBe(false);
});

it('ignores persisted data it does not recognise', () => {
	const ledger = new IdempotencyLedger();
	ledger.load(['k1', 'k2'], T0);
	ledger.load({ v: 9 }, T0);
	expect(ledger.size).toBe(0);
});

it('the persisted copy stays exact while keys are added and evicted between saves', () => {
	const ledger = new IdempotencyLedger({ maxKeys: 3000, persistMaxKeys: 2500, bucketMs: 60_000 });
	const added: string[] = [];
	for (let i = 0; i < 10_000; i++) {
		const key = ledgerKey(`k${i}`);
		ledger.add(key, at(i * 500));
		added.push(key);
		if (i % 97 === 0) ledger.toPersisted();
	}
	const persisted = ledger.toPersisted().buckets.map(([, joined]) => joined).join('');
	expect(persisted).toBe(added.slice(-2500).join(''));
});
