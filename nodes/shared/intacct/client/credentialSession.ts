/**
 * Handing the credential's own session to the client (no second sign-in per execution).
 *
 * In n8n, the first request of an execution runs the credential's preAuthentication (a sign-in whose
 * session n8n stores in the hidden, expirable `sessionId`/`sessionEndpoint`) and only then the
 * credential's `authenticate`. When the client's first request is its own sign-in (getAPISession
 * with a login), `authenticate` already holds a session for exactly that credential and entity:
 * instead of letting a second sign-in go out, it throws a CredentialSessionHandoff, which the
 * client takes as the answer of its sign-in. The client marks the sign-ins it is willing to have
 * answered that way (controlid below); any other request passes untouched.
 */

/** The getAPISession controlid of a client sign-in that may be answered with the credential's session. */
export const CREDENTIAL_SESSION_CONTROL_ID = 'n8n-sign-in-or-credential-session';

const MARKER = `<function controlid="${CREDENTIAL_SESSION_CONTROL_ID}">`;

/** Whether a request body is a client sign-in that the credential's session may answer. */
export function isHandoffSignIn(body: unknown): boolean {
	return typeof body === 'string' && body.includes(MARKER) && body.includes('<login>');
}

/** Not a failure: "here is the credential's session, no need to sign in". Carries no secret in its message. */
export class CredentialSessionHandoff extends Error {
	readonly sessionId: string;
	readonly endpoint: string;

	constructor(sessionId: string, endpoint: string) {
		super('The credential already holds an Intacct session; the client uses it instead of signing in again');
		this.name = 'CredentialSessionHandoff';
		this.sessionId = sessionId;
		this.endpoint = endpoint;
	}
}

export function isCredentialSessionHandoff(error: unknown): error is CredentialSessionHandoff {
	return error instanceof CredentialSessionHandoff;
}
