/**
 * A small counting semaphore. Intacct's standard tier runs 2 requests per company at a time and
 * holds a third ~30 s before failing it with "too many operations" (§4.7), so the client queues
 * locally instead of making the gateway do it.
 */
export class Semaphore {
	private active = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(private readonly limit: number) {
		if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency must be a positive integer (got ${limit})`);
	}

	async use<T>(task: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			return await task();
		} finally {
			this.release();
		}
	}

	private async acquire(): Promise<void> {
		if (this.active < this.limit) {
			this.active++;
			return;
		}
		// The slot is handed over by release() without decrementing, so no newcomer can jump the queue.
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	private release(): void {
		const next = this.waiting.shift();
		if (next) next();
		else this.active--;
	}
}
