/**
 * The credential test's diagnosis: sign in once (getAPISession with login, §2.1) and, when that
 * fails, say in plain words which part of the credential is wrong and where in Intacct to fix it.
 * Runs without n8n (any HttpPost), so each wrong part is testable against the sandbox.
 */
import { randomUUID } from 'crypto';
import { isHttpUrl, missingCredentialFields } from './clientErrors';
import type { HttpPost, IntacctCredentials, IntacctResult } from '../core/types';
import { IntacctError, formatErrorDetail } from '../core/errors';
import { writeSignInRequest } from '../xml/requestWriter';
import { fieldText, readResponse } from '../xml/responseReader';
import { networkError } from './retryPolicy';
import { settle } from './settle';
import { maskSecrets } from '../core/secretMasking';
import { SIGN_IN_ADVICE, classifySignInFailure } from './signInHints';

export type CredentialProblem =
	| 'missingField'
	| 'sender'
	| 'senderNotAuthorised'
	| 'company'
	| 'login'
	| 'entity'
	| 'endpoint'
	| 'demoExpired'
	| 'unavailable'
	| 'unknown';

export type CredentialCheck =
	| { ok: true; sessionId: string; endpoint: string; entityId: string }
	| { ok: false; problem: CredentialProblem; message: string };

const DEFAULT_TIMEOUT_MS = 30_000;

type Attempt = { ok: true; sessionId: string; endpoint: string; entityId: string } | { ok: false; error: IntacctError };

async function signIn(credentials: IntacctCredentials, entityId: string, post: HttpPost, timeoutMs: number): Promise<Attempt> {
	const xml = writeSignInRequest(credentials, { requestControlId: randomUUID(), functionControlId: 'credentialTest' }, entityId);
	const sent = await settle(
		post({
			url: credentials.endpointUrl,
			body: xml,
			headers: { 'Content-Type': 'application/xml; charset=utf-8', Accept: 'text/xml, application/xml' },
			timeoutMs,
		}),
	);
	if (!sent.ok) return { ok: false, error: networkError(sent.error, timeoutMs) };
	const read = await settle(Promise.resolve(sent.value).then(readResponse));
	if (!read.ok) {
		if (read.error instanceof IntacctError) return { ok: false, error: read.error };
		throw read.error instanceof Error ? read.error : new Error(String(read.error));
	}
	const result: IntacctResult | undefined = read.value.results[0];
	if (!result || result.status !== 'success') {
		return {
			ok: false,
			error: new IntacctError({ kind: 'result', summary: 'Intacct could not open a session', errors: result?.errors ?? [] }),
		};
	}
	const api = result.records[0] ?? {};
	return {
		ok: true,
		sessionId: fieldText(api.sessionid) ?? '',
		endpoint: fieldText(api.endpoint) || credentials.endpointUrl,
		entityId: fieldText(api.locationid) ?? entityId,
	};
}

function said(error: IntacctError): string {
	return error.errors.length > 0 ? ` Intacct said: ${error.errors.map(formatErrorDetail).join(' - ')}` : '';
}

function endpointMessage(credentials: IntacctCredentials, error: IntacctError): { problem: CredentialProblem; message: string } {
	const url = credentials.endpointUrl;
	if (error.kind === 'network') {
		const reason: Record<string, string> = {
			ENOTFOUND: 'its host name does not exist (DNS lookup failed)',
			EAI_AGAIN: 'its host name could not be resolved (DNS)',
			ECONNREFUSED: 'the server refused the connection',
			ETIMEDOUT: 'the server did not answer in time',
			ESOCKETTIMEDOUT: 'the server did not answer in time',
			ECONNRESET: 'the connection was closed without an answer',
		};
		const why = (error.code && reason[error.code]) ?? `the connection failed${error.code ? ` (${error.code})` : ''}`;
		return {
			problem: error.transient && error.code !== 'ECONNREFUSED' ? 'unavailable' : 'endpoint',
			message: `Cannot reach the Endpoint URL ${url}: ${why}. Check the Endpoint URL (normally https://api.intacct.com/ia/xml/xmlgw.phtml) and that n8n can reach it.`,
		};
	}
	if (error.kind === 'http' && error.httpStatus !== undefined && error.httpStatus >= 500 && error.errors.length > 0) {
		return { problem: 'unavailable', message: `The Intacct gateway is unavailable right now (HTTP ${error.httpStatus}); try again later.${said(error)}` };
	}
	const what = /HTML/.test(error.message)
		? `an HTML page (HTTP ${error.httpStatus ?? '?'})`
		: error.httpStatus !== undefined && error.httpStatus !== 200
			? `HTTP ${error.httpStatus} without Intacct XML`
			: 'something that is not Intacct XML';
	return {
		problem: 'endpoint',
		message: `The Endpoint URL ${url} does not look like the Intacct XML gateway: it answered with ${what}. Use https://api.intacct.com/ia/xml/xmlgw.phtml unless Sage gave you another gateway address.`,
	};
}

