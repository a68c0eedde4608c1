import type { Sandbox } from '../../../sandbox';
import { compileExpression, relativeRange } from '../../../sandbox/rest/queryService';
import { rest, useRestSandbox } from './restClient';

describe('REST query service (sandbox/rest/queryService.ts)', () => {
	let sandbox: Sandbox;
	let token: string;
	useRestSandbox((s, t) => {
		[sandbox, token] = [s, t];
	});

	test('query: fields, both filter forms, filterExpression, orderBy, paging with next', async () => {
		const res = await rest(sandbox, token, 'POST', '/services/core/query', {
			object: 'accounts-payable/bill',
			fields: ['key', 'vendor.id', 'totalTxnAmount'],
			filters: [{ field: 'vendor.id', operator: '$eq', value: 'V-100' }, { $gt: { totalTxnAmount: '0' } }],
			filterExpression: '1 and 2',
			orderBy: [{ key: 'desc' }],
			start: 1,
			size: 2,
		});
		expect(res.status).toBe(200);
		expect(res.body['ia::result'].every((r: Record<string, string>) => r['vendor.id'] === 'V-100')).toBe(true);
		expect(Number(res.body['ia::result'][0].key)).toBeGreaterThan(Number(res.body['ia::result'][1].key));
		expect(res.body['ia::meta']).toMatchObject({ start: 1, pageSize: 2, next: 3 });
		const bad = await rest(sandbox, token, 'POST', '/services/core/query', { object: 'accounts-payable/bill', fields: ['*'] });
		expect(bad.status).toBe(400);
	});


	test('filterExpression: and binds tighter than or, parentheses group, bad numbers are refused', () => {
		const e = compileExpression('1 or 2 and 3', 3);
		expect(e([true, false, false])).toBe(true);
		expect(e([false, true, false])).toBe(false);
		expect(compileExpression('(1 or 2) and 3', 3)([true, false, false])).toBe(false);
		expect(() => compileExpression('1 and 4', 3)).toThrow('filter 4');
	});

	test('relative dates are calendar ranges around the as-of date', () => {
		const asOf = new Date('2026-11-18T10:00:00Z'); // a Wednesday
		expect(relativeRange('today', asOf)).toEqual(['2026-11-18', '2026-11-18']);
		expect(relativeRange('currentWeek', asOf)).toEqual(['2026-11-16', '2026-11-22']);
		expect(relativeRange('priorMonth', asOf)).toEqual(['2026-10-01', '2026-10-31']);
		expect(relativeRange('currentQuarter', asOf)).toEqual(['2026-10-01', '2026-12-31']);
		expect(relativeRange('priorYear', asOf)).toEqual(['2025-01-01', '2025-12-31']);
		expect(relativeRange('someday', asOf)).toBeNull();
	});

	test('relative date filters, case-insensitive comparison, aggregates grouped by plain fields', async () => {
		const dated = await rest(sandbox, token, 'POST', '/services/core/query', {
			object: 'accounts-payable/bill',
			fields: ['key', 'createdDate'],
			filters: [{ field: 'createdDate', operator: '$eq', value: 'priorMonth' }],
			filterParameters: { asOfDate: '2025-02-15' },
		});
		expect(dated.body['ia::result'].length).toBeGreaterThan(0);
		expect(dated.body['ia::result'].every((r: { createdDate: string }) => r.createdDate.startsWith('2025-01'))).toBe(true);
		const insensitive = await rest(sandbox, token, 'POST', '/services/core/query', {
			object: 'accounts-payable/vendor',
			fields: ['id'],
			filters: [{ field: 'id', operator: '$eq', value: 'v-100' }],
			filterParameters: { caseSensitiveComparison: false },
		});
		expect(insensitive.body['ia::result']).toEqual([{ id: 'V-100' }]);
		const sums = await rest(sandbox, token, 'POST', '/services/core/query', { object: 'accounts-payable/bill', fields: ['vendor.id', 'sum:totalTxnAmount'], orderBy: [{ 'vendor.id': 'asc' }] });
		expect(sums.body['ia::result'][0]).toEqual({ 'vendor.id': expect.any(String), 'sum:totalTxnAmount': expect.stringMatching(/^\d+\.\d{2}$/) });
	});

	test('an owned object is queried with its owner: journal-entry-line with journalEntry.key', async () => {
		const res = await rest(sandbox, token, 'POST', '/services/core/query', {
			object: 'general-ledger/journal-entry-line',
			fields: ['key', 'journalEntry.key', 'txnType', 'glAccount.id'],
			filters: [{ $eq: { 'journalEntry.key': '1' } }],
		});
		expect(res.body['ia::result'].length).toBeGreaterThanOrEqual(2);
		expect(res.body['ia::result'].every((r: Record<string, string>) => r['journalEntry.key'] === '1')).toBe(true);
	});
});
