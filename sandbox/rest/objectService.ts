/**
 * /objects/{application}/{object}[/{key,key,…}]: list (keys with ia::meta paging), get by key
 * (several keys = batch get), create (an array = batch create up to 500), update (PATCH by key, or
 * an array of { key, … }), delete (keys, comma-separated). Batches are non-atomic unless the request
 * asks for a transaction, then a failure rolls everything back (docs: intacct-docs/rest/
 * bulk-requests.md). Each write runs through the model's generic create/update/delete.
 */
import type { CompanyModel, RenderRecord, XmlElement } from '../model/contract';
import { ModelCalls, element } from './modelCalls';
import { restObject } from './objects';
import { platformObject, withUserDimensions } from './platformObjects';
import type { RestObjectDef } from './objects/restObjectDef';
import { type Json, type JsonObject, hrefOf, modelValue, renderRestRecord, restInputToXml } from './recordMapping';
import { RefResolver } from './refResolver';
import { RestError } from './restErrors';

export const MAX_BATCH = 500;
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 4000;

export interface RestReply {
	status: number;
	body: JsonObject | null;
	headers?: Record<string, string>;
}

export interface ObjectRequest {
	method: string;
	objectName: string;
	keys: string[];
	query: URLSearchParams;
	body: Json | undefined;
	/** X-IA-API-Param-Transaction: true */
	atomic: boolean;
}

export interface WriteHooks {
	begin(): void;
	commit(): void;
	rollback(): void;
}

/** A served object by REST name; `calls` also reaches the company's platform objects (user-defined
 * dimensions, platformObjects.ts) and the UDD references of its lines. */
export function requireObject(name: string, calls?: ModelCalls): RestObjectDef {
	const def = restObject(name) ?? (calls ? platformObject(calls, name) : undefined);
	if (def === undefined) throw new RestError(404, 'notFound', `Object ${name} is not found or not supported`);
	return calls ? withUserDimensions(def, calls) : def;
}

function reference(def: RestObjectDef, record: { key: string; id: string }): JsonObject {
	return { key: record.key, id: record.id, href: hrefOf(def.name, record.key) };
}

function pageMeta(total: number, start: number, size: number): JsonObject {
	const next = start + size <= total ? start + size : null;
	const previous = start > 1 ? Math.max(1, start - size) : null;
	return { totalCount: total, start, pageSize: size, next, previous };
}

export function readPaging(query: URLSearchParams): { start: number; size: number } {
	const start = Number(query.get('start') ?? '1');
	const size = Number(query.get('size') ?? query.get('pageSize') ?? String(DEFAULT_PAGE_SIZE));
	if (!Number.isInteger(start) || start < 1) throw new RestError(400, 'invalidRequest', 'start must be a positive integer');
	if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw new RestError(400, 'invalidRequest', `size must be an integer from 1 to ${MAX_PAGE_SIZE}`);
	return { start, size };
}

interface ItemOutcome {
	ok: boolean;
	status: number;
	body: JsonObject;
}

export class ObjectService {
	private readonly calls: ModelCalls;
	private readonly refs: RefResolver;

	constructor(
		private readonly company: CompanyModel,
		calls: ModelCalls,
		private readonly hooks: WriteHooks,
	) {
		this.calls = calls;
		this.refs = new RefResolver(calls);
	}

	handle(request: ObjectRequest): RestReply {
		const def = requireObject(request.objectName, this.calls);
		switch (request.method) {
			case 'GET':
				return request.keys.length === 0 ? this.list(def, request.query) : this.get(def, request.keys);
			case 'POST':
				if (request.keys.length > 0) throw methodNotAllowed(request.method);
				return this.write(def, request, 'create');
			case 'PATCH':
				return this.write(def, request, 'update');
			case 'DELETE':
				if (request.keys.length === 0) throw methodNotAllowed(request.method);
				return this.remove(def, request);
			default:
				throw methodNotAllowed(request.method);
		}
	}

	private list(def: RestObjectDef, query: URLSearchParams): RestReply {
		const { start, size } = readPaging(query);
		const fields = [...new Set(['RECORDNO', def.idXml])].join(',');
		const all = this.calls.readAll(def.xmlObject, fields, def.name).map((r) => ({ key: modelValue(r, 'RECORDNO'), id: modelValue(r, def.idXml) }));
		const page = all.slice(start - 1, start - 1 + size).map((r) => reference(def, r));
		return { status: 200, body: { 'ia::result': page, 'ia::meta': pageMeta(all.length, start, size) } };
	}

