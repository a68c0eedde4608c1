/**
 * The workflows of the queue-mode scenario (imported into n8n's Postgres by e2e/queue.sh):
 *
 *  qBillRun  Webhook "bill run" -> Code: N bills in batches of 50 -> HTTP Request: each batch to the
 *            qBills webhook through the balancer (so the batches become executions that the queue
 *            spreads over the workers)
 *  qBills    Webhook (answers when the last node finishes) -> Code: one item per bill -> Sage Intacct
 *            Bill > Create (idempotency key = bill number)
 *  qGlHook   Sage Intacct Trigger (GL entry created, access key in the body, accounts 6000 and 1000) ->
 *            Journal Entry > Create: a 1.00 allocation per event, idempotency key = the delivery's key
 *  qPoll     Sage Intacct Poll Trigger (GL entries, every minute, from the run's start) -> No Op
 */
import { EXAMPLE_CREDENTIAL, PACKAGE } from './lib/config';
import type { WorkflowJson } from './checks';

export const BILL_BATCH = 50;
export const WF = { billRun: 'qBillRun', bills: 'qBills', glHook: 'qGlHook', poll: 'qPoll' } as const;
export const HOOK_WEBHOOK_ID = '3c1f9a57-0d2e-4b8a-9e61-5a7d2c4b8e10';
/** Title of the journal entry qGlHook posts for each GL entry event, followed by the entry's RECORDNO. */
export const ALLOCATION_TITLE = 'Queue e2e allocation for GL entry ';

const credentials = { sageIntacctApi: { ...EXAMPLE_CREDENTIAL } };
const pos = (x: number): [number, number] => [x, 0];

function workflow(id: string, name: string, nodes: WorkflowJson['nodes'], chain: string[]): WorkflowJson {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < chain.length; i++) connections[chain[i]] = { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] };
	return { id, name, nodes, connections, settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveManualExecutions: true }, pinData: {}, active: false };
}

// The bills of one run: deterministic numbers Q-<run>-<n>, vendors and amounts from n.
const BILL_BATCHES_JS = `
const { run, count, batchSize, date } = $json.body;
const vendors = ['V-100', 'V-101', 'V-102', 'V-103', 'V-104', 'V-105', 'V-106', 'V-107', 'V-108', 'V-109', 'V-110'];
const bills = [];
for (let n = 1; n <= count; n++) {
  bills.push({
    billNumber: 'Q-' + run + '-' + String(n).padStart(4, '0'),
    vendorId: vendors[n % vendors.length],
    date,
    lines: [{ accountNo: '6000', amount: 10 + (n % 90) + 0.25, memo: 'Queue run ' + run + ' bill ' + n, locationId: '110', departmentId: 'ADMIN' }],
  });
}
const out = [];
for (let i = 0; i < bills.length; i += batchSize) out.push({ json: { run, batch: i / batchSize + 1, bills: bills.slice(i, i + batchSize) } });
return out;
`;

const BILLS_OF_BATCH_JS = `
const { run, batch, bills } = $json.body;
return bills.map((b) => ({ json: { run, batch, ...b } }));
`;

