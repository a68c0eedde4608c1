/**
 * The REST wire in real n8n (issue 13): an e2e-only workflow whose Sage Intacct nodes use only the
 * OAuth 2.0 credential (client credentials against the sandbox's token endpoint) reads GL entries,
 * posts a journal entry in entity 100, creates a bill with its PDF attached, and posts 12 journal
 * entries in one node (keyed creates: composite requests, each entry under its own Idempotency-Key);
 * `n8n execute` twice, the effects read back through the XML gateway (one company model), nothing
 * posted by the re-run, which reports the 12 as duplicates.
 */
import { check, equal, info, ok } from './assert';
import { PACKAGE, readSandbox, type SuiteConfig } from './config';
import { callFunction, readAll } from './gateway';
import { executeWorkflow, nodeOutput } from './n8n';
import { REST_CREDENTIAL } from './signed-webhook-checks';

export const REST_WORKFLOW_ID = 'e2eRestWire';

const JE_REFERENCE = 'REST-E2E-JE-1';
/** The journal entries posted by one node (composite requests of keyed creates). */
const MANY = Array.from({ length: 12 }, (_, n) => `REST-E2E-M-${String(n + 1).padStart(2, '0')}`);
const BILL_NUMBER = 'REST-E2E-2001';
/** A one-page PDF's first bytes are enough: the check compares bytes, not rendering. */
const PDF_BASE64 = Buffer.from('%PDF-1.4\n% REST e2e invoice REST-E2E-2001\n%%EOF\n').toString('base64');

const rest = { credentials: { sageIntacctOAuth2Api: { ...REST_CREDENTIAL } } };
const position = (x: number, y: number): [number, number] => [x, y];
const id = (n: number): string => `00000000-0000-4000-8000-0000000e13${String(n).padStart(2, '0')}`;

