/**
 * POST /services/core/query (docs: intacct-docs/rest/query-service.md): object, fields (dotted
 * reference fields, aggregates sum:/avg:/min:/max:/count:), filters in both documented forms
 * ({ field, operator, value } and { "$eq": { field: value } }), filterExpression, filterParameters
 * (caseSensitiveComparison, asOfDate), orderBy, start/size. Rows are the model's records rendered
 * in REST shape; results carry the requested fields as flat dotted keys.
 */
import { ModelCalls } from './modelCalls';
import { requireObject, readPaging } from './objectService';
import type { RestObjectDef } from './objects/restObjectDef';
import { isRef, type RestFieldDef } from './objects/restObjectDef';
import { type Json, type JsonObject, getPath, hrefOf, modelValue, renderRestRecord } from './recordMapping';
import { RefResolver } from './refResolver';
import { RestError } from './restErrors';
import type { RestReply } from './objectService';

const MAX_QUERY_SIZE = 4000;
const OPERATORS = new Set(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$between', '$notBetween', '$contains', '$notContains', '$startsWith', '$notStartsWith', '$endsWith', '$notEndsWith']);
const AGGREGATES = new Set(['sum', 'avg', 'min', 'max', 'count']);

interface Filter {
	field: string;
	operator: string;
	value: Json;
}

function invalid(message: string): RestError {
	return new RestError(400, 'invalidRequest', message);
}

/** Paths a query may name: the object's fields, key/id/href, and key/id/name/href of references. */
function queryablePaths(def: RestObjectDef): Set<string> {
	const paths = new Set(['key', 'id', 'href']);
	for (const field of def.fields) {
		if (isRef(field)) for (const sub of field.keyOnly === true ? ['key', 'href'] : ['key', 'id', 'name', 'href']) paths.add(`${field.path}.${sub}`);
		else if (field.writeOnly !== true) paths.add(field.path);
	}
	return paths;
}

function readFilters(raw: Json | undefined): Filter[] {
	if (raw === undefined || raw === null) return [];
	if (!Array.isArray(raw)) throw invalid('filters must be an array');
	return raw.map((item, index) => {
		if (item === null || typeof item !== 'object' || Array.isArray(item)) throw invalid(`filters[${index}] must be an object`);
		if (typeof item.field === 'string' && typeof item.operator === 'string') return { field: item.field, operator: item.operator, value: item.value ?? null };
		const entries = Object.entries(item);
		if (entries.length === 1) {
			const [operator, condition] = entries[0];
			if (condition !== null && typeof condition === 'object' && !Array.isArray(condition) && Object.keys(condition).length === 1) {
				const [field, value] = Object.entries(condition)[0];
				return { field, operator, value };
			}
		}
		throw invalid(`filters[${index}] must be { "field", "operator", "value" } or { "$operator": { "field": value } }`);
	});
}

// ------------------------------------------------------------ relative dates

function iso(d: Date): string {
	return d.toISOString().slice(0, 10);
}

function utc(y: number, m: number, d: number): Date {
	return new Date(Date.UTC(y, m, d));
}

/** [first, last] day of a relative date value, or null when the value is not one. */
export function relativeRange(value: string, asOf: Date): [string, string] | null {
	const y = asOf.getUTCFullYear();
	const m = asOf.getUTCMonth();
	const d = asOf.getUTCDate();
	const dow = (asOf.getUTCDay() + 6) % 7; // Monday = 0
	const q = Math.floor(m / 3) * 3;
	switch (value) {
		case 'today':
			return [iso(asOf), iso(asOf)];
		case 'yesterday':
			return [iso(utc(y, m, d - 1)), iso(utc(y, m, d - 1))];
		case 'currentWeek':
			return [iso(utc(y, m, d - dow)), iso(utc(y, m, d - dow + 6))];
		case 'lastWeek':
			return [iso(utc(y, m, d - dow - 7)), iso(utc(y, m, d - dow - 1))];
		case 'currentMonth':
			return [iso(utc(y, m, 1)), iso(utc(y, m + 1, 0))];
		case 'priorMonth':
			return [iso(utc(y, m - 1, 1)), iso(utc(y, m, 0))];
		case 'currentQuarter':
			return [iso(utc(y, q, 1)), iso(utc(y, q + 3, 0))];
		case 'priorQuarter':
			return [iso(utc(y, q - 3, 1)), iso(utc(y, q, 0))];
		case 'currentYear':
			return [iso(utc(y, 0, 1)), iso(utc(y, 11, 31))];
		case 'priorYear':
			return [iso(utc(y - 1, 0, 1)), iso(utc(y - 1, 11, 31))];
		default:
			return null;
	}
}

// ------------------------------------------------------------ comparison

type Scalar = string | number | boolean | null;

function scalar(value: Json | undefined): Scalar {
	if (value === undefined || value === null) return null;
	if (typeof value === 'object') return JSON.stringify(value);
	return value;
}

function compare(a: Scalar, b: Scalar, caseSensitive: boolean): number {
	if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
	const na = Number(a);
	const nb = Number(b);
	if (typeof a !== 'boolean' && typeof b !== 'boolean' && a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
	let sa = String(a);
	let sb = String(b);
	if (!caseSensitive) {
		sa = sa.toLowerCase();
		sb = sb.toLowerCase();
	}
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function matches(filter: Filter, row: JsonObject, caseSensitive: boolean, asOf: Date): boolean {
	const actual = scalar(row[filter.field]);
	const text = (v: Scalar): string => (caseSensitive ? String(v ?? '') : String(v ?? '').toLowerCase());
	const range = typeof filter.value === 'string' ? relativeRange(filter.value, asOf) : null;
	const list = (): Scalar[] => {
		if (!Array.isArray(filter.value)) throw invalid(`${filter.operator} on ${filter.field} needs an array value`);
		return filter.value.map((v) => scalar(v));
	};
	const cmp = (v: Scalar): number => compare(actual, v, caseSensitive);
	switch (filter.operator) {
		case '$eq':
			return range ? actual !== null && cmp(range[0]) >= 0 && cmp(range[1]) <= 0 : cmp(scalar(filter.value)) === 0;
		case '$ne':
			return range ? !(actual !== null && cmp(range[0]) >= 0 && cmp(range[1]) <= 0) : cmp(scalar(filter.value)) !== 0;
		case '$lt':
			return actual !== null && cmp(range ? range[0] : scalar(filter.value)) < 0;
		case '$lte':
			return actual !== null && cmp(range ? range[1] : scalar(filter.value)) <= 0;
		case '$gt':
			return actual !== null && cmp(range ? range[1] : scalar(filter.value)) > 0;
		case '$gte':
			return actual !== null && cmp(range ? range[0] : scalar(filter.value)) >= 0;
		case '$in':
			return list().some((v) => cmp(v) === 0);
		case '$notIn':
			return !list().some((v) => cmp(v) === 0);
		case '$between':
		case '$notBetween': {
			const [low, high] = list();
			const inside = actual !== null && cmp(low) >= 0 && cmp(high) <= 0;
			return filter.operator === '$between' ? inside : !inside;
		}
		case '$contains':
			return text(actual).includes(text(scalar(filter.value)));
		case '$notContains':
			return !text(actual).includes(text(scalar(filter.value)));
		case '$startsWith':
			return text(actual).startsWith(text(scalar(filter.value)));
		case '$notStartsWith':
			return !text(actual).startsWith(text(scalar(filter.value)));
		case '$endsWith':
			return text(actual).endsWith(text(scalar(filter.value)));
		case '$notEndsWith':
			return !text(actual).endsWith(text(scalar(filter.value)));
		default:
			throw invalid(`Unknown operator ${filter.operator}`);
	}
}

/** filterExpression: 1-based filter numbers with and/or and parentheses, e.g. "(1 and 2) or 3". */
export function compileExpression(expression: string, count: number): (results: boolean[]) => boolean {
	const tokens = expression.match(/\(|\)|\d+|and|or|\S+/gi) ?? [];
	let pos = 0;
	type Node = (r: boolean[]) => boolean;
	const primary = (): Node => {
		const token = tokens[pos++];
		if (token === '(') {
			const inner = orExpr();
			if (tokens[pos++] !== ')') throw invalid(`filterExpression "${expression}" has an unbalanced parenthesis`);
			return inner;
		}
		if (token !== undefined && /^\d+$/.test(token)) {
			const index = Number(token) - 1;
			if (index < 0 || index >= count) throw invalid(`filterExpression "${expression}" names filter ${token}, but there are ${count} filters`);
			return (r) => r[index];
		}
		throw invalid(`filterExpression "${expression}" is not valid`);
	};
	const andExpr = (): Node => {
		let left = primary();
		while (tokens[pos]?.toLowerCase() === 'and') {
			pos++;
			const l = left;
			const right = primary();
			left = (r) => l(r) && right(r);
		}
		return left;
	};
	const orExpr = (): Node => {
		let left = andExpr();
		while (tokens[pos]?.toLowerCase() === 'or') {
			pos++;
			const l = left;
			const right = andExpr();
			left = (r) => l(r) || right(r);
		}
		return left;
	};
	const root = orExpr();
	if (pos !== tokens.length) throw invalid(`filterExpression "${expression}" is not valid`);
	return root;
}

// ------------------------------------------------------------ rows

function flatRow(def: RestObjectDef, rendered: JsonObject, paths: Iterable<string>): JsonObject {
	const row: JsonObject = {};
	for (const path of paths) {
		const value = getPath(rendered, path);
		row[path] = value === undefined ? null : value;
	}
	void def;
	return row;
}

interface Aggregate {
	fn: string;
	field: string;
	label: string;
}

function aggregate(rows: JsonObject[], groupFields: string[], aggregates: Aggregate[]): JsonObject[] {
	const groups = new Map<string, JsonObject[]>();
	for (const row of rows) {
		const key = JSON.stringify(groupFields.map((f) => row[f] ?? null));
		const list = groups.get(key) ?? [];
		list.push(row);
		groups.set(key, list);
	}
	return [...groups.values()].map((members) => {
		const out: JsonObject = {};
		for (const f of groupFields) out[f] = members[0][f] ?? null;
		for (const a of aggregates) {
			const values = members.map((m) => m[a.field]).filter((v): v is string | number => v !== null && v !== undefined && (typeof v === 'number' || typeof v === 'string'));
			const numbers = values.map(Number).filter(Number.isFinite);
			switch (a.fn) {
				case 'count':
					out[a.label] = values.length;
					break;
				case 'sum':
					out[a.label] = (Math.round(numbers.reduce((s, n) => s + n, 0) * 100) / 100).toFixed(2);
					break;
				case 'avg':
					out[a.label] = numbers.length === 0 ? null : (numbers.reduce((s, n) => s + n, 0) / numbers.length).toFixed(2);
					break;
				case 'min':
					out[a.label] = numbers.length === 0 ? null : String(Math.min(...numbers));
					break;
				case 'max':
					out[a.label] = numbers.length === 0 ? null : String(Math.max(...numbers));
					break;
			}
		}
		return out;
	});
}

/** Rendered query rows kept between requests (paging through a large object re-reads nothing);
 * emptied on every model change. */
export class QueryRowCache {
	private readonly rows = new Map<string, JsonObject[]>();
	private static readonly MAX_ENTRIES = 16;

	get(key: string): JsonObject[] | undefined {
		return this.rows.get(key);
	}

	set(key: string, rows: JsonObject[]): void {
		if (this.rows.size >= QueryRowCache.MAX_ENTRIES) this.rows.delete(this.rows.keys().next().value as string);
		this.rows.set(key, rows);
	}

	clear(): void {
		this.rows.clear();
	}
}

export class QueryService {
	private readonly refs: RefResolver;

	constructor(
		private readonly calls: ModelCalls,
		private readonly now: () => Date,
		private readonly cache: QueryRowCache = new QueryRowCache(),
	) {
		this.refs = new RefResolver(calls);
	}

	query(body: Json | undefined): RestReply {
		if (body === null || body === undefined || typeof body !== 'object') throw invalid('The query body must be a JSON object');
		if (Array.isArray(body)) throw invalid('The sandbox answers one query per request; send each object as its own query');
		if (typeof body.object !== 'string' || body.object === '') throw invalid('object is required');
		const def = requireObject(body.object, this.calls);
		if (!Array.isArray(body.fields) || body.fields.length === 0) throw invalid('fields is required: list the fields to return');
		const allowed = queryablePaths(def);
		const owner = ownerOf(def);
		if (owner) for (const sub of ['key', 'id', 'href']) allowed.add(`${owner.path}.${sub}`);
		const plain: string[] = [];
		const aggregates: Aggregate[] = [];
		for (const raw of body.fields) {
			if (typeof raw !== 'string') throw invalid('fields must be strings');
			if (raw === '*') throw invalid('"*" is not supported: list the fields to return');
			const colon = raw.indexOf(':');
			if (colon > 0 && AGGREGATES.has(raw.slice(0, colon))) {
				const field = raw.slice(colon + 1);
				if (!allowed.has(field)) throw invalid(`Field ${field} is not a queryable field of ${def.name}`);
				aggregates.push({ fn: raw.slice(0, colon), field, label: raw });
				continue;
			}
			if (!allowed.has(raw)) throw invalid(`Field ${raw} is not a queryable field of ${def.name}`);
			plain.push(raw);
		}
		const filters = readFilters(body.filters);
		for (const f of filters) {
			if (!OPERATORS.has(f.operator)) throw invalid(`Unknown operator ${f.operator}`);
			if (!allowed.has(f.field) || f.field === 'href') throw invalid(`Field ${f.field} cannot be used in a filter of ${def.name}`);
		}
		const params = body.filterParameters !== null && typeof body.filterParameters === 'object' && !Array.isArray(body.filterParameters) ? body.filterParameters : {};
		const caseSensitive = params.caseSensitiveComparison !== false;
		const asOf = typeof params.asOfDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.asOfDate) ? new Date(`${params.asOfDate}T00:00:00Z`) : this.now();
		const expression =
			typeof body.filterExpression === 'string' && body.filterExpression.trim() !== ''
				? compileExpression(body.filterExpression, filters.length)
				: (r: boolean[]) => r.every(Boolean);
		const orderBy = Array.isArray(body.orderBy) ? body.orderBy : [];
		const sorts = orderBy.map((item, index) => {
			if (item === null || typeof item !== 'object' || Array.isArray(item) || Object.keys(item).length !== 1) throw invalid(`orderBy[${index}] must be { "field": "asc" | "desc" }`);
			const [field, direction] = Object.entries(item)[0];
			if (!allowed.has(field) || field === 'href') throw invalid(`Field ${field} cannot be used in orderBy of ${def.name}`);
			if (direction !== 'asc' && direction !== 'desc') throw invalid(`orderBy ${field} must be asc or desc`);
			return { field, sign: direction === 'asc' ? 1 : -1 };
		});
		const query = new URLSearchParams();
		if (body.start !== undefined) query.set('start', String(body.start));
		query.set('size', String(body.size ?? 100));
		const { start, size } = readPaging(query);
		if (size > MAX_QUERY_SIZE) throw invalid(`size is at most ${MAX_QUERY_SIZE}`);

		const needed = new Set([...plain, ...aggregates.map((a) => a.field), ...filters.map((f) => f.field), ...sorts.map((s) => s.field)]);
		// Only the fields the query names are read from the model and rendered.
		const only = new Set(def.fields.filter((field) => needed.has(field.path) || [...needed].some((n) => n.startsWith(`${field.path}.`))));
		const ownerKeyXml = owner?.xml ?? '';
		const modelFields = new Set(['RECORDNO', def.idXml, ...(owner ? [ownerKeyXml] : [])]);
		for (const field of only) {
			modelFields.add(field.xml);
			if (isRef(field) && field.xmlName) modelFields.add(field.xmlName);
		}
		const cacheKey = `${def.name}|${this.calls.ctx.entityId}|${[...needed].sort().join(',')}`;
		let rows = this.cache.get(cacheKey) ?? this.readRows(def, modelFields, only, needed, ownerKeyXml, cacheKey);
		rows = rows.filter((row) => expression(filters.map((f) => matches(f, row, caseSensitive, asOf))));
		if (aggregates.length > 0) rows = aggregate(rows, plain, aggregates);
		if (sorts.length > 0) {
			rows.sort((a, b) => {
				for (const s of sorts) {
					const c = compare(scalar(a[s.field]), scalar(b[s.field]), true);
					if (c !== 0) return c * s.sign;
				}
				return 0;
			});
		}
		const total = rows.length;
		const page = rows.slice(start - 1, start - 1 + size).map((row) => {
			const out: JsonObject = {};
			for (const f of plain) out[f] = row[f] ?? null;
			for (const a of aggregates) out[a.label] = row[a.label] ?? null;
			return out;
		});
		const next = start + size <= total ? start + size : null;
		const previous = start > 1 ? Math.max(1, start - size) : null;
		return { status: 200, body: { 'ia::result': page, 'ia::meta': { totalCount: total, start, pageSize: size, next, previous } } };
	}

	private readRows(def: RestObjectDef, modelFields: Set<string>, only: Set<RestFieldDef>, needed: Set<string>, ownerKeyXml: string, cacheKey: string): JsonObject[] {
		const rows = this.calls.readAll(def.xmlObject, [...modelFields].join(','), def.name).map((record) => {
			const rendered = renderRestRecord(def, record, this.refs, only);
			const owner = ownerOf(def);
			if (owner) {
				const ownerKey = modelValue(record, ownerKeyXml);
				rendered[owner.path] = { key: ownerKey, id: ownerKey, href: hrefOf(owner.object, ownerKey) };
			}
			return flatRow(def, rendered, needed);
		});
		this.cache.set(cacheKey, rows);
		return rows;
	}

}

/** The owner reference of an owned object's rows (journal entry line -> journalEntry, bill line -> bill). */
function ownerOf(def: RestObjectDef): { path: string; object: string; xml: string } | null {
	if (def.owner !== undefined) return def.owner;
	if (!def.owned) return null;
	return def.xmlObject === 'GLENTRY' ? { path: 'journalEntry', object: 'general-ledger/journal-entry', xml: 'BATCHNO' } : { path: 'bill', object: 'accounts-payable/bill', xml: 'RECORDKEY' };
}
