/**
 * Holds the model's ChangeEvents while a transaction="true" operation runs, so triggers fire only
 * for committed changes (§9, §12.25): released on commit, dropped on rollback.
 */
import type { ChangeEvent } from '../model/contract';

export class ChangeGate {
	private buffer: ChangeEvent[] | null = null;
	private readonly listeners: Array<(event: ChangeEvent) => void> = [];

	onCommitted(listener: (event: ChangeEvent) => void): void {
		this.listeners.push(listener);
	}

	/** Called from the model's onChange. */
	push(event: ChangeEvent): void {
		if (this.buffer !== null) this.buffer.push(event);
		else this.emit([event]);
	}

	begin(): void {
		this.buffer = [];
	}

	commit(): void {
		const events = this.buffer ?? [];
		this.buffer = null;
		this.emit(events);
	}

	rollback(): void {
		this.buffer = null;
	}

	private emit(events: ChangeEvent[]): void {
		for (const event of events) for (const listener of this.listeners) listener(event);
	}
}
