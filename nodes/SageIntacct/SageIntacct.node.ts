import {
	NodeConnectionTypes,
	type NodeConnectionType,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { router } from './actions/router';
import * as glEntry from './actions/glEntry/GlEntry.resource';
import * as journalEntry from './actions/journalEntry/JournalEntry.resource';
import * as bill from './actions/bill/Bill.resource';
import * as vendor from './actions/vendor/Vendor.resource';
import * as query from './actions/query/Query.resource';
import * as custom from './actions/custom/Custom.resource';
import * as apPayment from './actions/apPayment/ApPayment.resource';
import * as balance from './actions/balance/Balance.resource';
import * as customer from './actions/customer/Customer.resource';
import * as arInvoice from './actions/arInvoice/ArInvoice.resource';
import * as arPayment from './actions/arPayment/ArPayment.resource';
import * as deposit from './actions/deposit/Deposit.resource';
import * as restObject from './actions/restObject/RestObject.resource';
import * as cardTransaction from './actions/cardTransaction/CardTransaction.resource';
import * as attachment from './actions/attachment/Attachment.resource';
import { listSearch, resourceMapping } from './methods';
import { sageIntacctOAuth2ApiTest } from '../shared/intacct/n8n/restCredentialTest';

/** One main input and output (a const: the two lint rule sets disagree on how to spell it inline). */
const MAIN: NodeConnectionType[] = [NodeConnectionTypes.Main];

/**
 * Sage Intacct (XML Web Services). Programmatic, not declarative: one POST endpoint, XML envelopes,
 * readMore paging and errors inside HTTP 200 bodies (docs/protocol.md §1.1, §3.1, §4.3).
 */
export class SageIntacct implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sage Intacct',
		name: 'sageIntacct',
		icon: { light: 'file:sageIntacct.svg', dark: 'file:sageIntacct.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Post journal entries, AP bills and payments, card transactions and attachments, read GL entries and balances, and manage vendors in Sage Intacct',
		defaults: { name: 'Sage Intacct' },
		usableAsTool: true,
		inputs: MAIN,
		outputs: MAIN,
		credentials: [
			// show with the default value: a workflow saved before the Authentication parameter existed gets the
			// default (webServices) and keeps its XML credential. n8n's editor maps each credential to an
			// Authentication option through `show`; with `hide` it lists none and shows the credential's ID.
			{ name: 'sageIntacctApi', required: true, displayOptions: { show: { authentication: ['webServices'] } } },
			{ name: 'sageIntacctOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } }, testedBy: 'sageIntacctOAuth2ApiTest' },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Web Services (XML)', value: 'webServices', description: 'Sender ID and Web Services user (the XML gateway)' },
					{ name: 'OAuth 2.0 (REST)', value: 'oAuth2', description: 'A client application (the REST API)' },
				],
				default: 'webServices',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'AP Payment', value: 'apPayment' },
					{ name: 'AR Invoice', value: 'arInvoice' },
					{ name: 'AR Payment', value: 'arPayment' },
					{ name: 'Attachment', value: 'attachment' },
					{ name: 'Balance', value: 'balance' },
					{ name: 'Bill', value: 'bill' },
					{ name: 'Card Transaction', value: 'cardTransaction' },
					{ name: 'Custom XML', value: 'custom' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Deposit', value: 'deposit' },
					{ name: 'GL Entry', value: 'glEntry' },
					{ name: 'Journal Entry', value: 'journalEntry' },
					{ name: 'Query', value: 'query' },
					{ name: 'REST Object', value: 'restObject', description: 'Any object of the REST API (OAuth 2.0): fixed assets, custom objects and more' },
					{ name: 'Vendor', value: 'vendor' },
				],
				default: 'glEntry',
			},
			{
				displayName: 'Custom XML exists only on the Web Services (XML) API: set Authentication to Web Services (XML), or use Query for REST objects',
				name: 'restCustomNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { authentication: ['oAuth2'], resource: ['custom'] } },
			},
			{
				// docs/rest-wire.md: Sage's REST reference names no payment field for these; they are refused before sending.
				displayName:
					'Over OAuth 2.0 (REST) an AR payment takes no Overpayment Amount, Overpayment Location/Department or Payment Date (the REST payment has no such fields): leave them empty or use Web Services (XML)',
				name: 'restArPaymentNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { authentication: ['oAuth2'], resource: ['arPayment'], operation: ['create'] } },
			},
			...glEntry.description,
			...journalEntry.description,
			...bill.description,
			...vendor.description,
			...query.description,
			...custom.description,
			...apPayment.description,
			...balance.description,
			...customer.description,
			...arInvoice.description,
			...arPayment.description,
			...deposit.description,
			...restObject.description,
			...cardTransaction.description,
			...attachment.description,
		],
	};

	methods = { listSearch, resourceMapping, credentialTest: { sageIntacctOAuth2ApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
