import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Sage Intacct REST API (OAuth 2.0). What the Sage Intacct Trigger needs today: the client ID and
 * client secret of the REST client application (the secret also verifies signed webhook deliveries)
 * and the user the client credentials grant acts as (userId@companyId|entityId). The REST work
 * extends this credential (authorization code grant, credential test); keep the field names.
 */
export const DEFAULT_REST_BASE_URL = 'https://api.intacct.com/ia/api/v1';

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** The username of the client credentials grant: user@company, with |entity for an entity. */
export function grantUsername(data: ICredentialDataDecryptedObject): string {
	const entity = text(data.entityId);
	return `${text(data.userId)}@${text(data.companyId)}${entity !== '' ? `|${entity}` : ''}`;
}

/** Why the token request failed, in words, from the status and the OAuth error code only. */
export function tokenErrorMessage(error: unknown): string {
	const e = error as { response?: { status?: unknown; data?: unknown }; httpCode?: unknown; cause?: { response?: { status?: unknown; data?: unknown } } };
	const response = e?.response ?? e?.cause?.response;
	const status = Number(response?.status ?? e?.httpCode);
	const data = response?.data as { error?: unknown } | undefined;
	const code = typeof data?.error === 'string' ? data.error : '';
	if (status === 401 || code === 'invalid_client') {
		return 'Sage Intacct refused the client ID or client secret (invalid_client): copy both again from your REST client application';
	}
	if (status === 400) {
		return `Sage Intacct refused the token request${code ? ` (${code})` : ''}: check the company ID, user ID and entity ID, and that the client application is authorized for that user (Company > Setup > Company > Security > Authorized Client Applications)`;
	}
	return Number.isFinite(status) && status > 0
		? `Sage Intacct's token endpoint answered HTTP ${status}`
		: 'Could not reach Sage Intacct\'s token endpoint: check the API Base URL';
}

export class SageIntacctOAuth2Api implements ICredentialType {
	name = 'sageIntacctOAuth2Api';

	displayName = 'Sage Intacct REST OAuth2 API';

	icon: Icon = { light: 'file:../nodes/SageIntacct/sageIntacct.svg', dark: 'file:../nodes/SageIntacct/sageIntacct.dark.svg' };

	documentationUrl = 'https://developer.sage.com/intacct/docs/developer-portal/guides/webhooks';

	properties: INodeProperties[] = [
		{
			displayName:
				'Client ID and client secret come from your REST client application (Sage Intacct developer portal, App Registry). The same client ID goes into the Intacct trigger\'s "Client ID" field when you tick "Use webhook delivery"; the client secret is the key Intacct signs every delivery with.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [{ name: 'Client Credentials', value: 'clientCredentials', description: 'Acts as the Web Services user named below' }],
			default: 'clientCredentials',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1a2b3c4d5e6f.app.sage.com',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			description: 'The Intacct user the client credentials grant acts as',
		},
		{
			displayName: 'Entity ID',
			name: 'entityId',
			type: 'string',
			default: '',
			description: 'Entity to work in (multi-entity companies); empty for the top level',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_REST_BASE_URL,
			description: 'Change only for a local sandbox',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const base = text(credentials.baseUrl) || DEFAULT_REST_BASE_URL;
		const form = new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: text(credentials.clientId),
			client_secret: typeof credentials.clientSecret === 'string' ? credentials.clientSecret : '',
			username: grantUsername(credentials),
		});
		let answer: { access_token?: unknown };
		try {
			answer = (await this.helpers.httpRequest({
				method: 'POST',
				url: `${base.replace(/\/+$/, '')}/oauth2/token`,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: form.toString(),
				json: true,
			})) as { access_token?: unknown };
		} catch (error) {
			// A new error on purpose: the HTTP error carries the request body, i.e. the client secret.
			throw new Error(tokenErrorMessage(error));
		}
		if (typeof answer?.access_token !== 'string' || answer.access_token === '') {
			throw new Error('Sage Intacct did not return an access token: check the client ID, client secret, company ID and user ID');
		}
		return { accessToken: answer.access_token };
	}

	/** Signs in (client credentials grant) and reads the trigger event queue count: proves the
	 * client ID, secret and user, and that the event queue service answers. */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/services/delivery/event/count',
			method: 'GET',
		},
	};

	authenticate: IAuthenticate = async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions) => ({
		...requestOptions,
		headers: { ...requestOptions.headers, Authorization: `Bearer ${text(credentials.accessToken)}` },
	});
}
