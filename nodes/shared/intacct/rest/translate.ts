/**
 * Translation between the node's Intacct functions (XML object and field names, readByQuery
 * conditions) and the REST API's objects, field paths, query-service filters and JSON bodies, so
 * every operation runs unchanged over either wire and emits the same records (docs/rest-wire.md).
 */
import type { IntacctRecord, XmlObject, XmlValue } from '../core/types';
import { IntacctError } from '../core/errors';
import { lineMapping, type RestFieldMapping, type RestObjectMapping } from '../records/restObjects';
import type { JsonObject, JsonValue } from './restWire';
import { userDimensionFieldMapping, userDimensionFieldOfPath } from './userDimensions';

function invalid(summary: string): IntacctError {
	return new IntacctError({ kind: 'validation', summary });
}

// ------------------------------------------------------------------ values

/** REST date/time texts in the XML gateway's spelling (so outputs match the XML wire's). */
function toXmlText(field: RestFieldMapping, value: unknown): string {
	if (value === null || value === undefined) return '';
	if (field.format === 'amount' && typeof value === 'number') return value.toFixed(2);
	let text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
	if (field.values) text = field.values.find(([rest]) => rest === text)?.[1] ?? text;
	if (field.format === 'date') {
		const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
		if (m) return `${m[2]}/${m[3]}/${m[1]}`;
	}
	if (field.format === 'dateTime') {
		const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(text);
		if (m) return `${m[2]}/${m[3]}/${m[1]} ${m[4]}:${m[5]}:${m[6]}`;
	}
	return text;
}

/** An XML-spelled value as the REST API wants it (dates ISO, enumerations by REST value). */
export function toRestValue(field: RestFieldMapping, text: string): string {
	if (field.values) {
		const lower = text.toLowerCase();
		const hit = field.values.find(([rest, xml]) => xml.toLowerCase() === lower || rest.toLowerCase() === lower);
		if (hit) return hit[0];
		// The XML state filter codes (P posted, D/I draft) of GLENTRY/GLBATCH; T/F of STATUS (active/inactive).
		// APPYMT's state codes: A approved, C complete (confirmed), S submitted, V voided.
		const code = { p: 'posted', d: 'draft', i: 'draft', r: 'reversed', t: 'active', f: 'inactive', a: 'approved', c: 'confirmed', s: 'submitted', v: 'voided' }[lower];
		if (code && field.values.some(([rest]) => rest === code)) return code;
	}
	const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{2}):(\d{2}):(\d{2}))?$/.exec(text.trim());
	if (date && (field.format === 'date' || field.format === 'dateTime')) {
		const day = `${date[3]}-${date[1].padStart(2, '0')}-${date[2].padStart(2, '0')}`;
		return field.format === 'dateTime' ? `${day}T${date[4] ?? '00'}:${date[5] ?? '00'}:${date[6] ?? '00'}Z` : day;
	}
	return text;
}

/** Nested JSON flattened to dotted paths ({glAccount: {id}} -> glAccount.id); arrays kept. */
export function flatten(json: JsonObject, prefix = '', out: Record<string, JsonValue> = {}): Record<string, JsonValue> {
	for (const [key, value] of Object.entries(json)) {
		const path = prefix === '' ? key : `${prefix}.${key}`;
		if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value, path, out);
		else out[path] = value;
	}
	return out;
}

/** A REST object named directly ('accounts-payable/bill', 'nsp::custom'): fields are REST paths as given. */
export function passThroughMapping(object: string): RestObjectMapping {
	return { xmlObject: object, rest: object, keyXml: 'key', fields: [], passThrough: true };
}

function fieldByXml(mapping: RestObjectMapping, xml: string): RestFieldMapping | undefined {
	if (mapping.passThrough) return { xml: xml.trim(), rest: xml.trim() };
	const upper = xml.trim().toUpperCase();
	// A line's user-defined dimension (GLDIM<NAME>) is any the company has: not in the table.
	return mapping.fields.find((f) => f.xml === upper) ?? (mapping.userDimensions === true ? userDimensionFieldMapping(upper) : undefined);
}

/** The flat key holding a field: its path, or for a UDD (dimensions.nsp::…) the path in whatever
 * case the company spells the name. */
