/**
 * A re-run over OAuth 2.0 (REST) that holds the documents of an earlier run plus new ones posts only
 * the new ones and reports the others as duplicates, in the same shape, as over XML. A REST batch
 * takes one Idempotency-Key, so keyed creates travel as composite requests with every document under
 * its own key (client/restKeyedCreates.ts): keyed by batch, a batch with one more item was a new key
 * and the journal entries of the earlier run were posted again (bills were refused as BL34000061).
 * The re-run comes a minute later on the sandbox clock: a document replayed inside a changed
 * composite is told from a fresh one by its record's audit.createdDateTime, whole seconds.
 */
import type { Sandbox } from '../../sandbox/api';
import type { HarnessCredentialsHelper } from '../support/harness';
import { NODE_NAME, readAll, runNode, startTestSandbox, bothWiresCredentials } from './support';

let sandbox: Sandbox;
let both: HarnessCredentialsHelper;
beforeAll(async () => {
	sandbox = await startTestSandbox();
	both = await bothWiresCredentials(sandbox);
});
afterAll(async () => sandbox?.close());

const bill = (auth: string) => ({
	authentication: auth, resource: 'bill', operation: 'create', vendor: { __rl: true, mode: 'id', value: 'V-107' },
	billNumber: '={{ $json.n }}', transactionDate: '2026-10-01', dueDate: '2026-10-31', lineInput: 'fields',
	lines: { line: [{ accountNo: '6500', amount: 120.4, memo: 'Licences', locationId: '110', departmentId: 'ADMIN' }] },
});
it.each([['oAuth2', 'rest', 'R'], ['webServices', 'xml', 'X']])('bills over %s: a re-run with one more item posts only that one', async (auth, id, p) => {
	const ov = { credentials: { [auth === 'oAuth2' ? 'sageIntacctOAuth2Api' : 'sageIntacctApi']: { id, name: id } } };
	const first = await runNode(sandbox, bill(auth), { credentials: both, nodeOverrides: ov, items: [{ n: `${p}-1` }, { n: `${p}-2` }] });
	expect(first.error).toBeUndefined();
	sandbox.clock.advance(60_000);
	const second = await runNode(sandbox, bill(auth), { credentials: both, nodeOverrides: ov, items: [{ n: `${p}-1` }, { n: `${p}-2` }, { n: `${p}-3` }] });
	expect(second.error).toBeUndefined();
	const out = second.json(NODE_NAME);
	const rows = await readAll(sandbox, 'APBILL', `RECORDID LIKE '${p}-%'`, 'RECORDID');
	expect({ stored: rows.map((r) => r.RECORDID).sort(), dup: out.map((o) => o.duplicate ?? false) }).toEqual({ stored: [`${p}-1`, `${p}-2`, `${p}-3`], dup: [true, true, false] });
});
const je = (auth: string) => ({
	authentication: auth, resource: 'journalEntry', operation: 'create', journal: { __rl: true, mode: 'id', value: 'GJ' }, postingDate: '2026-10-15',
	description: '={{ $json.n }}', lineInput: 'fields',
	lines: { line: [{ accountNo: '6100', type: 'debit', amount: 300.25, memo: 'Rent', locationId: '110', departmentId: 'ADMIN' }, { accountNo: '1000', type: 'credit', amount: 300.25, memo: 'Cash', locationId: '110' }] },
});
it.each([['oAuth2', 'rest', 'JR'], ['webServices', 'xml', 'JX']])('journal entries over %s: a re-run with one more item posts only that one', async (auth, id, p) => {
	const ov = { credentials: { [auth === 'oAuth2' ? 'sageIntacctOAuth2Api' : 'sageIntacctApi']: { id, name: id } } };
	const first = await runNode(sandbox, je(auth), { credentials: both, nodeOverrides: ov, items: [{ n: `${p}-1` }, { n: `${p}-2` }] });
	expect(first.error).toBeUndefined();
	sandbox.clock.advance(60_000);
	const second = await runNode(sandbox, je(auth), { credentials: both, nodeOverrides: ov, items: [{ n: `${p}-1` }, { n: `${p}-2` }, { n: `${p}-3` }] });
	const rows = await readAll(sandbox, 'GLBATCH', `BATCH_TITLE LIKE '${p}-%'`, 'BATCH_TITLE');
	expect({ err: second.error?.message, stored: rows.map((r) => r.BATCH_TITLE).sort() }).toEqual({ err: undefined, stored: [`${p}-1`, `${p}-2`, `${p}-3`] });
	const out = second.json(NODE_NAME);
	expect(out.map((o) => o.duplicate ?? false)).toEqual([true, true, false]);
	// A duplicate comes out in the shape of a fresh post, plus duplicate and message.
	expect(Object.keys(out[0]).filter((k) => k !== 'duplicate' && k !== 'message').sort()).toEqual(Object.keys(out[2]).sort());
});
