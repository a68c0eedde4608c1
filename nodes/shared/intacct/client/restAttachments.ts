/**
 * The legacy attachment functions (create_supdoc, create_supdocfolder, get and get_list of supdoc /
 * supdocfolder) run over the REST API as company-config/attachment and company-config/folder, and
 * answered in the legacy records' shape (records/attachment.ts), so bill attachments and the
 * Attachment resource work unchanged over either wire (docs/rest-wire.md, "Attachments").
 * Sources: intacct-docs/rest/company-configuration.md (POST/GET attachment: id, name, folder,
 * description, files[{name, data}]; POST folder: id, description, parent), accounts-payable.md (a
 * bill's `attachment.id`). Choices the sources leave open: docs/fidelity-rest.md.
 */
import type { IntacctFunction, IntacctRecord, IntacctResult, XmlObject, XmlValue } from '../core/types';
import { IntacctError } from '../core/errors';

/** The authenticated REST call of the client (RestIntacctClient.request). */
export type RestRequest = (
	method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
	path: string,
	options: { body?: unknown; idempotencyKey?: string; entityId?: string },
) => Promise<{ status: number; result: unknown; meta: Record<string, unknown> }>;

const ATTACHMENT = 'company-config/attachment';
const FOLDER = 'company-config/folder';

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}

function xmlText(value: XmlValue | undefined): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}

function xmlList(value: XmlValue | undefined): XmlObject[] {
	if (value === undefined || value === null || typeof value !== 'object') return [];
	return (Array.isArray(value) ? value : [value]).filter((v): v is XmlObject => v !== null && typeof v === 'object' && !Array.isArray(v));
}

/** ISO date (or date-time) as the legacy answer's mm/dd/yyyy. */
function usDate(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
	return m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
}

function audit(json: Json): { creationdate: string; createdby: string } {
	const a = obj(json.audit);
	return { creationdate: usDate(text(a.createdDate) || text(a.createdDateTime)), createdby: text(a.createdBy) };
}

/** A REST attachment as the legacy `get supdoc` record (files split back into name and type). */
export function legacyAttachment(json: Json, withFiles: boolean): IntacctRecord {
	const record: IntacctRecord = {
		recordno: text(json.key),
		supdocid: text(json.id),
		supdocname: text(json.name),
		folder: text(obj(json.folder).id),
		description: text(json.description),
		...audit(json),
	};
	if (withFiles) {
		const files = Array.isArray(json.files) ? json.files.map(obj) : [];
		record.attachments = {
			attachment: files.map((file) => {
				const name = text(file.name);
				const dot = name.lastIndexOf('.');
				return { attachmentname: dot > 0 ? name.slice(0, dot) : name, attachmenttype: dot > 0 ? name.slice(dot + 1) : '', attachmentdata: text(file.data) };
			}),
		};
	}
	return record;
}

/** A REST folder as the legacy `get supdocfolder` record. */
export function legacyFolder(json: Json): IntacctRecord {
	return { recordno: text(json.key), name: text(json.id), description: text(json.description), parentfolder: text(obj(json.parent).id), ...audit(json) };
}

/** create_supdoc's elements as the REST attachment body (files named `name.type`, data base64). */
export function attachmentBody(body: XmlObject): Json {
	const files = xmlList(xmlList(body.attachments)[0]?.attachment).map((file) => {
		const type = xmlText(file.attachmenttype);
		const name = xmlText(file.attachmentname);
		return { name: type ? `${name}.${type}` : name, data: xmlText(file.attachmentdata) };
	});
	const out: Json = { id: xmlText(body.supdocid), name: xmlText(body.supdocname) };
	const folder = xmlText(body.supdocfoldername);
	if (folder) out.folder = { id: folder };
	const description = xmlText(body.supdocdescription);
	if (description) out.description = description;
	if (files.length > 0) out.files = files;
	return out;
}

/** create_supdocfolder's elements as the REST folder body. */
export function folderBody(body: XmlObject): Json {
	const out: Json = { id: xmlText(body.supdocfoldername) };
	const description = xmlText(body.supdocfolderdescription);
	if (description) out.description = description;
	const parent = xmlText(body.supdocparentfoldername);
	if (parent) out.parent = { id: parent };
	return out;
}

/** The legacy filter (expressions `field = value`, and-ed) as query-service filters on REST paths. */
const LEGACY_TO_REST: Record<string, Record<string, string>> = {
	supdoc: { recordno: 'key', supdocid: 'id', supdocname: 'name', folder: 'folder.id', description: 'description', createdby: 'audit.createdBy' },
	supdocfolder: { recordno: 'key', name: 'id', description: 'description', parentfolder: 'parent.id', createdby: 'audit.createdBy' },
};

