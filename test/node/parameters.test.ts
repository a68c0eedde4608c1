/**
 * Absent, blank or non-text parameters through the real engine: every operation fails the item with
 * an error naming the item and the field, and sends nothing (no "undefined" / "[object Object]"
 * reaching Intacct). Values come from expressions on the item, as an upstream node would map them.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { Sandbox } from '../../sandbox/api';
import { NODE_NAME, runNode, startTestSandbox } from './support';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});

afterAll(async () => {
	await sandbox?.close();
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Everything that would carry data to Intacct (sign-in excluded). */
function dataFunctionsSent(): number {
	return Object.entries(sandbox.stats.functions)
		.filter(([name]) => name !== 'getAPISession')
		.reduce((sum, [, count]) => sum + (count ?? 0), 0);
}

interface Case {
	title: string;
	parameters: INodeParameters;
	/** The bad item's JSON (the parameters read it with expressions). */
	item: IDataObject;
	field: string;
}

const recordNoOps = [
	['bill', 'get'],
	['bill', 'update'],
	['bill', 'delete'],
	['journalEntry', 'get'],
	['journalEntry', 'update'],
	['journalEntry', 'delete'],
	['journalEntry', 'reverse'],
	['glEntry', 'get'],
] as const;

const extra: Record<string, Record<string, unknown>> = {
	'bill/update': { updateFields: { description: 'x' } },
	'journalEntry/reverse': { reverseDate: '2026-10-31' },
};

const cases: Case[] = [
	...recordNoOps.flatMap(([resource, operation]): Case[] =>
		[
			['absent', {}],
			['an object', { recordNo: { id: 7 } }],
			['not a number', { recordNo: '12 OR 1=1' }],
		].map(([label, item]) => ({
			title: `${resource}.${operation}: recordNo ${label as string}`,
			parameters: { resource, operation, recordNo: '={{ $json.recordNo }}', ...extra[`${resource}/${operation}`] } as INodeParameters,
			item: item as IDataObject,
			field: 'recordNo',
		})),
	),
	{ title: 'vendor.get: vendor absent', parameters: { resource: 'vendor', operation: 'get', vendor: byId('={{ $json.vendorId }}') }, item: {}, field: 'vendor' },
	{
		title: 'vendor.update: vendor an object',
		parameters: { resource: 'vendor', operation: 'update', vendor: byId('={{ $json.vendorId }}'), updateFields: { name: 'New' } },
		item: { vendorId: { id: 1 } },
		field: 'vendor',
	},
	{
		title: 'vendor.update: name an object',
		parameters: { resource: 'vendor', operation: 'update', vendor: byId('V-100'), updateFields: { name: '={{ $json.name }}' } },
		item: { name: { first: 'A' } },
		field: 'name',
	},
	{
		title: 'journalEntry.create: description absent',
		parameters: {
			resource: 'journalEntry',
			operation: 'create',
			journal: byId('GJ'),
			postingDate: '2026-10-01',
			description: '={{ $json.title }}',
			lineInput: 'json',
			linesJson: '[{"accountNo":"6100","debit":10},{"accountNo":"2000","credit":10}]',
		},
		item: {},
		field: 'description',
	},
	{
		title: 'journalEntry.create: reference number an object',
		parameters: {
			resource: 'journalEntry',
			operation: 'create',
			journal: byId('GJ'),
			postingDate: '2026-10-01',
			description: 'Accrual',
			lineInput: 'json',
			linesJson: '[{"accountNo":"6100","debit":10},{"accountNo":"2000","credit":10}]',
			additionalFields: { referenceNumber: '={{ $json.ref }}' },
		},
		item: { ref: { no: 1 } },
		field: 'referenceNumber',
	},
	{
		title: 'bill.create: bill number an object',
		parameters: {
			resource: 'bill',
			operation: 'create',
			vendor: byId('V-100'),
			billNumber: '={{ $json.billNumber }}',
			transactionDate: '2026-10-01',
			dueDate: '2026-10-31',
			lineInput: 'json',
			linesJson: '[{"accountNo":"6500","amount":10}]',
		},
		item: { billNumber: ['INV-1'] },
		field: 'billNumber',
	},
	{ title: 'query.run: object absent', parameters: { resource: 'query', operation: 'run', object: '={{ $json.object }}' }, item: {}, field: 'object' },
	{
		title: 'query.run: limit 0',
		parameters: { resource: 'query', operation: 'run', object: 'GLACCOUNT', returnAll: false, limit: '={{ $json.limit }}' },
		item: { limit: 0 },
		field: 'limit',
	},
	{
		title: 'vendor.getMany: limit 2.5',
		parameters: { resource: 'vendor', operation: 'getMany', returnAll: false, limit: '={{ $json.limit }}' },
		item: { limit: 2.5 },
		field: 'limit',
	},
];

describe('parameters that are absent, blank or not text', () => {
	it.each(cases.map((c) => [c.title, c] as const))('%s: the item fails naming the field, nothing is sent', async (_title, c) => {
		sandbox.stats.reset();
		const stopped = await runNode(sandbox, c.parameters, { items: [c.item] });
		expect(stopped.status).toBe('error');
		expect(stopped.error?.message).toContain('(item 1)');
		expect(stopped.error?.message).toContain(`"${c.field}"`);
		expect(stopped.error?.message).not.toMatch(/undefined|\[object Object\]/);

		const continued = await runNode(sandbox, c.parameters, { items: [c.item], continueOnFail: true });
		const out = continued.output(NODE_NAME);
		expect(out).toHaveLength(1);
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(String(out[0].json.error)).toContain(`"${c.field}"`);
		expect(dataFunctionsSent()).toBe(0);
	});
});
