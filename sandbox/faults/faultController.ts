/**
 * Fault injection rules (sandbox.faults, §12.3): a layer around the protocol, not ifs in the model.
 * A rule matches requests by function name, body text and/or from the Nth matching request on, and is used up
 * after `times` affected requests.
 */
import type { FaultAction, FaultController, FaultRule } from '../api';

interface ActiveRule {
	rule: FaultRule;
	/** Matching requests seen so far (for fromRequest). */
	seen: number;
	/** Requests still to affect. */
	remaining: number;
}

export class FaultRules implements FaultController {
	private rules: ActiveRule[] = [];

	add(rule: FaultRule): void {
		const times = rule.times ?? 1;
		if (!(times > 0)) throw new RangeError('FaultRule.times must be positive');
		this.rules.push({ rule, seen: 0, remaining: times });
	}

	clear(): void {
		this.rules = [];
	}

	pending(): number {
		return this.rules.filter((r) => r.remaining > 0).length;
	}

	/**
	 * The actions that apply to a request with these function names, in the order the rules were
	 * added; using them up counts against `times`.
	 */
	take(functionNames: readonly string[], body = ''): FaultAction[] {
		const actions: FaultAction[] = [];
		for (const active of this.rules) {
			if (active.remaining <= 0) continue;
			const wanted = active.rule.match?.functionName;
			if (wanted !== undefined && !functionNames.includes(wanted)) continue;
			const text = active.rule.match?.bodyContains;
			if (text !== undefined && !body.includes(text)) continue;
			active.seen += 1;
			if (active.seen < (active.rule.match?.fromRequest ?? 1)) continue;
			active.remaining -= 1;
			actions.push(active.rule.action);
		}
		this.rules = this.rules.filter((r) => r.remaining > 0);
		return actions;
	}
}
