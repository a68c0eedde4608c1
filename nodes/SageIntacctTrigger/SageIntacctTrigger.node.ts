import {
	NodeConnectionTypes,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IHookFunctions,
	type INodeCredentialTestResult,
	type NodeConnectionType,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { documentTemplateExpression } from './documentTemplate';
import { handleDelivery } from './handleDelivery';
import { accessKeyStrength } from './triggerSecrets';
import { COST_NOTICE, EARLY_ADOPTER_NOTICE, MOVE_ACCESS_KEY_NOTICE, TEMPLATE_STEPS, WEBHOOK_DELIVERY_STEPS } from './setupGuide';

const V1 = { '@version': [1] };
const V2_UP = { '@version': [2] };

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
		// 2: webhook delivery (signed) is the default setup, the access key lives in a credential.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{"GL Entry: " + ($parameter["events"] || []).join(", ")}}',
		// n8n's nodes panel merges this trigger into the Sage Intacct app entry and shows this text for
		// the merged entry (actions and triggers): it describes the app, the Events name the triggers.
		description: 'Post journal entries and AP bills, read GL entries and vendors, and start workflows when GL entries change in Sage Intacct',
		defaults: {
			name: 'Sage Intacct Trigger',
		},
		inputs: [],
		outputs: MAIN_OUTPUT,
		// `hide`, not `show`: n8n's editor takes the parameter a credential is shown by as the node's
		// "authentication" field, moves it out of the panel and sets it itself, so a v1 workflow in
		// template mode appeared as webhook delivery (the e2e editor check). Delivery stays a plain
		// parameter; each credential is hidden where it does not apply.
		credentials: [
			{
				name: 'sageIntacctOAuth2Api',
				required: true,
				displayOptions: { hide: { deliveryMode: ['template'] } },
			},
			{
				name: 'sageIntacctTriggerApi',
				required: true,
				testedBy: 'sageIntacctTriggerAccessKeyTest',
				displayOptions: { hide: { deliveryMode: ['webhookDelivery'], ...V1 } },
			},
			{
				// Version 1 workflows may still hold the key in the old parameter.
				name: 'sageIntacctTriggerApi',
				required: false,
				testedBy: 'sageIntacctTriggerAccessKeyTest',
				displayOptions: { hide: { deliveryMode: ['webhookDelivery'], ...V2_UP } },
			},
			{
				name: 'sageIntacctApi',
				required: true,
				displayOptions: { hide: { enrich: [false] } },
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
				displayName: 'Delivery',
				name: 'deliveryMode',
				type: 'options',
				displayOptions: { show: V1 },
				options: [
					{ name: 'Access Key (Template)', value: 'template', description: 'Platform Services HTTP Post with a shared access key' },
					{ name: 'Webhook Delivery (Signed)', value: 'webhookDelivery', description: 'HTTP Post with "Use webhook delivery" and a Client ID' },
				],
				default: 'template',
			},
			{
				displayName: 'Delivery',
				name: 'deliveryMode',
				type: 'options',
				displayOptions: { show: V2_UP },
				options: [
					{
						name: 'Webhook Delivery (Signed)',
						value: 'webhookDelivery',
						description: 'HTTP Post with "Use webhook delivery" and a Client ID: every call is signed with your client secret',
					},
					{ name: 'Access Key (Template)', value: 'template', description: 'HTTP Post without webhook delivery; a shared access key proves the sender' },
				],
				default: 'webhookDelivery',
			},
			{
				displayName: WEBHOOK_DELIVERY_STEPS,
				name: 'webhookDeliverySteps',
				type: 'notice',
				displayOptions: { show: { deliveryMode: ['webhookDelivery'] } },
				default: '',
			},
			{
				displayName: EARLY_ADOPTER_NOTICE,
				name: 'earlyAdopterNotice',
				type: 'notice',
				displayOptions: { show: { deliveryMode: ['webhookDelivery'] } },
				default: '',
			},
			{
				displayName: TEMPLATE_STEPS,
				name: 'templateSteps',
				type: 'notice',
				displayOptions: { show: { deliveryMode: ['template'] } },
				default: '',
			},
			{
				displayName: MOVE_ACCESS_KEY_NOTICE,
				name: 'moveAccessKeyNotice',
				type: 'notice',
				displayOptions: { show: { deliveryMode: ['template'], ...V1 } },
				default: '',
			},
			{
				displayName: COST_NOTICE,
				name: 'costNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Access Key (Deprecated)',
				name: 'accessKey',
				type: 'string',
				typeOptions: { password: true },
				displayOptions: { show: { deliveryMode: ['template'], ...V1 } },
				default: '',
				description:
					'Kept for workflows saved before the access key credential existed. Move the key into a "Sage Intacct Trigger Access Key" credential and clear this field.',
			},
			{
				displayName: 'Access Key Location',
				name: 'accessKeyLocation',
				type: 'options',
				displayOptions: { show: { deliveryMode: ['template'] } },
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
							'Access key setup only, for Early Adopter triggers: also require a Bearer token and an X-Trusted-Context header naming this client ID (on top of the access key). For signed calls choose Delivery: Webhook Delivery.',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			// Nothing in Intacct can confirm a shared key: the test says whether it is strong enough.
			async sageIntacctTriggerAccessKeyTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				return accessKeyStrength(credential.data?.accessKeySecret);
			},
		},
	};

	// Intacct has no API to register HTTP Post triggers: the user pastes the URL (so the node has no webhookMethods create/delete).
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
