/**
 * Lookups over REST through the real n8n engine (docs/rest-wire.md "Lookups over REST"): a
 * reference list pages past its first page with the query service's start/size (250 vendors, three
 * pages of 100, none twice), the user-defined dimension list comes from the REST dimension
 * service, and a dimension's values from its platform object (/objects/platform-apps/nsp::…), the
 * same lists as over XML.
 */
import type { INode, INodeListSearchItems } from 'n8n-workflow';
import { create } from '../../nodes/shared/intacct/xml/functions';
import { listSearch, packageNode } from '../support/harness';
import { NODE_NAME, directClient, runNode, REST_NODE, XML_NODE, useBothWires } from './support';

const { sandbox, credentials: both } = useBothWires();


function billNode(authentication: string) {
	return { ...packageNode('sageIntacct', NODE_NAME, { authentication, resource: 'bill', operation: 'create' }), ...(authentication === 'oAuth2' ? REST_NODE : XML_NODE) };
}

it('a vendor list over REST pages to its end: 250 matching vendors in pages of 100, each once', async () => {
	const vendors = Array.from({ length: 250 }, (_, i) => ({ id: `PG-${String(i + 1).padStart(4, '0')}`, name: `Paging vendor ${i + 1}` }));
	const made = await runNode(
		sandbox(),
		{ authentication: 'oAuth2', resource: 'restObject', operation: 'create', restObject: { __rl: true, mode: 'id', value: 'accounts-payable/vendor' }, body: JSON.stringify(vendors) },
		{ credentials: both(), nodeOverrides: REST_NODE },
	);
	expect(made.error).toBeUndefined();

	const seen: string[] = [];
	let token: string | undefined;
	let pages = 0;
	do {
		const page = await listSearch(billNode('oAuth2'), 'searchVendors', { credentials: both(), filter: 'PG-', paginationToken: token });
		seen.push(...page.results.map((r) => String(r.value)));
		token = page.paginationToken as string | undefined;
		pages++;
	} while (token !== undefined && pages < 10);
	expect(pages).toBe(3);
	expect(seen).toHaveLength(250);
	expect(new Set(seen).size).toBe(250);
	expect(seen[0]).toBe('PG-0001');

	// The same search over XML finds the same vendors.
	const xmlSeen: string[] = [];
	token = undefined;
	do {
		const page = await listSearch(billNode('webServices'), 'searchVendors', { credentials: both(), filter: 'PG-', paginationToken: token });
		xmlSeen.push(...page.results.map((r) => String(r.value)));
		token = page.paginationToken as string | undefined;
	} while (token !== undefined);
	expect([...seen].sort()).toEqual([...xmlSeen].sort());
});

it('the user-defined dimension list over REST matches the XML getDimensions list', async () => {
	const node = (authentication: string) => ({ ...packageNode('sageIntacct', NODE_NAME, { authentication, resource: 'journalEntry', operation: 'create' }), ...(authentication === 'oAuth2' ? REST_NODE : XML_NODE) });
	const overRest = await listSearch(node('oAuth2'), 'searchUserDefinedDimensions', { credentials: both() });
	const overXml = await listSearch(node('webServices'), 'searchUserDefinedDimensions', { credentials: both() });
	expect(overRest.results.length).toBeGreaterThan(0);
	expect(overRest.results).toEqual(overXml.results);
	expect(sandbox().stats.functions['rest:services/company-config/dimensions/list'] ?? sandbox().stats.functions['rest:GET services/company-config/dimensions/list']).toBeGreaterThan(0);
});

