/**
 * The <authentication> block (§1.5, §3.4, §8): login (with <locationid> or the 'COMPANY|ENTITY'
 * pipe form) or session. Sender credentials are checked before this (control level).
 */
import type { ApiError, CompanyModel } from '../model/contract';
import { INVALID_SESSION, SIGN_IN_INCORRECT, senderNotAuthorised } from './gatewayErrors';
import type { RequestAuthentication } from './requestEnvelope';
import type { ApiSession, SessionStore } from './sessions';

export interface AuthenticatedCaller {
	companyId: string;
	userId: string;
	/** '' = top level. */
	entityId: string;
	/** Present when authenticated by session ID. */
	session?: ApiSession;
}

export type AuthenticationOutcome =
	| { ok: true; caller: AuthenticatedCaller }
	| { ok: false; userId: string; companyId: string; error: ApiError; gateway?: GatewayRefusal };

/**
 * How today's gateway refuses a login before any operation runs (docs/fidelity.md, "Sign-in"):
 * a wrong user, password or entity is HTTP 401 with XMLGW_JPP0002 (Sage's SDK tests: RequestHandler
 * "400 level error with XML response"); an unknown company ID is a control-level invalidRequest.
 */
export type GatewayRefusal = 'unauthorised' | 'invalidRequest';

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Whether the user may work in this entity ('' = top level); users restricted to entities cannot go top level (§8). */
export function userMayUseEntity(company: CompanyModel, userId: string, entityId: string): boolean {
	const user = company.users().find((u) => sameId(u.userId, userId));
	if (user === undefined) return false;
	if (entityId === '') return user.entities.length === 0;
	if (!company.entities().includes(entityId)) return false;
	return user.entities.length === 0 || user.entities.includes(entityId);
}

export function authenticate(
	auth: RequestAuthentication,
	senderId: string,
	company: CompanyModel,
	sessions: SessionStore,
): AuthenticationOutcome {
	if (auth.kind === 'session') {
		const session = sessions.touch(auth.sessionId);
		if (session === undefined) return { ok: false, userId: '', companyId: '', error: INVALID_SESSION };
		if (!company.authorisedSenders().includes(senderId)) {
			return { ok: false, userId: session.userId, companyId: session.companyId, error: senderNotAuthorised(senderId, session.companyId) };
		}
		return { ok: true, caller: { companyId: session.companyId, userId: session.userId, entityId: session.entityId, session } };
	}

	const failure = (error: ApiError, gateway: GatewayRefusal = 'unauthorised'): AuthenticationOutcome => ({
		ok: false,
		userId: auth.userId,
		companyId: auth.companyId,
		error,
		gateway,
	});
	// §1.5: 'companyId|entityId' (a console's 'console|client|entity' form is not emulated).
	const [companyPart, pipeEntity, ...rest] = auth.companyId.split('|');
	if (rest.length > 0 || auth.clientId !== undefined) return failure(SIGN_IN_INCORRECT);
	if (!sameId(companyPart, company.companyId)) return failure(SIGN_IN_INCORRECT, 'invalidRequest');
	if (!company.authorisedSenders().includes(senderId)) return { ok: false, userId: auth.userId, companyId: auth.companyId, error: senderNotAuthorised(senderId, company.companyId) };
	const user = company.users().find((u) => sameId(u.userId, auth.userId));
	if (user === undefined || user.password !== auth.password) return failure(SIGN_IN_INCORRECT);
	const pipe = pipeEntity ?? '';
	const location = auth.locationId ?? '';
	if (pipe !== '' && location !== '' && pipe !== location) return failure(SIGN_IN_INCORRECT);
	const entityId = location !== '' ? location : pipe;
	if (!userMayUseEntity(company, user.userId, entityId)) return failure(SIGN_IN_INCORRECT);
	return { ok: true, caller: { companyId: company.companyId, userId: user.userId, entityId } };
}
