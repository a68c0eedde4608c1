/**
 * The OAuth 2.0 authorization server of the REST API (developer.sage.com guides/oauth2; nango.dev
 * sage-intacct-cc): POST /ia/api/v1/oauth2/token with grant_type client_credentials (username
 * userId@companyId or userId@companyId|entityId), authorization_code and refresh_token; GET
 * /ia/api/v1/oauth2/authorize redirects back with a code. Access tokens are HS256 JWTs carrying the
 * user, company, entity and client; their lifetime follows the sandbox clock.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CompanyModel } from '../model/contract';
import type { ClientApplication, ClientApplicationRegistry } from './clientApplications';
import { GATEWAY, RestError } from './restErrors';

export const DEFAULT_ACCESS_TOKEN_SECONDS = 6 * 60 * 60;
const REFRESH_TOKEN_MS = 30 * 24 * 60 * 60 * 1000;
const CODE_MS = 10 * 60 * 1000;

export interface TokenCaller {
	clientId: string;
	companyId: string;
	userId: string;
	/** '' = top level. */
	entityId: string;
}

interface Grant extends TokenCaller {
	expiresAt: number;
	/** Only refresh tokens: the authorization it belongs to (a newer one for the same user replaces it). */
	authorization?: string;
	redirectUri?: string;
	offline?: boolean;
}

export type TokenResponse = { access_token: string; token_type: 'Bearer'; expires_in: number; refresh_token?: string };

/** Errors of token refresh as a third party recorded them (nango.dev, REST-2102 "Token is not valid"). */
export function tokenInvalid(): RestError {
	return new RestError(401, 'tokenInvalid', 'Token is not valid', [{ code: 'REST-2102', message: 'IA.TOKEN_IS_INVALID' }]);
}

function base64url(value: string | Buffer): string {
	return Buffer.from(value).toString('base64url');
}

/** Parses a username written userId@companyId or userId@companyId|entityId. */
export function parseUsername(username: string): { userId: string; companyId: string; entityId: string } | null {
	const at = username.lastIndexOf('@');
	if (at <= 0 || at === username.length - 1) return null;
	const userId = username.slice(0, at);
	const rest = username.slice(at + 1);
	const bar = rest.indexOf('|');
	const companyId = bar >= 0 ? rest.slice(0, bar) : rest;
	const entityId = bar >= 0 ? rest.slice(bar + 1) : '';
	if (companyId === '') return null;
	return { userId, companyId, entityId };
}

export class OAuthServer {
	private readonly key = randomBytes(32);
	private readonly refreshTokens = new Map<string, Grant>();
	private readonly codes = new Map<string, Grant>();
	/** Access tokens issued and not yet expired by fault injection, and those that were. */
	private readonly issuedJti = new Set<string>();
	private readonly revokedJti = new Set<string>();
	private readonly latestAuthorization = new Map<string, string>();

	constructor(
		private readonly company: CompanyModel,
		readonly applications: ClientApplicationRegistry,
		private readonly now: () => Date,
		readonly accessTokenSeconds = DEFAULT_ACCESS_TOKEN_SECONDS,
	) {}

	// ------------------------------------------------------------- token endpoint

