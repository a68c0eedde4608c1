/**
 * readByQuery result sets for readMore (§4.3, §12.17): the matching keys are fixed when the query
 * runs, so each page is O(pagesize) and paging a 100k-row ledger is linear overall. Rows are
 * re-fetched per page: a row deleted meanwhile is skipped (Intacct then returns fewer rows than
 * announced, §4.3). Result sets idle longer than 30 minutes expire (lifetime UNCERTAIN).
 */
import type { FieldDef, ObjectDef } from '../schema';
import type { Row } from '../store';

export const RESULT_ID_IDLE_MS = 30 * 60 * 1000;
const MAX_OPEN_RESULT_SETS = 500;

export interface ResultSet {
	resultId: string;
	def: ObjectDef;
	fields: FieldDef[];
	keys: string[];
	position: number;
	pageSize: number;
	lastUsedMs: number;
	fetch: (recordNo: string) => Row | undefined;
	/** Who ran it: readMore by <object> continues the caller's latest query on that object. */
	owner: string;
}

export class ResultSets {
	private readonly sets = new Map<string, ResultSet>();
	private readonly latestByObject = new Map<string, string>();
	private counter = 0;

	constructor(private readonly companyId: string) {}

	open(set: Omit<ResultSet, 'resultId'>): ResultSet {
		this.counter++;
		const resultId = `7765${String(this.counter).padStart(8, '0')}${this.companyId}Sbx${set.lastUsedMs.toString(36)}`;
		const full: ResultSet = { ...set, resultId };
		this.sets.set(resultId, full);
		this.latestByObject.set(`${set.owner}|${set.def.name}`, resultId);
		if (this.sets.size > MAX_OPEN_RESULT_SETS) {
			const oldest = this.sets.keys().next().value;
			if (oldest !== undefined) this.sets.delete(oldest);
		}
		return full;
	}

	get(resultId: string, nowMs: number): ResultSet | undefined {
		this.expire(RESULT_ID_IDLE_MS, nowMs);
		return this.sets.get(resultId);
	}

	latestFor(owner: string, objectName: string, nowMs: number): ResultSet | undefined {
		const id = this.latestByObject.get(`${owner}|${objectName}`);
		return id === undefined ? undefined : this.get(id, nowMs);
	}

	close(resultId: string): void {
		this.sets.delete(resultId);
	}

	expire(olderThanMs: number, nowMs: number): void {
		for (const [id, set] of this.sets) if (nowMs - set.lastUsedMs >= olderThanMs) this.sets.delete(id);
	}

	clear(): void {
		this.sets.clear();
	}
}
