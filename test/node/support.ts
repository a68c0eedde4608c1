/**
 * Shared setup of the node's engine tests: a real in-process sandbox, the real n8n engine (harness),
 * and a direct client (not the node) to look at the sandbox's state independently of the node.
 */
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../sandbox';
import { IntacctClient } from '../../nodes/shared/intacct/client/client';
import { readByQuery } from '../../nodes/shared/intacct/xml/functions';
import type { IntacctRecord } from '../../nodes/shared/intacct/core/types';
import { nodeHttpPost } from '../support/nodeHttpPost';
import {
	createCredentialsHelper,
	packageNode,
	runWorkflow,
	sandboxCredentialValues,
	type HarnessCredentialsHelper,
	type WorkflowRun,
} from '../support/harness';

export const NODE_NAME = 'Sage Intacct';

/** Node credential references for the two wires (the node's Authentication = OAuth 2.0 / Web Services). */
export const REST_NODE = { credentials: { sageIntacctOAuth2Api: { id: 'rest', name: 'Intacct REST' } } };
export const XML_NODE = { credentials: { sageIntacctApi: { id: 'xml', name: 'Intacct XML' } } };

/** Both of the node's credentials over one sandbox: its XML gateway and its REST API (client credentials grant). */
export async function bothWiresCredentials(sandbox: Sandbox): Promise<HarnessCredentialsHelper> {
	return await createCredentialsHelper({
		sageIntacctApi: { ...sandbox.credentials },
		sageIntacctOAuth2Api: { grantType: 'clientCredentials', ...sandbox.rest.credentials, restBaseUrl: sandbox.rest.baseUrl },
	});
}

export async function startTestSandbox(): Promise<Sandbox> {
	return await startSandbox({ port: 0 });
}

export function directClient(sandbox: Sandbox, entityId?: string): IntacctClient {
	return new IntacctClient({
		credentials: { ...sandbox.credentials, ...(entityId !== undefined ? { entityId } : {}) },
		post: nodeHttpPost,
		retryBaseDelayMs: 1,
	});
}

/** All records of a readByQuery, read directly (not through the node). */
export async function readAll(sandbox: Sandbox, object: string, query = '', fields = '*', entityId?: string): Promise<IntacctRecord[]> {
	const client = directClient(sandbox, entityId);
	const records: IntacctRecord[] = [];
	for await (const page of client.pages(readByQuery({ object, query, fields }))) records.push(...page);
	return records;
}

/**
 * A create's output over REST against the same create's over XML: the same keys (Simplify on or off,
 * the record link included), and REST's link (recordUrl / RECORD_URL) is what the XML gateway reads
 * as RECORD_URL for the record REST created. Returns that link ('' when the outputs carry none).
 */
export async function expectSameCreateKeys(sandbox: Sandbox, object: string, rest: IDataObject, xml: IDataObject): Promise<string> {
	expect(Object.keys(rest).sort()).toEqual(Object.keys(xml).sort());
	const link = rest.recordUrl ?? rest.RECORD_URL;
	if (link === undefined) return '';
	const [stored] = await readAll(sandbox, object, `RECORDNO = ${Number(rest.recordNo ?? rest.RECORDNO)}`, 'RECORD_URL');
	expect(link).toMatch(/^http:\/\/[^/]+\/ia\/acct\/ur\.phtml\?\.r=/);
	expect(link).toBe(stored.RECORD_URL);
	return String(link);
}

export interface RunNodeOptions {
	items?: INodeExecutionData[] | IDataObject[];
	continueOnFail?: boolean;
	workflowId?: string;
	credentials?: HarnessCredentialsHelper;
	nodeOverrides?: Partial<INode>;
}

/** Runs a one-node workflow: the Sage Intacct node fed `items` (default one empty item). */
export async function runNode(sandbox: Sandbox, parameters: INode['parameters'], options: RunNodeOptions = {}): Promise<WorkflowRun> {
	const node = packageNode('sageIntacct', NODE_NAME, parameters, {
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...options.nodeOverrides,
	});
	const items = (options.items ?? [{ json: {} }]).map((item) =>
		'json' in item && typeof item.json === 'object' ? (item as INodeExecutionData) : { json: item as IDataObject },
	);
	return await runWorkflow(
		{ id: options.workflowId ?? 'wfNodeTest', nodes: [node] },
		{
			credentials: options.credentials ?? (await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }))),
			inputItems: items,
		},
	);
}

export function functionsSent(sandbox: Sandbox, name: string): number {
	return sandbox.stats.functions[name] ?? 0;
}

/** The node over one wire: its parameters with the Authentication that picks the credential. */
export type WireRun = (parameters: INode['parameters'], options?: Omit<RunNodeOptions, 'credentials' | 'nodeOverrides'>) => Promise<WorkflowRun>;

/**
 * A sandbox with both of the node's credentials for the test file (beforeAll / afterAll):
 * `rest` runs the node over OAuth 2.0, `xml` over Web Services, against the same company;
 * `credentials` is the harness's credentials helper holding both (for listSearch, resourceMapping, runNode).
 */
export function useBothWires(): { sandbox: () => Sandbox; credentials: () => HarnessCredentialsHelper; rest: WireRun; xml: WireRun } {
	let sandbox: Sandbox | undefined;
	let both: HarnessCredentialsHelper | undefined;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
		both = await bothWiresCredentials(sandbox);
	});
	afterAll(async () => {
		await sandbox?.close();
	});
	const started = (): Sandbox => {
		if (sandbox === undefined) throw new Error('useBothWires: the sandbox is not started yet (call it at the top of the file)');
		return sandbox;
	};
	const credentials = (): HarnessCredentialsHelper => {
		if (both === undefined) throw new Error('useBothWires: the credentials are not made yet (call it at the top of the file)');
		return both;
	};
	const wire =
		(authentication: string, nodeOverrides: Partial<INode>): WireRun =>
		async (parameters, options = {}) =>
			await runNode(started(), { authentication, ...parameters }, { ...options, credentials: both, nodeOverrides });
	return { sandbox: started, credentials, rest: wire('oAuth2', REST_NODE), xml: wire('webServices', XML_NODE) };
}