	/** POST /oauth2/token with the form fields (repeated names kept) and an optional Basic header. */
	token(form: URLSearchParams, authorization: string | undefined): TokenResponse {
		if ([...form.keys()].length === 0) throw GATEWAY.missingTokenPayload();
		let clientId = form.getAll('client_id');
		let clientSecret = form.get('client_secret') ?? '';
		const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '');
		if (basic && clientId.length === 0) {
			const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			clientId = [decodeURIComponent(decoded.slice(0, colon < 0 ? decoded.length : colon))];
			clientSecret = colon < 0 ? '' : decodeURIComponent(decoded.slice(colon + 1));
		}
		if (clientId.length === 0 || clientId[0] === '') throw GATEWAY.missingClientId();
		if (clientId.length > 1) throw GATEWAY.multipleClientIds();
		const app = this.applications.find(clientId[0]);
		if (app === undefined) throw GATEWAY.invalidRequest();
		if (!safeEqual(clientSecret, app.clientSecret)) throw new RestError(401, 'invalidClient', 'Client authentication failed: the client secret does not match the client ID');
		switch (form.get('grant_type')) {
			case 'client_credentials':
				return this.clientCredentials(app, form);
			case 'authorization_code':
				return this.authorizationCode(app, form);
			case 'refresh_token':
				return this.refresh(app, form);
			default:
				throw GATEWAY.invalidTokenPayload();
		}
	}

	private clientCredentials(app: ClientApplication, form: URLSearchParams): TokenResponse {
		const usernames = form.getAll('username');
		if (usernames.length > 1) throw GATEWAY.multipleUserNames();
		if (usernames.length === 0) throw GATEWAY.missingTenant();
		if (usernames[0].trim() === '') throw GATEWAY.missingUserName();
		const parsed = parseUsername(usernames[0].trim());
		if (parsed === null) throw GATEWAY.missingTenant();
		const caller = this.checkCaller(app, parsed.userId, parsed.companyId, parsed.entityId);
		return this.issue(caller, false);
	}

	/** The user, company, entity and client authorisation checks shared by every grant. */
	checkCaller(app: ClientApplication, userId: string, companyId: string, entityId: string): TokenCaller {
		if (companyId.toUpperCase() !== this.company.companyId.toUpperCase()) throw GATEWAY.invalidRequest();
		if (!this.applications.isAuthorised(app, companyId)) {
			throw new RestError(401, 'XL03000006', `Invalid Web Services Authorization: client ${app.clientId} is not authorised for company ${companyId}`, [
				{ code: 'XL03000006', message: 'Add the client ID under Company > Setup > Company > Security > Authorized Client Applications', correction: 'Authorise the client application for the company.' },
			]);
		}
		const user = this.company.users().find((u) => u.userId.toLowerCase() === userId.toLowerCase());
		if (user === undefined) throw new RestError(401, 'invalidUser', `User ${userId} is not a Web Services user of company ${companyId}`);
		if (entityId !== '') {
			if (!this.company.entities().includes(entityId)) throw new RestError(401, 'invalidEntity', `Entity ${entityId} does not exist in company ${companyId}`);
			if (user.entities.length > 0 && !user.entities.includes(entityId)) throw new RestError(401, 'invalidEntity', `User ${userId} has no access to entity ${entityId}`);
		} else if (user.entities.length > 0) {
			throw new RestError(401, 'invalidEntity', `User ${userId} is restricted to entities ${user.entities.join(', ')}: write the username ${userId}@${companyId}|${user.entities[0]}`);
		}
		return { clientId: app.clientId, companyId: this.company.companyId, userId: user.userId, entityId };
	}

	private authorizationCode(app: ClientApplication, form: URLSearchParams): TokenResponse {
		const code = form.get('code') ?? '';
		const grant = this.codes.get(code);
		this.codes.delete(code); // single use
		if (grant === undefined || grant.expiresAt <= this.now().getTime() || grant.clientId !== app.clientId) {
			throw new RestError(400, 'invalidGrant', 'The authorization code is not valid or has expired');
		}
		if ((form.get('redirect_uri') ?? '') !== (grant.redirectUri ?? '')) throw new RestError(400, 'invalidGrant', 'redirect_uri does not match the authorization request');
		return this.issue(grant, grant.offline === true, true);
	}

	private refresh(app: ClientApplication, form: URLSearchParams): TokenResponse {
		const token = form.get('refresh_token') ?? '';
		const grant = this.refreshTokens.get(token);
		if (grant === undefined || grant.clientId !== app.clientId || grant.expiresAt <= this.now().getTime()) throw tokenInvalid();
		if (grant.authorization !== undefined && this.latestAuthorization.get(authorizationSlot(grant)) !== grant.authorization) throw tokenInvalid();
		this.refreshTokens.delete(token);
		return this.issue(grant, true, false, grant.authorization);
	}

	private issue(caller: TokenCaller, withRefresh: boolean, newAuthorization = false, authorization?: string): TokenResponse {
		const now = this.now().getTime();
		const response: TokenResponse = { access_token: this.sign(caller, now), token_type: 'Bearer', expires_in: this.accessTokenSeconds };
		if (withRefresh) {
			let auth = authorization;
			if (newAuthorization) {
				auth = randomBytes(8).toString('hex');
				// A new authorization for the same client, user and company replaces the previous one
				// (nango.dev, "Token is not valid" after another connection was authorised).
				this.latestAuthorization.set(authorizationSlot(caller), auth);
			}
			const refresh = randomBytes(24).toString('base64url');
			this.refreshTokens.set(refresh, { ...pick(caller), expiresAt: now + REFRESH_TOKEN_MS, authorization: auth });
			response.refresh_token = refresh;
		}
		return response;
	}

	private sign(caller: TokenCaller, nowMs: number): string {
		const jti = randomBytes(12).toString('hex');
		this.issuedJti.add(jti);
		const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
		const payload = base64url(
			JSON.stringify({
				iss: 'https://api.intacct.com/ia/api/v1/oauth2/token',
				sub: `${caller.userId}@${caller.companyId}${caller.entityId ? `|${caller.entityId}` : ''}`,
				cnyId: caller.companyId,
				userId: caller.userId,
				entityId: caller.entityId,
				clientId: caller.clientId,
				iat: Math.floor(nowMs / 1000),
				exp: Math.floor(nowMs / 1000) + this.accessTokenSeconds,
				jti,
			}),
		);
		const signature = createHmac('sha256', this.key).update(`${header}.${payload}`).digest('base64url');
		return `${header}.${payload}.${signature}`;
	}

	// ------------------------------------------------------------- authorize endpoint

	/** GET /oauth2/authorize: the URL to redirect the browser to (redirect_uri?code=…&state=…). */
	authorize(query: URLSearchParams, authorizeAs: { userId: string; entityId: string }): string {
		if (query.get('response_type') !== 'code') throw new RestError(400, 'invalidRequest', 'response_type must be code');
		const clientId = query.get('client_id') ?? '';
		if (clientId === '') throw GATEWAY.missingClientId();
		const app = this.applications.find(clientId);
		if (app === undefined) throw GATEWAY.invalidRequest();
		const redirectUri = query.get('redirect_uri') ?? '';
		if (redirectUri === '' || (app.redirectUris.length > 0 && !app.redirectUris.includes(redirectUri))) {
			throw new RestError(400, 'invalidRequest', 'redirect_uri is missing or not registered for this client application');
		}
		// The sandbox has no sign-in page: the sign-in is the demo user's (or ?username=user@company|entity).
		const username = query.get('username');
		const parsed = username ? parseUsername(username) : { userId: authorizeAs.userId, companyId: this.company.companyId, entityId: authorizeAs.entityId };
		if (parsed === null) throw GATEWAY.missingTenant();
		const caller = this.checkCaller(app, parsed.userId, parsed.companyId, parsed.entityId);
		const code = randomBytes(24).toString('base64url');
		const scope = (query.get('scope') ?? '').split(/[\s+]+/);
		this.codes.set(code, { ...caller, expiresAt: this.now().getTime() + CODE_MS, redirectUri, offline: scope.includes('offline_access') });
		const target = new URL(redirectUri);
		target.searchParams.set('code', code);
		const state = query.get('state');
		if (state !== null) target.searchParams.set('state', state);
		return target.toString();
	}

	// ------------------------------------------------------------- bearer tokens

	/** The caller of an API request's `Authorization: Bearer …` header. */
	verify(authorization: string | undefined): TokenCaller {
		if (authorization === undefined || authorization === '') throw GATEWAY.invalidAuthorizationHeader();
		const bearer = /^Bearer\s+(\S+)$/.exec(authorization);
		if (!bearer) throw GATEWAY.invalidAuthorizationHeader();
		const parts = bearer[1].split('.');
		if (parts.length !== 3) throw GATEWAY.invalidToken();
		const expected = createHmac('sha256', this.key).update(`${parts[0]}.${parts[1]}`).digest('base64url');
		if (!safeEqual(parts[2], expected)) throw GATEWAY.invalidToken();
		let payload: { cnyId?: string; userId?: string; entityId?: string; clientId?: string; exp?: number; jti?: string };
		try {
			payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as typeof payload;
		} catch {
			throw GATEWAY.invalidToken();
		}
		if (typeof payload.exp !== 'number' || payload.exp * 1000 <= this.now().getTime() || (payload.jti !== undefined && this.revokedJti.has(payload.jti))) throw tokenInvalid();
		return { clientId: payload.clientId ?? '', companyId: payload.cnyId ?? '', userId: payload.userId ?? '', entityId: payload.entityId ?? '' };
	}

	/** Fault injection: every access token issued so far stops working (like expired sessions). */
	expireAllAccessTokens(): void {
		for (const jti of this.issuedJti) this.revokedJti.add(jti);
		this.issuedJti.clear();
	}
}

function authorizationSlot(caller: TokenCaller): string {
	return `${caller.clientId}|${caller.companyId.toUpperCase()}|${caller.userId.toLowerCase()}`;
}

function pick(caller: TokenCaller): TokenCaller {
	return { clientId: caller.clientId, companyId: caller.companyId, userId: caller.userId, entityId: caller.entityId };
}

function safeEqual(a: string, b: string): boolean {
	const ba = Buffer.from(a);
	const bb = Buffer.from(b);
	return ba.length === bb.length && timingSafeEqual(ba, bb);
}
