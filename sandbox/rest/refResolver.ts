/**
 * Keys and names of referenced records ({ key, id, name, href }): the model's rows of each served
 * object are read once per request (RECORDNO, ID, name) and looked up both ways.
 */
import { ModelCalls } from './modelCalls';
import { modelValue } from './recordMapping';
import { restObject } from './objects';
import { platformObject } from './platformObjects';

interface RefTable {
	keyById: Map<string, string>;
	idByKey: Map<string, string>;
	nameById: Map<string, string>;
}

export class RefResolver {
	private readonly tables = new Map<string, RefTable | null>();

	constructor(private readonly calls: ModelCalls) {}

	private table(objectName: string): RefTable | null {
		if (this.tables.has(objectName)) return this.tables.get(objectName) ?? null;
		const def = restObject(objectName) ?? platformObject(this.calls, objectName);
		let table: RefTable | null = null;
		if (def !== undefined && !def.owned) {
			const fields = ['RECORDNO', def.idXml, ...(def.nameXml ? [def.nameXml] : [])];
			const unique = [...new Set(fields)].join(',');
			table = { keyById: new Map(), idByKey: new Map(), nameById: new Map() };
			for (const record of this.calls.readAll(def.xmlObject, unique, objectName)) {
				const key = modelValue(record, 'RECORDNO');
				const id = modelValue(record, def.idXml);
				table.keyById.set(id, key);
				table.idByKey.set(key, id);
				if (def.nameXml) table.nameById.set(id, modelValue(record, def.nameXml));
			}
		}
		this.tables.set(objectName, table);
		return table;
	}

	/** The RECORDNO of the record with this business ID, or null (not served, or unknown). */
	keyOf(objectName: string, id: string): string | null {
		return this.table(objectName)?.keyById.get(id) ?? null;
	}

	idOf(objectName: string, key: string): string | null {
		return this.table(objectName)?.idByKey.get(key) ?? null;
	}

	nameOf(objectName: string, id: string): string | null {
		return this.table(objectName)?.nameById.get(id) ?? null;
	}
}
