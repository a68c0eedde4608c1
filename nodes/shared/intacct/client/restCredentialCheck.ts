/**
 * The `sageIntacctOAuth2Api` credential test: obtain a token, read one record, and when either
 * fails, say which part of the credential is wrong and where in Intacct to fix it. Codes from
 * intacct-docs/rest/error-handling.md and the token endpoint's answers (docs/rest-wire.md).
 */
import type { IntacctError } from '../core/errors';
import type { RestCredentials, RestHttp } from '../rest/restWire';
import { grantUsername } from '../rest/restWire';
import { RestIntacctClient } from './restClient';
import { readByQuery } from '../xml/functions';
import { explainRestFailure, type RestCredentialProblem } from './restCredentialWords';

export { explainRestFailure, type RestCredentialProblem };

export type RestCredentialCheck = { ok: true; message: string } | { ok: false; problem: RestCredentialProblem; message: string };

/** Token, then one record (a GL account): the credential works end to end when both succeed. */
export async function checkRestCredentials(credentials: RestCredentials, http: RestHttp, tokenAlreadyHeld = false): Promise<RestCredentialCheck> {
	const client = new RestIntacctClient({
		credentials,
		http,
		maxRetries: 1,
		retryBaseDelayMs: 500,
		timeoutMs: 30_000,
		// Authorization code: the caller's http already carries the connected user's token.
		...(tokenAlreadyHeld ? { token: async () => ({ accessToken: '', expiresAt: Number.MAX_SAFE_INTEGER }) } : {}),
	});
	try {
		await client.openSession();
	} catch (error) {
		return { ok: false, ...explainRestFailure(error as IntacctError, credentials) };
	}
	try {
		await client.execute(readByQuery({ object: 'GLACCOUNT', fields: ['RECORDNO'], pageSize: 1 }));
	} catch (error) {
		return { ok: false, ...explainRestFailure(error as IntacctError, credentials) };
	}
	return { ok: true, message: `Signed in to ${credentials.companyId} as ${grantUsername(credentials)} and read a GL account` };
}
