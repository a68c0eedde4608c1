/**
 * The cost meter in n8n's real engine (issue 16): its counts - shown as the node's execution hint
 * and logged by the poll trigger - match the sandbox's own counters for a read, a batched write and
 * a poll. Requires `npm run build`.
 */
import { Container } from '@n8n/di';
import { Logger } from '@n8n/backend-common';
import type { Sandbox } from '../../sandbox/api';
import { sandboxCredentialValues } from '../support/harness';
import { billCreateParameters } from '../support/nodeWorkflows';
import { discoverMasterData } from '../support/sandboxModel';
import { makeBills } from '../../bench/payloads';
import { NODE_NAME, runNode, startTestSandbox } from '../node/support';
import { createPoller } from '../trigger/pollHost';
import { recordsPollCost } from '../../nodes/SageIntacctPollTrigger/pollCost';
import { createJournalEntry, startGlSandbox } from '../trigger/sandboxGl';

interface Counts {
	transactions: number;
	signIn: number;
	read: number;
	write: number;
	requests: number;
}

const READS = ['query', 'readByQuery', 'readMore', 'read', 'readByName', 'lookup', 'inspect'];

/** The sandbox's counters in the meter's terms (every write function here writes one object). */
function sandboxCounts(sandbox: Sandbox, writeFunctions: string[] = []): Counts {
	const f = sandbox.stats.functions;
	const sum = (names: string[]): number => names.reduce((n, name) => n + (f[name] ?? 0), 0);
	const signIn = f.getAPISession ?? 0;
	const read = sum(READS);
	const write = sum(writeFunctions);
	return { transactions: signIn + read + write, signIn, read, write, requests: sandbox.stats.requests };
}

/** "3 API transactions: 1 sign-in, 2 reads, 0 writes (3 requests)" -> counts. */
function hintCounts(message: string): Counts {
	const m = /^Sage Intacct: ([\d,]+) API transactions?: ([\d,]+) sign-ins?, ([\d,]+) reads?, ([\d,]+) writes? \(([\d,]+) requests?\)$/.exec(message);
	if (!m) throw new Error(`not a cost line: ${message}`);
	const [transactions, signIn, read, write, requests] = m.slice(1).map((n) => Number(n.replace(/,/g, '')));
	return { transactions, signIn, read, write, requests };
}

function costHint(hints: Array<{ message: string }> | undefined): Counts {
	const line = (hints ?? []).find((h) => h.message.startsWith('Sage Intacct: '));
	if (!line) throw new Error(`no cost hint among ${JSON.stringify(hints)}`);
	return hintCounts(line.message);
}

describe('cost meter in the engine', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
	});
	afterAll(async () => {
		await sandbox.close();
	});

	it('a read (GL entries, Return All, all fields): lookup + query pages, as the sandbox counted them', async () => {
		sandbox.stats.reset();
		const run = await runNode(sandbox, { resource: 'glEntry', operation: 'getMany', returnAll: true });
		expect(run.status).toBe('success');
		const counts = costHint(run.taskData(NODE_NAME)?.hints);
		expect(counts).toEqual(sandboxCounts(sandbox));
		expect(counts.read).toBe(1 + Math.ceil(run.output(NODE_NAME).length / 2000));
	});

	it('a batched write (120 bills, batches of 50): one write per bill in 3 requests, as the sandbox counted them', async () => {
		const bills = makeBills(120, discoverMasterData(sandbox), 'meter');
		sandbox.stats.reset();
		const run = await runNode(sandbox, billCreateParameters(50), { items: bills.map((b) => ({ json: { ...b } })) });
		expect(run.status).toBe('success');
		const counts = costHint(run.taskData(NODE_NAME)?.hints);
		expect(counts).toEqual(sandboxCounts(sandbox, ['create', 'create_bill']));
		expect(counts.write).toBe(120);
		expect(counts.requests - counts.signIn).toBe(3);
	});
});

describe('cost meter of the poll trigger', () => {
	it('logs a poll\'s calls by kind, as the sandbox counted them', async () => {
		const gl = await startGlSandbox();
		try {
			const realLogger = Container.get(Logger);
			const info = jest.fn();
			const quiet = (): undefined => undefined;
			Container.set(Logger, { info, debug: quiet, warn: quiet, error: quiet, scoped: () => Container.get(Logger) } as unknown as Logger);
			for (let i = 0; i < 3; i++) await createJournalEntry(gl, `Meter ${i}`);
			const start = new Date(gl.sandbox.clock.now().getTime() - 60_000).toISOString().slice(0, 19);
			const trigger = await createPoller({ object: 'GLENTRY', startDate: start, options: { pageSize: 2 } } as never, sandboxCredentialValues(gl.credentials));
			gl.sandbox.stats.reset();
			const emitted = await trigger.poll();
			expect(emitted).toHaveLength(6);
			const call = (info.mock.calls as unknown[][]).find(([message]) => typeof message === 'string' && message.startsWith('Sage Intacct poll: '));
			Container.set(Logger, realLogger);
			expect(call).toBeDefined();
			const meta = call?.[1] as Record<string, number>;
			const counted = { transactions: meta.transactions, signIn: meta.signIn, read: meta.read, write: meta.write, requests: meta.requests };
			expect(counted).toEqual(sandboxCounts(gl.sandbox));
			// Six changed lines at 2 a page: three keyset pages (the third reports nothing remaining).
			expect(counted.read).toBe(3);
			// The panel's estimate counts a poll the same way (pollCost.ts feeds the same meter).
			expect(counted.transactions - counted.signIn).toBe(recordsPollCost(6, 2).total());
		} finally {
			await gl.sandbox.close();
		}
	});
});
