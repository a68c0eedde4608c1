/**
 * `query` pages are fresh queries by offset (§4.4); re-filtering and re-sorting 100k rows per page
 * would make paging quadratic, so the sorted matches are cached by (query, caller entity, data
 * version) and each page slices them.
 */
import type { Row } from '../store';

const MAX_ENTRIES = 8;

export class QueryCache {
	private readonly entries = new Map<string, Row[]>();

	get(key: string): Row[] | undefined {
		const hit = this.entries.get(key);
		if (hit) {
			this.entries.delete(key);
			this.entries.set(key, hit);
		}
		return hit;
	}

	set(key: string, rows: Row[]): void {
		this.entries.set(key, rows);
		while (this.entries.size > MAX_ENTRIES) {
			const oldest = this.entries.keys().next().value;
			if (oldest === undefined) break;
			this.entries.delete(oldest);
		}
	}

	clear(): void {
		this.entries.clear();
	}
}
