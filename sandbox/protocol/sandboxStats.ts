/** Request and function counters (sandbox.stats) for asserting request counts in tests and benchmarks. */
import type { SandboxStats } from '../api';

export class GatewayStats implements SandboxStats {
	requests = 0;
	functions: Record<string, number> = {};
	inFlight = 0;
	maxInFlight = 0;
	/** Date.now() when the first request since start or reset() arrived, and when the latest request
	 * was answered or dropped (admin endpoint only: where a client's time goes before its first
	 * request and after its last answer). */
	firstRequestAt: number | undefined = undefined;
	lastAnsweredAt: number | undefined = undefined;
	/** Time from arrival to answer (or drop), summed over the requests since start or reset() (ms;
	 * the configured latency included; admin endpoint only). */
	handlingMs = 0;

	recordRequest(functionNames: string[]): void {
		this.requests += 1;
		for (const name of functionNames) this.functions[name] = (this.functions[name] ?? 0) + 1;
	}

	/** A request arrived; returns the function to call once, when it has been answered or dropped. */
	requestStarted(): () => void {
		this.inFlight += 1;
		this.firstRequestAt ??= Date.now();
		const arrived = performance.now();
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		let done = false;
		return () => {
			if (done) return;
			done = true;
			this.inFlight -= 1;
			this.lastAnsweredAt = Date.now();
			this.handlingMs += performance.now() - arrived;
		};
	}

	reset(): void {
		this.requests = 0;
		this.functions = {};
		this.maxInFlight = this.inFlight;
		this.firstRequestAt = undefined;
		this.lastAnsweredAt = undefined;
		this.handlingMs = 0;
	}
}
