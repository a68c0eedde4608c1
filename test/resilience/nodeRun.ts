/**
 * Runs the Sage Intacct node in the real n8n engine (test/support/harness, built package) for the fault
 * matrix and the bad-input corpus: one node fed items, optionally continuing on fail.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { Sandbox } from '../../sandbox/api';
import { packageNode, runWorkflow, sandboxCredentialValues, type WorkflowRun } from '../support/harness';
import { NODE_NAME } from '../support/nodeWorkflows';

export interface NodeRunOptions {
	continueOnFail?: boolean;
	/** Same id = same idempotency keys across runs (a re-run of the same workflow). */
	workflowId?: string;
	credentialOverrides?: Record<string, string>;
}

export async function runNode(sandbox: Sandbox, parameters: INodeParameters, items: IDataObject[], options: NodeRunOptions = {}): Promise<WorkflowRun> {
	const node = packageNode('sageIntacct', NODE_NAME, parameters, options.continueOnFail ? { onError: 'continueRegularOutput' } : {});
	return await runWorkflow(
		{ id: options.workflowId ?? 'wfResilience', nodes: [node] },
		{
			credentials: sandboxCredentialValues({ ...sandbox.credentials }, options.credentialOverrides ?? {}),
			inputItems: items.map((json) => ({ json })),
		},
	);
}

export { NODE_NAME };
