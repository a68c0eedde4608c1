/**
 * Sign-ins made outside the client count too: in n8n the credential's preAuthentication signs in
 * (getAPISession) inside the client's own HTTP call whenever n8n holds no session for it - sometimes
 * once per concurrent first request. The credential notes each sign-in under its identity (company,
 * user, sender); the client takes the notes for its credential after each of its HTTP calls. Two
 * executions of one credential running at the same moment may take each other's notes: the total
 * stays right, the split between them may not.
 */
const pending = new Map<string, number>();

interface CredentialIdentity {
	companyId?: unknown;
	userId?: unknown;
	senderId?: unknown;
}

function identity(credentials: CredentialIdentity): string {
	const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
	return `${text(credentials.companyId)}|${text(credentials.userId)}|${text(credentials.senderId)}`;
}

/** The credential signed in (one request, one sign-in). */
export function reportCredentialSignIn(credentials: CredentialIdentity): void {
	const key = identity(credentials);
	pending.set(key, (pending.get(key) ?? 0) + 1);
}

/** Sign-ins the credential made since the last call, for the client to count. */
export function takeCredentialSignIns(credentials: CredentialIdentity): number {
	const key = identity(credentials);
	const count = pending.get(key) ?? 0;
	pending.delete(key);
	return count;
}
