/**
 * The bad-input corpus through the Sage Intacct node in the real n8n engine (built package), each
 * bad document next to a good one:
 *  - continue on fail: the good item posts once, the bad item becomes an error item paired to it
 *    whose message names the item and the field (local) or carries Intacct's code (intacct);
 *  - stop on fail: the node stops naming the item, and sends nothing for a locally rejectable input;
 *  - nothing is ever stored twice; awkward-but-valid values are stored byte for byte.
 * Every run signs in as a user whose password holds a canary; nothing produced may contain it.
 */
import { collector } from './capturedOutput';
import { OutputCollector } from './collector';
import type { IDataObject } from 'n8n-workflow';
import { runNode, NODE_NAME } from '../resilience/nodeRun';
import { CANARY, type CanarySandbox } from './canarySandbox';
import { billCases, journalEntryCases, validBill, validJournalEntry, vendorCases, type CorpusMasterData, type WriteCase } from './corpus';
import { createsReceived, parametersFor, startCorpusSandbox, storedFor } from './corpusSandbox';

let canary: CanarySandbox;
let master: CorpusMasterData;

beforeAll(async () => {
	({ canary, master } = await startCorpusSandbox());
});
afterAll(async () => {
	collector.releaseConsole();
	await canary.close();
});

const run = (c: WriteCase, items: IDataObject[], continueOnFail: boolean, workflowId: string) =>
	runNode(canary.sandbox, parametersFor(c.target), items, { continueOnFail, workflowId, credentialOverrides: canary.credentials });

/** A valid document of the same kind, to post beside the bad one. */
function companion(c: WriteCase): IDataObject {
	const key = `OK-${c.id}`;
	if (c.target === 'journalEntry') return asItem(validJournalEntry(master, key));
	if (c.target === 'bill') return asItem(validBill(master, key));
	return { vendorId: key.slice(0, 20), name: `Companion of ${c.id}` };
}

/** A document as n8n item JSON (undefined fields dropped, like any JSON-producing node). */
const asItem = (doc: object): IDataObject => JSON.parse(JSON.stringify(doc)) as IDataObject;
const bad = (c: WriteCase) => asItem(c.input);
const wf = (c: WriteCase, suffix: string) => `wf${c.id.replace(/\W/g, '')}${suffix}`;

const ref = (id: string) => `BI-${id}`;
const writeCases = (m: CorpusMasterData): WriteCase[] => [...journalEntryCases(m, ref), ...billCases(m, ref), ...vendorCases(m, ref)];
// Documents need master data, known once the sandbox runs; the list of cases (ids, titles) does not.
const cases = writeCases({ vendorId: 'V', expenseAccount: 'A', creditAccount: 'C', journal: 'J', departmentId: 'D', locationId: 'L' });
const resolve = (c: WriteCase): WriteCase => writeCases(master).find((x) => x.id === c.id) as WriteCase;

describe('bad documents through the node, beside a good one (continue on fail)', () => {
	for (const listed of cases) {
		const title = `${listed.id}: ${listed.title} -> ${listed.expect.stage}`;
		(listed.knownBug ? test.failing : test)(title, async () => {
			const c = resolve(listed);
			canary.sandbox.stats.reset();
			const result = await run(c, [companion(c), bad(c)], true, wf(c, 'A'));
			collector.add(`${c.id} continue`, { error: result.error, output: result.run.data.resultData.runData });
			expect(result.error).toBeUndefined();
			const out = result.output(NODE_NAME);
			expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(typeof out[0].json.recordNo).toBe('number');
			expect(storedFor(canary.sandbox, c.target, companion(c))).toHaveLength(1);
			const json = out[1].json;
			if (c.expect.stage === 'local') {
				expect(String(json.error)).toContain('(item 2)');
				expect(String(json.error)).toContain(c.expect.field);
				expect(createsReceived(canary.sandbox)).toBe(1); // the companion only
				expect(storedFor(canary.sandbox, c.target, bad(c))).toHaveLength(0);
			} else if (c.expect.stage === 'intacct') {
				expect((json.errors as Array<{ errorNo: string }>).map((e) => e.errorNo)).toContain(c.expect.code);
				expect(String(json.error)).toContain(c.expect.code);
				expect(createsReceived(canary.sandbox)).toBe(2);
				// A duplicate vendor ID exists already (once): nothing new was stored for it.
				expect(storedFor(canary.sandbox, c.target, bad(c))).toHaveLength(c.id === 'vendor-duplicate' ? 1 : 0);
			} else {
				expect(json.error).toBeUndefined();
				expect(typeof json.recordNo).toBe('number');
				const stored = storedFor(canary.sandbox, c.target, bad(c));
				expect(stored).toHaveLength(1);
				for (const [field, value] of Object.entries(c.expect.stored)) expect(stored[0][field]).toBe(value);
			}
		});
	}
});