describe('user-defined dimension values over REST', () => {
	const VALUE_PATH = 'parameters.lines.line[0].userDefinedDimensions.field[0].value';
	const rl = (value: string) => ({ __rl: true, mode: 'list', value });

	/** The node as the editor holds it while the user picks the first line's dimension value. */
	function lineNode(authentication: string, dimension: unknown): INode {
		const parameters = { authentication, resource: 'journalEntry', operation: 'create', lineInput: 'fields', lines: { line: [{ userDefinedDimensions: { field: [{ name: dimension, value: rl('') }] } }] } };
		return { ...packageNode('sageIntacct', NODE_NAME, parameters as unknown as INode['parameters']), ...(authentication === 'oAuth2' ? REST_NODE : XML_NODE) };
	}

	/** Every page of the value list, as the editor scrolls it. */
	async function allValues(node: INode, filter?: string): Promise<{ pages: number; results: INodeListSearchItems[] }> {
		const results: INodeListSearchItems[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await listSearch(node, 'searchUserDefinedDimensionValues', { credentials: both(), path: VALUE_PATH, filter, paginationToken: token });
			results.push(...page.results);
			token = page.paginationToken as string | undefined;
			pages++;
		} while (token !== undefined && pages < 20);
		return { pages, results };
	}

	it('the same names and values as over XML: every page past 100, filtered, records written over either wire', async () => {
		// 130 values written over XML, 120 over REST as the platform object: 250 matches, three pages of 100.
		const overXml = await directClient(sandbox()).executeMany(
			Array.from({ length: 130 }, (_, i) => create('FUNDINGSOURCE', { NAME: `Udd paging ${String(i).padStart(3, '0')}` })),
			{ batchSize: 100 },
		);
		expect(overXml.every((o) => o.ok)).toBe(true);
		const body = Array.from({ length: 120 }, (_, i) => ({ name: `Udd paging ${String(130 + i).padStart(3, '0')}` }));
		const overRest = await runNode(
			sandbox(),
			{ authentication: 'oAuth2', resource: 'restObject', operation: 'create', restObject: { __rl: true, mode: 'id', value: 'platform-apps/nsp::fundingsource' }, body: JSON.stringify(body) },
			{ credentials: both(), nodeOverrides: REST_NODE },
		);
		expect(overRest.error).toBeUndefined();

		for (const dimension of [rl('FUNDINGSOURCE'), 'GLDIMFUNDINGSOURCE', rl('')]) {
			const rest = await allValues(lineNode('oAuth2', dimension), 'Udd paging');
			const xml = await allValues(lineNode('webServices', dimension), 'Udd paging');
			expect(rest.pages).toBe(3);
			expect(rest.results).toHaveLength(250);
			expect(new Set(rest.results.map((r) => r.value)).size).toBe(250);
			expect(rest.results).toEqual(xml.results);
		}
		const chosen = await allValues(lineNode('oAuth2', rl('FUNDINGSOURCE')), 'Udd paging');
		expect(chosen.results[249].name).toMatch(/^\d+ - Udd paging 249$/);

		// Unfiltered: the seeded values first, then the rest, as over XML.
		const everyRest = await allValues(lineNode('oAuth2', rl('FUNDINGSOURCE')));
		expect(everyRest.results.slice(0, 2)).toEqual([
			{ name: '10001 - Unrestricted', value: '10001' },
			{ name: '10002 - Federal Pass-Through', value: '10002' },
		]);
		expect(everyRest.results).toEqual((await allValues(lineNode('webServices', rl('FUNDINGSOURCE')))).results);

		// The search matches the name or the id, over both wires.
		for (const [filter, expected] of [
			['Coun', [{ name: '10004 - County', value: '10004' }]],
			['10003', [{ name: '10003 - State', value: '10003' }]],
		] as const) {
			const rest = await listSearch(lineNode('oAuth2', rl('FUNDINGSOURCE')), 'searchUserDefinedDimensionValues', { credentials: both(), path: VALUE_PATH, filter });
			expect(rest.results).toEqual(expected);
			expect(rest.results).toEqual((await listSearch(lineNode('webServices', rl('FUNDINGSOURCE')), 'searchUserDefinedDimensionValues', { credentials: both(), path: VALUE_PATH, filter })).results);
		}
		expect(sandbox().stats.functions['rest:POST services/core/query']).toBeGreaterThan(0);
		expect(sandbox().stats.functions['rest:POST platform-apps/nsp::fundingsource']).toBeGreaterThan(0);
	});
});
