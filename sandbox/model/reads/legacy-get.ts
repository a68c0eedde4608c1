/**
 * The legacy reads Sage documents for attachments and attachment folders (Sage's Attachments page:
 * List Attachments (Legacy) `get_list object="supdoc"`, Get Attachment by ID (Legacy)
 * `get object="supdoc" key=`, and the same for `supdocfolder`; api.xsd get_list/get). The answer
 * is the legacy shape: a <listtype start end total> element before <data>, lower-case records
 * (recordno, supdocid, supdocname, folder, description, creationdate, createdby, attachments) as
 * in a recorded get_list answer (docs/fidelity-flows.md). Other objects of these functions are not
 * emulated.
 */
import type { FunctionOutcome, RenderRecord, XmlElement } from '../contract';
import { formatUsDate } from '../dates';
import { visibleTo } from '../entity-visibility';
import { queryFailed } from '../errors';
import type { Row } from '../store';
import { attribute, childElement, childElements, childText } from '../xml-element';
import type { ReadContext } from './read-context';
import { attachmentsOf } from './record-output';

type Legacy = Record<string, string | RenderRecord>;

interface LegacyObject {
	table: string;
	render(row: Row): Legacy;
}

function creationDate(row: Row): string {
	const stamp = row.WHENCREATED ?? '';
	return /^\d{4}-\d{2}-\d{2}/.test(stamp) ? formatUsDate(stamp.slice(0, 10)) : stamp;
}

const OBJECTS: Record<string, LegacyObject> = {
	supdoc: {
		table: 'SUPDOC',
		render: (row) => ({
			recordno: row.RECORDNO,
			supdocid: row.SUPDOCID,
			supdocname: row.SUPDOCNAME,
			folder: row.FOLDERNAME,
			description: row.DESCRIPTION ?? '',
			creationdate: creationDate(row),
			createdby: row.CREATEDBY ?? '',
			attachments: {
				attachment: attachmentsOf(row).map((a) => ({ attachmentname: a.ATTACHMENTNAME, attachmenttype: a.ATTACHMENTTYPE, attachmentdata: a.ATTACHMENTDATA })),
			},
		}),
	},
	supdocfolder: {
		table: 'SUPDOCFOLDER',
		render: (row) => ({
			recordno: row.RECORDNO,
			name: row.NAME,
			description: row.DESCRIPTION ?? '',
			parentfolder: row.PARENTFOLDERNAME ?? '',
			creationdate: creationDate(row),
			createdby: row.CREATEDBY ?? '',
		}),
	},
};

function legacyObject(fn: XmlElement): [string, LegacyObject] {
	const name = (attribute(fn, 'object') ?? '').toLowerCase();
	const object = OBJECTS[name];
	if (!object) throw queryFailed(`${fn.name} of object ${name || '(none)'} is not emulated by the sandbox`, 'The sandbox serves get and get_list of supdoc and supdocfolder only.');
	return [name, object];
}

function text(value: string | RenderRecord | undefined): string {
	return typeof value === 'string' ? value : '';
}

function compare(left: string, right: string): number {
	const a = Number(left);
	const b = Number(right);
	if (left !== '' && right !== '' && Number.isFinite(a) && Number.isFinite(b)) return a - b;
	return left.localeCompare(right, 'en', { sensitivity: 'base' });
}

function likeToRegExp(pattern: string): RegExp {
	const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
	return new RegExp(`^${escaped}$`, 'i');
}

/** get_list.filter.expression: field, operator (=, !=, <, <=, >, >=, like, is null), value. */
function matchesExpression(record: Legacy, expression: XmlElement): boolean {
	const field = (childText(expression, 'field') ?? '').toLowerCase();
	const operator = (childText(expression, 'operator') ?? '').toLowerCase().trim();
	const wanted = childText(expression, 'value') ?? '';
	if (!(field in record)) throw queryFailed(`Invalid field ${field} in filter`, 'Use a field of the object (e.g. supdocid, supdocname, folder).');
	const actual = text(record[field]);
	switch (operator) {
		case '=':
			return compare(actual, wanted) === 0;
		case '!=':
			return compare(actual, wanted) !== 0;
		case '<':
			return compare(actual, wanted) < 0;
		case '<=':
			return compare(actual, wanted) <= 0;
		case '>':
			return compare(actual, wanted) > 0;
		case '>=':
			return compare(actual, wanted) >= 0;
		case 'like':
			return likeToRegExp(wanted).test(actual);
		case 'is null':
			return actual === '';
		default:
			throw queryFailed(`Invalid operator ${operator} in filter`, 'Use =, !=, <, <=, >, >=, like or is null.');
	}
}