export function queueWorkflows(balancerPlainPort: number, accessKey: string, pollStart: string): WorkflowJson[] {
	const billRun = workflow(
		WF.billRun,
		'Queue e2e: bill run',
		[
			{ name: 'Bill run', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: pos(0), webhookId: 'a1d4c2e8-7b3f-4f0a-8c5d-1e9b6a2f3c40', parameters: { httpMethod: 'POST', path: 'queue-bill-run', responseMode: 'onReceived', options: {} } } as never,
			{ name: 'Bills in batches', type: 'n8n-nodes-base.code', typeVersion: 2, position: pos(220), parameters: { jsCode: BILL_BATCHES_JS } } as never,
			{
				name: 'Post batch',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: pos(440),
				parameters: {
					method: 'POST',
					url: `http://127.0.0.1:${balancerPlainPort}/webhook/queue-bills`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify($json) }}',
					options: { timeout: 900000 },
				},
			} as never,
		],
		['Bill run', 'Bills in batches', 'Post batch'],
	);
	const bills = workflow(
		WF.bills,
		'Queue e2e: post a batch of bills',
		[
			{ name: 'Batch', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: pos(0), webhookId: 'b2e5d3f9-8c4a-4a1b-9d6e-2fa07b3d4d51', parameters: { httpMethod: 'POST', path: 'queue-bills', responseMode: 'lastNode', responseData: 'allEntries', options: {} } } as never,
			{ name: 'Bills of this batch', type: 'n8n-nodes-base.code', typeVersion: 2, position: pos(220), parameters: { jsCode: BILLS_OF_BATCH_JS } } as never,
			{
				name: 'Create bill',
				type: `${PACKAGE}.sageIntacct`,
				typeVersion: 1,
				position: pos(440),
				credentials,
				parameters: {
					resource: 'bill',
					operation: 'create',
					vendor: { __rl: true, mode: 'id', value: '={{ $json.vendorId }}' },
					billNumber: '={{ $json.billNumber }}',
					transactionDate: '={{ $json.date }}',
					dueDate: '={{ $json.date }}',
					lineInput: 'json',
					linesJson: '={{ $json.lines }}',
					additionalFields: { paymentTerm: 'Net 30' },
					options: { idempotencyKey: "={{ 'queue-e2e-' + $json.billNumber }}", batchSize: 10 },
				},
			} as never,
		],
		['Batch', 'Bills of this batch', 'Create bill'],
	);
	const glHook = workflow(
		WF.glHook,
		'Queue e2e: GL entry webhook',
		[
			{
				name: 'GL entry posted',
				type: `${PACKAGE}.sageIntacctTrigger`,
				typeVersion: 1,
				position: pos(0),
				webhookId: HOOK_WEBHOOK_ID,
				// Only the lines the checks post (6000 debits, 1000 credit): the allocations this workflow
				// posts (6500 / 2000) are delivered too and answered without a run.
				parameters: { accessKey, accessKeyLocation: 'body', intacctTriggers: 'onePerEvent', events: ['created'], userDimension: 'FUNDINGSOURCE', templateEvent: 'created', filters: { accounts: '6000,1000' }, options: {} },
			} as never,
			{
				name: 'Post allocation',
				type: `${PACKAGE}.sageIntacct`,
				typeVersion: 1,
				position: pos(220),
				credentials,
				parameters: {
					resource: 'journalEntry',
					operation: 'create',
					journal: { __rl: true, mode: 'id', value: 'GJ' },
					postingDate: "={{ $now.toFormat('yyyy-MM-dd') }}",
					description: `={{ '${ALLOCATION_TITLE}' + $json.recordNo }}`,
					lineInput: 'json',
					linesJson:
						"={{ [{ accountNo: '6500', debit: 1, memo: 'Queue e2e allocation', locationId: '110', departmentId: 'ADMIN' }, { accountNo: '2000', credit: 1, memo: 'Queue e2e allocation', locationId: '110' }] }}",
					// What the README tells users: a duplicate run must not post twice, whichever process runs it.
					entityId: { __rl: true, mode: 'id', value: '100' },
					options: { idempotencyKey: '={{ $json.deliveryId }}' },
				},
			} as never,
		],
		['GL entry posted', 'Post allocation'],
	);
	const poll = workflow(
		WF.poll,
		'Queue e2e: GL entry poll',
		[
			{
				name: 'GL entries changed',
				type: `${PACKAGE}.sageIntacctPollTrigger`,
				typeVersion: 1,
				position: pos(0),
				credentials,
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, object: 'GLENTRY', changes: 'createdOrUpdated', startDate: pollStart, options: {} },
			} as never,
			{ name: 'Handled', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: pos(220), parameters: {} } as never,
		],
		['GL entries changed', 'Handled'],
	);
	return [billRun, bills, glHook, poll];
}
