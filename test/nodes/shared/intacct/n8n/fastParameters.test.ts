/**
 * The fast parameter reader gives n8n's answers: every expression of a corpus, on items holding
 * every kind of value, is read by n8n's own getNodeParameter (n8n-core's ExecuteContext on a
 * Workflow holding this node's real description) and by the fast path; wherever the fast path
 * answers, the answers are equal (and n8n did not fail), and it does answer the plain `$json`
 * expressions users map.
 */
import { ExecuteContext } from 'n8n-core';
import { DateTime } from 'luxon';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
	NodeHelpers,
	createRunExecutionData,
} from 'n8n-workflow';
import { SageIntacct } from '../../../../../nodes/SageIntacct/SageIntacct.node';
import {
	fastParameterReader,
	jsonPath,
	readJsonPath,
	sameAnswer,
	useFastParameters,
	type FastParameterStats,
} from '../../../../../nodes/shared/intacct/n8n/fastParameters';

const NODE_TYPE = 'n8n-nodes-sage-intacct.sageIntacct';
const nodeType = new SageIntacct();
const nodeTypes: INodeTypes = {
	getByName: () => nodeType,
	getByNameAndVersion: () => nodeType,
	getKnownTypes: () => ({}),
};

/** n8n's own execution context for our node with these parameters and input items. */
function n8nContext(parameters: INodeParameters, items: INodeExecutionData[]): ExecuteContext {
	const node: INode = {
		id: 'n1',
		name: 'Sage Intacct',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: NodeHelpers.getNodeParameters(nodeType.description.properties, parameters, true, false, { typeVersion: 1 }, nodeType.description) ?? {},
	};
	const workflow = new Workflow({ id: 'w1', nodes: [node], connections: {}, active: false, nodeTypes, settings: {} });
	const additionalData = {
		executionId: 'x1',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const runExecutionData = createRunExecutionData();
	return new ExecuteContext(workflow, node, additionalData, 'manual', runExecutionData, 0, items, { main: [items] }, { node, data: { main: [items] }, source: null }, []);
}

class Money {
	constructor(public amount: number) {}
}

/** Items holding every kind of value a `$json` path can meet (made anew per use: n8n's
 * cleanupParameterData turns DateTimes inside an answer into text in the item itself). */
const makeItemJson = (): IDataObject[] => [
	{
		vendorId: 'V-100',
		billNumber: 'B 1',
		amount: 12.5,
		zero: 0,
		negative: -3,
		big: 12345678901234,
		yes: true,
		no: false,
		nothing: null,
		empty: '',
		spaces: '  padded  ',
		unicode: 'Zürich – 東京',
		lines: [
			{ accountNo: '6000', amount: '10.00', memo: 'a' },
			{ accountNo: '6100', amount: 2.5, dimensions: { departmentId: 'D1', tags: ['x', 'y'] } },
		],
		nested: { a: { b: { c: 'deep' } }, list: [1, [2, 3], { four: 4 }] },
		'key with space': 'spaced',
		'key-with-dash': 'dashed',
		'0': 'zero key',
		emptyObject: {},
		emptyList: [],
		toString: 'own toString',
		explicitUndefined: undefined,
	},
	{ vendorId: 'V-200', lines: [], nested: 'text, not an object', amount: '7' },
	{},
	{
		when: new Date('2026-03-31T00:00:00Z') as unknown as string,
		luxon: DateTime.fromISO('2026-03-31T00:00:00Z') as unknown as string,
		money: new Money(5) as unknown as IDataObject,
		withDate: { at: new Date('2026-01-01T00:00:00Z') as unknown as string },
		withLuxon: { at: DateTime.fromISO('2026-01-01T00:00:00Z') as unknown as string },
		fn: (() => 1) as unknown as string,
		nan: Number.NaN,
		inf: Number.POSITIVE_INFINITY,
		lines: [{ amount: new Money(1) as unknown as string }],
	},
];
const itemJson = makeItemJson();

const plainExpressions = [
	'={{ $json.vendorId }}',
	'={{$json.vendorId}}',
	'={{   $json.billNumber   }}',
	'={{ $json.amount }}',
	'={{ $json.zero }}',
	'={{ $json.negative }}',
	'={{ $json.big }}',
	'={{ $json.yes }}',
	'={{ $json.no }}',
	'={{ $json.nothing }}',
	'={{ $json.empty }}',
	'={{ $json.spaces }}',
	'={{ $json.unicode }}',
	'={{ $json.missing }}',
	'={{ $json.lines }}',
	'={{ $json.lines[0] }}',
	'={{ $json.lines[1].dimensions }}',
	'={{ $json.lines[1].dimensions.tags[1] }}',
	'={{ $json.lines[5] }}',
	'={{ $json.lines.length }}',
	'={{ $json.nested }}',
	'={{ $json.nested.a.b.c }}',
	'={{ $json.nested.list[2].four }}',
	'={{ $json["key with space"] }}',
	"={{ $json['key-with-dash'] }}",
	'={{ $json["vendorId"] }}',
	'={{ $json[ "nested" ].a }}',
	'={{ $json["0"] }}',
	'={{ $json[0] }}',
	'={{ $json.emptyObject }}',
	'={{ $json.emptyList }}',
	'={{ $json.toString }}',
	'={{ $json.explicitUndefined }}',
	'={{ $json }}',
	'={{ $json.when }}',
	'={{ $json.luxon }}',
	'={{ $json.money }}',
	'={{ $json.withDate }}',
	'={{ $json.withLuxon }}',
	'={{ $json.fn }}',
	'={{ $json.nan }}',
	'={{ $json.inf }}',
	'={{ $json.hasOwnProperty }}',
	'={{ $json.nested.a.missing }}',
];

/** Expressions the fast path must leave to n8n (they are not a plain path, or n8n refuses them). */
const otherExpressions = [
	'=V-{{ $json.vendorId }}',
	'={{ $json.vendorId }} ',
	'={{ $json.vendorId }}{{ $json.billNumber }}',
	'={{ $json.vendorId.toLowerCase() }}',
	'={{ $json.amount + 1 }}',
	'={{ $json.constructor }}',
	'={{ $json["constructor"] }}',
	'={{ $json.__proto__ }}',
	'={{ $json.lines[01] }}',
	'={{ $json["a.b"] }}',
	'={{ $json.nested.a.b.c.length }}',
	'={{ $json.missing.deeper }}',
	'={{ $input.item.json.vendorId }}',
	'={{ $now.toISO() }}',
	'={{ $json?.vendorId }}',
	'={{ $json.vendorId ?? "x" }}',
	'={{ $json.$x }}',
];

interface Outcome {
	threw?: string;
	value?: unknown;
}

function n8nAnswer(context: ExecuteContext, name: string, itemIndex: number, extractValue = false): Outcome {
	try {
		return { value: extractValue ? context.getNodeParameter(name, itemIndex, '', { extractValue: true }) : context.getNodeParameter(name, itemIndex, '') };
	} catch (error) {
		return { threw: error instanceof Error ? error.message : String(error) };
	}
}

/** The fast path's answer; undefined when it leaves the read to n8n. */
function fastAnswer(context: ExecuteContext, name: string, itemIndex: number, extractValue = false): { value: unknown } | undefined {
	let asked = false;
	const stats: FastParameterStats = { fast: 0, n8n: 0, disagreed: [] };
	const read = fastParameterReader(context, (n, i, fallback, options) => {
		asked = true;
		return context.getNodeParameter(n, i, fallback, options);
	}, context.getInputData(), stats);
	// The first read of an expression in a run is checked against n8n: make it on the same item.
	try {
		read(name, itemIndex, '', extractValue ? { extractValue: true } : undefined);
	} catch {
		return undefined; // n8n fails this read: the fast path must not answer it either (checked below)
	}
	if (stats.disagreed.length > 0) throw new Error(`the first-item check disagreed with n8n on ${name}`);
	asked = false;
	const value = read(name, itemIndex, '', extractValue ? { extractValue: true } : undefined);
	return asked ? undefined : { value };
}

const items = (): INodeExecutionData[] => makeItemJson().map((json, item) => ({ json, pairedItem: { item } }));

describe('fast $json reads equal n8n getNodeParameter', () => {
	const billParameters = (billNumber: string): INodeParameters => ({ resource: 'bill', operation: 'create', billNumber });

	it.each(plainExpressions)('%s', (expression) => {
		const context = n8nContext(billParameters(expression), items());
		let answered = 0;
		for (let i = 0; i < itemJson.length; i++) {
			const fast = fastAnswer(context, 'billNumber', i);
			if (!fast) continue;
			answered++;
			const n8n = n8nAnswer(context, 'billNumber', i);
			expect(n8n.threw).toBeUndefined();
			expect(sameAnswer(fast.value, n8n.value)).toBe(true);
			expect(fast.value).toEqual(n8n.value);
		}
		// Every expression of this list is a plain path: the fast path answers at least one item.
		if (!/when|luxon|money|withDate|withLuxon|fn|hasOwnProperty/.test(expression)) expect(answered).toBeGreaterThan(0);
	});

	it.each(otherExpressions)('leaves %s to n8n', (expression) => {
		const context = n8nContext(billParameters(expression), items());
		for (let i = 0; i < itemJson.length; i++) expect(fastAnswer(context, 'billNumber', i)).toBeUndefined();
	});

	it('answers the items that hold plain JSON and none of the values n8n turns or refuses', () => {
		expect(jsonPath('={{ $json.lines[1].dimensions }}')).toEqual(['lines', '1', 'dimensions']);
		expect(jsonPath('={{ $json["key with space"] }}')).toEqual(['key with space']);
		expect(jsonPath('={{ $json.constructor }}')).toBeUndefined();
		const fresh = makeItemJson();
		expect(typeof readJsonPath(fresh[3], ['luxon'])).toBe('symbol');
		expect(typeof readJsonPath(fresh[3], ['withDate'])).toBe('symbol');
		expect(typeof readJsonPath(fresh[3], ['lines'])).toBe('symbol');
		expect(typeof readJsonPath(fresh[0], ['toString'])).toBe('string');
		expect(typeof readJsonPath(fresh[2], ['toString'])).toBe('symbol');
		expect(readJsonPath(fresh[0], ['missing'])).toBeUndefined();
	});

	it('hands out copies: changing an answer changes neither the item nor the next answer', () => {
		const input = items();
		const context = n8nContext({ resource: 'bill', operation: 'create', lineInput: 'json', linesJson: '={{ $json.lines }}' }, input);
		const read = fastParameterReader(context, (name, i, fallback) => context.getNodeParameter(name, i, fallback), input);
		const first = read('linesJson', 0, '') as IDataObject[];
		const second = read('linesJson', 0, '') as IDataObject[];
		second[0].memo = 'changed';
		expect((input[0].json.lines as IDataObject[])[0].memo).toBe('a');
		expect(first[0].memo).toBe('a');
		expect(read('linesJson', 0, '')).toEqual(n8nAnswer(context, 'linesJson', 0).value);
	});
});

describe('collections, resource locators and constants', () => {
	const parameters: INodeParameters = {
		resource: 'bill',
		operation: 'create',
		vendor: { __rl: true, mode: 'id', value: '={{ $json.vendorId }}' },
		billNumber: '={{ $json.billNumber }}',
		transactionDate: '2026-03-31',
		dueDate: '={{ $json["key-with-dash"] }}',
		lineInput: 'json',
		linesJson: '={{ $json.lines }}',
		additionalFields: { description: '={{ $json.unicode }}', draft: true, referenceNumber: 'R-1' },
		options: { batchSize: 25 },
	};
	const reads: Array<[string, boolean]> = [
		['vendor', true],
		['vendor', false],
		['billNumber', false],
		['transactionDate', false],
		['dueDate', false],
		['linesJson', false],
		['additionalFields', false],
		['additionalFields.description', false],
		['additionalFields.draft', false],
		['options', false],
		['options.batchSize', false],
		['simplify', false],
		['resource', false],
	];

	it('every read of every item equals n8n, and the item reads after the first are answered without n8n', () => {
		const input = items().slice(0, 3);
		const context = n8nContext(parameters, input);
		const stats: FastParameterStats = { fast: 0, n8n: 0, disagreed: [] };
		const read = fastParameterReader(context, (name, i, fallback, options) => context.getNodeParameter(name, i, fallback, options), input, stats);
		for (let i = 0; i < input.length; i++) {
			for (const [name, extractValue] of reads) {
				const fast = read(name, i, '', extractValue ? { extractValue: true } : undefined);
				expect({ name, i, value: fast }).toEqual({ name, i, value: n8nAnswer(context, name, i, extractValue).value });
			}
		}
		expect(stats.disagreed).toEqual([]);
		// n8n: one read per parameter (constants once, expressions' first-item checks); the rest fast.
		expect(stats.n8n).toBe(reads.length);
		expect(stats.fast).toBe(reads.length * (input.length - 1));
	});

	it('a parameter whose first-item check disagrees with n8n is read through n8n for the rest of the run', () => {
		const input = items().slice(0, 2);
		const context = n8nContext(parameters, input);
		const stats: FastParameterStats = { fast: 0, n8n: 0, disagreed: [] };
		let calls = 0;
		const read = fastParameterReader(context, (name, i) => {
			calls++;
			return `n8n says ${name} ${i}`;
		}, input, stats);
		expect(read('billNumber', 0)).toBe('n8n says billNumber 0');
		expect(read('billNumber', 1)).toBe('n8n says billNumber 1');
		expect(calls).toBe(2);
		expect(stats.disagreed).toEqual(['billNumber']);
	});

	it('no property of the node declares validateType or an extractValue regex (the fast path assumes none)', () => {
		const offending: string[] = [];
		const visit = (property: unknown, where: string) => {
			if (property === null || typeof property !== 'object') return;
			const p = property as Record<string, unknown>;
			if ('validateType' in p || 'extractValue' in p) offending.push(where);
			for (const list of ['options', 'values', 'modes']) {
				const inner = p[list];
				if (Array.isArray(inner)) inner.forEach((child, i) => visit(child, `${where}.${list}[${i}]`));
			}
		};
		nodeType.description.properties.forEach((property, i) => visit(property, `${property.name}#${i}`));
		expect(offending).toEqual([]);
	});

	it('useFastParameters puts n8n back afterwards', () => {
		const context = n8nContext(parameters, items().slice(0, 1));
		const original = context.getNodeParameter;
		const restore = useFastParameters(context);
		expect(context.getNodeParameter).not.toBe(original);
		expect(context.getNodeParameter('billNumber', 0)).toBe('B 1');
		restore();
		expect(context.getNodeParameter).toBe(original);
	});
});
