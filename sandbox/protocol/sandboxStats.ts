/** Request and function counters (sandbox.stats) for asserting request counts in tests and benchmarks. */
import type { SandboxStats } from '../api';

export class GatewayStats implements SandboxStats {
	requests = 0;
	functions: Record<string, number> = {};

	recordRequest(functionNames: string[]): void {
		this.requests += 1;
		for (const name of functionNames) this.functions[name] = (this.functions[name] ?? 0) + 1;
	}

	reset(): void {
		this.requests = 0;
		this.functions = {};
	}
}
