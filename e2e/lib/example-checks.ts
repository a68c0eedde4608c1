/**
 * Headless part: each manual example runs through `n8n execute`, its effects are checked through the
 * XML gateway (independently of the package's client), then it runs again and nothing is posted twice.
 */
import { check, equal, info, ok } from './assert';
import type { SuiteConfig } from './config';
import { readSandbox } from './config';
import { callFunction, readAll, type GatewayCredentials, type GatewayRecord } from './gateway';
import { executeWorkflow, nodeOutput } from './n8n';
import type { WorkflowJson } from '../checks';

const cents = (value: unknown): number => Math.round(Number(value) * 100);

interface ExampleCheck {
	/** Runs after each execution; `runIndex` 0 = first run, 1 = re-run. */
	verify(run: unknown, creds: GatewayCredentials, runIndex: number, config: SuiteConfig): Promise<void>;
}

async function journalEntriesByReference(creds: GatewayCredentials): Promise<GatewayRecord[]> {
	return await readAll(creds, 'GLBATCH', 'RECORDNO,REFERENCENO,BATCH_DATE,BATCH_TITLE,STATE,JOURNAL,MEGAENTITYID', "REFERENCENO LIKE 'EXP-2026-11-%'");
}

const EXPECTED_JE_GROUPS: Record<string, { lines: number; total: number; entity: string }> = {
	'EXP-2026-11-16-100': { lines: 4, total: 410.7, entity: '100' },
	'EXP-2026-11-17-100': { lines: 2, total: 36.75, entity: '100' },
	'EXP-2026-11-16-200': { lines: 3, total: 374.4, entity: '200' },
	'EXP-2026-11-17-200': { lines: 3, total: 117.29, entity: '200' },
};

const expensesToJe: ExampleCheck = {
	async verify(run, creds, runIndex) {
		const posted = nodeOutput(run, 'Post journal entry').json;
		equal(posted.length, 4, 'journal entries in the node output');
		const batches = await journalEntriesByReference(creds);
		const refs = batches.map((b) => String(b.REFERENCENO)).sort();
		equal(JSON.stringify(refs), JSON.stringify(Object.keys(EXPECTED_JE_GROUPS).sort()), 'journal entries in Intacct (one per day and entity, none duplicated)');
		for (const batch of batches) {
			const expected = EXPECTED_JE_GROUPS[String(batch.REFERENCENO)];
			const lines = await readAll(creds, 'GLENTRY', 'RECORDNO,TR_TYPE,AMOUNT,ACCOUNTNO,LOCATION,PROJECTID,GLDIMFUNDINGSOURCE', `BATCHNO = '${String(batch.RECORDNO)}'`);
			equal(lines.length, expected.lines, `lines of ${String(batch.REFERENCENO)}`);
			const debit = lines.filter((l) => l.TR_TYPE === '1').reduce((s, l) => s + cents(l.AMOUNT), 0);
			const credit = lines.filter((l) => l.TR_TYPE === '-1').reduce((s, l) => s + cents(l.AMOUNT), 0);
			equal(debit, credit, `${String(batch.REFERENCENO)} is balanced`);
			equal(debit, cents(expected.total), `${String(batch.REFERENCENO)} total`);
			// GLENTRY has no entity field (docs/fidelity.md): the journal entry carries it.
			equal(String(batch.MEGAENTITYID), expected.entity, `${String(batch.REFERENCENO)} belongs to entity ${expected.entity}`);
			check(lines.some((l) => l.GLDIMFUNDINGSOURCE !== ''), `${String(batch.REFERENCENO)} carries the FUNDINGSOURCE dimension`);
		}
		ok(`${runIndex === 0 ? 'posted' : 're-run kept'} 4 balanced journal entries (2 days x 2 entities) with dimensions, ${batches.length} in Intacct`);
	},
};

