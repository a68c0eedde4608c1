/**
 * Which part of a `sageIntacctOAuth2Api` credential is wrong, in plain words with where in Intacct to
 * fix it, from a refused token request or first read (codes: intacct-docs/rest/error-handling.md and
 * the token endpoint's answers, docs/fidelity-rest.md). Used by the credential test and by every
 * refused token request at run time (restClient.ts), so a node run says the same as the test.
 */
import type { IntacctError } from '../core/errors';
import type { RestCredentials } from '../rest/restWire';
import { grantUsername } from '../rest/restWire';

export type RestCredentialProblem = 'endpoint' | 'client' | 'secret' | 'authorisation' | 'user' | 'entity' | 'username' | 'permission' | 'unknown';

const WHERE = {
	clientApp: 'Sage App Registry (developer.sage.com, "My apps")',
	authorised: 'Company > Setup > Company > Security tab > Authorized Client Applications',
	users: 'Company > Admin > Web Services Users (or Users, with the Web Services user type)',
	entities: 'Company > Setup > Entities, and the user\'s Entity access (Company > Admin > Users > Restrictions)',
	roles: "the user's role permissions (Company > Admin > Roles)",
};

function codes(error: IntacctError): string[] {
	return error.errors.map((e) => e.errorNo);
}

/** Plain words for a failed token request or first read. */
export function explainRestFailure(error: IntacctError, credentials: RestCredentials): { problem: RestCredentialProblem; message: string } {
	const all = codes(error);
	const text = error.errors.map((e) => e.description).join(' ');
	const username = grantUsername(credentials);
	if (error.kind === 'network') {
		return { problem: 'endpoint', message: `No answer from ${credentials.baseUrl}: check the REST API Base URL of the credential (${error.message})` };
	}
	if (all.includes('invalidClient')) {
		return { problem: 'secret', message: `The client secret does not match client ID ${credentials.clientId}. Copy the secret of this client ID again from ${WHERE.clientApp}.` };
	}
	if (all.includes('XL03000006')) {
		return {
			problem: 'authorisation',
			message: `Client ID ${credentials.clientId} is not authorised for company ${credentials.companyId}. A company administrator adds it under ${WHERE.authorised}.`,
		};
	}
	if (all.includes('invalidUser')) {
		return {
			problem: 'user',
			message: `User ${credentials.userId} was not found in company ${credentials.companyId}, or is not a Web Services user. Check the user ID under ${WHERE.users}.`,
		};
	}
	if (all.includes('invalidEntity')) {
		return { problem: 'entity', message: `Entity: ${text}. Check the Entity ID (signing in as ${username}) under ${WHERE.entities}.` };
	}
	if (all.some((c) => ['GW-0012', 'GW-0036'].includes(c))) {
		return { problem: 'username', message: `The user and company (${username}) are missing or malformed: fill User ID and Company ID.` };
	}
	if (all.includes('GW-0011') || all.includes('GW-0037')) {
		return {
			problem: 'client',
			message: `Intacct does not accept client ID ${credentials.clientId} for company ${credentials.companyId}: check the client ID (${WHERE.clientApp}) and the company ID (Company > Setup > Company > Company Information).`,
		};
	}
	if (error.httpStatus === 403) {
		return { problem: 'permission', message: `Signed in as ${username}, but the user may not read general ledger accounts: grant it in ${WHERE.roles}.` };
	}
	return { problem: 'unknown', message: error.message };
}
