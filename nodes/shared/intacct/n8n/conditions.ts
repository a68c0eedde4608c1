/**
 * A Get Many filter condition both read functions understand: written as a readByQuery condition
 * string (§4.2) or as a node of the `query` filter tree (§4.4). A free-text condition (the "Query"
 * option, a readByQuery expression the user typed) has no `query` form: a read with one can only
 * use readByQuery (docs/benchmarks-cost.md "Reads").
 */
import type { QueryFilter } from '../xml/functions';

/** Quotes a value for a readByQuery condition (§4.2: single quotes, apostrophe as \'). */
export function quote(value: string): string {
	return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export type Condition =
	| { field: string; op: '=' | '>=' | '<='; value: string }
	| { field: string; op: 'in'; values: string[] }
	/** readByQuery text only. */
	| { text: string };

const QUERY_OPERATORS = { '=': 'equalto', '>=': 'greaterthanorequalto', '<=': 'lessthanorequalto' } as const;

export function readByQueryCondition(condition: Condition): string {
	if ('text' in condition) return condition.text;
	if (condition.op === 'in') {
		return condition.values.length === 1
			? `${condition.field} = ${quote(condition.values[0])}`
			: `${condition.field} IN (${condition.values.map(quote).join(',')})`;
	}
	return `${condition.field} ${condition.op} ${quote(condition.value)}`;
}

/** The conditions ANDed as a `query` filter; undefined for none; null when one has no `query` form. */
export function queryFilter(conditions: Condition[]): QueryFilter | undefined | null {
	const filters: QueryFilter[] = [];
	for (const c of conditions) {
		if ('text' in c) return null;
		if (c.op === 'in') filters.push(c.values.length === 1 ? { operator: 'equalto', field: c.field, value: c.values[0] } : { operator: 'in', field: c.field, values: c.values });
		else filters.push({ operator: QUERY_OPERATORS[c.op], field: c.field, value: c.value });
	}
	if (filters.length === 0) return undefined;
	return filters.length === 1 ? filters[0] : { operator: 'and', filters };
}