function flatKey(flat: Record<string, JsonValue>, rest: string): string | undefined {
	if (rest in flat) return rest;
	if (!rest.includes('nsp::')) return undefined;
	const lower = rest.toLowerCase();
	return Object.keys(flat).find((k) => k.toLowerCase() === lower);
}

/** Field lists standing for "every field" ('*'): a record read whole also carries its lines' UDDs. */
const EVERY_FIELD = new WeakSet<RestFieldMapping[]>();

/** Whether a field list stands for every field ('*' given to selectFields). */
export function isEveryField(fields: RestFieldMapping[]): boolean {
	return EVERY_FIELD.has(fields);
}

/** The mapped fields of a field list ('*' or empty: every mapped field). Unknown fields are refused
 * before anything is sent, naming them. */
export function selectFields(mapping: RestObjectMapping, fields: string[]): RestFieldMapping[] {
	const wanted = fields.map((f) => f.trim()).filter((f) => f !== '' && f !== '*');
	if (wanted.length === 0 && mapping.passThrough) return ['key', 'id', 'href'].map((f) => ({ xml: f, rest: f }));
	if (wanted.length === 0) {
		const every = mapping.fields.filter((f) => f.writeOnly !== true);
		EVERY_FIELD.add(every);
		return every;
	}
	const unknown = wanted.filter((f) => fieldByXml(mapping, f) === undefined || fieldByXml(mapping, f)?.writeOnly === true);
	if (unknown.length > 0) {
		throw invalid(`${mapping.xmlObject} field(s) ${unknown.join(', ')} cannot be read over the REST API (object ${mapping.rest}); leave them out, or use the Web Services (XML) credential`);
	}
	return wanted.map((f) => fieldByXml(mapping, f) as RestFieldMapping);
}

/** A REST record (nested, or flat from the query service) as the XML wire's record. */
export function toXmlRecord(mapping: RestObjectMapping, json: JsonObject, fields: RestFieldMapping[] = mapping.fields, origin = ''): IntacctRecord {
	const flat = flatten(json);
	const record: IntacctRecord = {};
	for (const field of fields) {
		const key = field.writeOnly === true ? undefined : flatKey(flat, field.rest);
		if (key === undefined) continue;
		let text = toXmlText(field, flat[key]);
		if (mapping.passThrough) {
			record[field.xml] = text;
			continue;
		}
		// The XML gateway writes RECORD_URL absolute; REST's webURL may be a path.
		if (field.xml === 'RECORD_URL' && text.startsWith('/')) text = `${origin}${text}`;
		setXmlPath(record, field.xml, text);
	}
	if (mapping.userDimensions === true && (fields === mapping.fields || EVERY_FIELD.has(fields))) {
		// Read whole (a GET answers every field): the line's user-defined dimensions as GLDIM<NAME>, as the XML read has them.
		for (const [path, value] of Object.entries(flat)) {
			const xml = userDimensionFieldOfPath(path);
			if (xml !== undefined && record[xml] === undefined) record[xml] = toXmlText({ xml, rest: path }, value);
		}
	}
	const lines = mapping.lines && !mapping.lines.writeOnly && Array.isArray(json[mapping.lines.rest]) ? (json[mapping.lines.rest] as JsonValue[]) : undefined;
	const lineMap = lineMapping(mapping);
	if (mapping.lines && lines && lineMap) {
		const lineRecords = lines.filter((l): l is JsonObject => l !== null && typeof l === 'object' && !Array.isArray(l)).map((l) => toXmlRecord(lineMap, l, lineMap.fields, origin));
		// As the XML read renders them (<ENTRIES><glentry>…): the lines' element in lower case, one line as one record.
		record[mapping.lines.xmlCollection] = { [mapping.lines.xmlLine.toLowerCase()]: lineRecords.length === 1 ? lineRecords[0] : lineRecords };
	}
	return record;
}

/** DISPLAYCONTACT.MAILADDRESS.CITY -> nested records, as the XML gateway returns them. */
function setXmlPath(record: IntacctRecord, path: string, text: string): void {
	const parts = path.split('.');
	let node = record;
	for (const part of parts.slice(0, -1)) {
		const next = node[part];
		if (typeof next !== 'object' || Array.isArray(next)) node[part] = {};
		node = node[part] as IntacctRecord;
	}
	node[parts[parts.length - 1]] = text;
}

// ------------------------------------------------------------------ writes

