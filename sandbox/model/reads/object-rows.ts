/** Where an object's rows come from: its table, or the GLDETAIL view. */
import type { Database } from '../database';
import type { ObjectDef } from '../schema';
import type { Row } from '../store';
import { GlDetailView } from './gldetail-view';

export class ObjectRows {
	private readonly glDetail: GlDetailView;

	constructor(private readonly db: Database) {
		this.glDetail = new GlDetailView(db);
	}

	all(def: ObjectDef): Iterable<Row> {
		return def.name === 'GLDETAIL' ? this.glDetail.all() : this.db.table(def.name).rows();
	}

	/** By RECORDNO: an integer for tables, the composite text key for GLDETAIL. */
	get(def: ObjectDef, key: string): Row | undefined {
		if (def.name === 'GLDETAIL') return this.glDetail.get(key);
		return /^\d+$/.test(key) ? this.db.table(def.name).get(Number(key)) : undefined;
	}

	/** Version of the data behind an object (query result caches key on it). */
	version(def: ObjectDef): string {
		return def.name === 'GLDETAIL' ? this.db.version(['GLENTRY', 'GLBATCH', 'APBILL']) : this.db.version([def.name]);
	}
}
