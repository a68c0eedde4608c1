import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { checkCredentials } from '../nodes/SageIntacct/transport/credentialDiagnosis';
import { CredentialSessionHandoff, isHandoffSignIn } from '../nodes/SageIntacct/transport/credentialSession';
import { IntacctError } from '../nodes/SageIntacct/transport/errors';
import { getAPISession } from '../nodes/SageIntacct/transport/functions';
import {
	DEFAULT_ENDPOINT_URL,
	credentialsFromData,
	httpPostFromN8nRequest,
} from '../nodes/SageIntacct/transport/n8nHttpPost';
import { writeRequest } from '../nodes/SageIntacct/transport/requestWriter';

/** Body of the credential test request; `authenticate` replaces it with a real sign-in envelope. */
export const CREDENTIAL_TEST_BODY = 'sage-intacct-credential-test';

/**
 * The getAPISession envelope the credential test request sends (§2.1). Built here, not in the
 * test definition, because every value must be XML-escaped and the passwords must not pass
 * through n8n expressions.
 */
export function credentialTestEnvelope(data: ICredentialDataDecryptedObject): string {
	const credentials = credentialsFromData(data);
	return writeRequest({
		senderId: credentials.senderId,
		senderPassword: credentials.senderPassword,
		controlId: 'n8n-credential-test',
		uniqueId: false,
		transaction: false,
		authentication: {
			kind: 'login',
			userId: credentials.userId,
			companyId: credentials.companyId,
			password: credentials.userPassword,
			entityId: credentials.entityId,
		},
		functions: [{ ...getAPISession(), controlId: 'n8n-credential-test' }],
	});
}

export class SageIntacctApi implements ICredentialType {
	name = 'sageIntacctApi';

	displayName = 'Sage Intacct API';

	icon: Icon = {
		light: 'file:../nodes/SageIntacct/sageIntacct.svg',
		dark: 'file:../nodes/SageIntacct/sageIntacct.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-sage-intacct/n8n-nodes-sage-intacct#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			required: true,
			description: 'The ID you sign in to Intacct with, shown on Company > Setup > Company > Company Information (no spaces)',
		},
		{
			displayName: 'Entity ID',
			name: 'entityId',
			type: 'string',
			default: '',
			description: 'Multi-entity companies: the entity to work in (Company > Setup > Entities). Leave empty for the top level.',
		},
		{
			displayName: 'Sender ID',
			name: 'senderId',
			type: 'string',
			default: '',
			required: true,
			description: 'Web Services sender ID from your Web Services developer licence. The company must authorise it under Company > Setup > Company > Security > Web Services Authorization.',
		},
		{
			displayName: 'Sender Password',
			name: 'senderPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Password of the Web Services sender ID (case-sensitive)',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			description: 'A Web Services user (Company > Admin > Web Services Users) whose role allows what your workflows do',
		},
		{
			displayName: 'User Password',
			name: 'userPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Password of the Web Services user',
		},
		{
			displayName: 'Endpoint URL',
			name: 'endpointUrl',
			type: 'string',
			default: DEFAULT_ENDPOINT_URL,
			description: 'Intacct XML gateway address. Change it only for a local sandbox or when Sage gave you another gateway.',
		},
		{
			displayName: 'Session ID',
			name: 'sessionId',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
		{
			displayName: 'Session Endpoint',
			name: 'sessionEndpoint',
			type: 'hidden',
			default: '',
		},
	];

	/**
	 * Signs in (getAPISession with login) and explains, in plain words, which part is wrong when it
	 * fails. n8n runs this on every credential test and whenever the hidden session ID is empty, and
	 * stores the session and its endpoint in the hidden properties; the node's client uses that
	 * session rather than signing in again (see `authenticate`).
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const post = httpPostFromN8nRequest(async (options: IHttpRequestOptions) => await this.helpers.httpRequest(options));
		const check = await checkCredentials(credentialsFromData(credentials), post);
		if (!check.ok) {
			throw new IntacctError({ kind: check.problem === 'endpoint' ? 'network' : 'authentication', summary: check.message });
		}
		return { sessionId: check.sessionId, sessionEndpoint: check.endpoint };
	}

	/**
	 * Generic `authenticate` (headers/qs/body keys) cannot help here: an XML envelope carries the
	 * sender and user credentials inside its body (§1.2), escaped, which only the client can write.
	 * So this sets the XML content type, and turns the credential test's placeholder body into a
	 * sign-in envelope. When the client's request is its own sign-in and this credential already
	 * holds a session (preAuthentication just opened or stored one), the sign-in is not sent: the
	 * session is handed to the client instead (transport/credentialSession.ts).
	 */
	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const sessionId = typeof credentials.sessionId === 'string' ? credentials.sessionId.trim() : '';
		if (sessionId && isHandoffSignIn(requestOptions.body)) {
			const endpoint = typeof credentials.sessionEndpoint === 'string' ? credentials.sessionEndpoint.trim() : '';
			throw new CredentialSessionHandoff(sessionId, endpoint);
		}
		const headers = { ...(requestOptions.headers ?? {}), 'Content-Type': 'application/xml; charset=utf-8' };
		const body = requestOptions.body === CREDENTIAL_TEST_BODY ? credentialTestEnvelope(credentials) : requestOptions.body;
		return { ...requestOptions, headers, body };
	};

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '={{$credentials.endpointUrl}}',
			body: CREDENTIAL_TEST_BODY,
			json: false,
		},
	};
}
