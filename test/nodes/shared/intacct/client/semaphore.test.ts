import { Semaphore } from '../../../../../nodes/shared/intacct/client/semaphore';

describe('Semaphore', () => {
	it('runs at most `limit` tasks at once, in arrival order', async () => {
		const semaphore = new Semaphore(2);
		let running = 0;
		let peak = 0;
		const started: number[] = [];
		const gates: Array<() => void> = [];
		const tasks = [0, 1, 2, 3, 4].map((i) =>
			semaphore.use(async () => {
				started.push(i);
				running++;
				peak = Math.max(peak, running);
				await new Promise<void>((resolve) => gates.push(resolve));
				running--;
			}),
		);
		for (let released = 0; released < 5; released++) {
			while (gates.length === 0) await Promise.resolve();
			await Promise.resolve();
			gates.shift()?.();
			await new Promise((resolve) => setImmediate(resolve));
		}
		await Promise.all(tasks);
		expect(peak).toBe(2);
		expect(started).toEqual([0, 1, 2, 3, 4]);
	});

	it('releases the slot when a task fails', async () => {
		const semaphore = new Semaphore(1);
		await expect(semaphore.use(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
		await expect(semaphore.use(async () => 'ok')).resolves.toBe('ok');
		expect(() => new Semaphore(0)).toThrow(RangeError);
	});
});
