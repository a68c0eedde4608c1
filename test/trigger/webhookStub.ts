/**
 * A small IWebhookFunctions-shaped context: the few methods the trigger uses,
 * with n8n-core's real returnJsonArray, a response object recording status and body, and static
 * data that persists across calls when the same object is passed in.
 */
import { returnJsonArray } from 'n8n-core';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { SageIntacctTrigger } from '../../nodes/SageIntacctTrigger/SageIntacctTrigger.node';

export const ACCESS_KEY = 'k3y-For-Tests-0123456789abcdefXYZ';

export interface StubRequest {
	body?: unknown;
	rawBody?: string;
	headers?: Record<string, string>;
	query?: Record<string, string>;
	parameters?: IDataObject;
	staticData?: IDataObject;
	/** Workflow the delivery is for (default: one per static-data object, like n8n's per-workflow static data). */
	workflowId?: string;
}

const workflowIds = new WeakMap<IDataObject, string>();
function workflowIdFor(staticData: IDataObject): string {
	let id = workflowIds.get(staticData);
	if (id === undefined) {
		id = `wf-stub-${Math.random().toString(36).slice(2)}`;
		workflowIds.set(staticData, id);
	}
	return id;
}

export interface StubResult {
	result: IWebhookResponseData;
	status?: number;
	sent?: unknown;
}

export const DEFAULT_PARAMETERS: IDataObject = {
	accessKey: ACCESS_KEY,
	accessKeyLocation: 'body',
	intacctTriggers: 'onePerEvent',
	events: ['created', 'updated', 'deleted'],
	userDimension: 'FUNDINGSOURCE',
	enrich: false,
	filters: {},
	options: {},
};

export async function callWebhook(request: StubRequest): Promise<StubResult> {
	const parameters = { ...DEFAULT_PARAMETERS, ...(request.parameters ?? {}) };
	const response: { status?: number; sent?: unknown } = {};
	const res = {
		status(code: number) {
			response.status = code;
			return res;
		},
		json(body: unknown) {
			response.sent = body;
			return res;
		},
		send(body: unknown) {
			response.sent = body;
			return res;
		},
	};
	const staticData = request.staticData ?? {};
	const ctx = {
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getBodyData: () => (request.body ?? {}) as IDataObject,
		getHeaderData: () => request.headers ?? {},
		getQueryData: () => request.query ?? {},
		getRequestObject: () => ({ rawBody: request.rawBody === undefined ? undefined : Buffer.from(request.rawBody) }),
		getResponseObject: () => res,
		getWorkflowStaticData: () => staticData,
		getWorkflow: () => ({ id: request.workflowId ?? workflowIdFor(staticData), active: true }),
		getMode: () => 'webhook',
		getNode: () => ({ id: 't', name: 'Sage Intacct Trigger', type: 'sageIntacctTrigger', typeVersion: 1, position: [0, 0], parameters: {} }),
		helpers: { returnJsonArray },
		logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
	} as unknown as IWebhookFunctions;
	const result = await new SageIntacctTrigger().webhook.call(ctx);
	return { result, status: response.status, sent: response.sent };
}

/** A body as Intacct renders our template for one GL entry. */
export function glEntryBody(overrides: Record<string, string> = {}, top: IDataObject = {}): IDataObject {
	return {
		object: 'GLENTRY',
		event: 'created',
		accessKey: ACCESS_KEY,
		record: {
			RECORDNO: '5012',
			BATCHNO: '877',
			BATCH_NUMBER: '41',
			BATCHTITLE: 'Grant accrual',
			JOURNAL: 'GJ',
			LINE_NO: '1',
			ACCOUNTNO: '6100',
			ACCOUNTTITLE: 'Program expenses',
			TR_TYPE: '-1',
			AMOUNT: '1,250.50',
			TRX_AMOUNT: '1250.50',
			CURRENCY: 'USD',
			ENTRY_DATE: '03/31/2026',
			BATCH_DATE: '03/31/2026',
			STATE: 'Posted',
			DESCRIPTION: 'Accrue "Q1" grant spend',
			DOCUMENT: '',
			DEPARTMENT: 'D100',
			LOCATION: '100',
			CLASSID: '',
			PROJECTID: 'P-7',
			CUSTOMERID: '',
			VENDORID: 'V-2',
			EMPLOYEEID: '',
			ITEMID: '',
			GLDIMFUNDINGSOURCE: 'FS-NSF',
			MEGAENTITYID: '100',
			WHENCREATED: '03/31/2026 14:02:11',
			WHENMODIFIED: '03/31/2026 14:02:11',
			...overrides,
		},
		...top,
	};
}
