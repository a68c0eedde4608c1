/**
 * uniqueid=true bookkeeping (§7, §12.15): function controlids per company+sender that completed
 * successfully, and those currently in flight.
 *
 * Only successful functions are remembered: a failed function changed nothing, so retrying it with
 * the same controlid is allowed (the real rule is UNCERTAIN; documented in docs/sandbox.md).
 * Retention is unbounded for the sandbox's lifetime, and the completed set is saved with the --state
 * file (a restarted demo must still refuse a re-run's writes, as Intacct would).
 */
export type UniqueIdCheck = 'fresh' | 'completed' | 'inProcess';

/** Completed controlids by company+sender scope, as saved in the state file. */
export type CompletedFunctionIds = Record<string, string[]>;

export class UniqueFunctionIds {
	private readonly completed = new Map<string, Set<string>>();

	constructor(saved: CompletedFunctionIds = {}) {
		for (const [scope, ids] of Object.entries(saved)) {
			if (Array.isArray(ids)) this.completed.set(scope, new Set(ids.filter((id): id is string => typeof id === 'string')));
		}
	}

	toJSON(): CompletedFunctionIds {
		const out: CompletedFunctionIds = {};
		for (const [scope, ids] of this.completed) out[scope] = [...ids];
		return out;
	}

	private readonly inFlight = new Map<string, Set<string>>();

	private static scope(companyId: string, senderId: string): string {
		return `${companyId.toUpperCase()}\u0000${senderId}`;
	}

	private static setOf(map: Map<string, Set<string>>, scope: string): Set<string> {
		let set = map.get(scope);
		if (set === undefined) {
			set = new Set();
			map.set(scope, set);
		}
		return set;
	}

	check(companyId: string, senderId: string, controlId: string): UniqueIdCheck {
		const scope = UniqueFunctionIds.scope(companyId, senderId);
		if (this.completed.get(scope)?.has(controlId) === true) return 'completed';
		if (this.inFlight.get(scope)?.has(controlId) === true) return 'inProcess';
		return 'fresh';
	}

	/** Marks the controlids as running; returns those actually claimed (fresh ones). */
	claim(companyId: string, senderId: string, controlIds: string[]): string[] {
		const scope = UniqueFunctionIds.scope(companyId, senderId);
		const inFlight = UniqueFunctionIds.setOf(this.inFlight, scope);
		const claimed = controlIds.filter((id) => this.check(companyId, senderId, id) === 'fresh' && !inFlight.has(id));
		for (const id of claimed) inFlight.add(id);
		return claimed;
	}

	release(companyId: string, senderId: string, controlIds: string[]): void {
		const inFlight = this.inFlight.get(UniqueFunctionIds.scope(companyId, senderId));
		for (const id of controlIds) inFlight?.delete(id);
	}

	markCompleted(companyId: string, senderId: string, controlId: string): void {
		UniqueFunctionIds.setOf(this.completed, UniqueFunctionIds.scope(companyId, senderId)).add(controlId);
	}
}