const apIntake: ExampleCheck = {
	async verify(run, creds, runIndex) {
		const vendor = nodeOutput(run, 'Find vendor').json;
		equal(vendor.length, 1, 'vendor lookup result count');
		const created = nodeOutput(run, 'Create bill').json;
		equal(created.length, 1, 'bills in the node output');
		const bills = await readAll(creds, 'APBILL', 'RECORDNO,RECORDID,VENDORID,TOTALENTERED,SUPDOCID,STATE,WHENCREATED', "RECORDID = 'NFB-2026-1187'");
		equal(bills.length, 1, 'bills NFB-2026-1187 in Intacct');
		const bill = bills[0];
		equal(bill.VENDORID, 'V-103', 'bill vendor');
		equal(cents(bill.TOTALENTERED), cents(2000), 'bill total');
		check(typeof bill.SUPDOCID === 'string' && bill.SUPDOCID !== '', 'bill has a supporting document (SUPDOCID)');
		const items = await readAll(creds, 'APBILLITEM', 'RECORDNO,ACCOUNTNO,AMOUNT,DEPARTMENTID,LOCATIONID,PROJECTID,GLDIMFUNDINGSOURCE', `RECORDKEY = '${String(bill.RECORDNO)}'`);
		equal(items.length, 2, 'bill lines');
		check(items.every((i) => i.PROJECTID === 'GR-2026-002' && i.DEPARTMENTID === 'FOOD'), 'bill lines are coded to grant GR-2026-002 / FOOD');
		const docs = await readAll(creds, 'SUPDOC', '*', `SUPDOCID = '${String(bill.SUPDOCID)}'`);
		equal(docs.length, 1, `supporting document ${String(bill.SUPDOCID)}`);
		const text = JSON.stringify(docs[0]);
		check(text.includes('NFB-2026-1187'), 'the attachment is the invoice file NFB-2026-1187.pdf');
		ok(`${runIndex === 0 ? 'created' : 're-run kept'} bill ${String(bill.RECORDNO)} for V-103 (2 coded lines, PDF attached as ${String(bill.SUPDOCID)}), 1 in Intacct`);
	},
};

const nightlyExport: ExampleCheck = {
	async verify(run, creds, runIndex) {
		const window = nodeOutput(run, 'Export window').json[0];
		const rows = nodeOutput(run, 'GL entries modified since').json;
		const csv = nodeOutput(run, 'CSV file');
		equal(csv.json.length, 1, 'CSV file items');
		const file = csv.binary[0].data as { fileName?: string; mimeType?: string; fileSize?: string | number } | undefined;
		check(file !== undefined, 'CSV file has binary data');
		check(String(file.fileName).startsWith('gl-entries-since-') && String(file.fileName).endsWith('.csv'), `CSV file name (${String(file.fileName)})`);
		// The lines the expenses example posted a moment ago were modified today: all must be in the export.
		const batches = await journalEntriesByReference(creds);
		const fresh: GatewayRecord[] = [];
		for (const b of batches) fresh.push(...(await readAll(creds, 'GLENTRY', 'RECORDNO', `BATCHNO = '${String(b.RECORDNO)}'`)));
		const exported = new Set(rows.map((r) => String(r.recordNo)));
		const missing = fresh.filter((l) => !exported.has(String(l.RECORDNO)));
		check(fresh.length > 0 && missing.length === 0, `export contains every GL entry posted today (${missing.length} of ${fresh.length} missing)`);
		check(rows.every((r) => typeof r.whenModified === 'string' && r.whenModified >= String(window.modifiedSince).slice(0, 10)), 'every exported line was modified since the window start');
		ok(`${runIndex === 0 ? 'exported' : 're-exported'} ${rows.length} GL entries modified since ${String(window.modifiedSince)} to ${String(file.fileName)} (${String(file.fileSize ?? '?')})`);
	},
};

/** The node did not run (no items reached it): its output is empty. */
function outputOrEmpty(run: unknown, name: string): Array<Record<string, unknown>> {
	try {
		return nodeOutput(run, name).json as Array<Record<string, unknown>>;
	} catch {
		return [];
	}
}

