/**
 * `query` (§4.4, §12.18): select fields and aggregates (count/sum/avg/min/max, grouped by the
 * plain fields), the filter tree, orderby, options caseinsensitive/showprivate, pagesize 1-2000
 * (default 100) and offset. UPPER elements; attributes totalcount, offset, count, numremaining.
 * Enum filter values must be labels; a code gets the error listing expected values (Vena, §3.6).
 */
import type { FunctionOutcome, RenderRecord, XmlElement } from '../contract';
import { visibleTo } from '../entity-visibility';
import { queryFailed } from '../errors';
import { renderValue } from '../render';
import type { Row } from '../store';
import { childElement, childText } from '../xml-element';
import { resolveField, type ResolvedField } from './field-access';
import { compareStored, compileFilter, isNumeric, type FilterNode } from './filter';
import { parseQueryFilter } from './query-filter';
import { requireObject, type ReadContext } from './read-context';
import { STORED_OBJECTS } from '../objects';

const MAX_PAGE = 2000;
const DEFAULT_PAGE = 100;
const AGGREGATES = ['count', 'sum', 'avg', 'min', 'max'] as const;
type Aggregate = (typeof AGGREGATES)[number];

interface SelectItem {
	field: ResolvedField;
	aggregate?: Aggregate;
	/** Element name: the field, or COUNT.RECORDNO for aggregates. */
	output: string;
}

function intOption(text: string | undefined, name: string, min: number, max: number, fallback: number): number {
	if (text === undefined || text === '') return fallback;
	const n = Number(text);
	if (!Number.isInteger(n) || n < min || n > max) throw queryFailed(`Invalid ${name} ${text}: must be between ${min} and ${max}`);
	return n;
}

function boolOption(options: XmlElement | undefined, name: string): boolean {
	const text = options ? childText(options, name) : undefined;
	return text !== undefined && text.toLowerCase() === 'true';
}

