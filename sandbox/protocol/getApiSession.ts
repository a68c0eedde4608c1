/**
 * getAPISession (§2.1, §8, §12.9): answered by the protocol layer because it creates sessions.
 * From a session: no <locationid> returns the same session; <locationid>X</locationid> moves to
 * entity X in a new session; an empty <locationid/> moves to the top level (not for users
 * restricted to entities). From a login: a new session in the login's entity (or the given one).
 * <endpoint> is the URL the client reached this sandbox by (its Host header), like the real gateway
 * naming its own pod; a client in a container that reached the host by another name stays on it.
 */
import { BusinessError, type CompanyModel, type FunctionOutcome } from '../model/contract';
import { type AuthenticatedCaller, userMayUseEntity } from './authentication';
import { getApiSessionFailed } from './gatewayErrors';
import type { RequestFunction } from './requestEnvelope';
import type { SessionStore } from './sessions';

export function createGetApiSession(company: CompanyModel, sessions: SessionStore) {
	return (caller: AuthenticatedCaller, fn: RequestFunction, endpointUrl: string): FunctionOutcome => {
		const locationEl = fn.body.children.find((c) => c.name === 'locationid');
		const target = locationEl === undefined ? caller.entityId : locationEl.text.trim();
		if (!userMayUseEntity(company, caller.userId, target)) {
			throw new BusinessError([
				getApiSessionFailed(
					target === ''
						? `User ${caller.userId} is restricted to entities and cannot work at the top level.`
						: `Invalid location ID '${target}' for user ${caller.userId}.`,
				),
			]);
		}
		const session =
			caller.session !== undefined && locationEl === undefined
				? caller.session
				: sessions.create(caller.companyId, caller.userId, target);
		return {
			kind: 'data',
			// §2.1: this <data> has no listtype/count attributes.
			listType: null,
			attributes: {},
			records: [{ element: 'api', fields: { sessionid: session.sessionId, endpoint: endpointUrl, locationid: session.entityId } }],
		};
	};
}