export function restWireWorkflow(): Record<string, unknown> {
	// A Set node, not a Code node: no task runner to wait for (n8n 2.x runs Code nodes in one).
	const invoice = { vendorId: 'V-103', fileName: `${BILL_NUMBER}.pdf`, fileBase64: PDF_BASE64 };
	const assignments = Object.entries(invoice).map(([name, value], n) => ({ id: `a${n + 1}`, name, value, type: 'string' }));
	return {
		id: REST_WORKFLOW_ID,
		name: 'E2E: the REST wire (read, journal entry, bill with attachment)',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			'Run manually': {
				main: [[{ node: 'Read GL entries', type: 'main', index: 0 }, { node: 'Post journal entry', type: 'main', index: 0 }, { node: 'Invoice (sample)', type: 'main', index: 0 }, { node: 'Entries (sample)', type: 'main', index: 0 }]],
			},
			'Entries (sample)': { main: [[{ node: 'One item per entry', type: 'main', index: 0 }]] },
			'One item per entry': { main: [[{ node: 'Post 12 journal entries', type: 'main', index: 0 }]] },
			'Invoice (sample)': { main: [[{ node: 'Invoice file', type: 'main', index: 0 }, { node: 'Invoice with file', type: 'main', index: 1 }]] },
			'Invoice file': { main: [[{ node: 'Invoice with file', type: 'main', index: 0 }]] },
			'Invoice with file': { main: [[{ node: 'Create bill', type: 'main', index: 0 }]] },
		},
		nodes: [
			{ id: id(1), name: 'Run manually', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: position(0, 0), parameters: {} },
			{
				id: id(2),
				name: 'Read GL entries',
				type: `${PACKAGE}.sageIntacct`,
				typeVersion: 1,
				position: position(240, -200),
				parameters: { authentication: 'oAuth2', resource: 'glEntry', operation: 'getMany', returnAll: false, limit: 5 },
				...rest,
			},
			{
				id: id(3),
				name: 'Post journal entry',
				type: `${PACKAGE}.sageIntacct`,
				typeVersion: 1,
				position: position(240, 0),
				parameters: {
					authentication: 'oAuth2',
					resource: 'journalEntry',
					operation: 'create',
					journal: { __rl: true, mode: 'id', value: 'GJ' },
					postingDate: '2026-11-20',
					description: 'Grant writing webinar (REST e2e)',
					lineInput: 'fields',
					lines: {
						line: [
							{ accountNo: '6600', type: 'debit', amount: 125, memo: 'Webinar', departmentId: 'DEV', locationId: '110' },
							{ accountNo: '2000', type: 'credit', amount: 125, memo: 'Reimbursement', locationId: '100' },
						],
					},
					additionalFields: { referenceNumber: JE_REFERENCE },
					entityId: { __rl: true, mode: 'id', value: '100' },
					options: { idempotencyKey: JE_REFERENCE },
				},
				...rest,
			},
			{
				id: id(8),
				name: 'Entries (sample)',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: position(240, 400),
				parameters: { assignments: { assignments: [{ id: 'm1', name: 'reference', value: JSON.stringify(MANY), type: 'array' }] }, options: {} },
			},
			{ id: id(9), name: 'One item per entry', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: position(460, 400), parameters: { fieldToSplitOut: 'reference', options: {} } },
			{
				id: id(10),
				name: 'Post 12 journal entries',
				type: `${PACKAGE}.sageIntacct`,
				typeVersion: 1,
				position: position(680, 400),
				parameters: {
					authentication: 'oAuth2',
					resource: 'journalEntry',
					operation: 'create',
					journal: { __rl: true, mode: 'id', value: 'GJ' },
					postingDate: '2026-11-21',
					description: '={{ "Monthly accrual " + $json.reference }}',
					lineInput: 'fields',
					lines: {
						line: [
							{ accountNo: '6100', type: 'debit', amount: 300.25, memo: 'Rent', locationId: '110', departmentId: 'ADMIN' },
							{ accountNo: '1000', type: 'credit', amount: 300.25, memo: 'Cash', locationId: '110' },
						],
					},
					additionalFields: { referenceNumber: '={{ $json.reference }}' },
				},
				...rest,
			},
			{ id: id(4), name: 'Invoice (sample)', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: position(240, 200), parameters: { assignments: { assignments }, options: {} } },
			{
				id: id(5),
				name: 'Invoice file',
				type: 'n8n-nodes-base.convertToFile',
				typeVersion: 1.1,
				position: position(460, 120),
				parameters: { operation: 'toBinary', sourceProperty: 'fileBase64', binaryPropertyName: 'data', options: { fileName: '={{ $json.fileName }}', mimeType: 'application/pdf' } },
			},
			{ id: id(6), name: 'Invoice with file', type: 'n8n-nodes-base.merge', typeVersion: 3, position: position(680, 200), parameters: { mode: 'combine', combineBy: 'combineByPosition', options: {} } },
			{
				id: id(7),
				name: 'Create bill',
				type: `${PACKAGE}.sageIntacct`,
				typeVersion: 1,
				position: position(900, 200),
				parameters: {
					authentication: 'oAuth2',
					resource: 'bill',
					operation: 'create',
					vendor: { __rl: true, mode: 'id', value: '={{ $json.vendorId }}' },
					billNumber: BILL_NUMBER,
					transactionDate: '2026-11-20',
					dueDate: '2026-12-20',
					lineInput: 'fields',
					lines: { line: [{ accountNo: '6050', amount: 640.5, memo: 'Food boxes (REST e2e)', departmentId: 'FOOD', locationId: '220', projectId: 'GR-2026-002' }] },
					attachFiles: true,
					binaryPropertyNames: 'data',
					attachmentFolder: 'Bills REST',
					options: { idempotencyKey: `bill-V-103-${BILL_NUMBER}` },
				},
				...rest,
			},
		],
	};
}

