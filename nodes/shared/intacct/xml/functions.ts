/**
 * Builders of IntacctFunction data for the generic 3.0 functions (docs/protocol.md §4, §5).
 * They know the element names and orders of the protocol, nothing about objects' fields: field
 * maps live in the node's code. Every builder takes an optional stable controlId (§7).
 */
import type { IntacctFunction, XmlObject } from '../core/types';
import { validationError } from '../core/errors';

export interface FunctionOptions {
	/** Stable function controlid for idempotent writes; default: a random UUID at send time. */
	controlId?: string;
}

/** §4.1: SDKs cap keys per read/readByName at 100. */
export const MAX_KEYS_PER_READ = 100;
/** §4.2 / §4.4 page size limits. */
export const MAX_READ_BY_QUERY_PAGE_SIZE = 1000;
export const MAX_QUERY_PAGE_SIZE = 2000;

function fn(name: string, body: XmlObject, options: FunctionOptions = {}, isWrite = false): IntacctFunction {
	const built: IntacctFunction = { name, body };
	if (options.controlId !== undefined) built.controlId = options.controlId;
	if (isWrite) built.isWrite = true;
	return built;
}

function list(values: string | string[]): string {
	return Array.isArray(values) ? values.map((v) => v.trim()).join(',') : values.trim();
}

function keysList(keys: string | string[], what: string): string {
	const all = (Array.isArray(keys) ? keys : keys.split(',')).map((k) => String(k).trim()).filter((k) => k !== '');
	if (all.length === 0) throw validationError(`${what} needs at least one key`);
	if (all.length > MAX_KEYS_PER_READ) throw validationError(`${what} takes at most ${MAX_KEYS_PER_READ} keys per call (got ${all.length})`);
	return all.join(',');
}

function pageSize(value: number | undefined, max: number, what: string): number | undefined {
	if (value === undefined) return undefined;
	if (!Number.isInteger(value) || value < 1 || value > max) throw validationError(`${what} page size must be 1 to ${max} (got ${value})`);
	return value;
}

export interface ReadByQueryParams {
	object: string;
	/** Field names, or '*' (default; fragile and slow, §4.2). */
	fields?: string | string[];
	/** SQL-like condition; '' = all rows (§4.2). Values in single quotes, apostrophes as \'. */
	query?: string;
	/** 1-1000; the client's pages() defaults to 1000. */
	pageSize?: number;
}

export function readByQuery(params: ReadByQueryParams, options?: FunctionOptions): IntacctFunction {
	return fn(
		'readByQuery',
		{
			object: params.object,
			fields: list(params.fields ?? '*'),
			query: params.query ?? '',
			pagesize: pageSize(params.pageSize, MAX_READ_BY_QUERY_PAGE_SIZE, 'readByQuery'),
		},
		options,
	);
}

/** Next page of a readByQuery by its resultId (§4.3). */
export function readMore(resultId: string, options?: FunctionOptions): IntacctFunction {
	return fn('readMore', { resultId }, options);
}

type ComparisonOperator =
	| 'equalto'
	| 'notequalto'
	| 'lessthan'
	| 'lessthanorequalto'
	| 'greaterthan'
	| 'greaterthanorequalto'
	| 'like'
	| 'notlike';

/** The `query` filter tree (§4.4). */
export type QueryFilter =
	| { operator: 'and' | 'or'; filters: QueryFilter[] }
	| { operator: ComparisonOperator; field: string; value: string }
	| { operator: 'isnull' | 'isnotnull'; field: string }
	| { operator: 'between'; field: string; values: [string, string] }
	| { operator: 'in' | 'notin'; field: string; values: string[] };

export interface QueryOrder {
	field: string;
	descending?: boolean;
}

export interface QuerySelect {
	fields?: string[];
	count?: string[];
	avg?: string[];
	min?: string[];
	max?: string[];
	sum?: string[];
}

export interface QueryParams {
	object: string;
	/** Field names, or fields plus aggregates. "All fields" does not exist in query (§4.4). */
	select: string[] | QuerySelect;
	filter?: QueryFilter;
	orderBy?: QueryOrder[];
	caseInsensitive?: boolean;
	/** Top-level sessions see private entity records only with this (§8). */
	showPrivate?: boolean;
	/** 1-2000; the client's pages() defaults to 2000. */
	pageSize?: number;
	offset?: number;
}

