/**
 * Bad read parameters and bad credentials through the node in the n8n engine: a clear error naming
 * the item and field (nothing sent), Intacct's code when only Intacct can tell, an escaped quote
 * that matches nothing instead of widening the query. Passwords carrying a canary never show up.
 */
import { collector } from './capturedOutput';
import type { INodeParameters } from 'n8n-workflow';
import { runNode, NODE_NAME } from '../resilience/nodeRun';
import { CANARY, type CanarySandbox } from './canarySandbox';
import { readCases, type ReadCase } from './corpus';
import { startCorpusSandbox } from './corpusSandbox';

let canary: CanarySandbox;
beforeAll(async () => {
	({ canary } = await startCorpusSandbox());
});
afterAll(async () => {
	collector.releaseConsole();
	await canary.close();
});

const run = (c: ReadCase, continueOnFail: boolean, credentialOverrides: Record<string, string> = canary.credentials) =>
	runNode(canary.sandbox, c.parameters as INodeParameters, [{}], { continueOnFail, credentialOverrides });

const readsSent = () => (canary.sandbox.stats.functions.readByQuery ?? 0) + (canary.sandbox.stats.functions.query ?? 0);

describe('bad read parameters', () => {
	for (const c of readCases()) {
		(c.knownBug ? test.failing : test)(`${c.id}: ${c.title} -> ${c.expect.stage}`, async () => {
			canary.sandbox.stats.reset();
			const stopped = await run(c, false);
			const continued = await run(c, true);
			collector.add(`${c.id}`, { stopped: stopped.error, continued: continued.json(NODE_NAME) });
			if (c.expect.stage === 'empty') {
				expect(stopped.error).toBeUndefined();
				expect(stopped.json(NODE_NAME)).toEqual([]);
				expect(readsSent()).toBe(2);
				return;
			}
			expect(stopped.status).toBe('error');
			expect((stopped.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(0);
			const item = continued.json(NODE_NAME);
			expect(item).toHaveLength(1);
			expect(continued.output(NODE_NAME)[0].pairedItem).toEqual({ item: 0 });
			if (c.expect.stage === 'local') {
				for (const message of [stopped.error?.message, String(item[0].error)]) {
					expect(message).toContain('(item 1)');
					expect(message).toContain(c.expect.field);
				}
				expect(readsSent()).toBe(0);
			} else {
				expect(stopped.error?.message).toContain(c.expect.code);
				expect(item[0].errorNumber).toBe(c.expect.code);
			}
		});
	}
});

describe('credentials carrying a canary', () => {
	const read: ReadCase = { id: 'cred', title: '', target: 'read', parameters: { resource: 'glEntry', operation: 'getMany', returnAll: false, limit: 3 }, expect: { stage: 'empty' } };

	it('reads normally with the canary user (the canary really is in use)', async () => {
		canary.sandbox.stats.reset();
		const ok = await run(read, false);
		collector.add('canary read', ok.json(NODE_NAME));
		expect(ok.error).toBeUndefined();
		expect(ok.json(NODE_NAME)).toHaveLength(3);
		expect(canary.sandbox.stats.functions.getAPISession).toBeGreaterThanOrEqual(1);
	});

	it.each([
		['user password', { userPassword: `wrong-${CANARY}-user` }, /Sign-in information is incorrect/],
		['sender password', { senderPassword: `wrong-${CANARY}-sender` }, /Partner ID or password/],
	])('a wrong %s holding the canary: a plain sign-in error without it', async (_label, override, message) => {
		const failed = await run(read, false, { ...canary.credentials, ...override });
		collector.add(`canary ${_label}`, { error: failed.error, output: failed.run.data.resultData.runData });
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toMatch(message);
	});

	it('never shows a canary in an output, an error or the console', () => {
		expect(collector.size).toBeGreaterThanOrEqual(readCases().length + 3);
		expect(collector.leaks(CANARY)).toEqual([]);
	});
});
