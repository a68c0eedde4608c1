/**
 * A re-run over OAuth 2.0 (REST) more than 48 hours after the first run: Intacct replays an
 * Idempotency-Key's answer for 48 hours and refuses the key with 409 for 60 days
 * (intacct-docs/rest/bulk-requests.md). The document found by its natural key and matching the item
 * is reported as the duplicate it is, in the fresh-post shape; without such a record the 409 stays
 * the item's error. Either way nothing is posted twice.
 */
import { NODE_NAME, readAll, useBothWires } from './support';

const TWO_DAYS_AND_AN_HOUR = 49 * 60 * 60 * 1000;

const { sandbox, rest } = useBothWires();

const bill = {
	authentication: 'oAuth2', resource: 'bill', operation: 'create', vendor: { __rl: true, mode: 'id', value: 'V-107' },
	billNumber: '={{ $json.n }}', transactionDate: '2026-10-01', dueDate: '2026-10-31', lineInput: 'fields',
	lines: { line: [{ accountNo: '6500', amount: 120.4, memo: 'Licences', locationId: '110', departmentId: 'ADMIN' }] },
};

it('bills: a re-run two days later reports the earlier bills as duplicates found by their numbers, and posts only the new one', async () => {
	const first = await rest(bill, { items: [{ n: 'K-1' }, { n: 'K-2' }] });
	expect(first.error).toBeUndefined();
	sandbox().clock.advance(TWO_DAYS_AND_AN_HOUR);
	const second = await rest(bill, { items: [{ n: 'K-1' }, { n: 'K-2' }, { n: 'K-3' }] });
	expect(second.error).toBeUndefined();
	const out = second.json(NODE_NAME);
	const rows = await readAll(sandbox(), 'APBILL', "RECORDID LIKE 'K-%'", 'RECORDID');
	expect({ stored: rows.map((r) => r.RECORDID).sort(), dup: out.map((o) => o.duplicate ?? false) }).toEqual({ stored: ['K-1', 'K-2', 'K-3'], dup: [true, true, false] });
	expect(String(out[0].message)).toMatch(/more than 48 hours ago.*HTTP 409.*nothing was posted again/);
	// Exactly the fields of a fresh post (its record link read back too), so mappings built on a first run hold.
	expect(Object.keys(out[0]).filter((k) => k !== 'duplicate' && k !== 'message').sort()).toEqual(Object.keys(out[2]).sort());
	expect(out[0].recordNo).toBe(first.json(NODE_NAME)[0].recordNo);
	expect(out[0].recordUrl).toBe(first.json(NODE_NAME)[0].recordUrl);
	const [fresh] = await readAll(sandbox(), 'APBILL', `RECORDNO = ${Number(out[2].recordNo)}`, 'RECORD_URL');
	expect(out[2].recordUrl).toBe(fresh.RECORD_URL);
});

it('journal entries without a reference number: the 409 stays the item\'s error (no record to match), and nothing is posted again', async () => {
	const je = {
		authentication: 'oAuth2', resource: 'journalEntry', operation: 'create', journal: { __rl: true, mode: 'id', value: 'GJ' }, postingDate: '2026-10-15',
		description: 'Key expiry run', lineInput: 'fields',
		lines: { line: [{ accountNo: '6100', type: 'debit', amount: 41.5, memo: 'Rent', locationId: '110', departmentId: 'ADMIN' }, { accountNo: '1000', type: 'credit', amount: 41.5, memo: 'Cash', locationId: '110' }] },
	};
	const first = await rest(je);
	expect(first.error).toBeUndefined();
	sandbox().clock.advance(TWO_DAYS_AND_AN_HOUR);
	const second = await rest(je, { continueOnFail: true });
	const rows = await readAll(sandbox(), 'GLBATCH', "BATCH_TITLE = 'Key expiry run'", 'RECORDNO');
	expect({ stored: rows.length, error: String(second.json(NODE_NAME)[0].error ?? '') }).toEqual({ stored: 1, error: expect.stringMatching(/HTTP 409/) });
});