function entityMessage(entityId: string): string {
	return `The Entity ID "${entityId}" was not accepted, while signing in at the top level works. Enter the ID of an entity of this company (Company > Setup > Entities) or leave Entity ID empty for the top level; also check the Web Services user is allowed into that entity.`;
}

/** Signs in with the credential and explains any failure. Never includes a password in a message. */
export async function checkCredentials(
	credentials: IntacctCredentials,
	post: HttpPost,
	options: { timeoutMs?: number } = {},
): Promise<CredentialCheck> {
	const secrets = [credentials.senderPassword, credentials.userPassword];
	const fail = (problem: CredentialProblem, message: string): CredentialCheck => ({
		ok: false,
		problem,
		message: maskSecrets(message, secrets),
	});
	const missing = missingCredentialFields(credentials);
	if (missing.length > 0) return fail('missingField', `Fill in: ${missing.join(', ')}.`);
	if (/\s/.test(credentials.companyId.trim())) {
		return fail('login', `The Company ID "${credentials.companyId}" contains a space. ${SIGN_IN_ADVICE.login}`);
	}
	if (!isHttpUrl(credentials.endpointUrl)) {
		return fail('endpoint', `The Endpoint URL "${credentials.endpointUrl}" is not an http(s) URL. Use https://api.intacct.com/ia/xml/xmlgw.phtml.`);
	}
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const entityId = (credentials.entityId ?? '').trim();
	const attempt = await signIn(credentials, entityId, post, timeoutMs);
	if (attempt.ok) return attempt;
	const { error } = attempt;
	if (error.kind === 'network' || error.kind === 'parse' || (error.kind === 'http' && error.errors.length === 0) || (error.kind === 'http' && error.httpStatus !== undefined && error.httpStatus >= 500)) {
		const { problem, message } = endpointMessage(credentials, error);
		return fail(problem, message);
	}
	if (error.kind === 'http' && error.httpStatus === 429) {
		return fail('unavailable', `The Intacct gateway is rate limiting this sender right now (HTTP 429); try again in a minute.${said(error)}`);
	}
	const kind = classifySignInFailure(error.kind, error.errors, error.httpStatus);
	if (kind === 'login' || error.kind === 'result') {
		// The gateway gives the same answer for a wrong entity as for a wrong user (§12.6): if the
		// top level accepts the same user, the entity is the wrong part.
		if (entityId !== '') {
			const topLevel = await signIn(credentials, '', post, timeoutMs);
			if (topLevel.ok) return fail('entity', `${entityMessage(entityId)}${said(error)}`);
			return fail(
				'login',
				`${SIGN_IN_ADVICE.login} Also check the Entity ID "${entityId}" (an entity ID of this company, or empty for the top level).${said(error)}`,
			);
		}
		if (kind === 'login') return fail('login', `${SIGN_IN_ADVICE.login}${said(error)}`);
		return fail('unknown', `Intacct did not open a session.${said(error)}`);
	}
	if (kind === 'company') return fail('company', `${SIGN_IN_ADVICE.company}${said(error)}`);
	if (kind === 'sender' || kind === 'senderNotAuthorised' || kind === 'demoExpired') {
		return fail(kind, `${SIGN_IN_ADVICE[kind]}${said(error)}`);
	}
	return fail('unknown', `Intacct refused the sign-in.${said(error)}`);
}
