/**
 * Deliveries this n8n process has started or finished, per workflow and trigger node.
 *
 * Static data alone cannot deduplicate Intacct's deliveries: Intacct posts every line of a journal
 * entry at once and retries concurrently (§9.2), and each webhook request loads and saves its own
 * copy of the workflow's static data, so the last save wins and keys are lost. This registry is
 * claimed synchronously (no await between the check and the claim), so two requests with the same
 * key can never both start an execution; static data stays the record that survives a restart.
 */

/** Keys remembered per trigger node (retries come within ~2 minutes; this covers hours). */
const FINISHED_LIMIT = 2000;
/** Trigger nodes tracked at once before the least recently used is dropped. */
const NODE_LIMIT = 500;

export type DeliveryState = 'new' | 'inFlight' | 'finished';

export class RecentDeliveries {
	private readonly finished = new Set<string>();
	private readonly inFlight = new Set<string>();

	state(key: string): DeliveryState {
		if (this.finished.has(key)) return 'finished';
		return this.inFlight.has(key) ? 'inFlight' : 'new';
	}

	/** Claims a key for one request; returns false when another request holds or finished it. */
	begin(key: string): boolean {
		if (this.state(key) !== 'new') return false;
		this.inFlight.add(key);
		return true;
	}

	/** The delivery started its execution: later copies are duplicates. */
	finish(key: string): void {
		this.inFlight.delete(key);
		this.finished.add(key);
		if (this.finished.size > FINISHED_LIMIT) {
			const oldest = this.finished.values().next().value;
			if (oldest !== undefined) this.finished.delete(oldest);
		}
	}

	/** The delivery was ignored or failed: a later copy (Intacct's retry) may run it. */
	abandon(key: string): void {
		this.inFlight.delete(key);
	}
}

const byNode = new Map<string, RecentDeliveries>();

export function recentDeliveriesFor(workflowId: string, nodeId: string): RecentDeliveries {
	const id = `${workflowId}\u0000${nodeId}`;
	let recent = byNode.get(id);
	if (recent) {
		byNode.delete(id); // re-insert: Map order doubles as least-recently-used order
	} else {
		recent = new RecentDeliveries();
		if (byNode.size >= NODE_LIMIT) {
			const oldest = byNode.keys().next().value;
			if (oldest !== undefined) byNode.delete(oldest);
		}
	}
	byNode.set(id, recent);
	return recent;
}
