/**
 * Where in Intacct to fix a sign-in problem, by the error the gateway gave (§3.4, §3.6). Shared by
 * the client's errors and the credential test so the advice lives in one place.
 */
import type { IntacctErrorDetail } from '../core/types';

export type SignInProblem = 'sender' | 'senderNotAuthorised' | 'company' | 'login' | 'session' | 'demoExpired' | 'unknown';

export const SIGN_IN_ADVICE: Record<Exclude<SignInProblem, 'unknown'>, string> = {
	sender:
		'The Sender ID or Sender Password is wrong. Use the Web Services sender ID and password of your Web Services developer licence (both case-sensitive), and check that the company has the Web Services subscription (Company > Subscriptions).',
	senderNotAuthorised:
		'The Sender ID is not authorised for this company. In Intacct go to Company > Setup > Company > Security > Web Services Authorization, add the sender ID and save.',
	company:
		'The Company ID is not a company Intacct knows (the gateway refused the request before signing in). Copy the Company ID from Company > Setup > Company > Company Information (the ID you type on the Intacct sign-in page), without spaces; a sandbox company has its own ID, often ending in -sandbox.',
	login:
		'The User ID, Company ID or User Password is wrong. Use a Web Services user (Company > Admin > Web Services Users) and its password; the Company ID is on Company > Setup > Company > Company Information, without spaces.',
	session: 'The Intacct session expired or was ended; the client signs in again automatically.',
	demoExpired: 'This Intacct company is a demo company that has expired.',
};

function text(errors: IntacctErrorDetail[]): string {
	return errors.map((e) => `${e.errorNo} ${e.description} ${e.description2} ${e.correction}`).join(' ');
}

/** Classifies a control-level, authentication-level or gateway (401/400) sign-in failure. */
export function classifySignInFailure(kind: string, errors: IntacctErrorDetail[], httpStatus?: number): SignInProblem {
	const all = text(errors);
	if (/PL04000055|demo company/i.test(all)) return 'demoExpired';
	if (/Web Services Authorization|not authori[sz]ed/i.test(all)) return 'senderNotAuthorised';
	if (/partner id|sender/i.test(all)) return 'sender';
	if (/invalid session|session.*(expired|invalid)/i.test(all)) return 'session';
	if (kind === 'control' && /XL03000006/.test(all)) return 'sender';
	// Today's gateway answers an unknown company ID with a control-level invalidRequest (docs/fidelity.md, "Sign-in").
	if (kind === 'control' && /invalidRequest/i.test(all)) return 'company';
	if (/sign-?in information|XMLGW_JPP0002|GW-0011|login/i.test(all)) return 'login';
	if (kind === 'authentication' || httpStatus === 401) return 'login';
	return 'unknown';
}

export function signInAdvice(kind: string, errors: IntacctErrorDetail[], httpStatus?: number): string | undefined {
	const problem = classifySignInFailure(kind, errors, httpStatus);
	return problem === 'unknown' ? undefined : SIGN_IN_ADVICE[problem];
}
