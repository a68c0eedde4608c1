/**
 * Runs the BUILT poll trigger the way n8n's poll executor does: an n8n-core PollContext (mode
 * 'trigger', activation 'activate') on one Workflow object whose static data persists between
 * polls, the package's real credential through the harness credentials helper, real HTTP to the
 * sandbox. Requires `npm run build`.
 */
import { PollContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeType,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { createCredentialsHelper, loadPackage, PACKAGE_NAME, runWorkflow, type CredentialValues } from '../support/harness';

export const POLL_TRIGGER_NAME = 'Sage Intacct Poll Trigger';

export interface Poller {
	/** One scheduled poll: the items it emitted, or null. */
	poll(): Promise<IDataObject[] | null>;
	/** "Fetch test event" in the editor: a manual run in the execution engine. */
	fetchTestEvent(): Promise<IDataObject[]>;
	staticData(): IDataObject;
	node: INode;
}

export async function createPoller(parameters: INodeParameters, credentials: CredentialValues, budgetMs?: number): Promise<Poller> {
	const pkg = await loadPackage();
	const type = `${PACKAGE_NAME}.sageIntacctPollTrigger`;
	const nodeType = pkg.nodeTypes.getByNameAndVersion(type, 1) as INodeType;
	const node: INode = {
		id: 'poll',
		name: POLL_TRIGGER_NAME,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: NodeHelpers.getNodeParameters(nodeType.description.properties, parameters, true, false, { typeVersion: 1 }, nodeType.description) ?? {},
		credentials: Object.fromEntries(Object.keys(credentials).map((name, i) => [name, { id: `cred-${i + 1}`, name: `Test ${name}` }])),
	};
	const credentialsHelper = await createCredentialsHelper(credentials);
	const workflow = new Workflow({ id: 'wf-poll', nodes: [node], connections: {}, active: true, nodeTypes: pkg.nodeTypes, staticData: {} });
	const additionalData = {
		credentialsHelper,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const emitted: IDataObject[][] = [];
	return {
		node,
		staticData: () => workflow.getStaticData('node', node),
		async poll() {
			const context = new PollContext(
				workflow,
				node,
				additionalData,
				'trigger',
				'activate',
				(data) => emitted.push(data[0].map((i) => i.json)),
				(error) => {
					throw error;
				},
				undefined,
				undefined,
				undefined,
				budgetMs === undefined ? undefined : () => budgetMs,
			);
			const result = await nodeType.poll!.call(context);
			return result === null ? null : result[0].map((i) => i.json);
		},
		async fetchTestEvent() {
			const run = await runWorkflow({ id: 'wf-poll', nodes: [node], connections: {}, staticData: workflow.staticData }, { credentials: credentialsHelper, mode: 'manual' });
			if (run.status !== 'success') throw new Error(`manual run failed: ${run.error?.message}`);
			return run.json(POLL_TRIGGER_NAME);
		},
	};
}