function matches(record: Legacy, node: XmlElement): boolean {
	if (node.name === 'expression') return matchesExpression(record, node);
	if (node.name === 'logical') {
		const operator = (attribute(node, 'logical_operator') ?? '').toLowerCase();
		if (operator !== 'and' && operator !== 'or') throw queryFailed(`Invalid logical_operator ${operator}`, 'Use and or or.');
		const parts = node.children.filter((c) => c.name === 'expression' || c.name === 'logical');
		return operator === 'and' ? parts.every((p) => matches(record, p)) : parts.some((p) => matches(record, p));
	}
	return true;
}

function onlyFields(record: Legacy, fields: string[]): Legacy {
	if (fields.length === 0) return record;
	const out: Legacy = {};
	for (const f of fields) {
		if (!(f in record)) throw queryFailed(`Invalid field ${f}`, 'Use a field of the object (e.g. supdocid, supdocname, folder).');
		out[f] = record[f];
	}
	return out;
}

function listOutcome(name: string, records: Legacy[], start: number, total: number): FunctionOutcome {
	return {
		kind: 'data',
		listType: null,
		legacyList: { name, start: String(start), end: String(Math.max(start, start + records.length - 1)), total: String(total) },
		records: records.map((fields) => ({ element: name, fields })),
		attributes: {},
	};
}

function requestedFields(fn: XmlElement): string[] {
	const wrapper = childElement(fn, 'fields');
	return wrapper ? childElements(wrapper, 'field').map((f) => f.text.trim().toLowerCase()).filter(Boolean) : [];
}

function visibleRows(rc: ReadContext, object: LegacyObject): Row[] {
	return [...rc.db.table(object.table).rows()].filter((row) => visibleTo(rc.ctx, row));
}

/** get_list object="supdoc|supdocfolder" [start] [maxitems]: filter, sorts, fields. */
export function getList(rc: ReadContext, fn: XmlElement): FunctionOutcome {
	const [name, object] = legacyObject(fn);
	const filter = childElement(fn, 'filter');
	let records = visibleRows(rc, object)
		.map((row) => object.render(row))
		.filter((record) => !filter || filter.children.every((c) => matches(record, c)));
	const sorts = childElement(fn, 'sorts');
	for (const sort of [...(sorts ? childElements(sorts, 'sortfield') : [])].reverse()) {
		const field = sort.text.trim().toLowerCase();
		const sign = (attribute(sort, 'order') ?? 'asc').toLowerCase() === 'desc' ? -1 : 1;
		records = [...records].sort((a, b) => sign * compare(text(a[field]), text(b[field])));
	}
	const start = Math.max(0, Number(attribute(fn, 'start') ?? '0') || 0);
	const max = attribute(fn, 'maxitems');
	const page = records.slice(start, max !== undefined && Number(max) >= 0 ? start + Number(max) : undefined);
	const fields = requestedFields(fn);
	return listOutcome(name, page.map((r) => onlyFields(r, fields)), start, records.length);
}

/** get object="supdoc|supdocfolder" key="…": the one record (supdocid / folder name), none when missing. */
export function getOne(rc: ReadContext, fn: XmlElement): FunctionOutcome {
	const [name, object] = legacyObject(fn);
	const key = attribute(fn, 'key') ?? '';
	const row = rc.db.table(object.table).getById(key);
	const records = row && visibleTo(rc.ctx, row) ? [onlyFields(object.render(row), requestedFields(fn))] : [];
	return listOutcome(name, records, 0, records.length);
}
