/**
 * All tables of one company plus the change listeners. Snapshot/restore hands out each table's
 * copy-on-write state (store.ts), so a transaction="true" rollback costs O(tables), and the first
 * write after a snapshot copies only the tables it touches.
 */
import { STORED_OBJECTS } from './objects';
import { Table, type Row, type TableState } from './store';

/** Parent links maintained as indexes (GLBATCH -> GLENTRY lines, APBILL -> APBILLITEM lines). */
const PARENT_FIELDS: Record<string, string> = { GLENTRY: 'BATCHNO', APBILLITEM: 'RECORDKEY', APPYMTDETAIL: 'PAYMENTKEY', GLBUDGETITEM: 'BUDGETKEY', ARINVOICEITEM: 'RECORDKEY', ARPYMTDETAIL: 'PAYMENTKEY', DEPOSITENTRY: 'RECORDKEY', CCTRANSACTIONENTRY: 'RECORDKEY' };
const ID_FIELDS: Record<string, string> = {
	GLACCOUNT: 'ACCOUNTNO',
	GLJOURNAL: 'SYMBOL',
	APTERM: 'NAME',
	VENDOR: 'VENDORID',
	CUSTOMER: 'CUSTOMERID',
	EMPLOYEE: 'EMPLOYEEID',
	DEPARTMENT: 'DEPARTMENTID',
	LOCATION: 'LOCATIONID',
	LOCATIONENTITY: 'LOCATIONID',
	CLASS: 'CLASSID',
	PROJECT: 'PROJECTID',
	ITEM: 'ITEMID',
	FUNDINGSOURCE: 'NAME',
	CONTACT: 'CONTACTNAME',
	SUPDOC: 'SUPDOCID',
	SUPDOCFOLDER: 'NAME',
	CHECKINGACCOUNT: 'BANKACCOUNTID',
	GLBUDGETHEADER: 'BUDGETID',
	TAXDETAIL: 'DETAILID',
	CREDITCARD: 'CARDID',
};

/** Secondary lookup keys: a bill number is unique per vendor (§6.4), checked on every bill write. */
const KEYS: Record<string, (row: Row) => string | undefined> = {
	APBILL: (row) => (row.RECORDID ? billNumberKey(row.VENDORID ?? '', row.RECORDID) : undefined),
};

/** The APBILL lookup key of a vendor's bill number (Table.withKey). */
export function billNumberKey(vendorId: string, recordId: string): string {
	return `${vendorId}\u0000${recordId}`;
}

export type DatabaseSnapshot = { readonly tables: ReadonlyMap<string, TableState>; readonly marker: symbol };

export interface DatabaseJson {
	format: 'hopewell-sandbox-model/1';
	tables: Record<string, { nextRecordNo: number; rows: Row[] }>;
}

export class Database {
	private readonly tables = new Map<string, Table>();

	constructor() {
		for (const name of STORED_OBJECTS) {
			this.tables.set(name, new Table({ name, idField: ID_FIELDS[name], parentField: PARENT_FIELDS[name], keyOf: KEYS[name] }));
		}
	}

	table(objectName: string): Table {
		const table = this.tables.get(objectName);
		if (!table) throw new Error(`No table for ${objectName}`);
		return table;
	}

	/** Sum of table versions: changes whenever any table is written or restored (cache key). */
	version(names: readonly string[]): string {
		return names.map((n) => this.table(n).version).join('.');
	}

	snapshot(): DatabaseSnapshot {
		const tables = new Map<string, TableState>();
		for (const [name, table] of this.tables) tables.set(name, table.snapshot());
		return { tables, marker: SNAPSHOT_MARKER };
	}

	restore(snapshot: DatabaseSnapshot): void {
		for (const [name, state] of snapshot.tables) this.table(name).restore(state);
	}

	toJSON(): DatabaseJson {
		const tables: DatabaseJson['tables'] = {};
		for (const [name, table] of this.tables) tables[name] = table.toJSON();
		return { format: 'hopewell-sandbox-model/1', tables };
	}

	load(json: DatabaseJson): void {
		for (const [name, data] of Object.entries(json.tables)) if (this.tables.has(name)) this.table(name).load(data);
	}
}

export const SNAPSHOT_MARKER = Symbol('hopewell-sandbox-snapshot');

export function isDatabaseSnapshot(value: unknown): value is DatabaseSnapshot {
	return typeof value === 'object' && value !== null && (value as { marker?: unknown }).marker === SNAPSHOT_MARKER;
}

export function isDatabaseJson(value: unknown): value is DatabaseJson {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { format?: unknown }).format === 'hopewell-sandbox-model/1' &&
		typeof (value as { tables?: unknown }).tables === 'object'
	);
}
