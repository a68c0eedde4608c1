/**
 * The node's fast parameter reads (nodes/shared/intacct/n8n/fastParameters.ts) in n8n's real
 * engine: the same items posted by the same workflow to two fresh sandboxes, once with the fast
 * reads and once with n8n's getNodeParameter for every read, give the same output items and store
 * the same records; the fast run reads the items' `$json` expressions without n8n after the first
 * item. Requires `npm run build` (the engine loads dist/, whose module is switched here).
 */
import type { IDataObject } from 'n8n-workflow';
import type { Sandbox } from '../../sandbox/api';
import { fastReadStats, setFastReads } from '../../bench/fastReads';
import { makeBills, makeJournalEntries } from '../../bench/payloads';
import { billCreateParameters, journalEntryCreateParameters } from '../support/nodeWorkflows';
import { discoverMasterData } from '../support/sandboxModel';
import { NODE_NAME, readAll, runNode, startTestSandbox } from './support';

const sandboxes: Sandbox[] = [];

afterAll(async () => {
	setFastReads(true);
	for (const sandbox of sandboxes) await sandbox.close();
});

async function post(fast: boolean, documents: 'bills' | 'journalEntries', broken: (docs: IDataObject[]) => void) {
	const sandbox = await startTestSandbox();
	sandboxes.push(sandbox);
	const master = discoverMasterData(sandbox);
	const docs = (documents === 'bills' ? makeBills(8, master, 'fast') : makeJournalEntries(8, master, 'fast')).map((d) => JSON.parse(JSON.stringify(d)) as IDataObject);
	broken(docs);
	const parameters = documents === 'bills' ? billCreateParameters(3) : journalEntryCreateParameters(3);
	setFastReads(fast);
	try {
		const run = await runNode(sandbox, parameters, { items: docs.map((json, item) => ({ json, pairedItem: { item } })), continueOnFail: true });
		// The sandboxes differ by port only: record URLs name it.
		const origin = new URL(sandbox.url).origin;
		const portless = <T>(value: T): T => JSON.parse(JSON.stringify(value).split(origin).join('http://sandbox')) as T;
		const stored = documents === 'bills' ? await readAll(sandbox, 'APBILL') : await readAll(sandbox, 'GLBATCH');
		return { output: portless(run.json(NODE_NAME)), stored: portless(stored) };
	} finally {
		setFastReads(true);
	}
}

/** Stored records with the sandbox's clock stamps (date and time of day) blanked. */
const withoutClock = (records: IDataObject[]) =>
	JSON.parse(JSON.stringify(records).replace(/"\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d"/g, '"(clock)"')) as IDataObject[];

describe.each(['bills', 'journalEntries'] as const)('%s: fast reads vs n8n reading every parameter', (documents) => {
	// Items that exercise the reads: a missing field (an error), a number where text is expected
	// (accepted as text), a bad line list (an error).
	const broken = (docs: IDataObject[]) => {
		if (documents === 'bills') {
			delete docs[2].vendorId;
			docs[4].billNumber = 12345;
			docs[6].lines = 'not a list';
		} else {
			delete docs[2].journal;
			docs[4].referenceNo = 777;
			docs[6].lines = { not: 'a list' };
		}
	};

	it('same output items and same stored records; items after the first read without n8n', async () => {
		const before = { ...fastReadStats, disagreed: [...fastReadStats.disagreed] };
		const fast = await post(true, documents, broken);
		const fastReads = fastReadStats.fast - before.fast;
		const n8nReads = fastReadStats.n8n - before.n8n;
		const slow = await post(false, documents, broken);
		expect(fast.output).toEqual(slow.output);
		expect(withoutClock(fast.stored)).toEqual(withoutClock(slow.stored));
		expect(fast.output.filter((j) => j.error !== undefined)).toHaveLength(2);
		expect(fast.stored.length).toBeGreaterThanOrEqual(6);
		expect(fastReadStats.disagreed).toEqual(before.disagreed);
		// 8 items, 5-6 expression parameters each: all but the first item's (checked against n8n) fast;
		// the item without a vendor / journal stops at its first failing read.
		expect(fastReads).toBeGreaterThanOrEqual(6 * 5);
		// n8n: each constant parameter once per run, each expression parameter once (its first-item
		// check): a dozen reads for the run, not per item (the run without fast reads makes 40+).
		expect(n8nReads).toBeLessThanOrEqual(12);
	});
});
