/**
 * The sandbox's controllable clock (§12.10): real time plus an offset, so a long-running CLI sandbox
 * keeps ticking while tests can jump ahead (clock.advance(3h) expires 2 h sessions).
 */
import type { SandboxClock } from '../api';

export function createSandboxClock(startTime?: Date): SandboxClock {
	let offsetMs = startTime === undefined ? 0 : startTime.getTime() - Date.now();
	return {
		now: () => new Date(Date.now() + offsetMs),
		advance: (ms: number) => {
			offsetMs += ms;
		},
		set: (date: Date) => {
			offsetMs = date.getTime() - Date.now();
		},
	};
}

/** ISO-8601 with an explicit offset as the gateway writes session times (§2.2): 2024-06-01T10:00:01+00:00. */
export function isoWithOffset(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