function filterXml(filter: QueryFilter): XmlObject {
	switch (filter.operator) {
		case 'and':
		case 'or': {
			if (filter.filters.length === 0) throw validationError(`a query "${filter.operator}" needs at least one condition`);
			// The schema wants two or more children; one condition needs no wrapper.
			if (filter.filters.length === 1) return filterXml(filter.filters[0]);
			const group: Record<string, XmlObject[]> = {};
			for (const member of filter.filters) {
				for (const [op, body] of Object.entries(filterXml(member))) {
					(group[op] ??= []).push(body as XmlObject);
				}
			}
			return { [filter.operator]: group };
		}
		case 'isnull':
		case 'isnotnull':
			return { [filter.operator]: { field: filter.field } };
		case 'between':
			if (filter.values.length !== 2) throw validationError('a query "between" needs exactly two values');
			return { between: { field: filter.field, value: filter.values } };
		case 'in':
		case 'notin':
			if (filter.values.length < 1 || filter.values.length > 1000) {
				throw validationError(`a query "${filter.operator}" takes 1 to 1000 values (got ${filter.values.length})`);
			}
			return { [filter.operator]: { field: filter.field, value: filter.values } };
		default:
			return { [filter.operator]: { field: filter.field, value: filter.value } };
	}
}

export function query(params: QueryParams, options?: FunctionOptions): IntacctFunction {
	const select: QuerySelect = Array.isArray(params.select) ? { fields: params.select } : params.select;
	const selectXml: XmlObject = {
		field: select.fields,
		count: select.count,
		avg: select.avg,
		min: select.min,
		max: select.max,
		sum: select.sum,
	};
	if (Object.values(selectXml).every((v) => v === undefined || (Array.isArray(v) && v.length === 0))) {
		throw validationError('a query needs at least one field or aggregate in select');
	}
	if (params.offset !== undefined && (!Number.isInteger(params.offset) || params.offset < 0)) {
		throw validationError(`a query offset must be 0 or more (got ${params.offset})`);
	}
	const body: XmlObject = { object: params.object, select: selectXml };
	if (params.filter) body.filter = filterXml(params.filter);
	if (params.orderBy && params.orderBy.length > 0) {
		body.orderby = {
			order: params.orderBy.map((o) => (o.descending ? { field: o.field, descending: '' } : { field: o.field, ascending: '' })),
		};
	}
	if (params.caseInsensitive !== undefined || params.showPrivate !== undefined) {
		body.options = { caseinsensitive: params.caseInsensitive, showprivate: params.showPrivate };
	}
	body.pagesize = pageSize(params.pageSize, MAX_QUERY_PAGE_SIZE, 'query');
	body.offset = params.offset;
	const built = fn('query', body, options);
	queryPlans.set(built, { params, options });
	return built;
}

/** The parameters each `query` function was built from, so a pager can build the next keyset page. */
const queryPlans = new WeakMap<IntacctFunction, { params: QueryParams; options?: FunctionOptions }>();

/**
 * Keyset paging of `query` (docs/benchmarks-cost.md "Reads"): each offset page is a fresh query (§4.4:
 * rows added or changed between calls shift the offsets, so a row can be skipped or returned twice).
 * Ordered by a total order ending in RECORDNO, the next page is instead "the rows after the last one
 * returned" - a filter on the order keys - which rows inserted or changed meanwhile cannot shift.
 * Returns the first page's function in that order, or undefined when `fn` cannot be keyset-paged:
 * not built by query(), aggregates, RECORDNO not selected, an order field not selected or related
 * (VENDOR.NAME), or an offset given by the caller.
 */
export function keysetQuery(fn: IntacctFunction, pageSizeValue?: number): IntacctFunction | undefined {
	const plan = queryPlans.get(fn);
	if (!plan || plan.params.offset) return undefined;
	const { params } = plan;
	if (!Array.isArray(params.select)) {
		const { fields, ...aggregates } = params.select;
		if (Object.values(aggregates).some((v) => v !== undefined && v.length > 0) || !fields) return undefined;
	}
	const fields = (Array.isArray(params.select) ? params.select : params.select.fields ?? []).map((f) => f.trim().toUpperCase());
	if (!fields.includes('RECORDNO')) return undefined;
	const orderBy = [...(params.orderBy ?? [])];
	if (orderBy.some((o) => o.field.includes('.') || !fields.includes(o.field.trim().toUpperCase()))) return undefined;
	const last = orderBy[orderBy.length - 1];
	if (!last || last.field.trim().toUpperCase() !== 'RECORDNO') orderBy.push({ field: 'RECORDNO', descending: last?.descending });
	const keyset: QueryParams = { ...params, select: fields, orderBy, pageSize: pageSizeValue ?? params.pageSize };
	const built = query(keyset, plan.options);
	keysets.set(built, keyset);
	return built;
}

