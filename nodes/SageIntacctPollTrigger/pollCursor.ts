/**
 * The poll trigger's memory, kept in the node's static data (committed by n8n together with the
 * execution a poll starts, as n8n does for polling triggers):
 *   cursor  WHENMODIFIED of the last record emitted (Intacct text `mm/dd/yyyy HH:MM:SS`),
 *   seen    RECORDNO@WHENMODIFIED of records emitted inside the look-back window, so re-reading the
 *           window (for late-arriving changes) repeats nothing,
 *   scope   object + fields the cursor belongs to; changing them starts over.
 * Intacct timestamps carry no time zone (docs/protocol.md §5.6): they are only ever compared with
 * each other, never with n8n's clock, so skew between the two cannot lose records.
 */
import type { IDataObject } from 'n8n-workflow';

import { intacctTimestampFromMs, intacctTimestampMs } from '../shared/intacct/records/dates';

export interface PollState {
	cursor?: string;
	seen: string[];
	scope?: string;
}

export function readState(staticData: IDataObject): PollState {
	const seen = Array.isArray(staticData.seen) ? staticData.seen.filter((k): k is string => typeof k === 'string') : [];
	return {
		cursor: typeof staticData.cursor === 'string' ? staticData.cursor : undefined,
		seen,
		scope: typeof staticData.scope === 'string' ? staticData.scope : undefined,
	};
}

export function writeState(staticData: IDataObject, state: PollState): void {
	staticData.cursor = state.cursor;
	staticData.seen = state.seen;
	staticData.scope = state.scope;
}

export const seenKey = (recordNo: string, whenModified: string): string => `${recordNo}@${whenModified}`;

function keyTime(key: string): number {
	return intacctTimestampMs(key.slice(key.indexOf('@') + 1)) ?? 0;
}

/**
 * The state after emitting `emitted` (in WHENMODIFIED order): the cursor moves to the last emitted
 * record, never backwards; `seen` keeps only keys still inside the look-back window.
 */
export function advance(state: PollState, emitted: Array<{ recordNo: string; whenModified: string }>, lookBackMs: number): PollState {
	let cursorMs = state.cursor !== undefined ? intacctTimestampMs(state.cursor) : undefined;
	let cursor = state.cursor;
	for (const r of emitted) {
		const t = intacctTimestampMs(r.whenModified);
		if (t !== undefined && (cursorMs === undefined || t > cursorMs)) {
			cursorMs = t;
			cursor = r.whenModified;
		}
	}
	const keep = new Set([...state.seen, ...emitted.map((r) => seenKey(r.recordNo, r.whenModified))]);
	const floor = cursorMs === undefined ? -Infinity : cursorMs - lookBackMs;
	return { ...state, cursor, seen: [...keep].filter((k) => keyTime(k) >= floor) };
}

/** Where the next query starts: the cursor minus the look-back window. */
export function windowStart(state: PollState, lookBackMs: number): string | undefined {
	const ms = state.cursor !== undefined ? intacctTimestampMs(state.cursor) : undefined;
	return ms === undefined ? undefined : intacctTimestampFromMs(ms - lookBackMs);
}
