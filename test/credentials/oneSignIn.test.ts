/**
 * One sign-in per execution through the real n8n engine (built package): the credential's
 * preAuthentication opens the session, and the node's client uses it instead of signing in again
 * (the credential hands it over in `authenticate`, or the client adopts the stored one).
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox/api';
import { createCredentialsHelper, packageNode, PACKAGE_ROOT, runWorkflow, sandboxCredentialValues, type HarnessCredentialsHelper } from '../support/harness';

const NODE = 'Sage Intacct';
const GET_VENDOR = { resource: 'vendor', operation: 'get', vendor: { __rl: true, mode: 'id', value: 'V-100' } };

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
	await sandbox.close();
});

/** The node runs from dist/, whose client has its own module-level session cache: empty = cold. */
function clearBuiltSessionCache(): void {
	const load = createRequire(path.join(PACKAGE_ROOT, 'package.json'));
	(load('./dist/nodes/shared/intacct/client/sessionCache.js') as { clearSessionCache(): void }).clearSessionCache();
}

async function getVendor(credentials: HarnessCredentialsHelper) {
	const run = await runWorkflow({ nodes: [packageNode('sageIntacct', NODE, GET_VENDOR)] }, { credentials });
	expect(run.error).toBeUndefined();
	expect(run.json(NODE)).toHaveLength(1);
	return run;
}

beforeEach(() => {
	clearBuiltSessionCache();
	sandbox.stats.reset();
});

describe('one sign-in per execution', () => {
	it('a cold execution (no stored session, nothing cached) signs in once: 2 requests for one read', async () => {
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		await getVendor(credentials);
		expect(sandbox.stats.functions.getAPISession).toBe(1);
		expect(sandbox.stats.requests).toBe(2);
		expect(credentials.events.preAuthentications).toBe(1);
		expect(credentials.store.sageIntacctApi).toMatchObject({ sessionToken: expect.any(String), sessionEndpoint: expect.stringMatching(/^https?:\/\//) });
	});

	it('with a stored session but an empty cache (another worker, a restart): no sign-in at all', async () => {
		const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
		await getVendor(credentials);
		clearBuiltSessionCache();
		sandbox.stats.reset();
		await getVendor(credentials);
		expect(sandbox.stats.functions.getAPISession ?? 0).toBe(0);
		expect(sandbox.stats.requests).toBe(1);
	});

	it('a stored session Intacct no longer accepts: one refused request, one sign-in, then the read', async () => {
		const credentials = await createCredentialsHelper(
			sandboxCredentialValues({ ...sandbox.credentials }, { sessionToken: 'expired-session-0123456789', sessionEndpoint: sandbox.url }),
		);
		await getVendor(credentials);
		expect(sandbox.stats.functions.getAPISession).toBe(1);
	});
});
