/**
 * A re-run over OAuth 2.0 (REST) that holds the documents of an earlier run plus new ones posts only
 * the new ones and reports the others as duplicates, in the same shape, as over XML. A REST batch
 * takes one Idempotency-Key, so keyed creates travel as composite requests with every document under
 * its own key (client/restKeyedCreates.ts): keyed by batch, a batch with one more item was a new key
 * and the journal entries of the earlier run were posted again (bills were refused as BL34000061).
 * The re-run comes a minute later on the sandbox clock: a document replayed inside a changed
 * composite is told from a fresh one by its record's audit.createdDateTime, whole seconds.
 * Also here: 100 bills take a handful of requests instead of 100; the credential's "One Request Per
 * Document" sends each alone; a REST object's Bulk Job with a key per item is refused before sending.
 */
import { createCredentialsHelper } from '../support/harness';
import { BULK_WITH_KEYS } from '../../nodes/shared/intacct/client/restCreates';
import { NODE_NAME, REST_NODE, readAll, runNode, useBothWires } from './support';

const { sandbox, credentials: both } = useBothWires();

const bill = (auth: string) => ({
	authentication: auth, resource: 'bill', operation: 'create', vendor: { __rl: true, mode: 'id', value: 'V-107' },
	billNumber: '={{ $json.n }}', transactionDate: '2026-10-01', dueDate: '2026-10-31', lineInput: 'fields',
	lines: { line: [{ accountNo: '6500', amount: 120.4, memo: 'Licences', locationId: '110', departmentId: 'ADMIN' }] },
});
it.each([['oAuth2', 'rest', 'R'], ['webServices', 'xml', 'X']])('bills over %s: a re-run with one more item posts only that one', async (auth, id, p) => {
	const ov = { credentials: { [auth === 'oAuth2' ? 'sageIntacctOAuth2Api' : 'sageIntacctApi']: { id, name: id } } };
	const first = await runNode(sandbox(), bill(auth), { credentials: both(), nodeOverrides: ov, items: [{ n: `${p}-1` }, { n: `${p}-2` }] });
	expect(first.error).toBeUndefined();
	sandbox().clock.advance(60_000);
	const compositesBefore = composites();
	const second = await runNode(sandbox(), bill(auth), { credentials: both(), nodeOverrides: ov, items: [{ n: `${p}-1` }, { n: `${p}-2` }, { n: `${p}-3` }] });
	expect(second.error).toBeUndefined();
	const out = second.json(NODE_NAME);
	const rows = await readAll(sandbox(), 'APBILL', `RECORDID LIKE '${p}-%'`, 'RECORDID');
	expect({ stored: rows.map((r) => r.RECORDID).sort(), dup: out.map((o) => o.duplicate ?? false) }).toEqual({ stored: [`${p}-1`, `${p}-2`, `${p}-3`], dup: [true, true, false] });
	// Over REST the three travelled in one composite request (a changed chunk: the read-back found the two earlier ones).
	expect(composites() - compositesBefore).toBe(id === 'rest' ? 1 : 0);
});
const je = (auth: string) => ({
	authentication: auth, resource: 'journalEntry', operation: 'create', journal: { __rl: true, mode: 'id', value: 'GJ' }, postingDate: '2026-10-15',
	description: '={{ $json.n }}', lineInput: 'fields',
	lines: { line: [{ accountNo: '6100', type: 'debit', amount: 300.25, memo: 'Rent', locationId: '110', departmentId: 'ADMIN' }, { accountNo: '1000', type: 'credit', amount: 300.25, memo: 'Cash', locationId: '110' }] },
});
it.each([['oAuth2', 'rest', 'JR'], ['webServices', 'xml', 'JX']])('journal entries over %s: a re-run with one more item posts only that one', async (auth, id, p) => {
	const ov = { credentials: { [auth === 'oAuth2' ? 'sageIntacctOAuth2Api' : 'sageIntacctApi']: { id, name: id } } };
	const first = await runNode(sandbox(), je(auth), { credentials: both(), nodeOverrides: ov, items: [{ n: `${p}-1` }, { n: `${p}-2` }] });
	expect(first.error).toBeUndefined();
	sandbox().clock.advance(60_000);
	const compositesBefore = composites();
	const second = await runNode(sandbox(), je(auth), { credentials: both(), nodeOverrides: ov, items: [{ n: `${p}-1` }, { n: `${p}-2` }, { n: `${p}-3` }] });
	const rows = await readAll(sandbox(), 'GLBATCH', `BATCH_TITLE LIKE '${p}-%'`, 'BATCH_TITLE');
	expect({ err: second.error?.message, stored: rows.map((r) => r.BATCH_TITLE).sort() }).toEqual({ err: undefined, stored: [`${p}-1`, `${p}-2`, `${p}-3`] });
	const out = second.json(NODE_NAME);
	expect(out.map((o) => o.duplicate ?? false)).toEqual([true, true, false]);
	expect(composites() - compositesBefore).toBe(id === 'rest' ? 1 : 0);
	// A duplicate comes out in the shape of a fresh post, plus duplicate and message.
	expect(Object.keys(out[0]).filter((k) => k !== 'duplicate' && k !== 'message').sort()).toEqual(Object.keys(out[2]).sort());
});

