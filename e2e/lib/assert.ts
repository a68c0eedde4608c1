/** Tiny assertion and reporting helpers for the e2e checks (step lines on stdout). */
export class CheckFailure extends Error {}

export function check(condition: unknown, message: string): asserts condition {
	if (!condition) throw new CheckFailure(message);
}

export function equal<T>(actual: T, expected: T, message: string): void {
	if (actual !== expected) throw new CheckFailure(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function ok(message: string): void {
	process.stdout.write(`  ok   ${message}\n`);
}

export function info(message: string): void {
	process.stdout.write(`  ..   ${message}\n`);
}

export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, intervalMs = 500): Promise<T> {
	const start = Date.now();
	let last: unknown;
	for (;;) {
		try {
			const value = await probe();
			if (value !== undefined) return value;
		} catch (error) {
			last = error;
		}
		if (Date.now() - start > timeoutMs) {
			throw new CheckFailure(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
		}
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}

/** Soft assertions: record a failure and keep checking, so one defect does not hide the next. */
export class Findings {
	private readonly failures: string[] = [];

	expect(condition: unknown, message: string): boolean {
		if (condition) return true;
		this.failures.push(message);
		process.stdout.write(`  FAIL ${message}\n`);
		return false;
	}

	/** Throws a summary when anything failed. */
	finish(phase: string): void {
		if (this.failures.length > 0) throw new CheckFailure(`${phase}: ${this.failures.length} check(s) failed (see FAIL lines above)`);
	}
}
