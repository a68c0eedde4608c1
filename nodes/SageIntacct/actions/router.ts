/**
 * Dispatches the node's run to `<resource>/<operation>.operation.ts`, the modular layout of n8n's own v2 nodes (Airtable, Google Sheets).
 * Resource and operation are read once (noDataExpression: the same for every item).
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import * as glEntry from './glEntry/GlEntry.resource';
import * as journalEntry from './journalEntry/JournalEntry.resource';
import * as bill from './bill/Bill.resource';
import * as vendor from './vendor/Vendor.resource';
import * as query from './query/Query.resource';
import * as custom from './custom/Custom.resource';
import * as apPayment from './apPayment/ApPayment.resource';
import * as balance from './balance/Balance.resource';
import * as customer from './customer/Customer.resource';
import * as arInvoice from './arInvoice/ArInvoice.resource';
import * as arPayment from './arPayment/ArPayment.resource';
import * as deposit from './deposit/Deposit.resource';
import * as restObject from './restObject/RestObject.resource';
import * as cardTransaction from './cardTransaction/CardTransaction.resource';
import * as attachment from './attachment/Attachment.resource';
import { reportCost } from '../../shared/intacct/n8n/costReport';
import { useFastParameters } from '../../shared/intacct/n8n/fastParameters';

type OperationModule = { execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> };

const resources: Record<string, Record<string, unknown>> = { glEntry, journalEntry, bill, vendor, query, custom, apPayment, balance, customer, arInvoice, arPayment, deposit, cardTransaction, attachment, restObject };

function isOperationModule(value: unknown): value is OperationModule {
	return typeof value === 'object' && value !== null && typeof (value as OperationModule).execute === 'function';
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.[operation];
	if (!isOperationModule(module)) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	}
	// Parameters read without n8n's per-expression cost where the answer is provably n8n's (n8n/fastParameters.ts).
	const restoreParameters = useFastParameters(this);
	try {
		return [await module.execute.call(this)];
	} finally {
		restoreParameters();
		// What this run cost, even when it failed part-way (the calls were made).
		reportCost(this);
	}
}
