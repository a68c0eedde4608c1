/**
 * The engine harness itself, on the built package: what n8n loads from dist, and the credentials
 * helper behaving like n8n's (preAuthentication once, then the cached session).
 */
import type { Sandbox } from '../../sandbox/api';
import { createCredentialsHelper, loadPackage, sandboxCredentialValues } from '../support/harness';
import { NODE_NAME, runNode, startTestSandbox } from './support';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});

afterAll(async () => {
	await sandbox?.close();
});

it('loads the built package as n8n does: node class, codex, themed icons, credential', async () => {
	const pkg = await loadPackage();
	expect(pkg.missing).toEqual([]);
	const type = pkg.nodeTypes.getByNameAndVersion('n8n-nodes-sage-intacct.sageIntacct', 1);
	expect(type.description.usableAsTool).toBe(true);
	expect(type.description.codex?.categories).toEqual(['Finance & Accounting']);
	// The loader resolves themed file icons into iconUrl paths inside the package.
	expect(type.description.iconUrl).toEqual({
		light: 'icons/n8n-nodes-sage-intacct/dist/nodes/SageIntacct/sageIntacct.svg',
		dark: 'icons/n8n-nodes-sage-intacct/dist/nodes/SageIntacct/sageIntacct.dark.svg',
	});
	expect(pkg.credentialType('sageIntacctApi')?.name).toBe('sageIntacctApi');
	expect(Object.keys(type.methods?.listSearch ?? {})).toEqual(
		expect.arrayContaining(['searchAccounts', 'searchJournals', 'searchVendors', 'searchEntities', 'searchDepartments', 'searchLocations']),
	);
});

it('runs the credential\'s preAuthentication once and reuses the stored session across runs', async () => {
	const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
	const parameters = { resource: 'vendor', operation: 'get', vendor: { __rl: true, mode: 'id', value: 'V-100' } };
	expect((await runNode(sandbox, parameters, { credentials })).status).toBe('success');
	expect((await runNode(sandbox, parameters, { credentials })).status).toBe('success');
	expect(credentials.events.preAuthentications).toBe(1);
	expect(credentials.store.sageIntacctApi.sessionToken).toEqual(expect.any(String));
});

it('wrong credentials fail with a readable error that carries no secret', async () => {
	const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials, userPassword: 'wrong-password-123' }));
	const run = await runNode(sandbox, { resource: 'vendor', operation: 'get', vendor: { __rl: true, mode: 'id', value: 'V-100' } }, { credentials });
	expect(run.status).toBe('error');
	expect(run.error?.message).toMatch(/sign-in|Sign-in|password|user/i);
	const text = JSON.stringify(run.run.data.resultData);
	expect(text).not.toContain('wrong-password-123');
	expect(text).not.toContain(sandbox.credentials.senderPassword);
	expect(run.output(NODE_NAME)).toEqual([]);
});