	private get(def: RestObjectDef, keys: string[]): RestReply {
		if (keys.length > MAX_BATCH) throw new RestError(400, 'invalidRequest', `A batch request takes at most ${MAX_BATCH} keys`);
		const valid = keys.filter((k) => /^\d+$/.test(k));
		const records = this.calls.readKeys(def.xmlObject, valid, def.name).map((r) => this.withOwnedLines(def, r));
		const byKey = new Map(records.map((r) => [modelValue(r, 'RECORDNO'), r]));
		if (keys.length === 1) {
			const record = byKey.get(keys[0]);
			if (record === undefined) throw RestError.notFound(`${def.name} with key ${keys[0]} was not found`);
			return { status: 200, body: { 'ia::result': renderRestRecord(def, record, this.refs), 'ia::meta': { totalCount: 1, totalSuccess: 1, totalError: 0 } } };
		}
		const items: ItemOutcome[] = keys.map((key) => {
			const record = byKey.get(key);
			if (record === undefined) {
				const error = RestError.notFound(`${def.name} with key ${key} was not found`);
				return { ok: false, status: 404, body: { 'ia::error': error.body(), 'ia::status': 404 } };
			}
			return { ok: true, status: 200, body: renderRestRecord(def, record, this.refs) };
		});
		return batchReply(items, 200);
	}

	/** Lines the model's read leaves out (APPYMT's APPYMTDETAIL rows), read by their owner field. */
	private withOwnedLines(def: RestObjectDef, record: RenderRecord): RenderRecord {
		const lines = def.lines;
		if (lines?.ownerXml === undefined || record[lines.xmlCollection] !== undefined) return record;
		const key = modelValue(record, 'RECORDNO');
		const outcome = this.calls.execute(
			element('readByQuery', [element('object', lines.xmlLine), element('fields', '*'), element('query', `${lines.ownerXml} = ${key}`), element('pagesize', '1000')]),
			'read',
			def.name,
		);
		const rows = outcome.kind === 'data' ? outcome.records.map((r) => r.fields) : [];
		return { ...record, [lines.xmlCollection]: { [lines.xmlLine]: rows } };
	}

	private write(def: RestObjectDef, request: ObjectRequest, verb: 'create' | 'update'): RestReply {
		if (def.owned) throw new RestError(405, 'methodNotAllowed', `${def.name} records are written through their owning object`);
		const body = request.body;
		if (Array.isArray(body)) {
			if (request.keys.length > 0) throw new RestError(400, 'invalidRequest', 'A batch update takes the keys in the body, not the path');
			if (body.length > MAX_BATCH) throw new RestError(429, 'invalidRequest', `Bulk size ${body.length} exceeds the limit of ${MAX_BATCH} records per batch request`);
			if (body.length === 0) throw new RestError(400, 'invalidRequest', 'The request body is an empty array');
			return this.batchWrite(def, body, verb, request.atomic);
		}
		if (body === null || body === undefined || typeof body !== 'object') throw new RestError(400, 'invalidRequest', 'The request body must be a JSON object or an array of objects');
		if (verb === 'update' && request.keys.length !== 1) throw new RestError(400, 'invalidRequest', 'PATCH of one record takes its key in the path');
		const ref = this.writeOne(def, body, verb, request.keys[0]);
		return { status: verb === 'create' ? 201 : 200, body: { 'ia::result': ref, 'ia::meta': { totalCount: 1, totalSuccess: 1, totalError: 0 } } };
	}

	/**
	 * The XML API writes attachments only through the legacy create_supdoc (docs/fidelity-ap.md); the
	 * REST object company-config/attachment reaches the same rules through it: the generic record
	 * (SUPDOCID, SUPDOCNAME, FOLDERNAME, DESCRIPTION, ATTACHMENTS) becomes create_supdoc's elements.
	 */
	private createAttachment(def: RestObjectDef, record: XmlElement): JsonObject {
		const text = (name: string): string => record.children.find((c) => c.name === name)?.text ?? '';
		const files = record.children.find((c) => c.name === 'ATTACHMENTS')?.children ?? [];
		const fn = element('create_supdoc', [
			element('supdocid', text('SUPDOCID')),
			element('supdocname', text('SUPDOCNAME')),
			element('supdocfoldername', text('FOLDERNAME')),
			element('supdocdescription', text('DESCRIPTION')),
			element('attachments', files),
		]);
		const outcome = this.calls.execute(fn, 'create', def.name);
		const id = outcome.kind === 'key' ? outcome.key : text('SUPDOCID');
		const key = this.refs.keyOf(def.name, id) ?? id;
		return reference(def, { key, id });
	}

