/**
 * The cost meter counts every execution (issue 16), also of the resources and trigger sources added
 * after it was written: AP payments (a write per payment, a reversal), balances (Intacct's report
 * functions are reads), the poll trigger's event-queue source (REST list and acknowledgement) and the
 * webhook trigger's enrichment reads. Each count is compared with the sandbox's own counters, and
 * the poll trigger's panel estimate with what a real poll logged. Requires `npm run build`.
 */
import { Container } from '@n8n/di';
import { Logger } from '@n8n/backend-common';
import type { Sandbox } from '../../sandbox/api';
import { DEMO_CLIENT_APPLICATION } from '../../sandbox/platform/clientApplication';
import { buildDocumentTemplate } from '../../nodes/SageIntacctTrigger/documentTemplate';
import { eventQueuePollCost } from '../../nodes/SageIntacctPollTrigger/pollCost';
import { sandboxCredentialValues } from '../support/harness';
import { NODE_NAME, runNode, startTestSandbox } from '../node/support';
import { newBill, type NodeRunner } from '../node/paymentSupport';
import { createPoller } from '../trigger/pollHost';
import { createJournalEntry, startGlSandbox } from '../trigger/sandboxGl';
import { startHostedTrigger } from '../trigger/webhookHost';
import { ACCESS_KEY } from '../trigger/webhookStub';

interface Counts {
	transactions: number;
	signIn: number;
	read: number;
	write: number;
	requests: number;
}

/** Sandbox function names that write (one object each in these tests); every other one but getAPISession reads. */
const WRITES = /^(create|update|delete|reverse)(_|$)/;

function sandboxCounts(sandbox: Sandbox): Counts {
	let signIn = 0;
	let read = 0;
	let write = 0;
	for (const [name, n] of Object.entries(sandbox.stats.functions)) {
		if (name.startsWith('rest:')) continue;
		if (name === 'getAPISession') signIn += n;
		else if (WRITES.test(name)) write += n;
		else read += n;
	}
	return { transactions: signIn + read + write, signIn, read, write, requests: sandbox.stats.requests };
}

function costHint(hints: Array<{ message: string }> | undefined): Counts {
	const line = (hints ?? []).find((h) => h.message.startsWith('Sage Intacct: '));
	const m = line && /^Sage Intacct: ([\d,]+) API transactions?: ([\d,]+) sign-ins?, ([\d,]+) reads?, ([\d,]+) writes? \(([\d,]+) requests?\)$/.exec(line.message);
	if (!m) throw new Error(`no cost hint among ${JSON.stringify(hints)}`);
	const [transactions, signIn, read, write, requests] = m.slice(1).map((n) => Number(n.replace(/,/g, '')));
	return { transactions, signIn, read, write, requests };
}

/** n8n's logger replaced by a spy while `run` runs; returns the metadata of the cost lines logged. */
async function loggedCosts(prefix: string, run: () => Promise<void>): Promise<Counts[]> {
	const realLogger = Container.get(Logger);
	const info = jest.fn();
	const quiet = (): undefined => undefined;
	Container.set(Logger, { info, debug: quiet, warn: quiet, error: quiet, scoped: () => Container.get(Logger) } as unknown as Logger);
	try {
		await run();
	} finally {
		Container.set(Logger, realLogger);
	}
	return (info.mock.calls as unknown[][])
		.filter(([message]) => typeof message === 'string' && message.startsWith(prefix))
		.map(([, meta]) => {
			const m = meta as Record<string, number>;
			return { transactions: m.transactions, signIn: m.signIn, read: m.read, write: m.write, requests: m.requests };
		});
}

function sum(counts: Counts[]): Counts {
	return counts.reduce(
		(a, c) => ({ transactions: a.transactions + c.transactions, signIn: a.signIn + c.signIn, read: a.read + c.read, write: a.write + c.write, requests: a.requests + c.requests }),
		{ transactions: 0, signIn: 0, read: 0, write: 0, requests: 0 },
	);
}

describe('cost meter of the AP payment and balance resources', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
	});
	afterAll(async () => {
		await sandbox.close();
	});

	const overXml: NodeRunner = async (parameters) => await runNode(sandbox, parameters);

	it('three AP payments in one run: three writes, as the sandbox counted them; a reversal is one write', async () => {
		const bills = [await newBill(overXml, 'METER-PAY-1'), await newBill(overXml, 'METER-PAY-2'), await newBill(overXml, 'METER-PAY-3')];
		sandbox.stats.reset();
		const run = await runNode(
			sandbox,
			{
				resource: 'apPayment',
				operation: 'create',
				vendor: { __rl: true, mode: 'id', value: 'V-107' },
				bankAccount: { __rl: true, mode: 'id', value: 'BOA-OP' },
				paymentMethod: 'ACH',
				paymentDate: '2026-11-02',
				billInput: 'json',
				billsJson: '={{ JSON.stringify([{ billRecordNo: $json.bill, amount: 40 }]) }}',
			},
			{ items: bills.map((bill) => ({ bill })) },
		);
		expect(run.status).toBe('success');
		const counts = costHint(run.taskData(NODE_NAME)?.hints);
		expect(counts).toEqual(sandboxCounts(sandbox));
		expect(counts.write).toBe(3);

		sandbox.stats.reset();
		const reversal = await runNode(sandbox, {
			resource: 'apPayment',
			operation: 'reverse',
			recordNo: String(run.json(NODE_NAME)[0].recordNo),
			reversalDate: '2026-11-03',
			memo: 'Metered reversal',
		});
		expect(reversal.status).toBe('success');
		const reversed = costHint(reversal.taskData(NODE_NAME)?.hints);
		expect(reversed).toEqual(sandboxCounts(sandbox));
		expect(reversed.write).toBe(1);
	});

	it('a trial balance is one read (get_trialbalance), as the sandbox counted it', async () => {
		sandbox.stats.reset();
		const run = await runNode(sandbox, { resource: 'balance', operation: 'trialBalance', startDate: '2025-01-01', endDate: '2025-12-31' });
		expect(run.status).toBe('success');
		const counts = costHint(run.taskData(NODE_NAME)?.hints);
		expect(counts).toEqual(sandboxCounts(sandbox));
		expect(counts.read).toBe(sandbox.stats.functions.get_trialbalance);
		expect(counts.write).toBe(0);
	});
});