const grantBudgetVsActual: ExampleCheck = {
	async verify(run, creds, runIndex) {
		const rows = nodeOutput(run, 'Budget vs actual').json;
		check(rows.length > 0, 'budget vs actual rows');
		const row = rows.find((r) => r.projectId === 'GR-2026-002' && r.accountNo === '6000');
		check(row !== undefined, 'a row for grant GR-2026-002, account 6000');
		// Independent read: every entity's posted 2026 lines of the grant on 6000 (a top-level query with showprivate) and its budget details.
		let actual = 0;
		const filter = '<and><equalto><field>ACCOUNTNO</field><value>6000</value></equalto><equalto><field>PROJECTID</field><value>GR-2026-002</value></equalto></and>';
		for (let offset = 0; ; offset += 2000) {
			const page = await callFunction(
				creds,
				`<query><object>GLENTRY</object><select><field>TR_TYPE</field><field>AMOUNT</field><field>STATE</field><field>BATCH_DATE</field></select><filter>${filter}</filter><options><showprivate>true</showprivate></options><pagesize>2000</pagesize><offset>${offset}</offset></query>`,
			);
			if (page.status !== 'success') throw new Error(`query GLENTRY failed: ${page.errors.join('; ')}`);
			for (const l of page.records) {
				const date = String(l.BATCH_DATE);
				const inRange = date.endsWith('/2026') && date.slice(0, 2) <= '10';
				if (l.STATE === 'Posted' && inRange) actual += cents(l.AMOUNT) * (l.TR_TYPE === '-1' ? -1 : 1);
			}
			if (page.records.length < 2000) break;
		}
		equal(cents(row?.actual), actual, 'actual of GR-2026-002 / 6000 equals its posted GL lines');
		const budget = await readAll(creds, 'GLBUDGETITEM', 'AMOUNT,PERIODNAME', "BUDGETID = 'Grant Budgets' AND PROJECTID = 'GR-2026-002' AND ACCT_NO = '6000'");
		const inPeriod = budget.filter((b) => / 2026$/.test(String(b.PERIODNAME)) && !/November|December/.test(String(b.PERIODNAME)));
		equal(cents(row?.budget), inPeriod.reduce((s, b) => s + cents(b.AMOUNT), 0), 'budget of GR-2026-002 / 6000 equals its budget details January-October');
		ok(`${runIndex === 0 ? 'read' : 're-read'} budget vs actual for ${rows.length} grant/account lines; GR-2026-002 supplies: budget ${String(row?.budget)}, actual ${String(row?.actual)}`);
	},
};

const apPaymentRun: ExampleCheck = {
	async verify(run, creds, runIndex) {
		const paid = outputOrEmpty(run, 'Pay vendor');
		const bills = await readAll(creds, 'APBILL', 'RECORDNO,RECORDID,STATE,TOTALDUE', "RECORDID = 'INV-25369'");
		equal(bills.length, 1, 'seeded open bill INV-25369');
		equal(String(bills[0].STATE), 'Paid', 'bill INV-25369 is Paid');
		equal(cents(bills[0].TOTALDUE), 0, 'bill INV-25369 has nothing due');
		const details = await readAll(creds, 'APPYMTDETAIL', 'RECORDNO,PAYMENTKEY,TRX_PAYMENTAMOUNT', `RECORDKEY = '${String(bills[0].RECORDNO)}'`);
		equal(details.length, 1, 'one payment detail on INV-25369 (not paid twice)');
		equal(cents(details[0].TRX_PAYMENTAMOUNT), cents(5295.85), 'paid amount');
		if (runIndex === 0) equal(paid.length, 1, 'payments in the node output');
		else equal(paid.length, 0, 'the re-run finds no open bill and pays nothing');
		ok(`${runIndex === 0 ? 'paid' : 're-run paid nothing more for'} INV-25369 (5,295.85) in payment ${String(details[0].PAYMENTKEY)}`);
	},
};

