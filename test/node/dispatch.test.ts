/**
 * When write requests go out, through the real engine (order of requests, no clocks):
 *  - with continueOnFail, a full batch is sent while later items are still being prepared;
 *  - without it, every item is validated first: one bad item anywhere means nothing is sent, not
 *    even the attachments of the valid items.
 * Bills with attachments make the order visible: an item's files are uploaded (the attachment
 * folder once per run, then one create_supdoc per request) right before its batch of bills (two
 * creates per request) is sent.
 *  - batches group items by (entity, idempotent), keep item order inside a request, and the
 *    request count is the floor: one sign-in per entity (started while items are still being
 *    validated) plus ceil(items of the group / batchSize) requests per group.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox';
import { PACKAGE_ROOT } from '../support/harness';
import { NODE_NAME, readAll, runNode } from './support';

let sandbox: Sandbox;
const requests: string[] = [];

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, log: (line) => requests.push(line) });
});

afterAll(async () => {
	await sandbox?.close();
});

/** The node runs from dist/, whose client keeps its own module-level session cache. */
function clearBuiltSessionCache(): void {
	const load = createRequire(path.join(PACKAGE_ROOT, 'package.json'));
	(load('./dist/nodes/shared/intacct/client/sessionCache.js') as { clearSessionCache(): void }).clearSessionCache();
}

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
		// Batches of two bills: [create,create]; the folder once: [create_supdocfolder]; an item's upload: [create_supdoc].
		expect(lists.filter((names) => names === 'create,create')).toHaveLength(3);
		expect(lists.filter((names) => names === 'create_supdoc')).toHaveLength(2);
		// The first two batches go before items 4 and 5 (with files) are sent; their uploads come right
		// before their own batch.
		expect(lists).toEqual(['create_supdocfolder', 'create_supdoc', 'create_supdoc', 'create,create', 'create,create', 'create,create']);
	});

	it('without continueOnFail, a bad last item means nothing is sent at all (no bill, no attachment)', async () => {
		requests.length = 0;
		sandbox.stats.reset();
		const run = await runNode(sandbox, parameters, { items: items('DISPATCH-S', true), workflowId: 'wfDispatchS' });
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('(item 6)');
		expect(functionLists()).toEqual([]);
	});

	const grouped: INodeParameters = { ...parameters, attachFiles: false, dueDate: '2026-08-31', options: { batchSize: 3 } };
	const billItems = (prefix: string, entity: (i: number) => string): INodeExecutionData[] =>
		Array.from({ length: 7 }, (_, i): INodeExecutionData => ({ json: { billNumber: `${prefix}-${i}`, entity: entity(i) } }));

	it('sends the floor of requests: one sign-in, then ceil(items / batchSize) requests', async () => {
		// A cold client (no session from the tests above), as in a fresh n8n process.
		clearBuiltSessionCache();
		requests.length = 0;
		sandbox.stats.reset();
		const run = await runNode(sandbox, grouped, { items: billItems('DISPATCH-F', () => ''), workflowId: 'wfDispatchF' });
		expect(run.error).toBeUndefined();
		expect(run.output(NODE_NAME)).toHaveLength(7);
		expect(sandbox.stats.functions.getAPISession).toBe(1);
		expect(sandbox.stats.requests).toBe(1 + 3);
		expect(requests[0]).toContain('[getAPISession]');
		expect(functionLists()).toEqual(['create,create,create', 'create,create,create', 'create']);
	});

	it('groups batches by entity and keeps item order inside each request', async () => {
		requests.length = 0;
		sandbox.stats.reset();
		// Seven bills, even items at the top level, odd ones in entity 100; three per request.
		const input = billItems('DISPATCH-G', (i) => (i % 2 === 0 ? '' : '100'));
		const run = await runNode(
			sandbox,
			{ ...grouped, entityId: { __rl: true, mode: 'id', value: '={{ $json.entity }}' } },
			{ items: input, workflowId: 'wfDispatchG' },
		);
		expect(run.error).toBeUndefined();
		const output = run.output(NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual(input.map((_, i) => ({ item: i })));
		// [0,2,4] [6] at the top level and [1,3,5] in entity 100, every request after a sign-in.
		expect(functionLists().sort()).toEqual(['create', 'create,create,create', 'create,create,create']);
		expect(requests.findIndex((line) => line.includes('[getAPISession]'))).toBe(0);
		// Inside a request, functions run in item order: record numbers rise with the item index.
		const recordNos = output.map((item) => Number(item.json.recordNo));
		expect(recordNos[0]).toBeLessThan(recordNos[2]);
		expect(recordNos[2]).toBeLessThan(recordNos[4]);
		expect(recordNos[1]).toBeLessThan(recordNos[3]);
		expect(recordNos[3]).toBeLessThan(recordNos[5]);
		// Each bill was written in its item's entity.
		const stored = await readAll(sandbox, 'APBILL', "RECORDID like 'DISPATCH-G-%'", 'RECORDID,MEGAENTITYID');
		const entityOf = new Map(stored.map((bill) => [String(bill.RECORDID), String(bill.MEGAENTITYID ?? '')]));
		expect(input.map((item) => entityOf.get(String(item.json.billNumber)))).toEqual(input.map((item) => item.json.entity));
	});
});
