/**
 * GL entries in the in-process sandbox, written through the package's own client over real HTTP:
 * create a Draft journal entry (its lines are GLENTRY rows), update it (lines get update events),
 * delete it (delete events), and move the sandbox clock between changes.
 */
import { startSandbox } from '../../sandbox';
import type { Sandbox, SandboxOptions } from '../../sandbox/api';
import { IntacctClient } from '../../nodes/shared/intacct/client/client';
import { create, deleteRecords, readByQuery, update } from '../../nodes/shared/intacct/xml/functions';
import type { IntacctCredentials, XmlObject } from '../../nodes/shared/intacct/core/types';
import { createNodeHttpPost } from '../support/nodeHttpPost';

export interface GlSandbox {
	sandbox: Sandbox;
	client: IntacctClient;
	credentials: Record<string, string>;
}

export async function startGlSandbox(options: SandboxOptions = {}): Promise<GlSandbox> {
	const sandbox = await startSandbox({ port: 0, webhookTimeScale: 0.001, ...options });
	const credentials = { ...sandbox.credentials } as unknown as IntacctCredentials;
	const client = new IntacctClient({ credentials, post: createNodeHttpPost(), retryBaseDelayMs: 1, maxRetries: 2, timeoutMs: 10_000 });
	return { sandbox, client, credentials: { ...sandbox.credentials } };
}

export interface LineInput {
	account: string;
	trType: 1 | -1;
	amount: string;
	department?: string;
	project?: string;
	/** Default 100 (an entity of the sandbox company); lines in entity 200 need 200, 210 or 220. */
	location?: string;
	fundingSource?: string;
	memo?: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
export function sandboxDate(sandbox: Sandbox): string {
	const now = sandbox.clock.now();
	return `${pad(now.getUTCMonth() + 1)}/${pad(now.getUTCDate())}/${now.getUTCFullYear()}`;
}

function lineXml(line: LineInput): XmlObject {
	return {
		ACCOUNTNO: line.account,
		TR_TYPE: String(line.trType),
		TRX_AMOUNT: line.amount,
		DEPARTMENT: line.department,
		LOCATION: line.location ?? '100',
		PROJECTID: line.project,
		GLDIMFUNDINGSOURCE: line.fundingSource,
		DESCRIPTION: line.memo,
	};
}

/** A balanced two-line Draft entry by default, at the top level or in an entity. Returns the GLBATCH RECORDNO. */
export async function createJournalEntry(gl: GlSandbox, title: string, lines?: LineInput[], entityId?: string): Promise<string> {
	const entries = lines ?? [
		{ account: '6000', trType: 1, amount: '125.40', department: 'PROG', fundingSource: '10001', memo: 'Supplies' },
		{ account: '1000', trType: -1, amount: '125.40', memo: 'Cash' },
	];
	const result = await gl.client.execute(
		create('GLBATCH', {
			JOURNAL: 'GJ',
			BATCH_DATE: sandboxDate(gl.sandbox),
			BATCH_TITLE: title,
			STATE: 'Draft',
			ENTRIES: { GLENTRY: entries.map(lineXml) },
		}),
		entityId === undefined ? {} : { entityId },
	);
	return String(result.records[0].RECORDNO);
}

/** Changes the title only: the lines are kept and each gets an update event. */
export async function retitleJournalEntry(gl: GlSandbox, recordNo: string, title: string): Promise<void> {
	await gl.client.execute(update('GLBATCH', { RECORDNO: recordNo, BATCH_DATE: sandboxDate(gl.sandbox), BATCH_TITLE: title }));
}

export async function deleteJournalEntry(gl: GlSandbox, recordNo: string): Promise<void> {
	await gl.client.execute(deleteRecords('GLBATCH', recordNo));
}

/** GLENTRY RECORDNOs of a journal entry, as the sandbox holds them. */
export async function lineRecordNos(gl: GlSandbox, batchRecordNo: string): Promise<string[]> {
	// readByQuery at the top level sees entity-private rows too (§8).
	const result = await gl.client.execute(readByQuery({ object: 'GLENTRY', fields: ['RECORDNO'], query: `BATCHNO = '${batchRecordNo}'` }), { entityId: '' });
	return result.records.map((r) => String(r.RECORDNO)).sort();
}