function setPath(target: JsonObject, path: string, value: JsonValue): void {
	const parts = path.split('.');
	let node = target;
	for (const part of parts.slice(0, -1)) {
		const next = node[part];
		if (next === null || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
		node = node[part] as JsonObject;
	}
	node[parts[parts.length - 1]] = value;
}

/** Dotted XML fields of a nested XML body (DISPLAYCONTACT: {PRINTAS} -> DISPLAYCONTACT.PRINTAS). */
function xmlLeaves(body: XmlObject, prefix = '', out: Array<[string, XmlValue]> = []): Array<[string, XmlValue]> {
	for (const [key, value] of Object.entries(body)) {
		if (key === '$attributes' || value === undefined || value === null) continue;
		const path = prefix === '' ? key : `${prefix}.${key}`;
		if (typeof value === 'object' && !Array.isArray(value)) xmlLeaves(value as XmlObject, path, out);
		else out.push([path, value as XmlValue]);
	}
	return out;
}

/** A generic create/update body (XML field names) as the REST object's JSON. A field with no REST
 * name is refused, naming it, before anything is sent. */
export function toRestBody(mapping: RestObjectMapping, body: XmlObject, what: string, isLine = false): JsonObject {
	const json: JsonObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (key === '$attributes' || value === undefined || value === null) continue;
		if (mapping.lines && key.toUpperCase() === mapping.lines.xmlCollection) {
			const lineMap = lineMapping(mapping);
			const inner = (value as XmlObject)[mapping.lines.xmlLine] ?? value;
			const lines = (Array.isArray(inner) ? inner : [inner]) as XmlObject[];
			if (lineMap) json[mapping.lines.rest] = lines.map((line, i) => toRestBody(lineMap, line, `${what}, line ${i + 1}`, true));
			continue;
		}
		const leaves = typeof value === 'object' && !Array.isArray(value) ? xmlLeaves(value as XmlObject, key) : [[key, value as XmlValue] as [string, XmlValue]];
		for (const [xml, leaf] of leaves) {
			const field = fieldByXml(mapping, xml);
			if (field === undefined || (field.readOnly && xml.toUpperCase() !== mapping.keyXml)) {
				throw invalid(`${what}: field ${xml} has no REST equivalent on ${mapping.rest}; remove it or use the Web Services (XML) credential`);
			}
			if (xml.toUpperCase() === mapping.keyXml) {
				// An owner's key goes in the URL; a line's key in the line (a PATCH changing that line).
				if (isLine) json.key = String(leaf as string);
				continue;
			}
			const text = Array.isArray(leaf) ? leaf.map(String).join(',') : String(leaf);
			let restValue: JsonValue = toRestValue(field, text);
			if (/^(true|false)$/i.test(text) && /^is[A-Z]|\.is[A-Z]/.test(field.rest)) restValue = /^true$/i.test(text);
			else if (field.boolean === true && /^(true|false)$/i.test(String(restValue))) restValue = /^true$/i.test(String(restValue));
			else if (field.format === 'amount' && /^-?\d+(\.\d+)?$/.test(text.trim())) restValue = Number(text);
			setPath(json, field.rest, restValue);
		}
	}
	return json;
}

// ------------------------------------------------------------------ readByQuery conditions

/** One query-service filter ({ "$eq": { "glAccount.id": "6100" } }). */
export type RestFilter = Record<string, Record<string, JsonValue>>;

export interface RestFilters {
	filters: RestFilter[];
	/** "1 and (2 or 3)"; undefined when every filter is ANDed. */
	filterExpression?: string;
}

type Token = { kind: 'word' | 'string' | 'op' | 'open' | 'close' | 'comma'; text: string };

function tokenize(query: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < query.length) {
		const c = query[i];
		if (/\s/.test(c)) {
			i++;
		} else if (c === "'") {
			let text = '';
			i++;
			while (i < query.length && query[i] !== "'") {
				if (query[i] === '\\' && i + 1 < query.length) i++;
				text += query[i++];
			}
			if (i >= query.length) throw invalid(`query condition "${query}" has an unterminated quoted value`);
			i++;
			tokens.push({ kind: 'string', text });
		} else if (c === '(') {
			tokens.push({ kind: 'open', text: c });
			i++;
		} else if (c === ')') {
			tokens.push({ kind: 'close', text: c });
			i++;
		} else if (c === ',') {
			tokens.push({ kind: 'comma', text: c });
			i++;
		} else if (/[<>=!]/.test(c)) {
			const two = query.slice(i, i + 2);
			const op = ['<=', '>=', '<>', '!='].includes(two) ? two : c;
			tokens.push({ kind: 'op', text: op });
			i += op.length;
		} else {
			const m = /^[A-Za-z0-9_.:%-]+/.exec(query.slice(i));
			if (!m) throw invalid(`query condition "${query}" has an unexpected character "${c}"`);
			tokens.push({ kind: 'word', text: m[0] });
			i += m[0].length;
		}
	}
	return tokens;
}

