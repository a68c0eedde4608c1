/**
 * Our node's parameters for the documents the benchmarks and the bad-input corpus post. Items carry
 * documents in business terms (bench/payloads.ts, test/badInput/corpus.ts); every parameter is an
 * n8n expression reading the item, the way a user maps an upstream node's output.
 */
import type { INodeParameters } from 'n8n-workflow';

export const NODE_NAME = 'Sage Intacct';

const byId = (expression: string) => ({ __rl: true, mode: 'id', value: expression });

/** journalEntry/create from items {journal, date, title, referenceNo, lines[]}. */
export function journalEntryCreateParameters(batchSize = 50, extraOptions: INodeParameters = {}): INodeParameters {
	return {
		resource: 'journalEntry',
		operation: 'create',
		journal: byId('={{ $json.journal }}'),
		postingDate: '={{ $json.date }}',
		description: '={{ $json.title }}',
		lineInput: 'json',
		linesJson: '={{ $json.lines }}',
		additionalFields: { referenceNumber: '={{ $json.referenceNo }}' },
		options: { batchSize, ...extraOptions },
	};
}

/** bill/create from items {vendorId, billNumber, date, dueDate, description, lines[]}. */
export function billCreateParameters(batchSize = 50, extraOptions: INodeParameters = {}): INodeParameters {
	return {
		resource: 'bill',
		operation: 'create',
		vendor: byId('={{ $json.vendorId }}'),
		billNumber: '={{ $json.billNumber }}',
		transactionDate: '={{ $json.date }}',
		dueDate: '={{ $json.dueDate }}',
		lineInput: 'json',
		linesJson: '={{ $json.lines }}',
		additionalFields: { description: '={{ $json.description }}' },
		options: { batchSize, ...extraOptions },
	};
}

/** vendor/create from items {vendorId, name}. */
export function vendorCreateParameters(): INodeParameters {
	return { resource: 'vendor', operation: 'create', vendorId: '={{ $json.vendorId }}', name: '={{ $json.name }}' };
}