describe('cost meter of the triggers', () => {
	it('event-queue polls log the REST list and acknowledgement calls the sandbox counted, and the panel estimate counts them alike', async () => {
		const gl = await startGlSandbox({ webhookRetryClock: 'sandbox' });
		try {
			const { clientId, clientSecret } = DEMO_CLIENT_APPLICATION;
			// n8n is down: delivery gives up after 4 attempts and queues the entry's two line events.
			const down = await startHostedTrigger({}, {});
			await down.close();
			gl.sandbox.platform.subscribe({
				object: 'GLENTRY',
				events: ['create'],
				url: down.url,
				template: buildDocumentTemplate({ event: 'created', userDimension: 'FUNDINGSOURCE', accessKeyInBody: false }),
				encoding: 'json',
				webhookDelivery: { clientId },
			});
			await createJournalEntry(gl, 'Missed while down');
			for (const wait of [10, 30, 90]) {
				await gl.sandbox.platform.idle();
				gl.sandbox.clock.advance(wait * 1000);
			}
			await gl.sandbox.platform.idle();
			expect(gl.sandbox.platform.queuedCount(clientId)).toBe(2);
			const base = `http://127.0.0.1:${gl.sandbox.port}/ia/api/v1`;
			const poller = await createPoller(
				{ source: 'eventQueue', eventsPerPoll: 100 },
				{ sageIntacctOAuth2Api: { clientId, clientSecret, companyId: gl.sandbox.credentials.companyId, userId: gl.sandbox.credentials.userId, restBaseUrl: base } },
			);
			const rest = (name: string): number => gl.sandbox.stats.functions[`rest:${name}`] ?? 0;
			gl.sandbox.stats.reset();
			const [first] = await loggedCosts('Sage Intacct poll: ', async () => {
				expect(await poller.poll()).toHaveLength(2);
			});
			expect(first).toMatchObject({ read: rest('GET services/delivery/event/list'), write: rest('POST services/delivery/event/ack') });
			expect(first.transactions).toBe(eventQueuePollCost(false).total());

			gl.sandbox.stats.reset();
			const [second] = await loggedCosts('Sage Intacct poll: ', async () => {
				expect(await poller.poll()).toBeNull();
			});
			expect(second).toMatchObject({ read: 1, write: 1 });
			expect(second).toMatchObject({ read: rest('GET services/delivery/event/list'), write: rest('POST services/delivery/event/ack') });
			expect(second.transactions).toBe(eventQueuePollCost(true).total());
		} finally {
			await gl.sandbox.close();
		}
	});

	it('webhook enrichment logs the reads (and any sign-in) it made, as the sandbox counted them', async () => {
		const gl = await startGlSandbox();
		const host = await startHostedTrigger(
			{ accessKey: ACCESS_KEY, accessKeyLocation: 'query', intacctTriggers: 'oneForAllEvents', enrich: true },
			sandboxCredentialValues(gl.credentials),
		);
		try {
			gl.sandbox.platform.subscribe({
				object: 'GLENTRY',
				events: ['create'],
				url: `${host.url}?key=${encodeURIComponent(ACCESS_KEY)}`,
				template: buildDocumentTemplate({ userDimension: 'FUNDINGSOURCE', accessKeyInBody: false }),
				encoding: 'json',
			});
			// The test's own client signs in before the counters start.
			await gl.client.openSession();
			gl.sandbox.stats.reset();
			const costs = await loggedCosts('Sage Intacct webhook enrichment: ', async () => {
				await createJournalEntry(gl, 'Metered entry');
				await gl.sandbox.platform.idle();
			});
			expect(host.executions.flat().length).toBeGreaterThan(0);
			// One delivery per line, each enriched.
			expect(costs).toHaveLength(host.executions.flat().length);
			const counted = sandboxCounts(gl.sandbox);
			const logged = sum(costs);
			expect(logged.read).toBe(counted.read);
			expect(logged.signIn).toBe(counted.signIn);
			expect(logged.write).toBe(0);
			expect(counted.write).toBe(1);
		} finally {
			await host.close();
			await gl.sandbox.close();
		}
	});
});
