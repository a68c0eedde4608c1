/**
 * The smallest IWebhookFunctions the Sage Intacct Trigger's webhook() needs:
 * parameters, body/headers/query, raw body, a response object that records what was sent, static
 * data kept across calls (the dedup memory), and n8n-core's own returnJsonArray. Used by the
 * webhook benchmark and the bad-input corpus.
 *
 * Unlike test/trigger/webhookStub.ts (which builds a new node per call, fine for unit tests), this
 * keeps ONE node instance per "workflow", as n8n does: building the node's description costs more
 * than handling a delivery and would dominate a throughput measurement.
 */
import { randomUUID } from 'node:crypto';
import { returnJsonArray } from 'n8n-core';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { SageIntacctTrigger } from '../../nodes/SageIntacctTrigger/SageIntacctTrigger.node';

export interface WebhookCall {
	body: unknown;
	/** Raw bytes as n8n keeps them (request.rawBody); default JSON.stringify(body). */
	rawText?: string;
	headers?: Record<string, string>;
	query?: Record<string, string>;
}

export interface WebhookAnswer {
	result: IWebhookResponseData;
	/** Status written by the node itself (rejections); undefined when n8n answers. */
	status?: number;
	sent?: unknown;
	/** Items the call would start a workflow with. */
	started: number;
}

export function triggerParameters(accessKey: string, overrides: IDataObject = {}): IDataObject {
	return {
		accessKey,
		accessKeyLocation: 'body',
		intacctTriggers: 'onePerEvent',
		events: ['created', 'updated', 'deleted'],
		userDimension: '',
		enrich: false,
		filters: {},
		options: {},
		...overrides,
	};
}

/** One trigger node in one workflow: its parameters and static data persist across calls. */
export function webhookRunner(parameters: IDataObject): (call: WebhookCall) => Promise<WebhookAnswer> {
	const trigger = new SageIntacctTrigger();
	const staticData: IDataObject = {};
	// Each runner is its own workflow, as n8n would give it (the trigger remembers deliveries per workflow and node).
	const workflow = { id: `bench-${randomUUID()}`, active: true };
	const node = { id: 'sage-intacct-trigger', name: 'Sage Intacct Trigger', type: 'n8n-nodes-sage-intacct.sageIntacctTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	return async (call) => {
		const answer: { status?: number; sent?: unknown } = {};
		const response = {
			status(code: number) {
				answer.status = code;
				return response;
			},
			json(body: unknown) {
				answer.sent = body;
				return response;
			},
			send(body: unknown) {
				answer.sent = body;
				return response;
			},
		};
		const rawText = call.rawText ?? (call.body === undefined ? '' : JSON.stringify(call.body));
		const ctx = {
			getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
			getBodyData: () => (call.body !== null && typeof call.body === 'object' ? call.body : {}) as IDataObject,
			getHeaderData: () => call.headers ?? {},
			getQueryData: () => call.query ?? {},
			getRequestObject: () => ({ rawBody: Buffer.from(rawText, 'utf8') }),
			getResponseObject: () => response,
			getWorkflowStaticData: () => staticData,
			getWorkflow: () => workflow,
			getNode: () => node,
			getMode: () => 'webhook',
			helpers: { returnJsonArray },
			logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
		} as unknown as IWebhookFunctions;
		const result = await trigger.webhook.call(ctx);
		const started = (result.workflowData ?? []).reduce((n, items) => n + items.length, 0);
		return { result, status: answer.status, sent: answer.sent, started };
	};
}
