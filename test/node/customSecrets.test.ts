/**
 * Custom XML through the real engine (issue 12 item 10): a custom getAPISession's live session ID
 * never lands in the workflow's output.
 */
import type { Sandbox } from '../../sandbox/api';
import { NODE_NAME, runNode, startTestSandbox } from './support';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => {
	await sandbox?.close();
});

describe('custom XML output', () => {
	it('blanks the session ID a custom getAPISession returns, keeps the endpoint', async () => {
		const run = await runNode(sandbox, { resource: 'custom', operation: 'execute', xml: '<getAPISession/>' });
		expect(run.status).toBe('success');
		const [result] = run.json(NODE_NAME);
		const [api] = result.data as Array<Record<string, string>>;
		expect(api.sessionid).toBe('***');
		expect(api.endpoint).toMatch(/^http/);
		// nothing else in the item looks like a session ID either
		expect(JSON.stringify(run.json(NODE_NAME))).not.toMatch(/sessionid":"(?!\*\*\*)/i);
	});
});