function equalsOf(fn: IntacctFunction, object: string): Json[] {
	const filter = obj(fn.body.filter) as XmlObject;
	const expressions = [...xmlList(filter.expression), ...xmlList(obj(filter.logical).expression as XmlValue)];
	return expressions.map((e) => {
		const field = xmlText(e.field).toLowerCase();
		const path = LEGACY_TO_REST[object][field];
		if (!path || xmlText(e.operator) !== '=') {
			throw new IntacctError({ kind: 'validation', summary: `get_list of ${object}: filter on ${field} ${xmlText(e.operator)} is not available over the REST API`, functionName: fn.name });
		}
		return { $eq: { [path]: xmlText(e.value) } };
	});
}

function success(fn: IntacctFunction, records: IntacctRecord[], extra: Partial<IntacctResult> = {}): IntacctResult {
	return { status: 'success', function: fn.name, controlId: fn.controlId ?? '', records, errors: [], count: records.length, ...extra };
}

/** The key of the record whose `id` is given (attachments and folders are read by key over REST). */
async function keyOfId(request: RestRequest, object: string, id: string, entityId: string): Promise<string | undefined> {
	const { result } = await request('POST', '/services/core/query', { entityId, body: { object, fields: ['key', 'id'], filters: [{ $eq: { id } }], start: 1, size: 1 } });
	const row = Array.isArray(result) ? obj(result[0]) : {};
	return text(row.key) || undefined;
}

/**
 * Runs a legacy attachment function over REST, or answers undefined when `fn` is not one. Writes carry
 * the function's control ID as the Idempotency-Key.
 */
export async function runAttachmentFunction(fn: IntacctFunction, request: RestRequest, entityId: string): Promise<IntacctResult | undefined> {
	const object = (fn.attributes?.object ?? '').toLowerCase();
	switch (fn.name) {
		case 'create_supdoc': {
			const body = attachmentBody(fn.body);
			const { result } = await request('POST', `/objects/${ATTACHMENT}`, { entityId, body, idempotencyKey: fn.controlId });
			return success(fn, [], { key: text(obj(result).id) || text(body.id) });
		}
		case 'create_supdocfolder': {
			const body = folderBody(fn.body);
			const { result } = await request('POST', `/objects/${FOLDER}`, { entityId, body, idempotencyKey: fn.controlId });
			return success(fn, [], { key: text(obj(result).id) || text(body.id) });
		}
		case 'get': {
			if (object !== 'supdoc' && object !== 'supdocfolder') return undefined;
			const rest = object === 'supdoc' ? ATTACHMENT : FOLDER;
			const key = await keyOfId(request, rest, fn.attributes?.key ?? '', entityId);
			if (key === undefined) return success(fn, []);
			const { result } = await request('GET', `/objects/${rest}/${encodeURIComponent(key)}`, { entityId });
			return success(fn, [object === 'supdoc' ? legacyAttachment(obj(result), true) : legacyFolder(obj(result))], { listType: object });
		}
		case 'get_list': {
			if (object !== 'supdoc' && object !== 'supdocfolder') return undefined;
			const rest = object === 'supdoc' ? ATTACHMENT : FOLDER;
			const start = Number(fn.attributes?.start ?? 0);
			const size = Number(fn.attributes?.maxitems ?? 100);
			const filters = equalsOf(fn, object);
			const fields =
				object === 'supdoc'
					? ['key', 'id', 'name', 'folder.id', 'description', 'audit.createdDateTime', 'audit.createdBy']
					: ['key', 'id', 'description', 'parent.id', 'audit.createdDateTime', 'audit.createdBy'];
			const query: Json = { object: rest, fields, start: start + 1, size, orderBy: [{ id: 'asc' }] };
			if (filters.length > 0) query.filters = filters;
			const { result, meta } = await request('POST', '/services/core/query', { entityId, body: query });
			const rows = (Array.isArray(result) ? result : []).map((row) => unflatten(obj(row)));
			const records = rows.map((row) => (object === 'supdoc' ? legacyAttachment(row, false) : legacyFolder(row)));
			return success(fn, records, { listType: object, totalCount: Number(meta.totalCount ?? records.length) });
		}
		default:
			return undefined;
	}
}

/** Query-service rows are flat ('folder.id'); nested again for the record readers above. */
function unflatten(row: Json): Json {
	const out: Json = {};
	for (const [path, value] of Object.entries(row)) {
		const parts = path.split('.');
		let node = out;
		for (const part of parts.slice(0, -1)) {
			node[part] = obj(node[part]);
			node = node[part] as Json;
		}
		node[parts[parts.length - 1]] = value;
	}
	return out;
}
