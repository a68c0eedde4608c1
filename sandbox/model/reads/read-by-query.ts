/**
 * readByQuery and readMore (§4.2, §4.3, §12.16-17): lower-case elements and listtype, attributes
 * count, totalcount, numremaining, resultId. pagesize 1-1000, default 100.
 */
import { BusinessError, type FunctionOutcome, type XmlElement } from '../contract';
import { visibleTo } from '../entity-visibility';
import { queryFailed } from '../errors';
import { renderNested } from '../render';
import type { Row } from '../store';
import { childText } from '../xml-element';
import { resolveField, type ResolvedField } from './field-access';
import { compileFilter, type CompileOptions } from './filter';
import { parseLegacyQuery, QuerySyntaxError } from './legacy-query-parser';
import { requireObject, type ReadContext } from './read-context';
import { selectedFields } from './record-output';
import type { ResultSet } from './result-sets';

const MAX_PAGE = 1000;
const DEFAULT_PAGE = 100;

function pageSize(text: string | undefined): number {
	if (text === undefined || text === '') return DEFAULT_PAGE;
	const n = Number(text);
	if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw queryFailed(`Invalid pagesize ${text}: must be between 1 and ${MAX_PAGE}`);
	return n;
}

function owner(rc: ReadContext): string {
	return `${rc.ctx.userId}|${rc.ctx.entityId}`;
}

export function readByQuery(rc: ReadContext, fn: XmlElement): FunctionOutcome {
	const def = requireObject(childText(fn, 'object'));
	const fields = selectedFields(def, childText(fn, 'fields'));
	const size = pageSize(childText(fn, 'pagesize'));
	const format = (childText(fn, 'returnFormat') ?? 'xml').toLowerCase();
	if (format !== 'xml' && format !== '') throw queryFailed(`returnFormat ${format} is not supported by the sandbox`, 'Use xml.');
	const queryText = childText(fn, 'query') ?? '';
	let predicate: ((row: Row) => boolean) | null = null;
	try {
		const ast = parseLegacyQuery(queryText);
		if (ast) {
			const options: CompileOptions = {
				enumStyle: 'code',
				caseInsensitive: false,
				resolve: (name): ResolvedField => {
					const f = resolveField(def, name, rc.db, false);
					if (!f) throw queryFailed(`Invalid field ${name} in query for object ${def.name}`, 'Check the fields exist (use lookup), and try again.');
					return f;
				},
				badValue: (f, value, expected) =>
					queryFailed(`Invalid value '${value}' for field ${f.name}${expected ? `. Expected values: [${expected}]` : ''}`),
			};
			predicate = compileFilter(ast, options);
		}
	} catch (error: unknown) {
		if (error instanceof QuerySyntaxError) throw queryFailed(`Invalid query: ${error.message} in [${queryText}]`, 'Check the query syntax, and try again.');
		throw error;
	}
	const keys: string[] = [];
	for (const row of rc.rows.all(def)) {
		if (!visibleTo(rc.ctx, row)) continue;
		if (predicate && !predicate(row)) continue;
		keys.push(row.RECORDNO);
	}
	const nowMs = rc.ctx.now.getTime();
	const set = rc.resultSets.open({
		def,
		fields,
		keys,
		position: 0,
		pageSize: size,
		lastUsedMs: nowMs,
		fetch: (no) => rc.rows.get(def, no),
		owner: owner(rc),
	});
	return page(rc, set);
}

export function readMore(rc: ReadContext, fn: XmlElement): FunctionOutcome {
	const nowMs = rc.ctx.now.getTime();
	const resultId = childText(fn, 'resultId');
	const objectName = childText(fn, 'object');
	let set: ResultSet | undefined;
	if (resultId) {
		set = rc.resultSets.get(resultId, nowMs);
		if (!set) throw queryFailed(`Attempt to readMore with an unknown or expired resultId ${resultId}`, 'Run the readByQuery again.');
	} else if (objectName) {
		const def = requireObject(objectName);
		set = rc.resultSets.latestFor(owner(rc), def.name, nowMs);
		if (!set) throw queryFailed(`There is no readByQuery in progress for object ${def.name}`, 'Run the readByQuery again.');
	} else {
		throw new BusinessError([{ errorno: 'XL03000003', description: '', description2: 'readMore needs a resultId or an object', correction: '' }]);
	}
	set.lastUsedMs = nowMs;
	return page(rc, set);
}

function page(rc: ReadContext, set: ResultSet): FunctionOutcome {
	const slice = set.keys.slice(set.position, set.position + set.pageSize);
	set.position += slice.length;
	const element = set.def.name.toLowerCase();
	const records = [];
	for (const key of slice) {
		const row = set.fetch(key);
		if (row) records.push({ element, fields: renderNested(row, set.fields) });
	}
	const remaining = set.keys.length - set.position;
	const resultId = remaining > 0 ? set.resultId : '';
	if (remaining === 0) rc.resultSets.close(set.resultId);
	return {
		kind: 'data',
		listType: element,
		records,
		attributes: {
			count: String(records.length),
			totalcount: String(set.keys.length),
			numremaining: String(remaining),
			resultId,
		},
	};
}
