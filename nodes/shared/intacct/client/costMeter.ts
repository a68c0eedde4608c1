/**
 * The API transactions one execution spends, counted by kind, the way Intacct bills them
 * (docs/fidelity-cost.md "Counting API transactions"): every read call (query, readByQuery, readMore,
 * read, readByName, lookup, inspect) is one transaction whatever the rows it returns; a write is one
 * transaction per object it creates, updates or deletes (a bill with 20 lines is one, 50 bills sent
 * in one request are 50); a sign-in (getAPISession with a login) is counted apart. Wire-neutral: the
 * XML client reports here per function sent, a REST client would report per call and per object.
 * Retried requests count again (Intacct sees them again), so the meter never under-states the bill.
 */
import type { CostRecorder } from '../core/types';

export type CallKind = Parameters<CostRecorder['add']>[0];

export interface CostCounts {
	/** HTTP requests sent (a request carries one or more functions). */
	requests: number;
	signIn: number;
	read: number;
	/** Objects created, updated or deleted by write functions sent. */
	write: number;
}

export class CostMeter implements CostRecorder {
	private readonly counts: CostCounts = { requests: 0, signIn: 0, read: 0, write: 0 };

	/** One HTTP request went out. */
	request(): void {
		this.counts.requests += 1;
	}

	add(kind: CallKind, transactions = 1): void {
		this.counts[kind] += transactions;
	}

	snapshot(): CostCounts {
		return { ...this.counts };
	}

	/** Transactions Intacct bills: reads + writes + sign-ins. */
	total(): number {
		return this.counts.signIn + this.counts.read + this.counts.write;
	}

	/** "3 API transactions: 1 sign-in, 2 reads, 0 writes (3 requests)". */
	summary(): string {
		const c = this.counts;
		const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
		return (
			`${plural(this.total(), 'API transaction')}: ${plural(c.signIn, 'sign-in')}, ${plural(c.read, 'read')}, ${plural(c.write, 'write')} ` +
			`(${plural(c.requests, 'request')})`
		);
	}
}

/**
 * One request of functions, counted the way Intacct bills it: each read function is a transaction,
 * each write one per object (writeObjects), getAPISession a sign-in. The client counts what it sends
 * with this, and the poll trigger's monthly estimate counts the functions a poll sends with it too.
 */
export function recordFunctions(recorder: CostRecorder, functions: Array<{ name: string; body: Record<string, unknown>; isWrite?: boolean }>): void {
	recorder.request();
	for (const f of functions) {
		if (f.isWrite === true) recorder.add('write', writeObjects(f));
		else recorder.add(f.name === 'getAPISession' ? 'signIn' : 'read');
	}
}

/**
 * One REST call (docs/fidelity-cost.md "REST calls"): a GET is a read; a call that changes state
 * (POST, PATCH, DELETE) is a write of `objects` objects (1 unless the call names several records).
 */
export function recordRestCall(recorder: CostRecorder, method: string, objects = 1): void {
	recorder.request();
	recorder.add(method.toUpperCase() === 'GET' ? 'read' : 'write', method.toUpperCase() === 'GET' ? 1 : Math.max(1, objects));
}

/** Objects a write function touches: generic create/update take one element per object, delete a key list. */
export function writeObjects(fn: { name: string; body: Record<string, unknown> }): number {
	if (fn.name === 'delete') {
		const keys = fn.body.keys;
		return typeof keys === 'string' ? Math.max(1, keys.split(',').filter((k) => k.trim() !== '').length) : 1;
	}
	if (fn.name === 'create' || fn.name === 'update') {
		let objects = 0;
		for (const value of Object.values(fn.body)) objects += Array.isArray(value) ? value.length : 1;
		return Math.max(1, objects);
	}
	return 1;
}