const arInvoicesToDeposits: ExampleCheck = {
	async verify(run, creds, runIndex) {
		// Independent reads through the gateway: one of each record however often the workflow ran.
		equal((await readAll(creds, 'CUSTOMER', 'RECORDNO', "CUSTOMERID = 'C-3001'")).length, 1, 'customer C-3001 exists once');
		const invoices = await readAll(creds, 'ARINVOICE', 'RECORDNO,RECORDID,STATE,TOTALDUE,TOTALPAID', "CUSTOMERID = 'C-3001'");
		const byNumber = Object.fromEntries(invoices.map((i) => [String(i.RECORDID), i]));
		equal(invoices.length, 3, 'three invoices of C-3001 (none duplicated)');
		equal(`${String(byNumber['INV-FP-1001']?.STATE)}/${String(byNumber['INV-FP-1002']?.STATE)}`, 'Paid/Paid', 'INV-FP-1001 and INV-FP-1002 are Paid');
		equal(cents(byNumber['INV-FP-1003']?.TOTALDUE), cents(500), 'INV-FP-1003 still has 500.00 due');
		const payments = await readAll(creds, 'ARPYMT', 'RECORDNO,DOCNUMBER,TOTALENTERED,UNDEPOSITEDACCOUNTNO,DEPOSITKEY', "CUSTOMERID = 'C-3001'");
		equal(JSON.stringify(payments.map((p) => String(p.DOCNUMBER)).sort()), JSON.stringify(['CHK-88001', 'EFT-5521']), 'one payment per remittance (not received twice)');
		const details = await readAll(creds, 'ARPYMTDETAIL', 'RECORDNO', `RECORDKEY = '${String(byNumber['INV-FP-1003']?.RECORDNO)}'`);
		equal(details.length, 1, 'one payment detail on INV-FP-1003');
		const deposits = await readAll(creds, 'DEPOSIT', 'RECORDNO,TOTALENTERED,FINANCIALENTITY', "DEPOSITID = 'SLIP-2026-11-20'");
		equal(deposits.length, 1, 'one deposit slip SLIP-2026-11-20');
		equal(cents(deposits[0].TOTALENTERED), cents(1950), 'the deposit holds both receipts (1,950.00)');
		equal(String(deposits[0].FINANCIALENTITY), 'BOA-OP', 'deposited into BOA-OP');
		check(payments.every((p) => String(p.DEPOSITKEY) === String(deposits[0].RECORDNO)), 'both payments are in that deposit');
		const open = outputOrEmpty(run, 'Still open');
		equal(JSON.stringify(open.map((i) => i.invoiceNumber)), JSON.stringify(['INV-FP-1003']), 'the open invoices of C-3001 in the node output');
		ok(`${runIndex === 0 ? 'invoiced' : 're-run posted nothing more for'} C-3001: 3 invoices, payments CHK-88001 and EFT-5521, deposit ${String(deposits[0].RECORDNO)} of 1,950.00; INV-FP-1003 open with 500.00`);
	},
};

/** The files of an attachment, read with the documented legacy `get` (not the package's client). */
async function attachmentFilesOf(creds: GatewayCredentials, supdocId: string): Promise<Array<{ name: string; type: string; data: string }>> {
	const result = await callFunction(creds, `<get object="supdoc" key="${supdocId}"></get>`);
	if (result.status !== 'success') throw new Error(`get supdoc ${supdocId} failed: ${result.errors.join('; ')}`);
	const doc = result.records[0] as { attachments?: { attachment?: unknown } } | undefined;
	const raw = doc?.attachments?.attachment;
	const files = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as Array<Record<string, unknown>>;
	return files.map((f) => ({ name: String(f.attachmentname), type: String(f.attachmenttype), data: String(f.attachmentdata) }));
}

/** The 1x1 PNG the two attachment examples carry (e2e/build-examples.js SAMPLE_PNG). */
const SAMPLE_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const restaurantBills: ExampleCheck = {
	async verify(run, creds, runIndex) {
		equal(nodeOutput(run, 'Create bill in entity').json.length, 2, 'bills in the node output');
		const expected: Record<string, number> = { 'RST-2026-501': 412.6, 'RST-2026-502': 96.4 };
		const bills = await readAll(creds, 'APBILL', 'RECORDNO,RECORDID,VENDORID,TOTALENTERED,TOTALDUE,STATE,SUPDOCID,MEGAENTITYID', "RECORDID IN ('RST-2026-501','RST-2026-502')");
		equal(bills.length, 2, 'bills RST-2026-501/502 in Intacct (none duplicated)');
		for (const bill of bills) {
			const id = String(bill.RECORDID);
			equal(String(bill.MEGAENTITYID), '200', `${id} posted in entity 200`);
			equal(cents(bill.TOTALENTERED), cents(expected[id]), `${id} total`);
			equal(String(bill.STATE), 'Paid', `${id} is Paid`);
			const files = await attachmentFilesOf(creds, String(bill.SUPDOCID));
			equal(files.length, 1, `${id} has its invoice image attached`);
			equal(`${files[0].name}.${files[0].type}`, `${id}.png`, `${id} attachment file name`);
			equal(files[0].data, SAMPLE_PNG, `${id} attachment bytes`);
			const details = await readAll(creds, 'APPYMTDETAIL', 'RECORDNO,PAYMENTKEY,TRX_PAYMENTAMOUNT', `RECORDKEY = '${String(bill.RECORDNO)}'`);
			equal(details.length, 1, `${id} paid once`);
		}
		const payments = await readAll(creds, 'APPYMT', 'RECORDNO,TOTALENTERED,MEGAENTITYID', "VENDORID = 'V-112' AND DESCRIPTION = 'Kitchen invoices 2026-11-20'");
		equal(payments.length, 1, 'one payment for the two bills (not two on the re-run)');
		equal(cents(payments[0].TOTALENTERED), cents(509), 'payment total');
		equal(String(payments[0].MEGAENTITYID), '200', 'payment made in entity 200');
		ok(`${runIndex === 0 ? 'created' : 're-run kept'} 2 bills in entity 200 with their images and paid them in payment ${String(payments[0].RECORDNO)} (509.00)`);
	},
};

