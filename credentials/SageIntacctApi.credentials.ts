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

import { fingerprint, fingerprintMatches, goesToOwnEndpoint } from '../nodes/shared/intacct/client/credentialScope';
import { checkCredentials } from '../nodes/shared/intacct/client/credentialDiagnosis';
import { CredentialSessionHandoff, isHandoffSignIn } from '../nodes/shared/intacct/client/credentialSession';
import { reportCredentialSignIn } from '../nodes/shared/intacct/client/signInReporter';
import { IntacctError } from '../nodes/shared/intacct/core/errors';
import {
	DEFAULT_ENDPOINT_URL,
	credentialsFromData,
	httpPostFromN8nRequest,
} from '../nodes/shared/intacct/n8n/n8nHttpPost';
import { writeSignInRequest } from '../nodes/shared/intacct/xml/requestWriter';

/** Body of the credential test request; `authenticate` replaces it with a real sign-in envelope. */
export const CREDENTIAL_TEST_BODY = 'sage-intacct-credential-test';

/**
 * The getAPISession envelope the credential test request sends (§2.1). Built here, not in the
 * test definition, because every value must be XML-escaped and the passwords must not pass
 * through n8n expressions.
 */
export function credentialTestEnvelope(data: ICredentialDataDecryptedObject): string {
	return writeSignInRequest(credentialsFromData(data), { requestControlId: 'n8n-credential-test', functionControlId: 'n8n-credential-test' });
}

/** How long after a sign-in the credential test may rely on it instead of signing in again. */
const FRESH_SIGN_IN_MS = 120_000;

/** Every value a sign-in depends on. */
function signInValues(data: ICredentialDataDecryptedObject): string[] {
	const c = credentialsFromData(data);
	return [c.endpointUrl, c.companyId, c.entityId ?? '', c.senderId, c.senderPassword, c.userId, c.userPassword];
}

/**
 * A salted, slow fingerprint (scrypt) of every value a sign-in depends on. Stored (encrypted, and
 * blanked for users who can't see the credential, like the passwords) next to the session
 * preAuthentication opened, so a session is only ever used, or trusted by the credential test,
 * with exactly the values it was signed in with.
 */
export async function signInFingerprint(data: ICredentialDataDecryptedObject): Promise<string> {
	return await fingerprint(signInValues(data));
}

/** Whether a fingerprint was made from the credential's current values. */
export async function signedInWith(data: ICredentialDataDecryptedObject, stored: string): Promise<boolean> {
	return await fingerprintMatches(stored, signInValues(data));
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** Whether the stored session was signed in with the credential's current values. */
async function sessionMatches(credentials: ICredentialDataDecryptedObject): Promise<boolean> {
	return text(credentials.sessionToken) !== '' && (await signedInWith(credentials, text(credentials.sessionSecretFingerprint)));
}

/** The credential's own endpoints: the configured gateway and the one Intacct returned with the session. */
function ownEndpoints(credentials: ICredentialDataDecryptedObject): string[] {
	return [credentialsFromData(credentials).endpointUrl, text(credentials.sessionEndpoint)];
}

/**
 * n8n 2.x runs preAuthentication during a credential test only when no session is stored; with one
 * stored, the test request would go out alone and the gateway answers HTTP 200 even when sign-in
 * fails (§1.1), so a wrong password would test "successful". n8n re-runs preAuthentication (with the
 * values being tested) when a request fails with HTTP 401, so `authenticate` raises this 401-shaped
 * signal for the test request until it holds a session freshly signed in with exactly these values.
 */
export class SignInRequired extends Error {
	readonly response = { status: 401 };

	constructor() {
		super('Signing in to Intacct with these credential values');
		this.name = 'SignInRequired';
	}
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
			name: 'sessionToken',
			type: 'hidden',
			// password: n8n blanks it for users who may use the credential but not see it
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Session Endpoint',
			name: 'sessionEndpoint',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Session Fingerprint',
			name: 'sessionSecretFingerprint',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Session Signed In At',
			name: 'sessionSignedInAt',
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
		// Its cost belongs to the execution whose request made n8n sign in (signInReporter.ts).
		reportCredentialSignIn(credentials);
		if (!check.ok) {
			throw new IntacctError({ kind: check.problem === 'endpoint' ? 'network' : 'authentication', summary: check.message });
		}
		return {
			sessionToken: check.sessionId,
			sessionEndpoint: check.endpoint,
			sessionSecretFingerprint: await signInFingerprint(credentials),
			sessionSignedInAt: String(Date.now()),
		};
	}

	/**
	 * Generic `authenticate` (headers/qs/body keys) cannot help here: an XML envelope carries the
	 * sender and user credentials inside its body (§1.2), escaped, which only the client can write.
	 * So this sets the XML content type, and turns the credential test's placeholder body into a
	 * sign-in envelope. When the client's request is its own sign-in and this credential already
	 * holds a session (preAuthentication just opened or stored one), the sign-in is not sent: the
	 * session is handed to the client instead (client/credentialSession.ts).
	 *
	 * Both add secrets (the passwords, the session ID), so both happen only for a request to the
	 * credential's own endpoint: this credential can be picked in any node (an HTTP Request node with
	 * "predefined credential type", say) by users who may use it without seeing it, with any URL.
	 */
	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const toOwnEndpoint = goesToOwnEndpoint(requestOptions, ownEndpoints(credentials));
		if (toOwnEndpoint && isHandoffSignIn(requestOptions.body) && (await sessionMatches(credentials))) {
			throw new CredentialSessionHandoff(text(credentials.sessionToken), text(credentials.sessionEndpoint));
		}
		const isCredentialTest = toOwnEndpoint && requestOptions.body === CREDENTIAL_TEST_BODY;
		if (isCredentialTest) {
			const signedInAt = Number(text(credentials.sessionSignedInAt));
			const fresh = Number.isFinite(signedInAt) && Date.now() - signedInAt < FRESH_SIGN_IN_MS;
			if (!fresh || !(await sessionMatches(credentials))) throw new SignInRequired();
		}
		const headers = { ...(requestOptions.headers ?? {}), 'Content-Type': 'application/xml; charset=utf-8' };
		const body = isCredentialTest ? credentialTestEnvelope(credentials) : requestOptions.body;
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
