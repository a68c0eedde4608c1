/**
 * Module-level session cache, so separate executions of the same credential in one n8n process
 * share one Intacct session instead of logging in every time (§2.3: sessions are bound to
 * endpoint, company, user, sender and entity, and last hours with sliding expiry).
 */
import { createHash } from 'crypto';
import type { IntacctCredentials } from '../core/types';
import { Semaphore } from './semaphore';

export interface CachedSession {
	sessionId: string;
	/** Where session-authenticated requests go (getAPISession's <endpoint>, §2.1). */
	endpoint: string;
	/** Local-clock time after which the session is renewed before use; undefined = unknown. */
	renewAfterMs?: number;
}

interface SessionEntry {
	session?: CachedSession;
	/** A login in flight, shared by every request that needs the session meanwhile. */
	login?: Promise<CachedSession>;
	/** Every session ID this entry held (recent ones), so errors and logs can mask them. */
	knownSessionIds: string[];
	/** Session IDs Intacct refused ("Invalid session"): never adopted again. */
	refusedSessionIds: string[];
}

const sessions = new Map<string, SessionEntry>();
const semaphores = new Map<string, Semaphore>();
const MAX_KNOWN_SESSION_IDS = 20;

/** Who is calling: the request slots are shared by everything signed in as this user/sender. */
export function credentialKey(credentials: IntacctCredentials): string {
	return JSON.stringify([credentials.endpointUrl, credentials.companyId, credentials.userId, credentials.senderId]);
}

/** A session belongs to the exact sign-in values: a corrected (or wrong) password must not reuse a
 * session opened with other ones. Passwords enter the key only as a hash. */
export function sessionKey(credentials: IntacctCredentials, entityId: string): string {
	const secrets = createHash('sha256').update(JSON.stringify([credentials.senderPassword, credentials.userPassword])).digest('hex');
	return JSON.stringify([credentialKey(credentials), entityId, secrets]);
}

export function sessionEntry(key: string): SessionEntry {
	let entry = sessions.get(key);
	if (!entry) {
		entry = { knownSessionIds: [], refusedSessionIds: [] };
		sessions.set(key, entry);
	}
	return entry;
}

export function rememberSession(entry: SessionEntry, session: CachedSession): void {
	entry.session = session;
	if (!entry.knownSessionIds.includes(session.sessionId)) {
		entry.knownSessionIds.push(session.sessionId);
		if (entry.knownSessionIds.length > MAX_KNOWN_SESSION_IDS) entry.knownSessionIds.shift();
	}
}

/** Notes a session Intacct refused (kept among the known IDs, for masking). */
export function refuseSession(entry: SessionEntry, sessionId: string): void {
	if (entry.session?.sessionId === sessionId) entry.session = undefined;
	if (!entry.refusedSessionIds.includes(sessionId)) {
		entry.refusedSessionIds.push(sessionId);
		if (entry.refusedSessionIds.length > MAX_KNOWN_SESSION_IDS) entry.refusedSessionIds.shift();
	}
}

/** Session IDs held for any entity of this credential (for masking). */
export function knownSessionIds(credentials: IntacctCredentials): string[] {
	const prefix = JSON.stringify([credentialKey(credentials)]).slice(0, -1);
	const ids: string[] = [];
	for (const [key, entry] of sessions) if (key.startsWith(prefix)) ids.push(...entry.knownSessionIds);
	return ids;
}

/** One semaphore per credential and limit, shared by every client instance in the process. */
export function requestSlots(credentials: IntacctCredentials, limit: number): Semaphore {
	const key = `${credentialKey(credentials)}#${limit}`;
	let semaphore = semaphores.get(key);
	if (!semaphore) {
		semaphore = new Semaphore(limit);
		semaphores.set(key, semaphore);
	}
	return semaphore;
}

/** Forgets every cached session (tests; or after credentials change). */
export function clearSessionCache(): void {
	sessions.clear();
}