describe('bad documents through the node, alone (stop on fail)', () => {
	for (const listed of cases.filter((c) => c.expect.stage !== 'accepted')) {
		(listed.knownBug ? test.failing : test)(`${listed.id} stops the node naming item 1`, async () => {
			const c = resolve(listed);
			canary.sandbox.stats.reset();
			const result = await run(c, [bad(c)], false, wf(c, 'B'));
			collector.add(`${c.id} stop`, { error: result.error, output: result.run.data.resultData.runData });
			expect(result.status).toBe('error');
			expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(0);
			if (c.expect.stage === 'local') {
				expect(result.error?.message).toContain('(item 1)');
				expect(result.error?.message).toContain(c.expect.field);
				expect(createsReceived(canary.sandbox)).toBe(0);
			} else if (c.expect.stage === 'intacct') {
				expect(result.error?.message).toContain(c.expect.code);
			}
		});
	}
});

describe('the whole corpus in one execution (one request holds the valid and the bad), run twice', () => {
	const batchRef = (id: string) => `BX-${id}`;
	it.each(['journalEntry', 'bill', 'vendor'] as const)('%s: every item answered in place; a re-run posts nothing twice', async (target) => {
		const all = [...journalEntryCases(master, batchRef), ...billCases(master, batchRef), ...vendorCases(master, batchRef)];
		const list = all.filter((c) => c.target === target && !c.knownBug);
		const items = list.map(bad);
		const first = await run(list[0], items, true, `wfWhole${target}`);
		const second = await run(list[0], items, true, `wfWhole${target}`);
		collector.add(`whole ${target}`, { first: first.json(NODE_NAME), second: second.json(NODE_NAME) });
		for (const [runIndex, result] of [first, second].entries()) {
			expect(result.error).toBeUndefined();
			const out = result.json(NODE_NAME);
			expect(out).toHaveLength(list.length);
			list.forEach((c, i) => {
				const json = out[i];
				if (c.expect.stage === 'local') {
					expect(String(json.error)).toContain(`(item ${i + 1})`);
					expect(String(json.error)).toContain(c.expect.field);
				} else if (c.expect.stage === 'intacct') {
					expect((json.errors as Array<{ errorNo: string }>).map((e) => e.errorNo)).toContain(c.expect.code);
				} else {
					// First run posts it; the re-run recognises the idempotency key and posts nothing.
					expect(json.error).toBeUndefined();
					expect(json.duplicate === true).toBe(runIndex === 1);
					expect(typeof json.recordNo).toBe('number');
				}
			});
		}
		for (const c of list) {
			const expected = c.expect.stage === 'accepted' || c.id === 'vendor-duplicate' ? 1 : 0;
			expect({ id: c.id, stored: storedFor(canary.sandbox, c.target, bad(c)).length }).toEqual({ id: c.id, stored: expected });
		}
	});
});

describe('the corpus and its secrets', () => {
	it('has at least 40 cases across operations and the trigger', () => {
		expect(cases.length).toBeGreaterThanOrEqual(40);
		expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
	});

	it('never shows the credential canary in an output, an error or the console', () => {
		expect(collector.size).toBeGreaterThanOrEqual(cases.length);
		// n8n's own log lines (winston) went through the collector too.
		expect(collector.leaks('is not balanced').length).toBeGreaterThan(0);
		expect(collector.leaks(CANARY)).toEqual([]);
	});

	it('would notice a canary (the detector works)', () => {
		const probe = new OutputCollector();
		probe.add('probe', new Error(`sign-in failed for password pw-${CANARY}`));
		expect(probe.leaks(CANARY)).toEqual(['probe']);
	});
});