const numbers = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ n: `${prefix}-${String(i + 1).padStart(3, '0')}` }));
const composites = () => sandbox().stats.functions['rest:POST services/core/composite'] ?? 0;

it('100 keyed bills take at most 20 requests (composite requests of up to 10), every bill stored once, none reported as a duplicate', async () => {
	const requests = sandbox().stats.requests;
	const compositesBefore = composites();
	const run = await runNode(sandbox(), bill('oAuth2'), { credentials: both(), nodeOverrides: REST_NODE, items: numbers('C', 100) });
	expect(run.error).toBeUndefined();
	const sent = sandbox().stats.requests - requests;
	expect(sent).toBeLessThanOrEqual(20);
	expect(composites() - compositesBefore).toBeGreaterThan(5);
	const out = run.json(NODE_NAME);
	expect(out.filter((o) => o.duplicate === true)).toEqual([]);
	expect(new Set(out.map((o) => o.recordNo)).size).toBe(100);
	const rows = await readAll(sandbox(), 'APBILL', "RECORDID LIKE 'C-%'", 'RECORDID');
	expect(rows.map((r) => r.RECORDID).sort()).toEqual(numbers('C', 100).map((i) => i.n));
});

it('the credential\'s One Request Per Document sends each keyed bill alone; a re-run with one more posts only that one', async () => {
	const single = await createCredentialsHelper({
		sageIntacctOAuth2Api: { grantType: 'clientCredentials', ...sandbox().rest.credentials, restBaseUrl: sandbox().rest.baseUrl, keyedCreates: 'single' },
	});
	const compositesBefore = composites();
	const bills = () => sandbox().stats.functions['rest:POST accounts-payable/bill'] ?? 0;
	const billsBefore = bills();
	const first = await runNode(sandbox(), bill('oAuth2'), { credentials: single, nodeOverrides: REST_NODE, items: numbers('S', 6) });
	expect(first.error).toBeUndefined();
	expect(bills() - billsBefore).toBe(6);
	const second = await runNode(sandbox(), bill('oAuth2'), { credentials: single, nodeOverrides: REST_NODE, items: numbers('S', 7) });
	expect(second.error).toBeUndefined();
	expect(second.json(NODE_NAME).map((o) => o.duplicate ?? false)).toEqual([true, true, true, true, true, true, false]);
	expect(composites()).toBe(compositesBefore);
	const rows = await readAll(sandbox(), 'APBILL', "RECORDID LIKE 'S-%'", 'RECORDID');
	expect(rows.map((r) => r.RECORDID).sort()).toEqual(numbers('S', 7).map((i) => i.n));
});

it('REST Object: Send As Bulk Job with an Idempotency Key per item is refused before anything is sent, naming what to use instead', async () => {
	const requests = sandbox().stats.requests;
	const run = await runNode(
		sandbox(),
		{ authentication: 'oAuth2', resource: 'restObject', operation: 'create', restObject: { __rl: true, mode: 'list', value: 'company-config/department' }, body: '={{ JSON.stringify({ id: $json.id, name: $json.id }) }}', options: { sendAs: 'bulk', idempotencyKey: '={{ $json.id }}' } },
		{ credentials: both(), nodeOverrides: REST_NODE, items: [{ id: 'KBULK-1' }, { id: 'KBULK-2' }] },
	);
	expect(run.error?.message).toContain(BULK_WITH_KEYS.slice(0, 40));
	expect(run.error?.message).toMatch(/Send As: Auto or Batch Requests/);
	// Only the token request (the client signs in while the items are prepared); no write.
	expect(sandbox().stats.requests - requests).toBeLessThanOrEqual(1);
	expect(await readAll(sandbox(), 'DEPARTMENT', "DEPARTMENTID LIKE 'KBULK-%'", 'DEPARTMENTID')).toEqual([]);
});
