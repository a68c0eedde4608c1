/**
 * When write requests go out, through the real engine (order of requests, no clocks):
 *  - with continueOnFail, a full batch is sent while later items are still being prepared;
 *  - without it, every item is validated first: one bad item anywhere means nothing is sent, not
 *    even the attachments of the valid items.
 * Bills with attachments make the order visible: an item's files are uploaded (one create of a
 * SUPDOC per request) right before its batch of bills (two creates per request) is sent.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../sandbox';
import { NODE_NAME, runNode } from './support';

let sandbox: Sandbox;
const requests: string[] = [];

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, log: (line) => requests.push(line) });
});

afterAll(async () => {
	await sandbox?.close();
});

/** The function names of each request the gateway answered, in order (sign-ins left out). */
const functionLists = () =>
	requests
		.map((line) => /\[([^\]]*)\]/.exec(line)?.[1] ?? '')
		.filter((names) => names !== '' && names !== 'getAPISession');

const parameters: INodeParameters = {
	resource: 'bill',
	operation: 'create',
	vendor: { __rl: true, mode: 'id', value: 'V-107' },
	billNumber: '={{ $json.billNumber }}',
	transactionDate: '2026-08-01',
	dueDate: '={{ $json.dueDate }}',
	lineInput: 'json',
	linesJson: '[{"accountNo":"6500","amount":12.5,"locationId":"110"}]',
	attachFiles: '={{ $json.attach }}',
	binaryPropertyNames: 'invoice',
	options: { batchSize: 2 },
};

function items(prefix: string, badLast = false): INodeExecutionData[] {
	return Array.from({ length: 6 }, (_, i): INodeExecutionData => {
		const json: IDataObject = { billNumber: `${prefix}-${i}`, dueDate: badLast && i === 5 ? '2026-02-30' : '2026-08-31', attach: i >= 4 };
		if (i < 4) return { json };
		const pdf = Buffer.from(`%PDF-1.4 ${prefix}-${i}`);
		return { json, binary: { invoice: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: `${prefix}-${i}.pdf` } } };
	});
}

describe('write dispatch', () => {
	it('with continueOnFail, the first full batch is sent before later items are prepared', async () => {
		requests.length = 0;
		const run = await runNode(sandbox, parameters, { items: items('DISPATCH-C'), continueOnFail: true, workflowId: 'wfDispatchC' });
		expect(run.error).toBeUndefined();
		expect(run.json(NODE_NAME).map((json) => typeof json.recordNo)).toEqual(Array(6).fill('number'));
		const lists = functionLists();
		// Batches of two bills: [create,create]; an item's upload: [create].
		expect(lists.filter((names) => names === 'create,create')).toHaveLength(3);
		expect(lists.filter((names) => names === 'create')).toHaveLength(2);
		// The first two batches go before items 4 and 5 (with files) are sent; their uploads come right
		// before their own batch.
		expect(lists).toEqual(['create,create', 'create,create', 'create', 'create', 'create,create']);
	});

	it('without continueOnFail, a bad last item means nothing is sent at all (no bill, no attachment)', async () => {
		requests.length = 0;
		sandbox.stats.reset();
		const run = await runNode(sandbox, parameters, { items: items('DISPATCH-S', true), workflowId: 'wfDispatchS' });
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('(item 5)');
		expect(functionLists()).toEqual([]);
	});
});
