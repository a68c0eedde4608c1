/**
 * User-defined dimensions (§5.1) on lines, through the real n8n engine against the sandbox: the
 * dimension list (getDimensions), the value list (the dimension's records, read relative to the
 * line's "name" locator like the editor does), paging past 1,000 values, and entries posted with
 * a dimension and value picked from those lists; plain strings saved before still work.
 */
import type { INode, INodeListSearchResult, INodeParameters } from 'n8n-workflow';
import type { Sandbox } from '../../sandbox/api';
import { listSearch, packageNode, sandboxCredentialValues } from '../support/harness';
import { create } from '../../nodes/shared/intacct/xml/functions';
import { NODE_NAME, directClient, readAll, runNode, startTestSandbox } from './support';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});

afterAll(async () => {
	await sandbox?.close();
});

const VALUE_PATH = 'parameters.lines.line[0].userDefinedDimensions.field[0].value';

const rl = (value: string, mode: 'list' | 'id' = 'list', cachedResultName?: string) => ({
	__rl: true,
	mode,
	value,
	...(cachedResultName ? { cachedResultName } : {}),
});

function journalEntryParameters(udd: { name: unknown; value: unknown }, referenceNumber: string): INodeParameters {
	const parameters = {
		resource: 'journalEntry',
		operation: 'create',
		journal: rl('GJ', 'id'),
		postingDate: '2026-10-15',
		description: `UDD ${referenceNumber}`,
		lineInput: 'fields',
		lines: {
			line: [
				{
					accountNo: rl('6050'),
					type: 'debit',
					amount: 42.5,
					locationId: rl('110', 'id'),
					userDefinedDimensions: { field: [udd] },
				},
				{ accountNo: rl('1000'), type: 'credit', amount: 42.5, locationId: rl('110', 'id') },
			],
		},
		additionalFields: { referenceNumber },
	};
	return parameters as unknown as INodeParameters;
}

/** The node as the editor holds it while the user edits the first line's first dimension. */
function nodeWithDimension(name: unknown): INode {
	return packageNode('sageIntacct', NODE_NAME, journalEntryParameters({ name, value: rl('') }, 'EDITING'));
}

const credentials = () => sandboxCredentialValues({ ...sandbox.credentials });

describe('searchUserDefinedDimensions', () => {
	it('lists the company\'s user-defined dimensions from getDimensions, by object name', async () => {
		const before = sandbox.stats.functions.getDimensions ?? 0;
		const result = await listSearch(nodeWithDimension(rl('')), 'searchUserDefinedDimensions', { credentials: credentials() });
		expect(result).toEqual({ results: [{ name: 'Funding Source (FUNDINGSOURCE)', value: 'FUNDINGSOURCE' }] });
		expect(sandbox.stats.functions.getDimensions).toBe(before + 1);
	});

	it('filters by object name or label, case-insensitively', async () => {
		const node = nodeWithDimension(rl(''));
		expect((await listSearch(node, 'searchUserDefinedDimensions', { credentials: credentials(), filter: 'funding s' })).results).toHaveLength(1);
		expect((await listSearch(node, 'searchUserDefinedDimensions', { credentials: credentials(), filter: 'fundingsource' })).results).toHaveLength(1);
		expect((await listSearch(node, 'searchUserDefinedDimensions', { credentials: credentials(), filter: 'department' })).results).toEqual([]);
	});
});

