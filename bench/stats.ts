/** Small numeric helpers for the benchmark report. */

export function median(values: number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds as seconds with 2 decimals ("1.23 s"), or ms below one second. */
export function formatMs(ms: number): string {
	if (!Number.isFinite(ms)) return 'n/a';
	return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

export function formatRatio(ratio: number): string {
	if (!Number.isFinite(ratio)) return 'n/a';
	return ratio >= 10 ? `${ratio.toFixed(0)}x` : `${ratio.toFixed(2)}x`;
}

export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes)) return 'n/a';
	return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Wall time of an async function, in ms (high-resolution clock). */
export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
	const start = process.hrtime.bigint();
	const value = await run();
	return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Wall time and this process's CPU time (user + system) of an async function, in ms. */
export async function timedWithCpu<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number; startedAt: number; endedAt: number }> {
	const cpu = process.cpuUsage();
	const startedAt = Date.now();
	const { value, ms } = await timed(run);
	const endedAt = Date.now();
	const used = process.cpuUsage(cpu);
	return { value, ms, cpuMs: (used.user + used.system) / 1000, startedAt, endedAt };
}
