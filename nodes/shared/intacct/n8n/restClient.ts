/**
 * The REST client inside n8n, for the `sageIntacctOAuth2Api` credential: HTTP through n8n's
 * request helpers (any method), tokens by client credentials (fetched by the client, never logged)
 * or by n8n's OAuth2 machinery (authorization code: n8n signs each request and refreshes the token).
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import type { CostRecorder, IntacctApi } from '../core/types';
import { IntacctError } from '../core/errors';
import { RestIntacctClient } from '../client/restClient';
import type { KeyedCreatesMode } from '../client/restKeyedCreates';
import { DEFAULT_REST_BASE_URL, type RestCredentials, type RestHttp } from '../rest/restWire';
import { costMeterFor } from './costReport';
import { httpPostFromN8nRequest, type IntacctContext, type N8nRequest } from './n8nHttpPost';

export const REST_CREDENTIAL_TYPE = 'sageIntacctOAuth2Api';

/** RestHttp over an n8n request helper: the XML wire's HttpPost adapter with the method and body set per call. */
export function restHttpFromN8nRequest(request: N8nRequest): RestHttp {
	return async ({ method, url, headers, body, timeoutMs }) => {
		const post = httpPostFromN8nRequest(async (options: IHttpRequestOptions) => await request({ ...options, method, body }));
		return await post({ url, headers, body: body ?? '', timeoutMs });
	};
}

export function restCredentialsFromData(data: ICredentialDataDecryptedObject): RestCredentials {
	const text = (name: string): string => (typeof data[name] === 'string' ? (data[name] as string) : '');
	return {
		clientId: text('clientId').trim(),
		clientSecret: text('clientSecret'),
		companyId: text('companyId').trim(),
		userId: text('userId').trim(),
		entityId: text('entityId').trim(),
		baseUrl: text('restBaseUrl').trim() || DEFAULT_REST_BASE_URL,
	};
}

/** The credential's Keyed Creates Over REST: composite requests unless one request per document is chosen. */
export function keyedCreatesFromData(data: ICredentialDataDecryptedObject): KeyedCreatesMode {
	return data.keyedCreates === 'single' ? 'single' : 'composite';
}

export function isAuthorizationCode(data: ICredentialDataDecryptedObject): boolean {
	return data.grantType === 'authorizationCode';
}

/** The RestIntacctClient of a `sageIntacctOAuth2Api` credential's data, requests through the context. */
export function restClientFromData(ctx: IntacctContext, data: ICredentialDataDecryptedObject, meter?: CostRecorder): RestIntacctClient {
	const credentials = restCredentialsFromData(data);
	const keyedCreates = keyedCreatesFromData(data);
	if (!isAuthorizationCode(data)) {
		return new RestIntacctClient({ credentials, http: restHttpFromN8nRequest(async (o) => await ctx.helpers.httpRequest(o)), sleep, meter, keyedCreates });
	}
	// Authorization code: n8n adds the bearer token of the connected user and refreshes it.
	const http = restHttpFromN8nRequest(async (o) => await ctx.helpers.httpRequestWithAuthentication.call(ctx, REST_CREDENTIAL_TYPE, o));
	return new RestIntacctClient({
		credentials,
		http,
		sleep,
		meter,
		keyedCreates,
		token: async (entityId) => {
			if (entityId !== (credentials.entityId ?? '')) {
				throw new IntacctError({
					kind: 'validation',
					summary: `An authorization-code connection works in the entity it was authorised for; entity ${entityId || 'top level'} needs the client-credentials grant or another connection`,
				});
			}
			return { accessToken: '', expiresAt: Number.MAX_SAFE_INTEGER };
		},
	});
}

/** The RestIntacctClient of the context's `sageIntacctOAuth2Api` credential (the poll trigger's event-queue drain, raw REST calls). */
export async function restClientForContext(ctx: IntacctContext): Promise<RestIntacctClient> {
	return restClientFromData(ctx, await ctx.getCredentials<ICredentialDataDecryptedObject>(REST_CREDENTIAL_TYPE), costMeterFor(ctx));
}

/** A REST client for the context's `sageIntacctOAuth2Api` credential (read on first use). */
export function createRestClientFromContext(ctx: IntacctContext): IntacctApi {
	let client: Promise<RestIntacctClient> | undefined;
	const ready = async (): Promise<RestIntacctClient> => {
		client ??= restClientForContext(ctx);
		return await client;
	};
	return {
		execute: async (fn, options) => await (await ready()).execute(fn, options),
		executeBatch: async (fns, options) => await (await ready()).executeBatch(fns, options),
		executeMany: async (fns, options) => await (await ready()).executeMany(fns, options),
		pages: async function* (fn, options) {
			yield* (await ready()).pages(fn, options);
		},
		openSession: async (options) => await (await ready()).openSession(options),
		warmUp: (options) => {
			ready().then((c) => c.warmUp(options), () => undefined);
		},
	};
}
