/**
 * Per-company concurrency slots (§4.7, §12.24): standard level of service runs 2 requests at a
 * time per company; an extra request is held up to ~30 s, then gets "There are too many operations
 * running for this company".
 */
export class CompanySlots {
	private readonly running = new Map<string, number>();
	private readonly waiting = new Map<string, Array<() => void>>();

	constructor(
		private readonly slots: number,
		private readonly waitMs: number,
	) {}

	/** Resolves true with a slot held, or false when none freed up within the wait. */
	acquire(companyId: string): Promise<boolean> {
		const key = companyId.toUpperCase();
		const running = this.running.get(key) ?? 0;
		if (running < this.slots) {
			this.running.set(key, running + 1);
			return Promise.resolve(true);
		}
		return new Promise<boolean>((resolve) => {
			const queue = this.waiting.get(key) ?? [];
			this.waiting.set(key, queue);
			const grant = (): void => {
				clearTimeout(timer);
				resolve(true);
			};
			const timer = setTimeout(() => {
				const index = queue.indexOf(grant);
				if (index >= 0) queue.splice(index, 1);
				resolve(false);
			}, this.waitMs);
			timer.unref();
			queue.push(grant);
		});
	}

	/** Frees a slot, handing it straight to the longest-waiting request if any. */
	release(companyId: string): void {
		const key = companyId.toUpperCase();
		const next = this.waiting.get(key)?.shift();
		if (next !== undefined) {
			next();
			return;
		}
		this.running.set(key, Math.max(0, (this.running.get(key) ?? 1) - 1));
	}

	inUse(companyId: string): number {
		return this.running.get(companyId.toUpperCase()) ?? 0;
	}
}
