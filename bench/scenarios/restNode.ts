/**
 * The REST wire's rows of `npm run bench`: the same node, parameters, documents and sandbox (same
 * latency) as the XML rows, with Authentication = OAuth 2.0 (REST) and the sandbox's demo client
 * application. API transactions over REST are counted the way Intacct bills them
 * (docs/fidelity-cost.md "REST calls"): one per read call (GET, query service), one per record
 * written (a batch request of 500 bills is 500); the token request is the sign-in.
 */
import type { INodeParameters } from 'n8n-workflow';
import { packageNode, runWorkflow, type CredentialValues } from '../../test/support/harness';
import { DEMO_CLIENT_APPLICATION } from '../../sandbox/rest/clientApplications';
import { SANDBOX_LOGIN } from '../../sandbox/model/contract';
import { NODE_NAME } from '../../test/support/nodeWorkflows';
import type { BenchSandbox } from '../benchSandbox';

export const REST_NODE_WRITES = 'our node over REST (OAuth 2.0) in the n8n engine';
/** The same over the credential's Keyed Creates Over REST = One Request Per Document (the way back, client/restKeyedCreates.ts). */
export const REST_NODE_WRITES_SINGLE = 'our node over REST, Keyed Creates: One Request Per Document';
export const REST_NODE_READS = 'our node over REST (OAuth 2.0) in the n8n engine (glEntry getMany, Return All: query service)';

/** Both credentials of the sandbox: the XML one (unused here) and the REST client application. */
export function restCredentialValues(sandbox: BenchSandbox, keyedCreates: 'composite' | 'single' = 'composite'): CredentialValues {
	const origin = new URL(sandbox.url).origin;
	return {
		sageIntacctApi: { ...sandbox.credentials },
		sageIntacctOAuth2Api: {
			grantType: 'clientCredentials',
			clientId: DEMO_CLIENT_APPLICATION.clientId,
			clientSecret: DEMO_CLIENT_APPLICATION.clientSecret,
			companyId: SANDBOX_LOGIN.companyId,
			userId: SANDBOX_LOGIN.userId,
			entityId: '',
			restBaseUrl: `${origin}/ia/api/v1`,
			keyedCreates,
		},
	};
}

/** The node over REST with the given parameters (the XML rows' parameters, authentication switched). */
export function restNode(parameters: INodeParameters) {
	return packageNode('sageIntacct', NODE_NAME, { authentication: 'oAuth2', ...parameters }, { credentials: { sageIntacctOAuth2Api: { id: 'rest', name: 'Intacct REST' } } });
}

/** API transactions of a REST run: read calls from the sandbox's counters plus the records written. */
export function restTransactions(functions: Record<string, number>, written: number): number {
	let reads = 0;
	let signIns = 0;
	for (const [name, count] of Object.entries(functions)) {
		if (!name.startsWith('rest:')) continue;
		if (/oauth2\/token/.test(name)) signIns += count;
		else if (/^rest:GET /.test(name) || /services\/core\/(query|model)/.test(name)) reads += count;
	}
	return signIns + reads + written;
}

/** glEntry / getMany over REST in the n8n engine: every GL entry, the output items. */
export async function restNodeReadAll(sandbox: BenchSandbox, limit: number | undefined) {
	const parameters = limit === undefined ? { resource: 'glEntry', operation: 'getMany', returnAll: true } : { resource: 'glEntry', operation: 'getMany', returnAll: false, limit };
	const run = await runWorkflow({ nodes: [restNode(parameters)] }, { credentials: restCredentialValues(sandbox) });
	if (run.error) throw new Error(`glEntry getMany over REST failed: ${run.error.message}`);
	return run.json(NODE_NAME);
}
