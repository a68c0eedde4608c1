/**
 * A small stand-in for n8n's webhook server, for real-HTTP tests of the trigger:
 *   - node:http receives the POST; the body is parsed like n8n's body parser (JSON by content type,
 *     raw bytes kept in req.rawBody), query and headers as express would give them;
 *   - n8n-core's own WebhookContext wraps the request for the BUILT node's webhook() (loaded from
 *     dist/ by the harness, like n8n loads a community package);
 *   - when webhook() returns workflowData, the workflow runs in n8n's execution engine
 *     (harness runWorkflow, trigger node as start node, as n8n's webhook helpers do) and the items
 *     of each execution are recorded; static data lives in one Workflow object across requests.
 * A queue of forced answers simulates failures: 'before' answers 500 without reaching the node
 * (n8n down), 'after' answers 500 after the execution started (a proxy timeout).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type IDataObject,
	type INode,
	type INodeParameters,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type INodeType,
} from 'n8n-workflow';

import { createCredentialsHelper, loadPackage, PACKAGE_NAME, runWorkflow, type CredentialValues } from '../support/harness';

export const WEBHOOK_ID = '3f9c2a1e-trigger-test';
export const TRIGGER_NAME = 'Sage Intacct Trigger';

export interface HostedTrigger {
	/** The production URL the user pastes into Intacct: <base>/webhook/<webhookId>/gl-entry. */
	url: string;
	/** Items of every execution started, in arrival order. */
	executions: IDataObject[][];
	/** Status of every answer given. */
	answers: number[];
	staticData(): IDataObject;
	/** Queue forced 500 answers for the next requests. */
	failNext(...when: Array<'before' | 'after'>): void;
	close(): Promise<void>;
}

interface RequestLike {
	body: unknown;
	rawBody: Buffer;
	headers: http.IncomingHttpHeaders;
	query: Record<string, string>;
	params: Record<string, string>;
	method: string;
	url: string;
}

function responseAdapter(res: http.ServerResponse) {
	const adapter = {
		status(code: number) {
			res.statusCode = code;
			return adapter;
		},
		json(body: unknown) {
			res.setHeader('Content-Type', 'application/json');
			res.end(JSON.stringify(body));
			return adapter;
		},
		send(body: unknown) {
			res.end(typeof body === 'string' ? body : JSON.stringify(body));
			return adapter;
		},
		end() {
			res.end();
			return adapter;
		},
	};
	return adapter;
}

export interface HostOptions {
	/** Node version (default 1, as workflows saved before version 2). */
	typeVersion?: number;
	/** Workflow ID (default 'wf-trigger'): a new ID with copied static data simulates an n8n restart
	 * (nothing in this process's memory, only what n8n saved). */
	workflowId?: string;
	staticData?: IDataObject;
}

export async function startHostedTrigger(parameters: INodeParameters, credentials: CredentialValues = {}, options: HostOptions = {}): Promise<HostedTrigger> {
	const pkg = await loadPackage();
	const type = `${PACKAGE_NAME}.sageIntacctTrigger`;
	const typeVersion = options.typeVersion ?? 1;
	const workflowId = options.workflowId ?? 'wf-trigger';
	const nodeType = pkg.nodeTypes.getByNameAndVersion(type, typeVersion) as INodeType;
	const credentialNames = Object.keys(credentials);
	const node: INode = {
		id: 'trigger',
		name: TRIGGER_NAME,
		type,
		typeVersion,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		// As the editor stores them: every parameter with its default filled in.
		parameters: NodeHelpers.getNodeParameters(nodeType.description.properties, parameters, true, false, { typeVersion }, nodeType.description) ?? {},
		credentials:
			credentialNames.length > 0 ? Object.fromEntries(credentialNames.map((name, i) => [name, { id: `cred-${i + 1}`, name: `Test ${name}` }])) : undefined,
	};
	const credentialsHelper = await createCredentialsHelper(credentials);
	const workflow = new Workflow({
		id: workflowId,
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: pkg.nodeTypes,
		staticData: options.staticData ? { [`node:${TRIGGER_NAME}`]: JSON.parse(JSON.stringify(options.staticData)) as IDataObject } : {},
	});
	const executions: IDataObject[][] = [];
	const answers: number[] = [];
	const forced: Array<'before' | 'after'> = [];
	const path = `/webhook/${WEBHOOK_ID}/gl-entry`;

	const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (req.method !== 'POST' || url.pathname !== path) {
			res.statusCode = 404;
			res.end();
			return;
		}
		let body: unknown = {};
		if (String(req.headers['content-type'] ?? '').includes('json') && rawBody.length > 0) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				body = {};
			}
		}
		const force = forced.shift();
		if (force === 'before') {
			answers.push(500);
			res.statusCode = 500;
			res.end('{"message":"n8n is restarting"}');
			return;
		}
		const request: RequestLike = {
			body,
			rawBody,
			headers: req.headers,
			query: Object.fromEntries(url.searchParams),
			params: {},
			method: 'POST',
			url: req.url ?? '',
		};
		const additionalData = {
			credentialsHelper,
			httpRequest: request,
			httpResponse: responseAdapter(res),
			webhookBaseUrl: 'http://127.0.0.1/webhook',
			webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
			webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
			restApiUrl: 'http://127.0.0.1/rest',
			instanceBaseUrl: 'http://127.0.0.1/',
			variables: {},
			executionId: undefined,
		} as unknown as IWorkflowExecuteAdditionalData;
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: TRIGGER_NAME,
			path: `${WEBHOOK_ID}/gl-entry`,
			webhookDescription: nodeType.description.webhooks![0],
			workflowId,
			workflowExecuteAdditionalData: additionalData,
			webhookId: WEBHOOK_ID,
		};
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
		const result: IWebhookResponseData = await nodeType.webhook!.call(context);
		if (result.noWebhookResponse) {
			answers.push(res.statusCode);
			if (!res.writableEnded) res.end();
			return;
		}
		if (result.workflowData) {
			const run = await runWorkflow(
				{ id: workflowId, nodes: [node], connections: {} },
				{ credentials: credentialsHelper, inputItems: result.workflowData[0], mode: 'webhook' },
			);
			if (run.status !== 'success') throw new Error(`execution failed: ${run.error?.message}`);
			executions.push(run.json(TRIGGER_NAME));
		}
		const status = force === 'after' ? 500 : 200;
		answers.push(status);
		res.statusCode = status;
		res.setHeader('Content-Type', 'application/json');
		res.end(JSON.stringify(result.webhookResponse ?? { message: result.workflowData ? 'Workflow was started' : 'Webhook call received' }));
	};

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			// What n8n does when webhook() throws: 500 (and an error execution).
			answers.push(500);
			if (!res.headersSent) res.statusCode = 500;
			res.end(JSON.stringify({ message: (error as Error).message }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${path}`,
		executions,
		answers,
		staticData: () => workflow.getStaticData('node', node),
		failNext: (...when) => forced.push(...when),
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
