/**
 * API sessions (§2): bound to company, user and entity; sliding expiry (every use pushes the timeout
 * out by the full duration); unknown or expired IDs are simply absent.
 */
import { randomBytes } from 'node:crypto';

export interface ApiSession {
	sessionId: string;
	companyId: string;
	userId: string;
	/** '' = top level. */
	entityId: string;
	expiresAt: number;
}

export class SessionStore {
	private readonly sessions = new Map<string, ApiSession>();

	constructor(
		private readonly durationMs: number,
		private readonly now: () => Date,
	) {}

	/** New session; IDs end with '..' like the fixtures' (§2.1) - cosmetic but free. */
	create(companyId: string, userId: string, entityId: string): ApiSession {
		const sessionId = randomBytes(24).toString('base64').replace(/[+/=]/g, 'x') + '..';
		const session = { sessionId, companyId, userId, entityId, expiresAt: this.now().getTime() + this.durationMs };
		this.sessions.set(sessionId, session);
		return session;
	}

	/** The live session for this ID, its expiry slid forward; undefined when unknown or expired. */
	touch(sessionId: string): ApiSession | undefined {
		const session = this.sessions.get(sessionId);
		if (session === undefined) return undefined;
		const now = this.now().getTime();
		if (session.expiresAt <= now) {
			this.sessions.delete(sessionId);
			return undefined;
		}
		session.expiresAt = now + this.durationMs;
		return session;
	}

	/** Fault injection: every session becomes invalid. */
	expireAll(): void {
		this.sessions.clear();
	}

	get timeoutMs(): number {
		return this.durationMs;
	}
}
