/**
 * The resource-locator lists ask only for fields Sage's reference documents, against a sandbox that
 * refuses any other (docs/fidelity.md, "Master data and dimensions"); where the reference is thin
 * (no STATUS documented for tax details and checking accounts, which the sandbox therefore lacks)
 * the list asks `lookup` and searches again with the fields the company has.
 */
import type { Sandbox } from '../../../../sandbox/api';
import { listSearch, packageNode, sandboxCredentialValues } from '../../../support/harness';
import { narrowToKnownFields } from '../../../../nodes/SageIntacct/methods/listSearch';
import { NODE_NAME, startTestSandbox } from '../../../node/support';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});

afterAll(async () => {
	await sandbox?.close();
});

const node = () => packageNode('sageIntacct', NODE_NAME, { resource: 'vendor', operation: 'get' });
const credentials = () => sandboxCredentialValues({ ...sandbox.credentials });
const search = async (method: string, filter?: string) => await listSearch(node(), method, { credentials: credentials(), filter });

describe('every master-data list reads documented fields only', () => {
	it.each([
		['searchAccounts', '6000 - Program Supplies'],
		['searchJournals', 'GJ - '],
		['searchVendors', 'V-104 - '],
		['searchCustomers', ' - '],
		['searchDepartments', 'PROG - '],
		['searchLocations', '110 - '],
		['searchClasses', ' - '],
		['searchProjects', 'GR-2025-001 - '],
		['searchEmployees', 'E-001 - Robinson, Maya'],
		['searchItems', ' - '],
		['searchEntities', '100 - '],
	])('%s answers with "ID - name" items and no lookup', async (method, expected) => {
		const lookups = sandbox.stats.functions.lookup ?? 0;
		const { results } = await search(method);
		expect(results.length).toBeGreaterThan(0);
		expect(results.some((r) => String(r.name).includes(expected))).toBe(true);
		expect(sandbox.stats.functions.lookup ?? 0).toBe(lookups);
	});
});

describe('where the reference is thin, lookup decides', () => {
	it.each([
		['searchTaxDetails', 'TAXDETAIL'],
		['searchBankAccounts', 'CHECKINGACCOUNT'],
	])('%s: the company has no STATUS on %s, so the list asks lookup and lists every record by ID and description', async (method) => {
		const lookups = sandbox.stats.functions.lookup ?? 0;
		const { results } = await search(method);
		expect(results.length).toBeGreaterThan(0);
		expect(results.every((r) => / - /.test(String(r.name)))).toBe(true);
		expect(sandbox.stats.functions.lookup ?? 0).toBe(lookups + 1);
	});

	it('the typed text still filters after the fallback', async () => {
		const all = (await search('searchTaxDetails')).results;
		const first = String(all[0].value);
		const filtered = (await search('searchTaxDetails', first)).results;
		expect(filtered.map((r) => r.value)).toContain(first);
		expect(filtered.length).toBeLessThanOrEqual(all.length);
	});
});

describe('narrowToKnownFields', () => {
	const def = { object: 'EMPLOYEE', idField: 'EMPLOYEEID', nameField: 'PERSONALINFO.CONTACTNAME', activeOnly: true };
	it('keeps a search whose fields the company has', () => {
		expect(narrowToKnownFields(def, new Set(['EMPLOYEEID', 'PERSONALINFO.CONTACTNAME', 'STATUS']))).toBe(def);
	});
	it('drops the name field and the active filter the company lacks', () => {
		expect(narrowToKnownFields(def, new Set(['EMPLOYEEID']))).toEqual({ ...def, nameField: 'EMPLOYEEID', activeOnly: false });
	});
	it('with no field list (lookup refused too) searches the ID alone', () => {
		expect(narrowToKnownFields(def, undefined)).toEqual({ ...def, nameField: 'EMPLOYEEID', activeOnly: false });
	});
});
