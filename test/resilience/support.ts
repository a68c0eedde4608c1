/**
 * Shared set-up of the fault matrix: a sandbox, clients with fast retries, documents with stable
 * control IDs and reference numbers, and counts read straight from the sandbox's model (so the
 * counting itself never meets an injected fault).
 */
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox/api';
import { IntacctClient } from '../../nodes/shared/intacct/client/client';
import { create } from '../../nodes/shared/intacct/xml/functions';
import { clearSessionCache } from '../../nodes/shared/intacct/client/sessionCache';
import type { IntacctClientOptions, IntacctErrorLike, IntacctFunction } from '../../nodes/shared/intacct/core/types';
import { discoverMasterData, modelCount, modelQuery, text, type MasterData } from '../support/sandboxModel';
import { createNodeHttpPost } from '../support/nodeHttpPost';
import type { FaultCase } from './faultMatrix';

export interface Fixture {
	sandbox: Sandbox;
	master: MasterData;
	client(overrides?: Partial<IntacctClientOptions>): IntacctClient;
	/** A fresh reference prefix per test, so counts never see another test's records. */
	nextRef(label: string): string;
}

/** Client timeout used with the "hang" fault: short, so a hung request fails fast. */
export const SHORT_TIMEOUT_MS = 400;

export async function startFixture(): Promise<Fixture> {
	const sandbox = await startSandbox({ port: 0 });
	const master = discoverMasterData(sandbox);
	const post = createNodeHttpPost();
	let counter = 0;
	return {
		sandbox,
		master,
		client: (overrides = {}) =>
			new IntacctClient({ credentials: { ...sandbox.credentials }, post, retryBaseDelayMs: 1, maxRetries: 3, timeoutMs: 5_000, ...overrides }),
		nextRef: (label) => `RES-${label}-${++counter}`,
	};
}

/** Each test starts without cached sessions, faults or counted requests. */
export function resetFixture(fx: Fixture): void {
	clearSessionCache();
	fx.sandbox.faults.clear();
	fx.sandbox.stats.reset();
}

/** A balanced two-line journal entry whose function controlid and REFERENCENO are `${ref}-${i}`. */
export function journalEntryFunction(master: MasterData, ref: string, i: number): IntacctFunction {
	const location = master.locationIds[0];
	const fn = create('GLBATCH', {
		JOURNAL: master.journal,
		BATCH_DATE: '03/31/2026',
		BATCH_TITLE: `Resilience ${ref}-${i}`,
		REFERENCENO: `${ref}-${i}`,
		ENTRIES: {
			GLENTRY: [
				{ ACCOUNTNO: master.expenseAccounts[0], TR_TYPE: '1', TRX_AMOUNT: '10.00', LOCATION: location },
				{ ACCOUNTNO: master.creditAccount, TR_TYPE: '-1', TRX_AMOUNT: '10.00', LOCATION: location },
			],
		},
	});
	return { ...fn, controlId: `${ref}-${i}` };
}

/** How many journal entries carry each reference `${ref}-0..n-1` in the sandbox (0 = lost, 2+ = twice). */
export function storedPerReference(sandbox: Sandbox, ref: string, n: number): number[] {
	const found = modelQuery(sandbox, 'GLBATCH', `REFERENCENO like '${ref}-%'`, 'RECORDNO,REFERENCENO').records.map((r) => text(r.REFERENCENO));
	return Array.from({ length: n }, (_, i) => found.filter((reference) => reference === `${ref}-${i}`).length);
}

export function glEntryTotal(sandbox: Sandbox): number {
	return modelCount(sandbox, 'GLENTRY');
}

/** The message a person reads: one line of words, no markup, no stack, not a wall of text. */
export function expectPlainMessage(error: IntacctErrorLike | Error): void {
	expect(error.message.length).toBeGreaterThan(10);
	expect(error.message.length).toBeLessThan(600);
	expect(error.message).not.toMatch(/<\/?[a-z][\w-]*[^>]*>/i);
	expect(error.message).not.toMatch(/\n\s+at /);
	expect(error.message).not.toMatch(/undefined|\[object Object\]/);
}

/** The failure reads as the matrix says for this fault: kind, text, Intacct's number, HTTP status. */
export function expectFailure(error: IntacctErrorLike, failure: FaultCase['failure']): void {
	expect(error.kind).toBe(failure.kind);
	expect(error.message).toMatch(failure.message);
	if (failure.code) expect(error.errors.map((e) => e.errorNo)).toContain(failure.code);
	if (failure.httpStatus) expect(error.httpStatus).toBe(failure.httpStatus);
	expectPlainMessage(error);
}

export async function failureOf(promise: Promise<unknown>): Promise<IntacctErrorLike> {
	try {
		await promise;
	} catch (error) {
		return error as IntacctErrorLike;
	}
	throw new Error('expected the operation to fail');
}
