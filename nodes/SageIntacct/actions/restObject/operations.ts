/**
 * The REST Object resource's operations: create, get, get many (query service), update, delete on
 * `/objects/<object>`, and "API Request" (any method and path in the signed-in session). Each call
 * goes through RestIntacctClient: tokens, 429/5xx retries, 401 re-token, secrets masked.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { errorJson, ItemValidationError, toN8nError } from '../../../shared/intacct/n8n/errors';
import type { RestIntacctClient } from '../../../shared/intacct/client/restClient';
import { createRecords, type CreateWay } from '../../../shared/intacct/client/restCreates';
import type { JsonObject } from '../../../shared/intacct/rest/restWire';
import { itemRecords } from './mappedFields';
import { limitParameter } from '../../../shared/intacct/n8n/parameters';
import { runPerItem } from '../../../shared/intacct/n8n/reads';
import { idempotencyKey, jsonParameter, keyParameter, objectName, restClient, resultItems } from './shared';

const QUERY_PAGE = 1000;

function path(object: string, key?: string): string {
	return key === undefined ? `/objects/${object}` : `/objects/${object}/${encodeURIComponent(key)}`;
}

function fieldsParameter(context: IExecuteFunctions, itemIndex: number): string[] {
	const raw = context.getNodeParameter('fields', itemIndex, '') as unknown;
	return String(typeof raw === 'string' ? raw : '')
		.split(',')
		.map((f) => f.trim())
		.filter((f) => f !== '');
}

interface PendingRecord {
	item: number;
	record: JsonObject;
	key?: string;
}

/** The way creates go out (Options > Send As): auto picks the bulk service for very large runs. */
function createWay(context: IExecuteFunctions): CreateWay {
	const value = context.getNodeParameter('options.sendAs', 0, 'auto') as unknown;
	return value === 'batch' || value === 'bulk' ? value : 'auto';
}

/**
 * Every item's records of one object go out together: batch requests of up to 500 records (or one
 * bulk job for a very large run), each result paired back to its item (restCreates.ts).
 */
export const create = {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		const items = this.getInputData();
		const failures = new Map<number, unknown>();
		const byObject = new Map<string, PendingRecord[]>();
		let client: RestIntacctClient | undefined;
		for (let i = 0; i < items.length; i++) {
			const what = `REST object create (item ${i + 1})`;
			try {
				client ??= await restClient(this, what);
				const object = objectName(this, i, what);
				const records = itemRecords(this, i, what, true);
				const key = idempotencyKey(this, i);
				const list = byObject.get(object) ?? [];
				records.forEach((record, n) => list.push({ item: i, record, key: key === undefined || records.length === 1 ? key : `${key}#${n + 1}` }));
				byObject.set(object, list);
			} catch (error) {
				if (!this.continueOnFail()) throw toN8nError(this.getNode(), error, i);
				failures.set(i, error);
			}
		}
		const created = new Map<number, IDataObject[]>();
		for (const [object, pending] of byObject) {
			const { outcomes } = await createRecords(client as RestIntacctClient, object, pending.map((p) => p.record), { way: createWay(this), keys: pending.map((p) => p.key) });
			outcomes.forEach((outcome, n) => {
				const { item } = pending[n];
				if (!outcome.ok) {
					if (!failures.has(item)) failures.set(item, outcome.error);
					return;
				}
				const list = created.get(item) ?? [];
				list.push(outcome.record as IDataObject);
				created.set(item, list);
			});
		}
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const failure = failures.get(i);
			if (failure !== undefined) {
				if (!this.continueOnFail()) throw toN8nError(this.getNode(), failure, i);
				out.push({ json: errorJson(failure), pairedItem: { item: i } });
			}
			for (const json of created.get(i) ?? []) out.push({ json, pairedItem: { item: i } });
		}
		return out;
	},
};

