/**
 * Keyset paging of `query` (client/paging.ts): rows inserted, deleted or changed between two pages
 * are neither skipped nor repeated - where offset paging (Intacct's documented way, §4.4) skips.
 */
import { query } from '../../../../../nodes/shared/intacct/xml/functions';
import type { IntacctRecord } from '../../../../../nodes/shared/intacct/core/types';
import { createJournalEntry, deleteJournalEntry, retitleJournalEntry, startGlSandbox, type GlSandbox, type LineInput } from '../../../../trigger/sandboxGl';

const MEMO = 'keyset-paging';
const lines = (memo: string): LineInput[] => [
	{ account: '6000', trType: 1, amount: '10.00', memo },
	{ account: '1000', trType: -1, amount: '10.00', memo },
];

describe('query keyset paging', () => {
	let gl: GlSandbox;
	beforeEach(async () => {
		gl = await startGlSandbox();
	});
	afterEach(async () => {
		await gl.sandbox.close();
	});

	/** Pages `select` two rows at a time; after the first page, deletes A, retitles B and inserts D. */
	async function readWhileChanging(select: string[]): Promise<{ rows: IntacctRecord[]; batches: Record<string, string> }> {
		const batches: Record<string, string> = {};
		for (const name of ['A', 'B', 'C']) batches[name] = await createJournalEntry(gl, name, lines(MEMO));
		const fn = query({ object: 'GLENTRY', select, filter: { operator: 'equalto', field: 'DESCRIPTION', value: MEMO }, pageSize: 2 });
		const rows: IntacctRecord[] = [];
		let page = 0;
		for await (const records of gl.client.pages(fn)) {
			rows.push(...records);
			if (page++ === 0) {
				await deleteJournalEntry(gl, batches.A);
				await retitleJournalEntry(gl, batches.B, 'B changed');
				batches.D = await createJournalEntry(gl, 'D', lines(MEMO));
			}
		}
		return { rows, batches };
	}

	it('returns every row once: the deleted entry shifts no page, the changed one is not repeated, the inserted one is read', async () => {
		const { rows, batches } = await readWhileChanging(['RECORDNO', 'BATCHNO']);
		const order = rows.map((r) => String(r.BATCHNO));
		expect(order).toEqual([batches.A, batches.A, batches.B, batches.B, batches.C, batches.C, batches.D, batches.D]);
		expect(new Set(rows.map((r) => r.RECORDNO)).size).toBe(rows.length);
		// Four pages of two rows, then an empty one is never asked for (numremaining 0).
		expect(gl.sandbox.stats.functions.query).toBe(4);
	});

	it('offset paging of the same read (RECORDNO not selected) skips the rows the delete shifted: why keyset', async () => {
		const { rows, batches } = await readWhileChanging(['BATCHNO', 'LINE_NO']);
		const seen = new Set(rows.map((r) => String(r.BATCHNO)));
		expect(seen.has(batches.B)).toBe(false);
	});
});
