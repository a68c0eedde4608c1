/**
 * CompanyModel (contract.ts) over the tables: dispatches each function to its read or write
 * handler, publishes change events after a function's writes, and offers snapshot/restore and JSON
 * state. Function element names are case-insensitive (§12.7).
 */
import {
	BusinessError,
	type CallContext,
	type ChangeEvent,
	type CompanyModel,
	type FunctionOutcome,
	type SandboxUser,
	type XmlElement,
} from './contract';
import { Database, isDatabaseSnapshot, type DatabaseJson } from './database';
import { schemaError } from './errors';
import { getAccountBalancesByDimensions, getTrialBalance } from './reads/balances';
import { getDimensions } from './reads/dimensions';
import { getList, getOne } from './reads/legacy-get';
import { lookup, inspect } from './reads/lookup';
import { ObjectRows } from './reads/object-rows';
import { query } from './reads/query';
import { QueryCache } from './reads/query-cache';
import { read, readByName } from './reads/read';
import { readByQuery, readMore } from './reads/read-by-query';
import type { ReadContext } from './reads/read-context';
import { ResultSets } from './reads/result-sets';
import { genericCreateOrUpdate, genericDelete } from './writes/generic-writes';
import { LEGACY_FUNCTIONS } from './writes/legacy-functions';
import { WriteSession } from './writes/write-session';

export interface CompanySettings {
	billNumberRequired: boolean;
	/** First open date (yyyy-mm-dd): postings dated before it are in a closed period. */
	closedBefore: string;
}

export interface CompanyIdentity {
	companyId: string;
	users: SandboxUser[];
	authorisedSenders: string[];
}

export interface CompanyStateJson {
	identity: CompanyIdentity;
	settings: CompanySettings;
	database: DatabaseJson;
}

type ReadHandler = (rc: ReadContext, fn: XmlElement) => FunctionOutcome;

const READS: Record<string, ReadHandler> = {
	read,
	readbyname: readByName,
	readbyquery: readByQuery,
	readmore: readMore,
	query,
	lookup,
	inspect,
	getdimensions: getDimensions,
	get_accountbalancesbydimensions: getAccountBalancesByDimensions,
	get_trialbalance: getTrialBalance,
	get: getOne,
	get_list: getList,
};

export class Company implements CompanyModel {
	readonly companyId: string;
	readonly settings: CompanySettings;
	private readonly rows: ObjectRows;
	private readonly resultSets: ResultSets;
	private readonly queryCache = new QueryCache();
	private readonly listeners = new Set<(event: ChangeEvent) => void>();

	constructor(
		readonly db: Database,
		private readonly identity: CompanyIdentity,
		settings: CompanySettings,
	) {
		this.companyId = identity.companyId;
		this.settings = { ...settings };
		this.rows = new ObjectRows(db);
		this.resultSets = new ResultSets(identity.companyId);
	}

	authorisedSenders(): string[] {
		return [...this.identity.authorisedSenders];
	}

	users(): SandboxUser[] {
		return this.identity.users.map((u) => ({ ...u, entities: [...u.entities] }));
	}

	entities(): string[] {
		return [...this.db.table('LOCATIONENTITY').rows()].map((r) => r.LOCATIONID);
	}

	execute(ctx: CallContext, fn: XmlElement): FunctionOutcome {
		const name = fn.name.toLowerCase();
		const readHandler = READS[name];
		if (readHandler) {
			return readHandler({ ctx, db: this.db, rows: this.rows, resultSets: this.resultSets, queryCache: this.queryCache }, fn);
		}
		const ws = new WriteSession(this.db, ctx, this.settings);
		try {
			if (name === 'create' || name === 'update') return genericCreateOrUpdate(ws, fn, name);
			if (name === 'delete') return genericDelete(ws, fn);
			const legacy = LEGACY_FUNCTIONS[name];
			if (legacy) return legacy(ws, fn);
			throw schemaError(`XML Parse schema error: Element '${fn.name}' is not a function the sandbox knows.`);
		} finally {
			// Writes are applied as they go (non-transactional functions keep what they wrote before
			// failing); the protocol's change gate holds events of transaction="true" operations.
			for (const event of ws.events) for (const listener of this.listeners) listener(event);
		}
	}

	snapshot(): unknown {
		return this.db.snapshot();
	}

	restore(snapshot: unknown): void {
		if (!isDatabaseSnapshot(snapshot)) throw new Error('restore() needs a value returned by snapshot()');
		this.db.restore(snapshot);
		this.queryCache.clear();
	}

	onChange(listener: (event: ChangeEvent) => void): () => void {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	}

	expireResultIds(olderThanMs: number, now: Date): void {
		this.resultSets.expire(olderThanMs, now.getTime());
	}

	toJSON(): CompanyStateJson {
		return { identity: this.identity, settings: { ...this.settings }, database: this.db.toJSON() };
	}
}

export function isCompanyStateJson(value: unknown): value is CompanyStateJson {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Partial<CompanyStateJson>;
	return typeof v.identity === 'object' && typeof v.settings === 'object' && typeof v.database === 'object';
}

export { BusinessError };