const cardReceipts: ExampleCheck = {
	async verify(run, creds, runIndex) {
		equal(nodeOutput(run, 'Record card transaction').json.length, 3, 'card transactions in the node output');
		const expected: Record<string, { card: string; total: number; entity: string; lines: number }> = {
			'EXPC-9001': { card: 'VISA-1234', total: 38.4, entity: '100', lines: 1 },
			'EXPC-9002': { card: 'VISA-1234', total: 84.99, entity: '100', lines: 2 },
			'EXPC-9003': { card: 'AMEX-1001', total: 152.75, entity: '200', lines: 1 },
		};
		const txns = await readAll(creds, 'CCTRANSACTION', 'RECORDNO,RECORDID,FINANCIALENTITY,TOTALENTERED,SUPDOCID,MEGAENTITYID,STATE', "RECORDID IN ('EXPC-9001','EXPC-9002','EXPC-9003')");
		equal(txns.length, 3, 'card transactions in Intacct (none duplicated)');
		for (const txn of txns) {
			const id = String(txn.RECORDID);
			const want = expected[id];
			equal(String(txn.FINANCIALENTITY), want.card, `${id} card`);
			equal(cents(txn.TOTALENTERED), cents(want.total), `${id} total`);
			equal(String(txn.MEGAENTITYID), want.entity, `${id} entity`);
			const lines = await readAll(creds, 'CCTRANSACTIONENTRY', 'RECORDNO,ACCOUNTNO,TRX_AMOUNT,PROJECTID', `RECORDKEY = '${String(txn.RECORDNO)}'`);
			equal(lines.length, want.lines, `${id} lines`);
			const files = await attachmentFilesOf(creds, String(txn.SUPDOCID));
			equal(files.length, 1, `${id} has its receipt attached`);
			equal(files[0].data, SAMPLE_PNG, `${id} receipt bytes`);
		}
		const back = nodeOutput(run, 'Receipt back');
		const file = back.binary[0].receipt as { fileName?: string; mimeType?: string } | undefined;
		check(file !== undefined && String(file.fileName) === 'EXPC-9001-receipt.png' && String(file.mimeType) === 'image/png', 'the first receipt came back as binary data');
		ok(`${runIndex === 0 ? 'recorded' : 're-run kept'} 3 card transactions (2 entities) with their receipts, ${txns.length} in Intacct; receipt downloaded back`);
	},
};

const CHECKS: Record<string, ExampleCheck> = {
	sageArToDeposits: arInvoicesToDeposits,
	sageRestaurantBills: restaurantBills,
	sageCardTxnReceipts: cardReceipts,
	sageGrantBudgetActual: grantBudgetVsActual,
	sageApPaymentRun: apPaymentRun,
	sageExpensesToJe: expensesToJe,
	sageApIntake: apIntake,
	sageNightlyGlExport: nightlyExport,
};
/** Order matters: the export checks the lines the expenses example posted. */
const ORDER = ['sageExpensesToJe', 'sageApIntake', 'sageNightlyGlExport'];

export async function headlessChecks(config: SuiteConfig, workflows: WorkflowJson[]): Promise<void> {
	const creds = readSandbox(config).credentials;
	const ids = workflows.map((w) => w.id).sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));
	for (const id of ids) {
		const spec = CHECKS[id];
		for (let runIndex = 0; runIndex < 2; runIndex++) {
			const { run, ms } = executeWorkflow(config, id);
			info(`n8n ${config.major}.x execute --id=${id} (${runIndex === 0 ? 'first run' : 're-run'}): success in ${(ms / 1000).toFixed(1)} s`);
			if (spec) await spec.verify(run, creds, runIndex, config);
			else info(`${id}: no effect checks defined, execution success only`);
		}
	}
}
