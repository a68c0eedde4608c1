/**
 * The trigger event queue services (docs/fidelity-webhooks.md, "event queue"):
 *   GET  <base>/services/delivery/event/count  -> {"ia::result": {"count": N}}            (documented)
 *   GET  <base>/services/delivery/event/list   -> {"ia::result": [event, ...]}           (entries: shape not in our copy)
 *   POST <base>/services/delivery/event/ack    <- {"ids": [...]}                          (body: shape not in our copy)
 * Readers are lenient about the entries' field names; pure, no n8n.
 */
export const EVENT_QUEUE_PATH = '/services/delivery/event';

export interface QueueEvent {
	/** What an acknowledgement names. */
	id: string;
	/** The delivery's idempotency key when the queue gives it, else the ID. */
	idempotencyKey: string;
	queuedAt?: string;
	/** Decoded client context (COMPANY, OBJECTNAME, EVENT, ...), when given. */
	context?: Record<string, unknown>;
	/** The posted document: parsed JSON when it is JSON, else the text. */
	payload: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstString(entry: Record<string, unknown>, names: string[]): string | undefined {
	for (const name of names) {
		const v = entry[name];
		if (typeof v === 'string' && v !== '') return v;
		if (typeof v === 'number') return String(v);
	}
	return undefined;
}

function decodeContext(value: unknown): Record<string, unknown> | undefined {
	if (isObject(value)) return value;
	if (typeof value !== 'string') return undefined;
	try {
		const decoded: unknown = JSON.parse(Buffer.from(value, 'base64').toString('utf8'));
		return isObject(decoded) ? decoded : undefined;
	} catch {
		return undefined;
	}
}

function parsePayload(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
}

/** The count answer's number; throws when the answer is not the documented shape. */
export function readQueueCount(answer: unknown): number {
	const result = isObject(answer) ? answer['ia::result'] : undefined;
	const count = isObject(result) ? result.count : undefined;
	if (typeof count !== 'number') throw new Error('The event queue count answer has no ia::result.count');
	return count;
}

/** The list answer's events in the order given (oldest first); entries without an ID are skipped. */
export function readQueueEvents(answer: unknown): QueueEvent[] {
	const result = isObject(answer) ? answer['ia::result'] : undefined;
	const list = Array.isArray(result) ? result : isObject(result) && Array.isArray(result.events) ? result.events : undefined;
	if (list === undefined) throw new Error('The event queue list answer has no ia::result list');
	const events: QueueEvent[] = [];
	for (const entry of list) {
		if (!isObject(entry)) continue;
		const id = firstString(entry, ['id', 'key', 'eventId', 'messageId']);
		if (id === undefined) continue;
		events.push({
			id,
			idempotencyKey: firstString(entry, ['idempotencyKey', 'idempotency_key', 'IdempotencyKey']) ?? id,
			queuedAt: firstString(entry, ['createdAt', 'queuedAt', 'timestamp']),
			context: decodeContext(entry.clientContext ?? entry.context),
			payload: parsePayload(entry.payload ?? entry.body ?? entry.message),
		});
	}
	return events;
}

export function ackBody(ids: string[]): { ids: string[] } {
	return { ids };
}
