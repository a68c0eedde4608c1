/**
 * Balances through the real engine: account balances by project and by the user-defined dimension
 * agree with the GL lines read independently, a new journal entry moves them by its amount, trial
 * balance debits equal credits, budget vs actual per grant, and the validation errors.
 */
import type { Sandbox } from '../../sandbox/api';
import { query } from '../../nodes/shared/intacct/xml/functions';
import { NODE_NAME, directClient, runNode, startTestSandbox } from './support';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});

afterAll(async () => {
	await sandbox?.close();
});

const cents = (v: unknown) => Math.round(Number(v) * 100);

/** Posted 2025 lines of account 6000 on grant GR-2025-001, every entity's (a top-level query with showprivate), read directly. */
async function grantLineCents(): Promise<number> {
	const client = directClient(sandbox);
	let total = 0;
	const fn = query({
		object: 'GLENTRY',
		select: ['TR_TYPE', 'AMOUNT', 'STATE', 'BATCH_DATE'],
		filter: { operator: 'and', filters: [{ operator: 'equalto', field: 'ACCOUNTNO', value: '6000' }, { operator: 'equalto', field: 'PROJECTID', value: 'GR-2025-001' }] },
		showPrivate: true,
	});
	for await (const page of client.pages(fn)) {
		for (const l of page) if (l.STATE === 'Posted' && String(l.BATCH_DATE).endsWith('/2025')) total += cents(l.AMOUNT) * (l.TR_TYPE === '-1' ? -1 : 1);
	}
	return total;
}

describe('balance.accountBalances', () => {
	it('per project agrees with the GL lines, and moves with a new journal entry', async () => {
		const parameters = { resource: 'balance', operation: 'accountBalances', startDate: '2025-01-01', endDate: '2025-12-31', account: '6000', groupBy: ['project'] };
		const run = await runNode(sandbox, parameters);
		expect(run.status).toBe('success');
		const rows = run.json(NODE_NAME);
		const grant = rows.find((r) => r.projectId === 'GR-2025-001');
		expect(grant).toMatchObject({ accountNo: '6000', projectName: 'After-School Mentoring 2025', periodBalance: expect.any(Number) });
		const independent = await grantLineCents();
		expect(cents(grant?.periodBalance)).toBe(independent);
		await runNode(sandbox, {
			resource: 'journalEntry',
			operation: 'create',
			journal: { __rl: true, mode: 'id', value: 'GJ' },
			postingDate: '2025-06-30',
			description: 'Grant supplies',
			lineInput: 'fields',
			lines: {
				line: [
					{ accountNo: '6000', type: 'debit', amount: 12.34, locationId: '110', projectId: 'GR-2025-001' },
					{ accountNo: '1000', type: 'credit', amount: 12.34, locationId: '110' },
				],
			},
		});
		const after = (await runNode(sandbox, parameters)).json(NODE_NAME).find((r) => r.projectId === 'GR-2025-001');
		expect(cents(after?.periodBalance) - cents(grant?.periodBalance)).toBe(1234);
	});

	it('filters by a user-defined dimension record name and groups by it', async () => {
		const grouped = await runNode(sandbox, { resource: 'balance', operation: 'accountBalances', startDate: '2025-01-01', endDate: '2025-12-31', fromAccount: '5000', toAccount: '7999', groupByUserDimension: 'fundingsource' });
		const county = grouped.json(NODE_NAME).filter((r) => r.fundingsourceName === 'County');
		expect(county.length).toBeGreaterThan(0);
		const filtered = await runNode(sandbox, {
			resource: 'balance',
			operation: 'accountBalances',
			startDate: '2025-01-01',
			endDate: '2025-12-31',
			fromAccount: '5000',
			toAccount: '7999',
			filters: { userDimension: 'fundingsource', userDimensionRecordName: 'County' },
		});
		const total = (rows: Array<Record<string, unknown>>) => rows.reduce((s, r) => s + cents(r.periodBalance), 0);
		expect(total(filtered.json(NODE_NAME))).toBe(total(county));
	});

	it.each([
		[{ fromAccount: '5000' }, /field "toAccount": an account range needs both ends/],
		[{ account: '6000', fromAccount: '5000', toAccount: '7000' }, /either "Account" or "From Account"/],
		[{ endDate: '2024-12-31' }, /field "endDate": .* is before the start date/],
		[{ filters: { userDimensionRecordName: 'County' } }, /field "userDimension"/],
	])('refuses bad input before sending: %j', async (overrides, message) => {
		const run = await runNode(sandbox, { resource: 'balance', operation: 'accountBalances', startDate: '2025-01-01', endDate: '2025-12-31', ...overrides });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/\(item 1\)/); // counted from 1, as the editor shows (issue 18 item 5)
		expect(run.error?.message).toMatch(message);
	});
});

describe('balance.trialBalance and budgets', () => {
	it('trial balance: debits equal credits', async () => {
		const run = await runNode(sandbox, { resource: 'balance', operation: 'trialBalance', startDate: '2025-01-01', endDate: '2025-12-31' });
		const rows = run.json(NODE_NAME);
		expect(rows.length).toBeGreaterThan(5);
		expect(rows.reduce((s, r) => s + cents(r.debits), 0)).toBe(rows.reduce((s, r) => s + cents(r.credits), 0));
	});

	it('budget vs actual per grant and account for a quarter', async () => {
		const run = await runNode(sandbox, { resource: 'balance', operation: 'budgetVsActual', budgetId: 'Grant Budgets', startDate: '2025-03-01', endDate: '2025-05-31', fromAccount: '5000', toAccount: '6999', projectId: 'GR-2025-003' });
		expect(run.status).toBe('success');
		const rows = run.json(NODE_NAME);
		const supplies = rows.find((r) => r.accountNo === '6000');
		// 3 months x 2% of 320,000.
		expect(supplies).toMatchObject({ projectId: 'GR-2025-003', budget: 19200, actual: expect.any(Number) });
		expect(cents(supplies?.remaining)).toBe(cents(supplies?.budget) - cents(supplies?.actual));
		const details = await runNode(sandbox, { resource: 'balance', operation: 'getBudgets', returnAll: true, filters: { budgetId: 'Grant Budgets', projectId: 'GR-2025-003', periodName: 'Month Ended March 2025' } });
		expect(details.json(NODE_NAME).map((d) => [d.accountNo, d.amount])).toEqual([
			['5000', 12800],
			['6000', 6400],
		]);
	});
});