const keysets = new WeakMap<IntacctFunction, QueryParams>();

/**
 * The keyset page after `last` (a record of `page`, which keysetQuery built): the caller's filter AND
 * (k1 > v1 OR (k1 = v1 AND k2 > v2) OR ...), "<" for descending keys. Undefined when `last` lacks a key value.
 */
export function queryAfter(page: IntacctFunction, last: Record<string, unknown>, pageSizeValue?: number): IntacctFunction | undefined {
	const params = keysets.get(page);
	if (!params?.orderBy) return undefined;
	const keys: Array<{ order: QueryOrder; value: string }> = [];
	for (const order of params.orderBy) {
		const value = last[order.field.trim().toUpperCase()];
		if (typeof value !== 'string' || value.trim() === '') return undefined;
		keys.push({ order, value });
	}
	const after: QueryFilter[] = keys.map((key, i) => ({
		operator: 'and',
		filters: [
			...keys.slice(0, i).map((k): QueryFilter => ({ operator: 'equalto', field: k.order.field, value: k.value })),
			{ operator: key.order.descending ? 'lessthan' : 'greaterthan', field: key.order.field, value: key.value },
		],
	}));
	const beyond: QueryFilter = after.length === 1 ? after[0] : { operator: 'or', filters: after };
	const next: QueryParams = {
		...params,
		filter: params.filter ? { operator: 'and', filters: [params.filter, beyond] } : beyond,
		pageSize: pageSizeValue ?? params.pageSize,
	};
	const built = query(next, queryPlans.get(page)?.options);
	keysets.set(built, params);
	return built;
}

/** `read` by RECORDNO keys (max 100), §4.1. */
export function read(object: string, keys: string | string[], fields: string | string[] = '*', options?: FunctionOptions): IntacctFunction {
	return fn('read', { object, keys: keysList(keys, 'read'), fields: list(fields) }, options);
}

/** `readByName` by business IDs (VENDORID, ACCOUNTNO, ...; max 100), §4.1. */
export function readByName(object: string, keys: string | string[], fields: string | string[] = '*', options?: FunctionOptions): IntacctFunction {
	return fn('readByName', { object, keys: keysList(keys, 'readByName'), fields: list(fields) }, options);
}

/** Object definition: Type/Fields/Field and Relationships (§4.5). */
export function lookup(object: string, options?: FunctionOptions): IntacctFunction {
	return fn('lookup', { object }, options);
}

/** `inspect`; detail 1 lists field properties, '*' lists every object (§4.5). */
export function inspect(object: string, detail = false, options?: FunctionOptions): IntacctFunction {
	const built = fn('inspect', { object }, options);
	if (detail) built.attributes = { detail: '1' };
	return built;
}

/** Generic create of one object (§5.1): `<create><OBJECT>fields</OBJECT></create>`. */
export function create(object: string, fields: XmlObject, options?: FunctionOptions): IntacctFunction {
	return fn('create', { [object]: fields }, options, true);
}

/** Generic update; fields must include the key (RECORDNO, or the ID for some master data), §5.1. */
export function update(object: string, fields: XmlObject, options?: FunctionOptions): IntacctFunction {
	return fn('update', { [object]: fields }, options, true);
}

/** Generic delete by RECORDNO keys (§5.1). */
export function deleteRecords(object: string, keys: string | string[], options?: FunctionOptions): IntacctFunction {
	return fn('delete', { object, keys: keysList(keys, 'delete') }, options, true);
}

/** getAPISession (§2.1); `entityId` switches an existing session's entity ('' = top level). */
export function getAPISession(entityId?: string, options?: FunctionOptions): IntacctFunction {
	return fn('getAPISession', entityId === undefined ? {} : { locationid: entityId }, options);
}

/**
 * A legacy object-specific function (create_bill, create_gltransaction, update_bill, ...; §5.3,
 * §5.5): lower-case elements in the strict schema order, which the caller's body must follow.
 */
export function legacyFunction(
	name: string,
	body: XmlObject,
	options: FunctionOptions & { isWrite?: boolean; attributes?: Record<string, string> } = {},
): IntacctFunction {
	const built = fn(name, body, options, options.isWrite ?? /^(create|update|delete|reverse)_/.test(name));
	if (options.attributes) built.attributes = options.attributes;
	return built;
}
