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

	get(def: ObjectDef, recordNo: number): Row | undefined {
		return def.name === 'GLDETAIL' ? this.glDetail.get(recordNo) : this.db.table(def.name).get(recordNo);
	}

	/** Version of the data behind an object (query result caches key on it). */
	version(def: ObjectDef): string {
		return def.name === 'GLDETAIL' ? this.db.version(['GLENTRY', 'GLBATCH', 'APBILL']) : this.db.version([def.name]);
	}
}