export function query(rc: ReadContext, fn: XmlElement): FunctionOutcome {
	const def = requireObject(childText(fn, 'object'));
	const resolve = (name: string): ResolvedField => {
		const f = resolveField(def, name, rc.db, true);
		if (!f) throw queryFailed(`Invalid field ${name.trim()} for object ${def.name}`, 'Check the fields exist (use lookup), and try again.');
		return f;
	};
	const select = childElement(fn, 'select');
	if (!select || select.children.length === 0) throw queryFailed('<select> needs at least one field or aggregate');
	const items: SelectItem[] = select.children.map((el) => {
		const kind = el.name.toLowerCase();
		const field = resolve(el.text);
		if (kind === 'field') return { field, output: field.name };
		if ((AGGREGATES as readonly string[]).includes(kind)) {
			const aggregate = kind as Aggregate;
			if ((aggregate === 'sum' || aggregate === 'avg') && !isNumeric(field.def)) throw queryFailed(`${kind} needs a numeric field, ${field.name} is ${field.def.type}`);
			return { field, aggregate, output: `${kind.toUpperCase()}.${field.name}` };
		}
		throw queryFailed(`Unknown select element <${el.name}>`);
	});
	const options = childElement(fn, 'options');
	const caseInsensitive = boolOption(options, 'caseinsensitive');
	const showPrivate = boolOption(options, 'showprivate');
	const format = (options ? childText(options, 'returnformat') : undefined)?.toLowerCase() ?? 'xml';
	if (format !== 'xml' && format !== '') throw queryFailed(`returnformat ${format} is not supported by the sandbox`, 'Use xml.');
	const pageSize = intOption(childText(fn, 'pagesize'), 'pagesize', 1, MAX_PAGE, DEFAULT_PAGE);
	const offset = intOption(childText(fn, 'offset'), 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
	const filterEl = childElement(fn, 'filter');
	const filter: FilterNode | null = filterEl ? parseQueryFilter(filterEl) : null;
	const orders = parseOrderBy(fn, resolve);

	// Every table can feed a related field, so the cache keys on the versions of all of them.
	const cacheKey = JSON.stringify([def.name, items.map((i) => i.output), filter, orders.map((o) => [o.field.name, o.descending]), caseInsensitive, showPrivate, rc.ctx.entityId, rc.db.version(STORED_OBJECTS)]);
	let matched = rc.queryCache.get(cacheKey);
	if (!matched) {
		const predicate = filter
			? compileFilter(filter, {
					enumStyle: 'label',
					caseInsensitive,
					resolve,
					badValue: (f, value, expected) =>
						queryFailed(`There's an error with the value for field ${f.name}. Value: [${value}].${expected ? ` Expected values: [${expected}].` : ''}`, 'Use a valid value, and try again.'),
				})
			: null;
		matched = [];
		for (const row of rc.rows.all(def)) {
			if (!visibleTo(rc.ctx, row, showPrivate)) continue;
			if (predicate && !predicate(row)) continue;
			matched.push(row);
		}
		if (orders.length) {
			matched.sort((a, b) => {
				for (const o of orders) {
					const c = compareStored(o.field.def, o.field.get(a), o.field.get(b), caseInsensitive);
					if (c !== 0) return o.descending ? -c : c;
				}
				return 0;
			});
		}
		rc.queryCache.set(cacheKey, matched);
	}
	// Aggregates collapse rows into groups; plain selects render only the requested page.
	const grouped = items.some((i) => i.aggregate) ? aggregateRecords(items, matched) : null;
	const total = grouped ? grouped.length : matched.length;
	const page = grouped ? grouped.slice(offset, offset + pageSize) : matched.slice(offset, offset + pageSize).map((row) => plainRecord(items, row));
	const records = { length: total };
	return {
		kind: 'data',
		listType: def.name,
		records: page.map((fields) => ({ element: def.name, fields })),
		attributes: {
			totalcount: String(records.length),
			offset: String(offset),
			count: String(page.length),
			numremaining: String(Math.max(0, records.length - offset - page.length)),
		},
	};
}


function parseOrderBy(fn: XmlElement, resolve: (name: string) => ResolvedField): Array<{ field: ResolvedField; descending: boolean }> {
	const orderBy = childElement(fn, 'orderby');
	if (!orderBy) return [];
	return orderBy.children
		.filter((o) => o.name.toLowerCase() === 'order')
		.map((o) => {
			const name = childText(o, 'field');
			if (!name) throw queryFailed('<order> needs a <field>');
			return { field: resolve(name), descending: childElement(o, 'descending') !== undefined };
		});
}

function plainRecord(items: SelectItem[], row: Row): RenderRecord {
	const out: RenderRecord = {};
	for (const item of items) out[item.output] = renderValue(item.field.def, item.field.get(row));
	return out;
}

function aggregateRecords(items: SelectItem[], rows: Row[]): RenderRecord[] {
	const groupFields = items.filter((i) => !i.aggregate);
	const groups = new Map<string, Row[]>();
	for (const row of rows) {
		const key = JSON.stringify(groupFields.map((g) => g.field.get(row) ?? ''));
		const list = groups.get(key);
		if (list) list.push(row);
		else groups.set(key, [row]);
	}
	if (groups.size === 0 && groupFields.length === 0) groups.set('[]', []);
	const out: RenderRecord[] = [];
	for (const members of groups.values()) {
		const record: RenderRecord = {};
		for (const item of items) {
			if (!item.aggregate) {
				record[item.output] = renderValue(item.field.def, members.length ? item.field.get(members[0]) : '');
				continue;
			}
			const values = members.map((m) => item.field.get(m)).filter((v): v is string => v !== undefined && v !== '');
			record[item.output] = aggregate(item, values);
		}
		out.push(record);
	}
	return out;
}

function aggregate(item: SelectItem, values: string[]): string {
	const def = item.field.def;
	switch (item.aggregate) {
		case 'count':
			return String(values.length);
		case 'sum': {
			const cents = values.reduce((s, v) => s + Math.round(Number(v) * 100), 0);
			return (cents / 100).toFixed(def.type === 'DECIMAL' ? 2 : 0);
		}
		case 'avg':
			return values.length === 0 ? '' : String(Math.round((values.reduce((s, v) => s + Number(v), 0) / values.length) * 1e6) / 1e6);
		case 'min':
		case 'max': {
			if (values.length === 0) return '';
			const sorted = [...values].sort((a, b) => compareStored(def, a, b));
			return renderValue(def, item.aggregate === 'min' ? sorted[0] : sorted[sorted.length - 1]);
		}
		default:
			return '';
	}
}
