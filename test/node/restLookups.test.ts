/**
 * Lookups over REST through the real n8n engine (docs/rest-wire.md "Lookups over REST"): a
 * reference list pages past its first page with the query service's start/size (250 vendors, three
 * pages of 100, none twice), and the user-defined dimension list comes from the REST dimension
 * service, the same as over XML.
 */
import type { Sandbox } from '../../sandbox/api';
import { listSearch, packageNode, type HarnessCredentialsHelper } from '../support/harness';
import { NODE_NAME, runNode, startTestSandbox, bothWiresCredentials, REST_NODE, XML_NODE } from './support';

let sandbox: Sandbox;
let both: HarnessCredentialsHelper;

beforeAll(async () => {
	sandbox = await startTestSandbox();
	both = await bothWiresCredentials(sandbox);
});

afterAll(async () => {
	await sandbox?.close();
});


function billNode(authentication: string) {
	return { ...packageNode('sageIntacct', NODE_NAME, { authentication, resource: 'bill', operation: 'create' }), ...(authentication === 'oAuth2' ? REST_NODE : XML_NODE) };
}

it('a vendor list over REST pages to its end: 250 matching vendors in pages of 100, each once', async () => {
	const vendors = Array.from({ length: 250 }, (_, i) => ({ id: `PG-${String(i + 1).padStart(4, '0')}`, name: `Paging vendor ${i + 1}` }));
	const made = await runNode(
		sandbox,
		{ authentication: 'oAuth2', resource: 'restObject', operation: 'create', restObject: { __rl: true, mode: 'id', value: 'accounts-payable/vendor' }, body: JSON.stringify(vendors) },
		{ credentials: both, nodeOverrides: REST_NODE },
	);
	expect(made.error).toBeUndefined();

	const seen: string[] = [];
	let token: string | undefined;
	let pages = 0;
	do {
		const page = await listSearch(billNode('oAuth2'), 'searchVendors', { credentials: both, filter: 'PG-', paginationToken: token });
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
		const page = await listSearch(billNode('webServices'), 'searchVendors', { credentials: both, filter: 'PG-', paginationToken: token });
		xmlSeen.push(...page.results.map((r) => String(r.value)));
		token = page.paginationToken as string | undefined;
	} while (token !== undefined);
	expect([...seen].sort()).toEqual([...xmlSeen].sort());
});

it('the user-defined dimension list over REST matches the XML getDimensions list', async () => {
	const node = (authentication: string) => ({ ...packageNode('sageIntacct', NODE_NAME, { authentication, resource: 'journalEntry', operation: 'create' }), ...(authentication === 'oAuth2' ? REST_NODE : XML_NODE) });
	const overRest = await listSearch(node('oAuth2'), 'searchUserDefinedDimensions', { credentials: both });
	const overXml = await listSearch(node('webServices'), 'searchUserDefinedDimensions', { credentials: both });
	expect(overRest.results.length).toBeGreaterThan(0);
	expect(overRest.results).toEqual(overXml.results);
	expect(sandbox.stats.functions['rest:services/company-config/dimensions/list'] ?? sandbox.stats.functions['rest:GET services/company-config/dimensions/list']).toBeGreaterThan(0);
});