export const get = {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		return await runPerItem.call(this, async (i) => {
			const what = `REST object get (item ${i + 1})`;
			const client = await restClient(this, what);
			const object = objectName(this, i, what);
			const fields = fieldsParameter(this, i);
			const { result } = await client.request('GET', path(object, keyParameter(this, i, what)), fields.length > 0 ? { query: { fields: fields.join(',') } } : {});
			return resultItems(result);
		});
	},
};

export const getMany = {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		return await runPerItem.call(this, async (i) => {
			const what = `REST object get many (item ${i + 1})`;
			const client = await restClient(this, what);
			const object = objectName(this, i, what);
			const fields = fieldsParameter(this, i);
			if (fields.length === 0) throw new ItemValidationError(`${what}, field "fields": name at least one field (the query service returns only the fields asked for), e.g. key,id`);
			const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
			const limit = returnAll ? Number.POSITIVE_INFINITY : limitParameter(this, i, what);
			const filters = this.getNodeParameter('filters', i, '') as unknown;
			const query: IDataObject = { object, fields };
			if (typeof filters === 'string' ? filters.trim() !== '' : filters !== undefined && filters !== null && filters !== '') {
				const parsed = jsonParameter(this, 'filters', i, what, true);
				query.filters = Array.isArray(parsed) ? parsed : [parsed];
			}
			const out: IDataObject[] = [];
			let start: number | undefined = 1;
			while (start !== undefined && out.length < limit) {
				const size = Math.min(QUERY_PAGE, limit - out.length);
				const { result, meta } = await client.request('POST', '/services/core/query', { body: { ...query, start, size } });
				const rows = resultItems(Array.isArray(result) ? result : []);
				out.push(...rows.slice(0, limit - out.length));
				const next = Number(meta.next);
				start = rows.length > 0 && Number.isFinite(next) && next > 0 ? next : undefined;
			}
			return out;
		});
	},
};

export const update = {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		return await runPerItem.call(this, async (i) => {
			const what = `REST object update (item ${i + 1})`;
			const client = await restClient(this, what);
			const object = objectName(this, i, what);
			const [body] = itemRecords(this, i, what, false);
			const { result } = await client.request('PATCH', path(object, keyParameter(this, i, what)), { body, idempotencyKey: idempotencyKey(this, i) });
			return resultItems(result);
		});
	},
};

export const remove = {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		return await runPerItem.call(this, async (i) => {
			const what = `REST object delete (item ${i + 1})`;
			const client = await restClient(this, what);
			const object = objectName(this, i, what);
			const key = keyParameter(this, i, what);
			await client.request('DELETE', path(object, key));
			return [{ deleted: true, object, key }];
		});
	},
};

const METHODS = ['GET', 'POST', 'PATCH', 'DELETE'] as const;

export const apiRequest = {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		return await runPerItem.call(this, async (i) => {
			const what = `REST API request (item ${i + 1})`;
			const client = await restClient(this, what);
			const method = String(this.getNodeParameter('method', i, 'GET')).toUpperCase() as (typeof METHODS)[number];
			if (!METHODS.includes(method)) throw new ItemValidationError(`${what}, field "method": ${method} is not one of ${METHODS.join(', ')}`);
			const target = String(this.getNodeParameter('path', i, '') as unknown).trim();
			// A path under the API base (/objects/..., /services/..., /workflows/...); never another host.
			if (target === '' || /^[a-z]+:\/\//i.test(target) || target.startsWith('//') || target.includes('..')) {
				throw new ItemValidationError(`${what}, field "path": give a path under the REST API base, e.g. /services/core/model or /objects/general-ledger/account`);
			}
			const body = method === 'POST' || method === 'PATCH' ? jsonParameter(this, 'body', i, what, true) : undefined;
			const { status, result, meta } = await client.request(method, target, { body, idempotencyKey: idempotencyKey(this, i) });
			return [{ status, result: result as IDataObject, meta: meta as IDataObject }];
		});
	},
};
