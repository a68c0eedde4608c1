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
import * as cardTransaction from './actions/cardTransaction/CardTransaction.resource';
import * as attachment from './actions/attachment/Attachment.resource';
import { listSearch } from './methods';

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
		credentials: [{ name: 'sageIntacctApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'AP Payment', value: 'apPayment' },
					{ name: 'Attachment', value: 'attachment' },
					{ name: 'Balance', value: 'balance' },
					{ name: 'Bill', value: 'bill' },
					{ name: 'Card Transaction', value: 'cardTransaction' },
					{ name: 'Custom XML', value: 'custom' },
					{ name: 'GL Entry', value: 'glEntry' },
					{ name: 'Journal Entry', value: 'journalEntry' },
					{ name: 'Query', value: 'query' },
					{ name: 'Vendor', value: 'vendor' },
				],
				default: 'glEntry',
			},
			...glEntry.description,
			...journalEntry.description,
			...bill.description,
			...vendor.description,
			...query.description,
			...custom.description,
			...apPayment.description,
			...balance.description,
			...cardTransaction.description,
			...attachment.description,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
