/**
 * The trigger event queue of each client application (Early Adopter, 2025 R2; docs/fidelity-webhooks.md):
 * events webhook delivery could not hand over stay here, oldest first, until the client application
 * acknowledges them through /ia/api/v1/services/delivery/event/{count,list,ack}.
 */
export interface QueuedEvent {
	/** Queue entry ID (what an acknowledgement names). */
	id: string;
	idempotencyKey: string;
	/** When the event happened (sandbox clock). */
	createdAt: Date;
	/** The exact body the delivery posted. */
	payload: string;
	/** The decoded x-clientcontext of the delivery. */
	clientContext: Record<string, unknown>;
	/** Order the events happened in (deliveries give up at different times; the queue keeps event order). */
	sequence: number;
}

export class EventQueues {
	private readonly byClient = new Map<string, QueuedEvent[]>();
	private nextId = 1;

	add(clientId: string, event: Omit<QueuedEvent, 'id'>): QueuedEvent {
		const queued: QueuedEvent = { id: String(this.nextId++), ...event };
		const list = this.byClient.get(clientId) ?? [];
		const at = list.findIndex((e) => e.sequence > queued.sequence);
		if (at === -1) list.push(queued);
		else list.splice(at, 0, queued);
		this.byClient.set(clientId, list);
		return queued;
	}

	count(clientId: string): number {
		return this.byClient.get(clientId)?.length ?? 0;
	}

	/** The oldest `size` events, in the order they happened. Listing does not remove them. */
	list(clientId: string, size: number): QueuedEvent[] {
		return (this.byClient.get(clientId) ?? []).slice(0, Math.max(0, size));
	}

	/** Removes the named events; returns the IDs that were in the queue. */
	acknowledge(clientId: string, ids: string[]): string[] {
		const wanted = new Set(ids);
		const list = this.byClient.get(clientId) ?? [];
		const acked = list.filter((e) => wanted.has(e.id)).map((e) => e.id);
		this.byClient.set(clientId, list.filter((e) => !wanted.has(e.id)));
		return acked;
	}
}
