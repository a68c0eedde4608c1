/**
 * The REST Object resource's operations: create, get, get many (query service), update, delete on
 * `/objects/<object>`, and "API Request" (any method and path in the signed-in session). Each call
 * goes through RestIntacctClient: tokens, 429/5xx retries, 401 re-token, secrets masked.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
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

export const create = {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		return await runPerItem.call(this, async (i) => {
			const what = `REST object create (item ${i + 1})`;
			const client = await restClient(this, what);
			const object = objectName(this, i, what);
			const body = jsonParameter(this, 'body', i, what, true);
			const { result } = await client.request('POST', path(object), { body, idempotencyKey: idempotencyKey(this, i) });
			return resultItems(result);
		});
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
			const body = jsonParameter(this, 'body', i, what);
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