const COMPARISONS: Record<string, string> = { '=': '$eq', '!=': '$ne', '<>': '$ne', '<': '$lt', '<=': '$lte', '>': '$gt', '>=': '$gte' };

function likeFilter(path: string, pattern: string, negate: boolean): RestFilter {
	const starts = pattern.endsWith('%') && !pattern.slice(0, -1).includes('%');
	const ends = pattern.startsWith('%') && !pattern.slice(1).includes('%');
	const contains = pattern.startsWith('%') && pattern.endsWith('%') && pattern.length > 1 && !pattern.slice(1, -1).includes('%');
	const [op, value] = contains ? ['$contains', pattern.slice(1, -1)] : starts ? ['$startsWith', pattern.slice(0, -1)] : ends ? ['$endsWith', pattern.slice(1)] : ['$eq', pattern];
	const name = negate ? (op === '$eq' ? '$ne' : `$not${op.charAt(1).toUpperCase()}${op.slice(2)}`) : op;
	return { [name]: { [path]: value } };
}

/**
 * A readByQuery condition (the subset the node writes: comparisons, IN / NOT IN, LIKE, IS [NOT]
 * NULL, AND / OR and parentheses, field names of the XML object) as query-service filters.
 */
export function conditionsToFilters(mapping: RestObjectMapping, query: string): RestFilters {
	const tokens = tokenize(query);
	if (tokens.length === 0) return { filters: [] };
	const filters: RestFilter[] = [];
	let pos = 0;
	let anyOr = false;
	const peek = (): Token | undefined => tokens[pos];
	const next = (): Token => {
		const t = tokens[pos++];
		if (t === undefined) throw invalid(`query condition "${query}" ends too early`);
		return t;
	};
	const isWord = (t: Token | undefined, word: string): boolean => t?.kind === 'word' && t.text.toUpperCase() === word;
	const value = (field: RestFieldMapping): string => {
		const t = next();
		if (t.kind !== 'string' && t.kind !== 'word') throw invalid(`query condition "${query}": a value is expected after ${field.xml}`);
		return toRestValue(field, t.text);
	};
	const leaf = (): string => {
		const name = next();
		if (name.kind !== 'word') throw invalid(`query condition "${query}": a field name is expected`);
		const field = fieldByXml(mapping, name.text);
		if (field === undefined) throw invalid(`query condition "${query}": field ${name.text} cannot be filtered over the REST API (object ${mapping.rest})`);
		let filter: RestFilter;
		if (isWord(peek(), 'IS')) {
			next();
			const negate = isWord(peek(), 'NOT');
			if (negate) next();
			if (!isWord(next(), 'NULL')) throw invalid(`query condition "${query}": IS must be followed by NULL or NOT NULL`);
			filter = { [negate ? '$ne' : '$eq']: { [field.rest]: null } };
		} else {
			const negate = isWord(peek(), 'NOT');
			if (negate) next();
			const op = next();
			if (isWord(op, 'IN')) {
				if (next().kind !== 'open') throw invalid(`query condition "${query}": IN needs a list in parentheses`);
				const values: string[] = [value(field)];
				while (peek()?.kind === 'comma') {
					next();
					values.push(value(field));
				}
				if (next().kind !== 'close') throw invalid(`query condition "${query}": the IN list is not closed`);
				filter = { [negate ? '$notIn' : '$in']: { [field.rest]: values } };
			} else if (isWord(op, 'LIKE')) {
				filter = likeFilter(field.rest, value(field), negate);
			} else if (op.kind === 'op' && !negate) {
				filter = { [COMPARISONS[op.text]]: { [field.rest]: value(field) } };
			} else {
				throw invalid(`query condition "${query}": operator ${op.text} is not supported over the REST API`);
			}
		}
		filters.push(filter);
		return String(filters.length);
	};
	const factor = (): string => {
		if (peek()?.kind === 'open') {
			next();
			const inner = expr();
			if (next().kind !== 'close') throw invalid(`query condition "${query}": a parenthesis is not closed`);
			return `(${inner})`;
		}
		return leaf();
	};
	const term = (): string => {
		const parts = [factor()];
		while (isWord(peek(), 'AND')) {
			next();
			parts.push(factor());
		}
		return parts.join(' and ');
	};
	const expr = (): string => {
		const parts = [term()];
		while (isWord(peek(), 'OR')) {
			next();
			anyOr = true;
			parts.push(term());
		}
		return parts.join(' or ');
	};
	const expression = expr();
	if (pos !== tokens.length) throw invalid(`query condition "${query}": unexpected "${tokens[pos].text}"`);
	return anyOr ? { filters, filterExpression: expression } : { filters };
}

