/**
 * The company's tables. Rows are immutable objects (an update replaces the row), and a table's maps
 * are copied only when first written after a snapshot (copy-on-write), so snapshot() for
 * transaction="true" (§1.4, §12.14) is O(number of tables) and a rollback is a pointer swap.
 */

export type Row = Readonly<Record<string, string>>;

export interface TableState {
	rows: Map<number, Row>;
	/** Business ID (idField value) -> RECORDNO, for readByName and reference checks. */
	byId: Map<string, number>;
	/** Parent RECORDNO -> child RECORDNOs in line order (GLENTRY by BATCHNO, APBILLITEM by RECORDKEY). */
	byParent: Map<number, readonly number[]>;
	/** TableOptions.keyOf value -> RECORDNOs with that key (e.g. APBILL by vendor + bill number). */
	byKey: Map<string, readonly number[]>;
	nextRecordNo: number;
}

export interface TableOptions {
	name: string;
	idField?: string;
	parentField?: string;
	firstRecordNo?: number;
	/** A secondary, non-unique lookup key of a row (undefined: not indexed), read with withKey(). */
	keyOf?: (row: Row) => string | undefined;
}

export class Table {
	readonly name: string;
	readonly idField?: string;
	readonly parentField?: string;
	private readonly keyOf?: (row: Row) => string | undefined;
	private state: TableState;
	/** True while `state`'s maps are also referenced by a snapshot. */
	private shared = false;
	/** Bumped on every write; query caches key on it. */
	version = 0;

	constructor(options: TableOptions) {
		this.name = options.name;
		this.idField = options.idField;
		this.parentField = options.parentField;
		this.keyOf = options.keyOf;
		this.state = { rows: new Map(), byId: new Map(), byParent: new Map(), byKey: new Map(), nextRecordNo: options.firstRecordNo ?? 1 };
	}

	get size(): number {
		return this.state.rows.size;
	}

	get(recordNo: number): Row | undefined {
		return this.state.rows.get(recordNo);
	}

	getById(id: string): Row | undefined {
		const no = this.state.byId.get(id);
		return no === undefined ? undefined : this.state.rows.get(no);
	}

	children(parentRecordNo: number): Row[] {
		const nos = this.state.byParent.get(parentRecordNo) ?? [];
		const out: Row[] = [];
		for (const no of nos) {
			const row = this.state.rows.get(no);
			if (row) out.push(row);
		}
		return out;
	}

	/** Rows whose keyOf() is `key`, in insertion order (only for tables with a keyOf). */
	withKey(key: string): Row[] {
		const out: Row[] = [];
		for (const no of this.state.byKey.get(key) ?? []) {
			const row = this.state.rows.get(no);
			if (row) out.push(row);
		}
		return out;
	}

	rows(): IterableIterator<Row> {
		return this.state.rows.values();
	}

	allocateRecordNo(): number {
		this.writable();
		return this.state.nextRecordNo++;
	}

	/** Inserts or replaces a row; RECORDNO must be set. */
	put(row: Row): void {
		const state = this.writable();
		const no = Number(row.RECORDNO);
		const previous = state.rows.get(no);
		state.rows.set(no, row);
		if (no >= state.nextRecordNo) state.nextRecordNo = no + 1;
		if (this.idField) {
			if (previous && previous[this.idField] !== row[this.idField]) state.byId.delete(previous[this.idField]);
			if (row[this.idField]) state.byId.set(row[this.idField], no);
		}
		if (this.parentField && !previous) {
			const parent = Number(row[this.parentField]);
			state.byParent.set(parent, [...(state.byParent.get(parent) ?? []), no]);
		}
		if (this.keyOf) {
			const before = previous ? this.keyOf(previous) : undefined;
			const after = this.keyOf(row);
			if (before !== after) {
				if (before !== undefined) unlink(state.byKey, before, no);
				if (after !== undefined) link(state.byKey, after, no);
			}
		}
	}

	/** Bulk insert for seeding: no copy of the parent index per row. */
	putMany(rows: Row[]): void {
		const state = this.writable();
		const parents = new Map<number, number[]>();
		for (const row of rows) {
			const no = Number(row.RECORDNO);
			state.rows.set(no, row);
			if (no >= state.nextRecordNo) state.nextRecordNo = no + 1;
			if (this.idField && row[this.idField]) state.byId.set(row[this.idField], no);
			if (this.parentField) {
				const parent = Number(row[this.parentField]);
				let list = parents.get(parent);
				if (!list) parents.set(parent, (list = [...(state.byParent.get(parent) ?? [])]));
				list.push(no);
			}
			const key = this.keyOf?.(row);
			if (key !== undefined) link(state.byKey, key, no);
		}
		for (const [parent, list] of parents) state.byParent.set(parent, list);
	}

	remove(recordNo: number): Row | undefined {
		const state = this.writable();
		const row = state.rows.get(recordNo);
		if (!row) return undefined;
		state.rows.delete(recordNo);
		if (this.idField && state.byId.get(row[this.idField]) === recordNo) state.byId.delete(row[this.idField]);
		if (this.parentField) {
			const parent = Number(row[this.parentField]);
			const list = (state.byParent.get(parent) ?? []).filter((n) => n !== recordNo);
			if (list.length) state.byParent.set(parent, list);
			else state.byParent.delete(parent);
		}
		const key = this.keyOf?.(row);
		if (key !== undefined) unlink(state.byKey, key, recordNo);
		return row;
	}

	/** Hands out the current maps; the next write copies them first. */
	snapshot(): TableState {
		this.shared = true;
		return this.state;
	}

	restore(state: TableState): void {
		this.state = state;
		this.shared = true;
		this.version++;
	}

	toJSON(): { nextRecordNo: number; rows: Row[] } {
		return { nextRecordNo: this.state.nextRecordNo, rows: [...this.state.rows.values()] };
	}

	load(data: { nextRecordNo: number; rows: Row[] }): void {
		this.state = { rows: new Map(), byId: new Map(), byParent: new Map(), byKey: new Map(), nextRecordNo: 1 };
		this.shared = false;
		this.putMany(data.rows);
		this.state.nextRecordNo = Math.max(this.state.nextRecordNo, data.nextRecordNo);
		this.version++;
	}

	private writable(): TableState {
		this.version++;
		if (this.shared) {
			this.state = {
				rows: new Map(this.state.rows),
				byId: new Map(this.state.byId),
				byParent: new Map(this.state.byParent),
				byKey: new Map(this.state.byKey),
				nextRecordNo: this.state.nextRecordNo,
			};
			this.shared = false;
		}
		return this.state;
	}
}

/** Index lists are replaced, never changed in place: a snapshot may share them. */
function link(index: Map<string, readonly number[]>, key: string, no: number): void {
	const list = index.get(key);
	if (list?.includes(no)) return;
	index.set(key, list ? [...list, no] : [no]);
}

function unlink(index: Map<string, readonly number[]>, key: string, no: number): void {
	const list = index.get(key);
	if (!list) return;
	const rest = list.filter((n) => n !== no);
	if (rest.length) index.set(key, rest);
	else index.delete(key);
}
