/**
 * The layers of docs/architecture.md, read from the import graph of nodes/ and credentials/:
 * no node imports another node's folder, nothing under nodes/shared imports a node or the credential,
 * arrows inside the shared library point one way (n8n -> client -> xml|rest -> core; records are
 * imported by anyone and import only core), and no import cycle.
 */
import { importCycles, layerViolations, readImportGraph, type Edge } from './importGraph';

const graph = readImportGraph();

describe('import graph of nodes/ and credentials/', () => {
	it('is read (the check sees the shared library and all three nodes)', () => {
		const importers = new Set(graph.map((e) => e.from.split('/').slice(0, 2).join('/')));
		expect([...importers]).toEqual(expect.arrayContaining(['nodes/SageIntacct', 'nodes/SageIntacctTrigger', 'nodes/SageIntacctPollTrigger', 'nodes/shared', 'credentials/SageIntacctApi.credentials.ts']));
	});

	it('has no cross-node import, no shared -> node import, no arrow against the layer order', () => {
		expect(layerViolations(graph)).toEqual([]);
	});

	it('has no import cycle', () => {
		expect(importCycles(graph)).toEqual([]);
	});

	it('the credential and the nodes reach Intacct only through nodes/shared', () => {
		const outside = graph.filter((e) => !e.from.startsWith('nodes/shared/') && e.to.split('/')[1] !== e.from.split('/')[1] && !e.to.startsWith('nodes/shared/'));
		expect(outside).toEqual([]);
	});
});

describe('the checks catch what they are for', () => {
	const edge = (from: string, to: string): Edge => ({ from, to });

	it('flags a cross-node import, a shared -> node import and arrows against the order', () => {
		const problems = layerViolations([
			edge('nodes/SageIntacctPollTrigger/a.ts', 'nodes/SageIntacctTrigger/b.ts'),
			edge('nodes/shared/intacct/n8n/a.ts', 'nodes/SageIntacct/b.ts'),
			edge('nodes/shared/intacct/xml/a.ts', 'nodes/shared/intacct/client/b.ts'),
			edge('nodes/shared/intacct/client/a.ts', 'nodes/shared/intacct/n8n/b.ts'),
			edge('nodes/shared/intacct/xml/a.ts', 'nodes/shared/intacct/rest/b.ts'),
			edge('nodes/shared/intacct/records/a.ts', 'nodes/shared/intacct/xml/b.ts'),
			edge('nodes/shared/intacct/core/a.ts', 'nodes/shared/intacct/xml/b.ts'),
		]);
		expect(problems).toHaveLength(7);
	});

	it('allows the arrows of the layer order and records from anywhere', () => {
		expect(
			layerViolations([
				edge('nodes/SageIntacct/a.ts', 'nodes/shared/intacct/n8n/b.ts'),
				edge('nodes/shared/intacct/n8n/a.ts', 'nodes/shared/intacct/client/b.ts'),
				edge('nodes/shared/intacct/client/a.ts', 'nodes/shared/intacct/xml/b.ts'),
				edge('nodes/shared/intacct/xml/a.ts', 'nodes/shared/intacct/core/b.ts'),
				edge('nodes/shared/intacct/xml/a.ts', 'nodes/shared/intacct/records/b.ts'),
				edge('nodes/shared/intacct/records/a.ts', 'nodes/shared/intacct/core/b.ts'),
				edge('credentials/C.credentials.ts', 'nodes/shared/intacct/client/b.ts'),
			]),
		).toEqual([]);
	});

	it('finds a cycle, including a two-file type-only one', () => {
		expect(importCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([['a', 'b', 'c']]);
		expect(importCycles([edge('a', 'b'), edge('b', 'd')])).toEqual([]);
	});
});
