/**
 * --state file persistence: the model's toJSON() written after committed writes (debounced, so a
 * burst of writes costs one save) and on close; atomic via write-then-rename.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { CompletedFunctionIds } from './uniqueFunctionIds';

const STATE_FORMAT = 'intacct-sandbox-state@2';

/** What a --state file holds: the company model and the uniqueid controlids already completed. */
export interface SandboxState {
	company: unknown;
	completedFunctionIds: CompletedFunctionIds;
}

export function stateFile(state: SandboxState): unknown {
	return { format: STATE_FORMAT, ...state };
}

/** Reads a state file; a file holding only the model's toJSON() (the first format) is still accepted. */
export function loadState(path: string): SandboxState | undefined {
	if (!existsSync(path)) return undefined;
	const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
	if (typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === STATE_FORMAT) {
		const file = raw as { company?: unknown; completedFunctionIds?: CompletedFunctionIds };
		return { company: file.company, completedFunctionIds: file.completedFunctionIds ?? {} };
	}
	return { company: raw, completedFunctionIds: {} };
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
		// 0600: the state holds the company's data and sits beside the demo's passwords
		writeFileSync(temporary, JSON.stringify(this.snapshot()), { mode: 0o600 });
		renameSync(temporary, this.path);
		this.log(`state saved to ${this.path}`);
	}
}
