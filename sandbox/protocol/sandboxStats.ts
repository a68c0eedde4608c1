/** Request and function counters (sandbox.stats) for asserting request counts in tests and benchmarks. */
import type { SandboxStats } from '../api';

export class GatewayStats implements SandboxStats {
	requests = 0;
	functions: Record<string, number> = {};
	inFlight = 0;
	maxInFlight = 0;

	recordRequest(functionNames: string[]): void {
		this.requests += 1;
		for (const name of functionNames) this.functions[name] = (this.functions[name] ?? 0) + 1;
	}

	/** A request arrived; returns the function to call once, when it has been answered or dropped. */
	requestStarted(): () => void {
		this.inFlight += 1;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		let done = false;
		return () => {
			if (done) return;
			done = true;
			this.inFlight -= 1;
		};
	}

	reset(): void {
		this.requests = 0;
		this.functions = {};
		this.maxInFlight = this.inFlight;
	}
}
