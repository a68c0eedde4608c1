/**
 * The node's way to the Intacct client: one client per execution (it holds the session and the
 * per-credential concurrency cap), the entity override, and Intacct errors as n8n errors.
 */
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import type { IntacctApi, RequestOptions } from '../core/types';
import { createClientFromContext } from './n8nHttpPost';
import { createRestClientFromContext } from './restClient';
import { TOP_LEVEL_ENTITY } from '../records/dimensions';
import { itemParameter } from './parameters';
import { costMeterFor } from './costReport';

const clients = new WeakMap<object, IntacctApi>();

export function getClient(context: IExecuteFunctions | ILoadOptionsFunctions): IntacctApi {
	let client = clients.get(context);
	if (!client) {
		client = apiOf(context) === 'oAuth2' ? createRestClientFromContext(context) : createClientFromContext(context, { meter: costMeterFor(context) });
		clients.set(context, client);
	}
	return client;
}

/** The node's `authentication` parameter: 'webServices' (XML, default) or 'oAuth2' (REST). */
export function apiOf(context: IExecuteFunctions | ILoadOptionsFunctions): string {
	try {
		const value = 'getInputData' in context ? context.getNodeParameter('authentication', 0, 'webServices') : context.getNodeParameter('authentication', 'webServices');
		return String(value);
	} catch {
		return 'webServices';
	}
}

/** The `entityId` override as the client wants it: undefined = credential's entity, '' = top level. */
export function entityFromValue(value: unknown): string | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') return undefined;
	if (text.toUpperCase() === TOP_LEVEL_ENTITY) return '';
	return text;
}

export function entityOption(context: IExecuteFunctions, itemIndex: number): RequestOptions {
	const value = itemParameter<unknown>(context, 'entityId', itemIndex, '', true);
	const entityId = entityFromValue(value);
	return entityId === undefined ? {} : { entityId };
}
