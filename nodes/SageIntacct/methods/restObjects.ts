/**
 * The REST Object resource's object list: the company's own model service (`GET
 * /services/core/model` without a name lists every object it serves, custom objects included),
 * filtered by what the user types. Needs the OAuth 2.0 (REST) credential.
 */
import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { restClientForContext } from '../../shared/intacct/n8n/restClient';

export async function searchRestObjects(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await restClientForContext(this);
	const { result } = await client.request('GET', '/services/core/model');
	const typed = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = (Array.isArray(result) ? result : [])
		.map((entry) => (typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {}))
		.filter((entry) => typeof entry.apiObject === 'string' && entry.type !== 'ownedObject')
		.map((entry) => String(entry.apiObject))
		.filter((name) => typed === '' || name.toLowerCase().includes(typed))
		.sort()
		.map((name) => ({ name, value: name }));
	return { results };
}
