import type { CallContext } from '../contract';
import type { Database } from '../database';
import { queryFailed } from '../errors';
import { objectDef } from '../objects';
import type { ObjectDef } from '../schema';
import type { ObjectRows } from './object-rows';
import type { QueryCache } from './query-cache';
import type { ResultSets } from './result-sets';

/** What read functions need. */
export interface ReadContext {
	ctx: CallContext;
	db: Database;
	rows: ObjectRows;
	resultSets: ResultSets;
	queryCache: QueryCache;
}

export function requireObject(name: string | undefined): ObjectDef {
	if (!name) throw queryFailed('No object given', 'Add an <object> element, and try again.');
	const def = objectDef(name);
	if (!def) throw queryFailed(`Object definition ${name.trim()} not found`, 'Check the object name (use inspect with object *), and try again.');
	return def;
}
