/**
 * --state file persistence: the model's toJSON() written after committed writes (debounced, so a
 * burst of writes costs one save) and on close; atomic via write-then-rename.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export function loadState(path: string): unknown {
	if (!existsSync(path)) return undefined;
	return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

export class DebouncedStateWriter {
	private timer: NodeJS.Timeout | undefined;

	constructor(
		private readonly path: string,
		private readonly snapshot: () => unknown,
		private readonly debounceMs: number,
		private readonly log: (line: string) => void,
	) {}

	/** A committed write happened. */
	changed(): void {
		if (this.timer !== undefined) return;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			this.saveNow();
		}, this.debounceMs);
	}

	saveNow(): void {
		if (this.timer !== undefined) {
			clearTimeout(this.timer);
			this.timer = undefined;
		}
		const temporary = `${this.path}.tmp-${process.pid}`;
		writeFileSync(temporary, JSON.stringify(this.snapshot()));
		renameSync(temporary, this.path);
		this.log(`state saved to ${this.path}`);
	}
}