// ------------------------------------------------------------------ query function filters

function quoted(value: XmlValue): string {
	return `'${String(value as string).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const XML_OPERATORS: Record<string, string> = {
	equalto: '=',
	notequalto: '!=',
	lessthan: '<',
	lessthanorequalto: '<=',
	greaterthan: '>',
	greaterthanorequalto: '>=',
	like: 'LIKE',
	notlike: 'NOT LIKE',
};

/** The `query` function's filter tree (xml/functions.ts filterXml) as a readByQuery condition. */
export function queryFilterToCondition(filter: XmlObject): string {
	const parts: string[] = [];
	for (const [op, raw] of Object.entries(filter)) {
		if (op === '$attributes' || raw === undefined || raw === null) continue;
		for (const body of (Array.isArray(raw) ? raw : [raw]) as XmlObject[]) {
			if (op === 'and' || op === 'or') {
				const inner = Object.entries(body).map(([k, v]) => queryFilterToCondition({ [k]: v } as XmlObject));
				parts.push(`(${inner.join(` ${op.toUpperCase()} `)})`);
				continue;
			}
			const field = String(body.field as string);
			const values = Array.isArray(body.value) ? body.value : [body.value];
			if (op === 'isnull') parts.push(`${field} IS NULL`);
			else if (op === 'isnotnull') parts.push(`${field} IS NOT NULL`);
			else if (op === 'between') parts.push(`(${field} >= ${quoted(values[0])} AND ${field} <= ${quoted(values[1])})`);
			else if (op === 'in' || op === 'notin') parts.push(`${field} ${op === 'in' ? 'IN' : 'NOT IN'} (${values.map(quoted).join(',')})`);
			else if (XML_OPERATORS[op]) parts.push(`${field} ${XML_OPERATORS[op]} ${quoted(values[0])}`);
			else throw invalid(`query operator ${op} is not supported over the REST API`);
		}
	}
	return parts.join(' AND ');
}

// ------------------------------------------------------------------ workflows

/** A workflow call (POST /workflows/...) standing for one of the node's legacy XML functions. */
export interface RestWorkflow {
	path: string;
	body: JsonObject;
	/** REST object the workflow acts on, for messages. */
	object: string;
}

function dateOfParts(parts: XmlValue | undefined, what: string): string {
	const p = (parts ?? {}) as XmlObject;
	const [year, month, day] = [p.year, p.month, p.day].map((v) => String((v ?? '') as string));
	if (!/^\d{4}$/.test(year) || !/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day)) throw invalid(`${what} needs a date`);
	return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * The REST workflow of a legacy function, or undefined when it has none: reverse_appayment key=…
 * (datereversed, description) -> POST /workflows/accounts-payable/payment/reverse { key, paymentDate,
 * description } (accounts-payable.md "Reverse a payment or void a check").
 */
export function workflowOf(fn: { name: string; body: XmlObject; attributes?: Record<string, string> }): RestWorkflow | undefined {
	if (fn.name !== 'reverse_appayment') return undefined;
	const body = fn.body;
	const key = String(fn.attributes?.key ?? '').trim();
	if (key === '') throw invalid('reverse_appayment needs the key of the payment');
	const json: JsonObject = { key, paymentDate: dateOfParts(body.datereversed, 'reverse_appayment') };
	if (body.description !== undefined && body.description !== null && body.description !== '') json.description = String(body.description as string);
	return { path: '/workflows/accounts-payable/payment/reverse', body: json, object: 'accounts-payable/payment' };
}
