/**
 * Idempotency-Key on POST and PATCH (docs: intacct-docs/rest/bulk-requests.md "Preventing Duplicate
 * Requests"): the first request's status and body are kept 48 hours and replayed for the same key
 * and request; a different request with the key, or the key reused later (kept 60 days), or while
 * the first is still running, is 409 Conflict. Keys are per company and user; at most 256 characters.
 */
import { createHash } from 'node:crypto';
import type { JsonObject } from './recordMapping';
import { RestError } from './restErrors';

const REPLAY_MS = 48 * 60 * 60 * 1000;
const KEEP_MS = 60 * 24 * 60 * 60 * 1000;
export const MAX_IDEMPOTENCY_KEY = 256;

interface Entry {
	requestHash: string;
	at: number;
	reply?: { status: number; body: JsonObject | null };
}

export class IdempotencyStore {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly now: () => Date) {}

	static hash(method: string, path: string, body: string): string {
		return createHash('sha256').update(`${method} ${path}\n${body}`).digest('hex');
	}

	/** A cached reply to replay, or null when this request is new (and is now locked under the key). */
	begin(scope: string, key: string, requestHash: string): { status: number; body: JsonObject | null; cachedAt: Date } | null {
		if (key.length > MAX_IDEMPOTENCY_KEY) throw new RestError(400, 'invalidRequest', `Idempotency-Key is longer than ${MAX_IDEMPOTENCY_KEY} characters`);
		const id = `${scope}\n${key}`;
		const now = this.now().getTime();
		const entry = this.entries.get(id);
		if (entry !== undefined && now - entry.at < KEEP_MS) {
			if (entry.reply === undefined) throw new RestError(409, 'conflict', `A request with Idempotency-Key ${key} is still being processed`);
			if (entry.requestHash !== requestHash) throw new RestError(409, 'conflict', `Idempotency-Key ${key} was already used with a different request`);
			if (now - entry.at >= REPLAY_MS) throw new RestError(409, 'conflict', `Idempotency-Key ${key} was used more than 48 hours ago`);
			return { ...entry.reply, cachedAt: new Date(entry.at) };
		}
		this.entries.set(id, { requestHash, at: now });
		return null;
	}

	finish(scope: string, key: string, reply: { status: number; body: JsonObject | null }): void {
		const entry = this.entries.get(`${scope}\n${key}`);
		if (entry !== undefined) entry.reply = reply;
	}

	/** The request never produced an answer (connection dropped before processing): release the key. */
	abandon(scope: string, key: string): void {
		const entry = this.entries.get(`${scope}\n${key}`);
		if (entry !== undefined && entry.reply === undefined) this.entries.delete(`${scope}\n${key}`);
	}
}