export async function restWireChecks(config: SuiteConfig): Promise<void> {
	const creds = readSandbox(config).credentials;
	let supdocId = '';
	for (let runIndex = 0; runIndex < 2; runIndex++) {
		const { run, ms } = executeWorkflow(config, REST_WORKFLOW_ID);
		info(`n8n ${config.major}.x execute --id=${REST_WORKFLOW_ID} over REST (${runIndex === 0 ? 'first run' : 're-run'}): success in ${(ms / 1000).toFixed(1)} s`);
		const read = nodeOutput(run, 'Read GL entries').json;
		equal(read.length, 5, 'GL entries read over REST');
		check(read.every((e) => typeof e.accountNo === 'string' && e.accountNo !== '' && typeof e.recordNo === 'number'), `GL entries over REST have the XML output shape: ${JSON.stringify(read[0]).slice(0, 300)}`);

		const batches = await readAll(creds, 'GLBATCH', 'RECORDNO,REFERENCENO,STATE,JOURNAL,MEGAENTITYID', `REFERENCENO = '${JE_REFERENCE}'`);
		equal(batches.length, 1, `journal entries ${JE_REFERENCE} in Intacct (the re-run posts none)`);
		equal(String(batches[0].MEGAENTITYID), '100', 'journal entry posted in entity 100');
		const lines = await readAll(creds, 'GLENTRY', 'RECORDNO,TR_TYPE,AMOUNT,ACCOUNTNO', `BATCHNO = '${String(batches[0].RECORDNO)}'`);
		equal(lines.length, 2, 'journal entry lines');
		equal(JSON.stringify(lines.map((l) => [l.ACCOUNTNO, l.TR_TYPE, Number(l.AMOUNT)]).sort()), JSON.stringify([['2000', '-1', 125], ['6600', '1', 125]]), 'journal entry lines (account, debit/credit, amount)');

		const bills = await readAll(creds, 'APBILL', 'RECORDNO,RECORDID,VENDORID,TOTALENTERED,SUPDOCID', `RECORDID = '${BILL_NUMBER}'`);
		equal(bills.length, 1, `bills ${BILL_NUMBER} in Intacct (the re-run posts none)`);
		equal(Number(bills[0].TOTALENTERED), 640.5, 'bill total');
		supdocId = String(bills[0].SUPDOCID ?? '');
		check(supdocId !== '', 'the bill carries its attachment (SUPDOCID)');
		const result = await callFunction(creds, `<get object="supdoc" key="${supdocId}"></get>`);
		const doc = result.records[0] as { folder?: unknown; attachments?: { attachment?: unknown } } | undefined;
		const raw = doc?.attachments?.attachment;
		const files = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as Array<Record<string, unknown>>;
		equal(files.length, 1, `attachment ${supdocId} files`);
		equal(`${String(files[0].attachmentname)}.${String(files[0].attachmenttype)}`, `${BILL_NUMBER}.pdf`, 'attachment file name');
		equal(String(files[0].attachmentdata), PDF_BASE64, 'attachment bytes (uploaded over REST, read over XML)');
		const docs = await readAll(creds, 'SUPDOC', 'SUPDOCID', `SUPDOCID = '${supdocId}'`);
		equal(docs.length, 1, 'one attachment (the re-run uploads none)');
		// 12 keyed journal entries from one node: composite requests, each entry under its own key; the
		// re-run's identical composites are Intacct's replays, reported as duplicates.
		const many = await readAll(creds, 'GLBATCH', 'RECORDNO,REFERENCENO', `REFERENCENO LIKE 'REST-E2E-M-%'`);
		equal(JSON.stringify(many.map((b) => String(b.REFERENCENO)).sort()), JSON.stringify(MANY), `the 12 journal entries in Intacct, once each${runIndex === 0 ? '' : ' (the re-run posts none)'}`);
		const manyOut = nodeOutput(run, 'Post 12 journal entries').json;
		equal(JSON.stringify(manyOut.map((o) => o.duplicate === true)), JSON.stringify(MANY.map(() => runIndex > 0)), 'the 12 outputs: posted on the first run, duplicates on the re-run');
		const created = nodeOutput(run, 'Create bill').json[0];
		equal(String(created.attachmentsId), supdocId, 'the node output names the attachment');
		ok(
			`${runIndex === 0 ? 'over REST: read 5 GL entries, posted' : 're-run over REST: read 5 GL entries, kept'} journal entry ${String(batches[0].RECORDNO)} (entity 100, 2 lines), 12 journal entries from one node and bill ${String(bills[0].RECORDNO)} with ${BILL_NUMBER}.pdf attached as ${supdocId}; 1 of each in Intacct`,
		);
	}
	const stats = (await (await fetch(`${readSandbox(config).controlUrl}/stats`)).json()) as { functions: Record<string, number> };
	const composites = stats.functions['rest:POST services/core/composite'] ?? 0;
	check(composites >= 2, `the keyed journal entries travelled as composite requests (${composites} over both runs)`);
	ok(`${composites} composite requests over both runs (12 keyed journal entries a run, each under its own Idempotency-Key)`);
}
