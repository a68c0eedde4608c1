/**
 * The node's test of the `sageIntacctOAuth2Api` credential (n8n calls it from the credential
 * dialog): a token, then one record; a failure says which part is wrong and where to fix it.
 */
import type { ICredentialTestFunctions, ICredentialsDecrypted, IDataObject, INodeCredentialTestResult } from 'n8n-workflow';
import { checkRestCredentials } from '../client/restCredentialCheck';
import type { RestHttp } from '../rest/restWire';
import { isAuthorizationCode, restCredentialsFromData, restHttpFromN8nRequest } from './restClient';

/** RestHttp over the credential-test context's request helper (the only one n8n gives it). */
export function restHttpForCredentialTest(context: ICredentialTestFunctions): RestHttp {
	return restHttpFromN8nRequest(
		async (options) =>
			(await context.helpers.request({
				method: options.method,
				uri: options.url,
				headers: options.headers,
				body: options.body,
				resolveWithFullResponse: true,
				simple: false,
				timeout: options.timeout,
			})) as unknown,
	);
}

export async function sageIntacctOAuth2ApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const credentials = restCredentialsFromData(data);
	let http = restHttpForCredentialTest(this);
	if (isAuthorizationCode(data)) {
		const token = (data.oauthTokenData as IDataObject | undefined)?.access_token;
		if (typeof token !== 'string' || token === '') {
			return { status: 'Error', message: 'Not connected yet: click "Connect my account" and sign in to Intacct, then test again' };
		}
		const base = http;
		http = async (request) => await base({ ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } });
	}
	const check = await checkRestCredentials(credentials, http, isAuthorizationCode(data));
	return check.ok ? { status: 'OK', message: check.message } : { status: 'Error', message: check.message };
}
