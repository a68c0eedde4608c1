/**
 * A minimal OAuth 2.0 client-credentials token endpoint, ONLY so the event queue endpoints can be
 * called before the REST sandbox (sandbox/rest) lands: POST /ia/api/v1/oauth2/token with
 * grant_type=client_credentials, client_id, client_secret and username (user@company[|entity]).
 * When sandbox/rest is merged, the lead routes the token path there and hands its token check to
 * deliveryEndpoints (verifyAccessToken); this file then goes.
 */
import { randomBytes } from 'node:crypto';
import type { ClientApplications } from './clientApplication';

export const TOKEN_PATH = '/ia/api/v1/oauth2/token';
const LIFETIME_SECONDS = 3600;

export class InterimTokens {
	private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();

	constructor(
		private readonly applications: ClientApplications,
		private readonly now: () => Date,
	) {}

	/** Answers a token request body (form-encoded or JSON): [status, JSON body]. */
	grant(contentType: string, body: string): [number, Record<string, unknown>] {
		let params: Record<string, string>;
		try {
			params = contentType.includes('json') ? (JSON.parse(body) as Record<string, string>) : Object.fromEntries(new URLSearchParams(body));
		} catch {
			return [400, { error: 'invalid_request', error_description: 'body is neither JSON nor form-encoded' }];
		}
		if (params.grant_type !== 'client_credentials') return [400, { error: 'unsupported_grant_type' }];
		if (!params.username) return [400, { error: 'invalid_request', error_description: 'username (user@company) is required' }];
		if (!this.applications.matches(String(params.client_id ?? ''), String(params.client_secret ?? ''))) return [401, { error: 'invalid_client' }];
		const token = randomBytes(24).toString('base64url');
		this.tokens.set(token, { clientId: String(params.client_id), expiresAt: this.now().getTime() + LIFETIME_SECONDS * 1000 });
		return [200, { access_token: token, token_type: 'Bearer', expires_in: LIFETIME_SECONDS }];
	}

	/** The client ID a bearer token was issued to, while it is valid. */
	clientOf(token: string): string | undefined {
		const entry = this.tokens.get(token);
		return entry && entry.expiresAt > this.now().getTime() ? entry.clientId : undefined;
	}
}
