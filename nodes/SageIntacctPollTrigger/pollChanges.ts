/**
 * One poll: records of an object changed since the cursor, oldest first.
 *
 * `query` (docs/protocol.md §4.4) ordered by WHENMODIFIED then RECORDNO gives a total order, so
 * the poll can stop after any record (poll budget or record cap) and the cursor, which only moves
 * to the last record emitted, loses nothing: the next poll starts at cursor - look-back and skips
 * what `seen` already holds. Re-reading the look-back window also catches changes that became
 * visible late (long transactions) and rows shifted between offset pages while draining.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { query, type QueryFilter } from '../shared/intacct/xml/functions';
import type { IntacctApi, IntacctRecord } from '../shared/intacct/core/types';
import { advance, readState, seenKey, windowStart, writeState, type PollState } from './pollCursor';

export type ChangeKind = 'created' | 'updated';

export interface PollSettings {
	object: string;
	fields: string[];
	changes: 'createdOrUpdated' | ChangeKind;
	lookBackMs: number;
	/** Intacct timestamp of the first backfill, or undefined: start with changes made from now on. */
	startAt?: string;
	maxRecords: number;
	pageSize: number;
	/** Stop fetching once this many ms have passed (a share of n8n's poll budget). */
	fetchBudgetMs: number;
}

export interface ChangedRecord {
	record: IntacctRecord;
	change: ChangeKind;
}

/** Before any record exists the cursor sits at the epoch: everything later is new. */
const EPOCH = '01/01/1970 00:00:00';

const text = (record: IntacctRecord, field: string): string => {
	const v = record[field];
	return typeof v === 'string' ? v : '';
};

export function changeKind(record: IntacctRecord): ChangeKind {
	const created = text(record, 'WHENCREATED');
	return created !== '' && created === text(record, 'WHENMODIFIED') ? 'created' : 'updated';
}

export function changedSince(settings: PollSettings, from: string | undefined, pageSize: number, descending = false) {
	const filter: QueryFilter | undefined = from ? { operator: 'greaterthanorequalto', field: 'WHENMODIFIED', value: from } : undefined;
	return query({
		object: settings.object,
		select: settings.fields,
		filter,
		orderBy: [
			{ field: 'WHENMODIFIED', descending },
			{ field: 'RECORDNO', descending },
		],
		// A top-level session sees entity-private records only when asked (docs/protocol.md §8).
		showPrivate: true,
		pageSize,
	});
}

/** The newest record (manual "fetch test event", and the starting point of a fresh trigger). */
export async function latestRecord(client: IntacctApi, settings: PollSettings): Promise<IntacctRecord | undefined> {
	const result = await client.execute(changedSince(settings, undefined, 1, true));
	return result.records[0];
}

/** First activation without a start date: remember where Intacct is now, emit nothing. */
async function startFromNow(client: IntacctApi, settings: PollSettings, scope: string): Promise<PollState> {
	const latest = await latestRecord(client, settings);
	const cursor = latest ? text(latest, 'WHENMODIFIED') : EPOCH;
	let state: PollState = { cursor, seen: [], scope };
	// Records inside the look-back window already exist: mark them seen so they are not reported.
	const existing: Array<{ recordNo: string; whenModified: string }> = [];
	for await (const page of client.pages(changedSince(settings, windowStart(state, settings.lookBackMs), settings.pageSize))) {
		for (const r of page) existing.push({ recordNo: text(r, 'RECORDNO'), whenModified: text(r, 'WHENMODIFIED') });
	}
	state = advance(state, existing, settings.lookBackMs);
	return state;
}

export function scopeOf(settings: PollSettings): string {
	return `${settings.object}|${settings.fields.join(',')}|${settings.startAt ?? ''}`;
}

export async function pollChanges(ctx: IPollFunctions, client: IntacctApi, settings: PollSettings): Promise<ChangedRecord[]> {
	const staticData: IDataObject = ctx.getWorkflowStaticData('node');
	const scope = scopeOf(settings);
	let state = readState(staticData);
	if (state.scope !== scope) state = { seen: [], scope };

	if (state.cursor === undefined && settings.startAt === undefined) {
		writeState(staticData, await startFromNow(client, settings, scope));
		return [];
	}

	const startedAt = Date.now();
	const from = state.cursor !== undefined ? windowStart(state, settings.lookBackMs) : settings.startAt;
	const seen = new Set(state.seen);
	const emitted: ChangedRecord[] = [];
	const positions: Array<{ recordNo: string; whenModified: string }> = [];
	let full = false;
	for await (const page of client.pages(changedSince(settings, from, settings.pageSize))) {
		for (const record of page) {
			const recordNo = text(record, 'RECORDNO');
			const whenModified = text(record, 'WHENMODIFIED');
			if (seen.has(seenKey(recordNo, whenModified))) continue;
			positions.push({ recordNo, whenModified });
			const change = changeKind(record);
			if (settings.changes === 'createdOrUpdated' || settings.changes === change) emitted.push({ record, change });
			if (positions.length >= settings.maxRecords) {
				full = true;
				break;
			}
		}
		// Leave the rest of a backlog to the next poll rather than overrun n8n's poll budget, but
		// only once this poll got past the already-seen records of the look-back window.
		if (full || (positions.length > 0 && Date.now() - startedAt >= settings.fetchBudgetMs)) break;
	}
	writeState(staticData, advance(state, positions, settings.lookBackMs));
	return emitted;
}
