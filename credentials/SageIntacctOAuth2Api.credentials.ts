import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { DEFAULT_REST_BASE_URL } from '../nodes/shared/intacct/rest/restWire';

// The client-credentials username and the token failure in words (kept exported from here for
// their existing callers; they live with the REST wire that uses them).
export { grantUsername, tokenErrorMessage } from '../nodes/shared/intacct/rest/restWire';

/**
 * Sage Intacct REST API (OAuth 2.0). Client credentials (default): the package fetches and renews
 * tokens itself, for the user written userId@companyId|entityId; no browser. Authorization code:
 * n8n's OAuth2 flow ("Connect my account"), n8n keeps and refreshes the token. The credential test
 * runs from the node (`sageIntacctOAuth2ApiTest`: a token, then one record, and in plain words which
 * part is wrong). Field names clientId, clientSecret, companyId, userId, entityId, restBaseUrl
 * are public. One credential serves the action node (both grants), the Sage Intacct Trigger's
 * webhook delivery (the client secret is the key Intacct signs each delivery with) and the poll
 * trigger's event-queue drain (which signs in like the action node).
 *
 * The credential dialog: n8n's credential tester gives every credential that extends oAuth2Api its
 * own check ("was this account connected?") before it looks at a node's `testedBy`, so the node's
 * plain-words test never runs there (n8n 2.41 packages/cli credentials-tester.service,
 * getCredentialTestFunction). A credential's own `test` request comes first: n8n signs it with its
 * OAuth2 machinery, which for client credentials fetches a token with the client ID and secret plus
 * `additionalBodyProperties` (the Intacct username below), then reads one GL account
 * (docs/rest-wire.md, "The credential test in n8n's dialog").
 */
export class SageIntacctOAuth2Api implements ICredentialType {
	name = 'sageIntacctOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Sage Intacct OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/SageIntacct/sageIntacct.svg',
		dark: 'file:../nodes/SageIntacct/sageIntacct.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-sage-intacct/n8n-nodes-sage-intacct#rest-api-oauth-20';

	properties: INodeProperties[] = [
		{
			displayName:
				'Client ID and client secret come from your REST client application (Sage App Registry). For the Sage Intacct Trigger with "Use webhook delivery", the same client ID goes into Intacct\'s trigger, and the client secret is the key Intacct signs every delivery with.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{ name: 'Client Credentials', value: 'clientCredentials', description: 'No browser: the node signs in as the user below' },
				{ name: 'Authorization Code', value: 'authorizationCode', description: 'A person connects through Intacct\'s sign-in page' },
			],
			default: 'clientCredentials',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'From the Sage App Registry. The company must authorise it under Company > Setup > Company > Security > Authorized Client Applications.',
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
			description: 'The ID you sign in to Intacct with (Company > Setup > Company > Company Information)',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			description: 'Client credentials: a Web Services user (Company > Admin > Web Services Users) whose role allows what your workflows do',
			displayOptions: { show: { grantType: ['clientCredentials'] } },
		},
		{
			displayName: 'Entity ID',
			name: 'entityId',
			type: 'string',
			default: '',
			description: 'Multi-entity companies: the entity to work in (Company > Setup > Entities). Empty: top level.',
		},
		{
			displayName: 'Keyed Creates Over REST',
			name: 'keyedCreates',
			type: 'options',
			options: [
				{
					name: 'Composite Requests',
					value: 'composite',
					description: 'Up to 10 documents per request, each under its own Idempotency-Key (relies on Intacct honouring the key inside a composite request)',
				},
				{ name: 'One Request Per Document', value: 'single', description: 'Each document alone under its own Idempotency-Key: slower, safe whichever way Intacct treats composite requests' },
			],
			default: 'composite',
			description: 'How creates that carry an idempotency key (bills, journal entries, invoices, REST objects with an Idempotency Key, ...) travel. A re-run never posts a document twice either way, as long as Intacct honours the key in a composite sub-request\'s headers (docs/rest-wire.md).',
		},
		{
			displayName: 'REST API Base URL',
			name: 'restBaseUrl',
			type: 'string',
			default: DEFAULT_REST_BASE_URL,
			description: 'Change it only for a local sandbox',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '={{$self["restBaseUrl"]}}/oauth2/authorize',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{$self["restBaseUrl"]}}/oauth2/token',
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'offline_access' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		{
			// n8n's own client-credentials token request (the dialog's test; n8n 2.x sends these fields in
			// the token request's body): Intacct's username, userId@companyId|entityId.
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'hidden',
			default:
				'={{ $self["grantType"] === "authorizationCode" ? "{}" : JSON.stringify({ username: String($self["userId"] ?? "").trim() + "@" + String($self["companyId"] ?? "").trim() + (String($self["entityId"] ?? "").trim() ? "|" + String($self["entityId"]).trim() : "") }) }}',
		},
	];

	/** One GL account through n8n's OAuth2 signing (see the class comment); the read's refusals in words. */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.restBaseUrl).replace(new RegExp("/+$"), "") }}',
			url: '/objects/general-ledger/account',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Intacct refused the sign-in: check the client secret (Sage App Registry), that the client ID is authorised for the company (Company > Setup > Company > Security > Authorized Client Applications), the user ID (a Web Services user: Company > Admin > Web Services Users) and the entity ID (Company > Setup > Entities)',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: "Signed in, but the user may not read general ledger accounts: grant it in the user's role permissions (Company > Admin > Roles)" },
			},
			{ type: 'responseCode', properties: { value: 404, message: 'No Intacct REST API at this address: check the REST API Base URL of the credential' } },
		],
	};
}
