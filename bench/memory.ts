/**
 * Peak memory while something runs: process.memoryUsage() sampled by a timer and at every
 * `sample()` call, relative to a baseline taken after a full GC (when one can be forced).
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let forceGc: (() => void) | undefined;

/** Exposes V8's gc() without the --expose-gc flag (the bench runs under scripts/run-ts.js). */
export function collectGarbage(): void {
	if (!forceGc) {
		v8.setFlagsFromString('--expose-gc');
		forceGc = vm.runInNewContext('gc') as () => void;
	}
	forceGc();
}

export interface MemoryProbe {
	sample(): void;
	stop(): { peakRssGrowth: number; peakHeapGrowth: number };
	/** Heap still in use after a full GC, above the baseline: what the caller keeps (call after stop). */
	retainedHeap(): number;
}

export function startMemoryProbe(intervalMs = 5): MemoryProbe {
	collectGarbage();
	const base = process.memoryUsage();
	let peakRss = base.rss;
	let peakHeap = base.heapUsed;
	const sample = (): void => {
		const now = process.memoryUsage();
		if (now.rss > peakRss) peakRss = now.rss;
		if (now.heapUsed > peakHeap) peakHeap = now.heapUsed;
	};
	const timer = setInterval(sample, intervalMs);
	return {
		sample,
		stop: () => {
			clearInterval(timer);
			sample();
			return { peakRssGrowth: peakRss - base.rss, peakHeapGrowth: peakHeap - base.heapUsed };
		},
		retainedHeap: () => {
			collectGarbage();
			return process.memoryUsage().heapUsed - base.heapUsed;
		},
	};
}
