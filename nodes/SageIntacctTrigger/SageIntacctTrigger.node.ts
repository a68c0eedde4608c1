import {
	NodeConnectionTypes,
	type IHookFunctions,
	type NodeConnectionType,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { documentTemplateExpression } from './documentTemplate';
import { handleDelivery } from './handleDelivery';

/** Path under the workflow's webhook ID: production URL <n8n>/webhook/<webhookId>/gl-entry. */
export const WEBHOOK_PATH = 'gl-entry';

// A constant, not an inline array: the community rule wants NodeConnectionTypes.Main, the legacy
// outputs rule only counts string literals in an inline array.
const MAIN_OUTPUT: NodeConnectionType[] = [NodeConnectionTypes.Main];

export class SageIntacctTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sage Intacct Trigger',
		name: 'sageIntacctTrigger',
		icon: { light: 'file:../SageIntacct/sageIntacct.svg', dark: 'file:../SageIntacct/sageIntacct.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"GL Entry: " + ($parameter["events"] || []).join(", ")}}',
		// n8n's nodes panel merges this trigger into the Sage Intacct app entry and shows this text for
		// the merged entry (actions and triggers): it describes the app, the Events name the triggers.
		description: 'Post journal entries and AP bills, read GL entries and vendors, and start workflows when GL entries change in Sage Intacct',
		defaults: {
			name: 'Sage Intacct Trigger',
		},
		inputs: [],
		outputs: MAIN_OUTPUT,
		credentials: [
			{
				name: 'sageIntacctApi',
				required: true,
				displayOptions: { show: { enrich: [true] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: WEBHOOK_PATH,
			},
		],
		triggerPanel: {
			header:
				'Copy the Production URL above into the Intacct GL Entry trigger (Platform Services > Objects > GL Entry > Triggers), then publish this workflow.',
			executionsHelp: {
				inactive:
					'Intacct posts to the Production URL, which only works while the workflow is published. To try the node now, click "Listen for test event", paste the Test URL into the Intacct trigger for a moment and change a GL entry.',
				active:
					'The workflow is published: every GL entry change that Intacct posts to the Production URL starts an execution. Past runs are in the Executions list.',
			},
			activationHint:
				'Publish the workflow so Intacct can reach the Production URL; test URLs stop listening after a few minutes.',
		},
		properties: [
			{
				displayName:
					'In Sage Intacct go to Platform Services > Objects > GL Entry > Triggers > New Trigger. Trigger Type: HTTP Post. Trigger activation: After Create, After Update and/or After Delete (see "Intacct Triggers" below). Encoding: JSON. URL: this node\'s Production URL (with "?key=<access key>" appended when the key travels in the URL). Under Document Template add a template and paste the text of "Document Template" below: click into that field and copy the text under "Result" (the button at the field\'s lower right opens it full screen; it already follows the options you pick here). Save twice.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Access Key',
				name: 'accessKey',
				type: 'string',
				typeOptions: { password: true },
				required: true,
				default: '',
				description:
					'A long random secret that only this node and your Intacct trigger know. Requests without it are refused with HTTP 401. Use 32 or more random characters.',
			},
			{
				displayName: 'Access Key Location',
				name: 'accessKeyLocation',
				type: 'options',
				options: [
					{
						name: 'In the Document Template',
						value: 'body',
						description: 'The template carries an "accessKey" field (works with every Intacct trigger)',
					},
					{
						name: 'In the URL',
						value: 'query',
						description: 'Append ?key=&lt;access key&gt; to the URL you paste into Intacct',
					},
					{
						name: 'In a Header',
						value: 'header',
						description: 'Header X-Intacct-Access-Key (only when your sender can add headers)',
					},
				],
				default: 'body',
			},
			{
				displayName: 'Intacct Triggers',
				name: 'intacctTriggers',
				type: 'options',
				options: [
					{
						name: 'One per Event (Recommended)',
						value: 'onePerEvent',
						description:
							'Create one Intacct trigger per event (After Create, After Update, After Delete), each with its own template whose "event" field names it',
					},
					{
						name: 'One for All Events',
						value: 'oneForAllEvents',
						description:
							'One Intacct trigger with every activation ticked; the template cannot say which event fired, so the node infers it (deletes only with "Fetch Full Entry and Batch")',
					},
				],
				default: 'onePerEvent',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{ name: 'Created', value: 'created', action: 'On GL entry created' },
					{ name: 'Updated', value: 'updated', action: 'On GL entry updated' },
					{ name: 'Deleted', value: 'deleted', action: 'On GL entry deleted' },
				],
				default: ['created', 'updated', 'deleted'],
				description: 'Which GL entry events start the workflow; others are acknowledged and ignored',
			},
			{
				displayName: 'User-Defined Dimension',
				name: 'userDimension',
				type: 'string',
				default: 'FUNDINGSOURCE',
				placeholder: 'e.g. FUNDINGSOURCE',
				description:
					'Integration name of a user-defined dimension to include (Intacct field GLDIM&lt;NAME&gt;, e.g. your grant or fund dimension). Leave empty for none.',
			},
			{
				displayName: 'Show Template For',
				name: 'templateEvent',
				type: 'options',
				displayOptions: { show: { intacctTriggers: ['onePerEvent'] } },
				options: [
					{ name: 'After Create Trigger', value: 'created' },
					{ name: 'After Update Trigger', value: 'updated' },
					{ name: 'After Delete Trigger', value: 'deleted' },
				],
				default: 'created',
				description: 'The templates differ only in their "event" value: show the one for the trigger you are creating',
			},
			{
				displayName: 'Document Template',
				name: 'documentTemplate',
				type: 'string',
				typeOptions: { rows: 24 },
				default: documentTemplateExpression(),
				description:
					'The JSON Intacct posts. Click into the field: the text under "Result" is what you paste into the Intacct trigger\'s document template (the {{ }} parts fill in the event, access key and dimension from the options above). The node does not read this field.',
			},
			{
				displayName: 'Fetch Full Entry and Batch',
				name: 'enrich',
				type: 'boolean',
				default: false,
				description:
					'Whether to read the GL entry and its journal entry (batch) through the API before starting the workflow (2 API transactions per event; needs a Sage Intacct API credential)',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				description: 'Only start the workflow for entries matching every filter set. Comma-separated IDs; end an ID with * to match a prefix.',
				options: [
					{ displayName: 'Accounts', name: 'accounts', type: 'string', default: '', placeholder: 'e.g. 6000, 61*' },
					{ displayName: 'Classes', name: 'classes', type: 'string', default: '' },
					{ displayName: 'Customers', name: 'customers', type: 'string', default: '' },
					{ displayName: 'Departments', name: 'departments', type: 'string', default: '' },
					{ displayName: 'Employees', name: 'employees', type: 'string', default: '' },
					{ displayName: 'Items', name: 'items', type: 'string', default: '' },
					{ displayName: 'Journals', name: 'journals', type: 'string', default: '', placeholder: 'e.g. GJ, APJ' },
					{ displayName: 'Locations', name: 'locations', type: 'string', default: '' },
					{ displayName: 'Projects', name: 'projects', type: 'string', default: '' },
					{
						displayName: 'User-Defined Dimension Values',
						name: 'userDimensionValues',
						type: 'string',
						default: '',
						description: 'Values of the user-defined dimension named above',
					},
					{ displayName: 'Vendors', name: 'vendors', type: 'string', default: '' },
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Raw Payload',
						name: 'includeRaw',
						type: 'boolean',
						default: false,
						description: 'Whether to add the body Intacct posted (without the access key) and, when fetched, the raw API records',
					},
					{
						displayName: 'Webhook Delivery Client ID',
						name: 'webhookDeliveryClientId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 1a2b3c4d5e6f.app.sage.com',
						description:
							'When the Intacct trigger uses "Use webhook delivery", its client ID: the node then also requires a Bearer token and an X-Trusted-Context header naming this client ID. The token signature is not verified.',
					},
				],
			},
		],
	};

	// Intacct has no API to register HTTP Post triggers: the user pastes the URL (n8n-nodes.md §4.1).
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this);
	}
}