	private writeOne(def: RestObjectDef, input: JsonObject, verb: 'create' | 'update', key?: string): JsonObject {
		const recordNo = key;
		if (verb === 'update') {
			if (recordNo === undefined || !/^\d+$/.test(recordNo)) throw new RestError(400, 'invalidRequest', 'Each record to update needs its key');
			if (this.calls.readKeys(def.xmlObject, [recordNo], def.name).length === 0) throw RestError.notFound(`${def.name} with key ${recordNo} was not found`);
		}
		const withDefaults = verb === 'create' && def.createDefaults !== undefined ? ({ ...input, ...def.createDefaults(input) } as JsonObject) : input;
		const xml = restInputToXml(def, withDefaults, verb, this.refs, verb === 'update' ? recordNo : undefined);
		if (def.xmlObject === 'SUPDOC' && verb === 'create') return this.createAttachment(def, xml);
		if (def.modelWrite) {
			// The model takes this object through its own function (create_invoice, record_deposit, ...): it answers with a key.
			const done = this.calls.execute(def.modelWrite(verb, xml, { readKeys: (object, keys) => this.calls.readKeys(object, keys, def.name) }), verb, def.name);
			const doneKey = done.kind === 'key' ? done.key : done.kind === 'data' && done.records.length > 0 ? modelValue(done.records[0].fields, 'RECORDNO') : (recordNo ?? '');
			return reference(def, { key: doneKey, id: def.idXml === 'RECORDNO' ? doneKey : this.refs.idOf(def.name, doneKey) || doneKey });
		}
		const outcome = this.calls.execute(element(verb, [xml]), verb, def.name);
		if (outcome.kind !== 'data' || outcome.records.length === 0) throw new RestError(500, 'internalError', `The ${verb} returned no record`);
		const written = outcome.records[0].fields;
		const writtenKey = modelValue(written, 'RECORDNO');
		const id = def.idXml === 'RECORDNO' ? writtenKey : modelValue(written, def.idXml) || this.refs.idOf(def.name, writtenKey) || writtenKey;
		return reference(def, { key: writtenKey, id });
	}

	private batchWrite(def: RestObjectDef, body: Json[], verb: 'create' | 'update', atomic: boolean): RestReply {
		const snapshot = atomic ? this.company.snapshot() : undefined;
		if (atomic) this.hooks.begin();
		const items: ItemOutcome[] = [];
		let failed = false;
		for (const item of body) {
			if (atomic && failed) {
				items.push(unprocessed());
				continue;
			}
			try {
				if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new RestError(400, 'invalidRequest', 'Each batch item must be a JSON object');
				const key = verb === 'update' ? (typeof item.key === 'string' || typeof item.key === 'number' ? String(item.key) : undefined) : undefined;
				const ref = this.writeOne(def, item, verb, key);
				items.push({ ok: true, status: verb === 'create' ? 201 : 200, body: { ...ref, 'ia::status': verb === 'create' ? 201 : 200 } });
			} catch (error: unknown) {
				failed = true;
				items.push(failure(error));
			}
		}
		if (atomic && failed) {
			this.company.restore(snapshot);
			this.hooks.rollback();
			return batchReply(
				items.map((item) => (item.ok ? unprocessed() : item)),
				verb === 'create' ? 201 : 200,
			);
		}
		if (atomic) this.hooks.commit();
		return batchReply(items, verb === 'create' ? 201 : 200);
	}

	private remove(def: RestObjectDef, request: ObjectRequest): RestReply {
		if (def.owned) throw new RestError(405, 'methodNotAllowed', `${def.name} records are deleted through their owning object`);
		if (request.keys.length > MAX_BATCH) throw new RestError(400, 'invalidRequest', `A batch request takes at most ${MAX_BATCH} keys`);
		const items: ItemOutcome[] = [];
		for (const key of request.keys) {
			try {
				if (!/^\d+$/.test(key) || this.calls.readKeys(def.xmlObject, [key], def.name).length === 0) throw RestError.notFound(`${def.name} with key ${key} was not found`);
				this.calls.execute(element('delete', [element('object', def.xmlObject), element('keys', key)]), 'delete', def.name);
				items.push({ ok: true, status: 204, body: { 'ia::status': 204 } });
			} catch (error: unknown) {
				items.push(failure(error));
			}
		}
		if (items.every((i) => i.ok)) return { status: 204, body: null };
		if (items.length === 1) {
			const only = items[0];
			return { status: only.status, body: { 'ia::error': only.body['ia::error'], 'ia::meta': { totalCount: 1, totalSuccess: 0, totalError: 1 } } };
		}
		return batchReply(items, 204);
	}
}

function methodNotAllowed(method: string): RestError {
	return new RestError(405, 'methodNotAllowed', `Method ${method} is not allowed for this resource`);
}

function unprocessed(): ItemOutcome {
	return { ok: false, status: 422, body: { 'ia::error': { code: 'unprocessed', message: 'Operation skipped due to atomic transaction failure' }, 'ia::status': 422 } };
}

export function failure(error: unknown): ItemOutcome {
	if (error instanceof RestError) return { ok: false, status: error.status, body: { 'ia::error': error.body(), 'ia::status': error.status } };
	throw error;
}

/** All succeeded: the success status; otherwise 207 Multi-Status with each item's status. */
function batchReply(items: ItemOutcome[], successStatus: number): RestReply {
	const totalSuccess = items.filter((i) => i.ok).length;
	const meta = { totalCount: items.length, totalSuccess, totalError: items.length - totalSuccess };
	const status = totalSuccess === items.length ? successStatus : 207;
	return { status, body: { 'ia::result': items.map((i) => i.body), 'ia::meta': meta } };
}
