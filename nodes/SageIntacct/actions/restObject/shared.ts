/**
 * Any REST object (issue 13, "Any REST object"): the object by its REST name (`application/object`,
 * custom objects `nsp::…`), chosen from the company's own model service or typed; bodies as JSON in
 * the REST field names of Sage's OpenAPI documents. Runs only with the OAuth 2.0 (REST) credential.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import type { RestIntacctClient } from '../../../shared/intacct/client/restClient';
import { apiOf } from '../../../shared/intacct/n8n/client';
import { restClientForContext } from '../../../shared/intacct/n8n/restClient';
import { requiredText } from '../../../shared/intacct/n8n/parameters';

const clients = new WeakMap<object, Promise<RestIntacctClient>>();

/** The REST client of the node's credential; a clear error when the node uses the XML credential. */
export async function restClient(context: IExecuteFunctions, what: string): Promise<RestIntacctClient> {
	if (apiOf(context) !== 'oAuth2') {
		throw new ItemValidationError(`${what}: REST objects need Authentication = OAuth 2.0 (REST) and a Sage Intacct OAuth2 API credential`);
	}
	let client = clients.get(context);
	if (!client) {
		client = restClientForContext(context);
		clients.set(context, client);
	}
	return await client;
}

/** Whether a text is a REST object name: application/object (accounts-payable/vendor) or nsp::name. */
export function isRestObjectName(name: string): boolean {
	return /^[A-Za-z0-9_-]+(::[A-Za-z0-9_-]+)?\/[A-Za-z0-9_:-]+$/.test(name) || /^nsp::[A-Za-z0-9_-]+$/.test(name);
}

/** The object's REST name: application/object or a custom object (nsp::name), no leading slash. */
export function objectName(context: IExecuteFunctions, itemIndex: number, what: string): string {
	const name = requiredText(context, 'restObject', itemIndex, what, { locator: true, field: 'object' }).replace(/^\/+|\/+$/g, '');
	if (name.startsWith('objects/')) return name.slice('objects/'.length);
	if (!isRestObjectName(name)) {
		throw new ItemValidationError(`${what}, field "object": "${name}" is not a REST object name (application/object, e.g. accounts-payable/vendor, or nsp::name)`);
	}
	return name;
}

function parseJson(text: string): { value: unknown } | { problem: string } {
	try {
		return { value: text.trim() === '' ? {} : (JSON.parse(text) as unknown) };
	} catch (error) {
		return { problem: (error as Error).message };
	}
}

/** A JSON parameter (object, or text holding one); an error naming the item and field otherwise. */
export function jsonParameter(context: IExecuteFunctions, name: string, itemIndex: number, what: string, allowArray = false): IDataObject | IDataObject[] {
	const raw = context.getNodeParameter(name, itemIndex, {}) as unknown;
	const parsed = typeof raw === 'string' ? parseJson(raw) : { value: raw };
	if ('problem' in parsed) throw new ItemValidationError(`${what}, field "${name}": not valid JSON (${parsed.problem})`);
	const value = parsed.value;
	if (Array.isArray(value) && allowArray && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) return value as IDataObject[];
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new ItemValidationError(`${what}, field "${name}": must be a JSON object${allowArray ? ' or an array of objects' : ''}`);
	}
	return value as IDataObject;
}

export function keyParameter(context: IExecuteFunctions, itemIndex: number, what: string): string {
	return requiredText(context, 'key', itemIndex, what);
}

/** What a REST answer's `ia::result` becomes: one item per record. */
export function resultItems(result: unknown): IDataObject[] {
	if (Array.isArray(result)) return result.map((r) => (typeof r === 'object' && r !== null ? (r as IDataObject) : { value: r as string }));
	if (typeof result === 'object' && result !== null) return [result as IDataObject];
	return [{ result: result as string | null }];
}

export function idempotencyKey(context: IExecuteFunctions, itemIndex: number): string | undefined {
	const value = context.getNodeParameter('options.idempotencyKey', itemIndex, '') as unknown;
	return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 255) : undefined;
}