describe('searchUserDefinedDimensionValues', () => {
	it('lists the chosen dimension\'s records: value = record id (what GLDIM<name> takes), name = id - name', async () => {
		const result = await listSearch(nodeWithDimension(rl('FUNDINGSOURCE')), 'searchUserDefinedDimensionValues', { credentials: credentials(), path: VALUE_PATH });
		expect(result.results.slice(0, 6)).toEqual([
			{ name: '10001 - Unrestricted', value: '10001' },
			{ name: '10002 - Federal Pass-Through', value: '10002' },
			{ name: '10003 - State', value: '10003' },
			{ name: '10004 - County', value: '10004' },
			{ name: '10005 - Private Foundation', value: '10005' },
			{ name: '10006 - Corporate', value: '10006' },
		]);
	});

	it('filters by name or id; the dimension may be a plain string, GLDIM-prefixed, or typed in Name mode', async () => {
		for (const name of ['GLDIMFUNDINGSOURCE', 'fundingsource', rl('FUNDINGSOURCE', 'id')]) {
			const byName = await listSearch(nodeWithDimension(name), 'searchUserDefinedDimensionValues', { credentials: credentials(), path: VALUE_PATH, filter: 'Coun' });
			expect(byName.results).toEqual([{ name: '10004 - County', value: '10004' }]);
		}
		const byId = await listSearch(nodeWithDimension(rl('FUNDINGSOURCE')), 'searchUserDefinedDimensionValues', { credentials: credentials(), path: VALUE_PATH, filter: '10003' });
		expect(byId.results).toEqual([{ name: '10003 - State', value: '10003' }]);
	});

	it('without a chosen dimension (empty or an expression) searches every dimension, labelled with it', async () => {
		for (const name of [rl(''), '={{ $json.dimension }}']) {
			const result = await listSearch(nodeWithDimension(name), 'searchUserDefinedDimensionValues', { credentials: credentials(), path: VALUE_PATH, filter: 'State' });
			expect(result.results).toEqual([{ name: 'FUNDINGSOURCE: 10003 - State', value: '10003' }]);
			expect(result.paginationToken).toBeUndefined();
		}
	});

	it('pages past 1,000 values with the pagination token (Intacct readMore), filtered', async () => {
		const fns = Array.from({ length: 1050 }, (_, n) => create('FUNDINGSOURCE', { NAME: `Paging Grant ${String(n).padStart(4, '0')}`, DESCRIPTION: 'paging' }));
		const outcomes = await directClient(sandbox).executeMany(fns, { batchSize: 100 });
		expect(outcomes.every((o) => o.ok)).toBe(true);

		const collect = async (node: INode): Promise<{ pages: number; values: string[]; names: string[] }> => {
			const values: string[] = [];
			const names: string[] = [];
			let pages = 0;
			let token: string | undefined;
			do {
				const page: INodeListSearchResult = await listSearch(node, 'searchUserDefinedDimensionValues', {
					credentials: credentials(),
					path: VALUE_PATH,
					filter: 'Paging Grant',
					paginationToken: token,
				});
				pages++;
				values.push(...page.results.map((r) => String(r.value)));
				names.push(...page.results.map((r) => r.name));
				token = page.paginationToken as string | undefined;
			} while (token !== undefined && pages < 50);
			return { pages, values, names };
		};

		const chosen = await collect(nodeWithDimension(rl('FUNDINGSOURCE')));
		expect(chosen.pages).toBe(11);
		expect(chosen.values).toHaveLength(1050);
		expect(new Set(chosen.values).size).toBe(1050);
		expect(chosen.values.every((v) => /^\d+$/.test(v) && Number(v) > 10006)).toBe(true);
		expect(chosen.names[1049]).toMatch(/^\d+ - Paging Grant 1049$/);

		const across = await collect(nodeWithDimension(rl('')));
		expect(across.values).toEqual(chosen.values);
		expect(across.names.every((n) => n.startsWith('FUNDINGSOURCE: '))).toBe(true);
	});
});

describe('journal entry and bill lines with a user-defined dimension', () => {
	it('posts a journal entry with a dimension and value picked from the lists', async () => {
		const dimension = (await listSearch(nodeWithDimension(rl('')), 'searchUserDefinedDimensions', { credentials: credentials(), filter: 'funding' })).results[0];
		const value = (
			await listSearch(nodeWithDimension(rl(String(dimension.value), 'list', dimension.name)), 'searchUserDefinedDimensionValues', {
				credentials: credentials(),
				path: VALUE_PATH,
				filter: 'County',
			})
		).results[0];
		expect(value).toEqual({ name: '10004 - County', value: '10004' });

		const run = await runNode(
			sandbox,
			journalEntryParameters({ name: rl(String(dimension.value), 'list', dimension.name), value: rl(String(value.value), 'list', value.name) }, 'UDD-LIST-1'),
		);
		expect(run.status).toBe('success');
		const recordNo = String(run.json(NODE_NAME)[0].recordNo);
		const lines = await readAll(sandbox, 'GLENTRY', `BATCHNO = '${recordNo}'`);
		expect(lines.map((l) => [l.ACCOUNTNO, l.GLDIMFUNDINGSOURCE, l.FUNDINGSOURCENAME])).toEqual([
			['6050', '10004', 'County'],
			['1000', '', ''],
		]);
	});

	it('still takes plain strings (workflows saved before the lists), GLDIM-prefixed or not', async () => {
		const run = await runNode(sandbox, journalEntryParameters({ name: 'GLDIMFUNDINGSOURCE', value: '10002' }, 'UDD-PLAIN-1'));
		expect(run.status).toBe('success');
		const [line] = await readAll(sandbox, 'GLENTRY', `BATCHNO = '${String(run.json(NODE_NAME)[0].recordNo)}' AND ACCOUNTNO = '6050'`);
		expect(line.GLDIMFUNDINGSOURCE).toBe('10002');
	});

	it('a value typed by ID that is not a record of the dimension fails with Intacct\'s error', async () => {
		const run = await runNode(sandbox, journalEntryParameters({ name: rl('FUNDINGSOURCE', 'id'), value: rl('99999', 'id') }, 'UDD-BAD-1'));
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/99999/);
	});

	it('posts a bill line with a dimension value from the list', async () => {
		const run = await runNode(sandbox, {
			resource: 'bill',
			operation: 'create',
			vendor: rl('V-107', 'id'),
			transactionDate: '2026-10-15',
			dueDate: '2026-11-14',
			billNumber: 'UDD-BILL-1',
			lineInput: 'fields',
			lines: {
				line: [
					{
						accountNo: rl('6300'),
						amount: 75,
						locationId: rl('110', 'id'),
						userDefinedDimensions: { field: [{ name: rl('FUNDINGSOURCE', 'list', 'Funding Source (FUNDINGSOURCE)'), value: rl('10006', 'list', '10006 - Corporate') }] },
					},
				],
			},
		});
		expect(run.status).toBe('success');
		const items = await readAll(sandbox, 'APBILLITEM', `RECORDKEY = '${String(run.json(NODE_NAME)[0].recordNo)}'`);
		expect(items.map((i) => [i.ACCOUNTNO, i.GLDIMFUNDINGSOURCE])).toEqual([['6300', '10006']]);
	});
});
