/**
 * The checking side of the queue-mode scenario (e2e/queue.sh runs the processes, this file asserts).
 *
 *   node scripts/run-ts.js e2e/queue-checks.ts <phase> <queue.json>
 *
 * Phases: prepare (credential + workflows to import), bills (1,000 bills over both workers, re-run
 * posts none, peak in-flight vs the company's limit), kill-worker (a worker running batches of a
 * bill run SIGKILLed mid-run, the run retried), kill-bill-run (the worker running the bill run itself
 * killed, the run sent again),
 * webhook (duplicated Platform Services deliveries through the balancer), post-gl <label> (a journal
 * entry through the gateway), poll (the poll trigger emitted every GL entry since the start once).
 * Counts come from n8n's Postgres database and the sandbox's admin endpoints.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocumentTemplate } from '../nodes/SageIntacctTrigger/documentTemplate';
import { persistedSummary } from '../nodes/shared/intacct/client/idempotencyLedger';
import { mergeTemplate } from '../sandbox/platform/mergeTemplate';
import type { RenderRecord } from '../sandbox/model/contract';
import { CheckFailure, Findings, info, ok, waitFor } from './lib/assert';
import { EXAMPLE_CREDENTIAL, type SandboxInfo } from './lib/config';
import { callFunction } from './lib/gateway';
import { recordedNodeOutput } from './lib/executions';
import { E2E_OWNER, httpJson, ownerSetup, sleep } from './lib/n8n';
import { httpCall } from './lib/http';
import { pgExecutions, pgStaticData, type PgExecution, type PgSettings } from './lib/postgres';
import { ALLOCATION_TITLE, BILL_BATCH, queueWorkflows, WF, HOOK_WEBHOOK_ID } from './queue-workflows';

interface QueueConfig {
	runtimeDir: string;
	runDir: string;
	sandboxFile: string;
	balancerFile: string;
	accessKey: string;
	mainPort: number;
	/** The poll trigger's Start Date (ISO, UTC) and the same instant as Intacct writes timestamps. */
	pollStart: string;
	pollStartIntacct: string;
	pg: PgSettings;
	workers: Array<{ name: string; pidFile: string; log: string }>;
	results: string;
}

interface BalancerInfo {
	plainPort: number;
	deliveryPort: number;
	backends: number[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

function today(): string {
	return new Date().toISOString().slice(0, 10);
}

/** Appends a measured number to the run's results file (docs/e2e.md quotes them). */
function record(config: QueueConfig, line: string): void {
	writeFileSync(config.results, `${line}\n`, { flag: 'a' });
	info(line);
}

async function admin<T>(sandbox: SandboxInfo, path: string, method = 'GET'): Promise<T> {
	const r = await httpJson(`${new URL(sandbox.gatewayUrl).origin}/__sandbox/${path}`, { method, timeoutMs: 60_000 });
	if (r.status !== 200) throw new Error(`sandbox admin ${path}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
	return r.body as T;
}

interface SandboxStatsJson {
	requests: number;
	functions: Record<string, number>;
	maxInFlight: number;
	handlingMs: number;
	firstRequestAt: number | null;
	lastAnsweredAt: number | null;
}

async function billNumbers(sandbox: SandboxInfo, run: string): Promise<string[]> {
	const q = encodeURIComponent(`RECORDID LIKE 'Q-${run}-%'`);
	const r = await admin<{ total: number; records: Array<Record<string, string>> }>(sandbox, `records?object=APBILL&fields=RECORDNO,RECORDID&query=${q}&pagesize=1000`);
	return r.records.map((x) => String(x.RECORDID));
}

function expectedNumbers(run: string, count: number): string[] {
	return Array.from({ length: count }, (_, i) => `Q-${run}-${String(i + 1).padStart(4, '0')}`);
}

/** Which worker ran each execution, from the workers' logs (n8n logs "execution <id>" as it starts one). */
function executionsByWorker(config: QueueConfig): Map<string, string> {
	const owner = new Map<string, string>();
	for (const w of config.workers) {
		let text = '';
		try {
			text = readFileSync(w.log, 'utf8');
		} catch {
			continue;
		}
		for (const m of text.matchAll(/started execution (\d+)/gi)) if (!owner.has(m[1])) owner.set(m[1], w.name);
	}
	return owner;
}

/** The run and batch an execution of qBills posts: from its Code node, or (for an execution that died
 * before running it) from the webhook request the webhook process stored with it. */
function batchOf(e: PgExecution): { run: string; batch: number } | undefined {
	const first = recordedNodeOutput(e, 'Bills of this batch')[0];
	if (first !== undefined) return { run: String(first.run), batch: Number(first.batch) };
	type Body = { body?: { run?: unknown; batch?: unknown } } | undefined;
	const stack = (e.data as { executionData?: { nodeExecutionStack?: Array<{ data?: { main?: Array<Array<{ json: Body }> | null> } }> } } | undefined)?.executionData?.nodeExecutionStack;
	const body = ((recordedNodeOutput(e, 'Batch')[0] as Body) ?? stack?.[0]?.data?.main?.[0]?.[0]?.json)?.body;
	return body?.run === undefined ? undefined : { run: String(body.run), batch: Number(body.batch) };
}

async function runBills(balancer: BalancerInfo, run: string, count: number): Promise<number> {
	const r = await httpJson(`http://127.0.0.1:${balancer.plainPort}/webhook/queue-bill-run`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ run, count, batchSize: BILL_BATCH, date: today() }),
		timeoutMs: 60_000,
	});
	if (r.status !== 200) throw new CheckFailure(`starting bill run ${run}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
	return Date.now();
}

async function waitForRun(config: QueueConfig, run: string, batches: number, timeoutMs: number): Promise<PgExecution[]> {
	return await waitFor(
		`${batches} finished batch executions of run ${run}`,
		timeoutMs,
		async () => {
			const list = (await pgExecutions(config.runtimeDir, config.pg, WF.bills)).filter((e) => batchOf(e)?.run === run);
			const done = list.filter((e) => e.status === 'success' || e.status === 'error' || e.status === 'crashed');
			const distinct = new Set(done.map((e) => batchOf(e)?.batch));
			return distinct.size >= batches ? list : undefined;
		},
		2000,
	);
}

async function bills(config: QueueConfig): Promise<void> {
	const sandbox = readJson<SandboxInfo>(config.sandboxFile);
	const balancer = readJson<BalancerInfo>(config.balancerFile);
	const f = new Findings();
	const count = 1000;
	const batches = count / BILL_BATCH;

	await admin(sandbox, 'stats/reset', 'POST');
	const t0 = Date.now();
	await runBills(balancer, 'A', count);
	const list = await waitForRun(config, 'A', batches, 900_000);
	const seconds = (Date.now() - t0) / 1000;
	const stats = await admin<SandboxStatsJson>(sandbox, 'stats');
	const posted = await billNumbers(sandbox, 'A');
	const distinct = new Set(posted);
	const want = expectedNumbers('A', count);
	f.expect(posted.length === count, `bills of run A in the sandbox: ${posted.length}, expected ${count}`);
	f.expect(distinct.size === posted.length, `no bill number twice: ${posted.length - distinct.size} repeated`);
	f.expect(want.every((n) => distinct.has(n)), `every bill posted: missing ${want.filter((n) => !distinct.has(n)).slice(0, 5).join(', ')}`);
	f.expect(list.length === batches && list.every((e) => e.status === 'success'), `batch executions: ${list.length} (${list.map((e) => e.status).join(',')}), expected ${batches} successes`);
	const owner = executionsByWorker(config);
	const perWorker: Record<string, number> = {};
	for (const e of list) perWorker[owner.get(e.id) ?? 'unknown'] = (perWorker[owner.get(e.id) ?? 'unknown'] ?? 0) + 1;
	const items = list.flatMap((e) => recordedNodeOutput(e, 'Create bill'));
	const itemsPerWorker: Record<string, number> = {};
	for (const e of list) itemsPerWorker[owner.get(e.id) ?? 'unknown'] = (itemsPerWorker[owner.get(e.id) ?? 'unknown'] ?? 0) + recordedNodeOutput(e, 'Create bill').length;
	f.expect(config.workers.every((w) => (perWorker[w.name] ?? 0) > 0), `both workers posted: ${JSON.stringify(perWorker)}`);
	f.expect(items.length === count && items.every((i) => i.duplicate !== true), `bill items output: ${items.length}, duplicates ${items.filter((i) => i.duplicate === true).length}`);
	const creates = stats.functions.create ?? 0;
	const signIns = stats.functions.getAPISession ?? 0;
	record(config, `bills run A: ${count} bills in ${batches} executions, ${seconds.toFixed(1)} s; executions per worker ${JSON.stringify(perWorker)}, bills per worker ${JSON.stringify(itemsPerWorker)}`);
	record(config, `bills run A: sandbox saw ${stats.requests} requests (${creates} create functions, ${signIns} sign-ins), peak in-flight ${stats.maxInFlight} vs the company's limit 2; time in the gateway summed ${(stats.handlingMs / 1000).toFixed(1)} s`);
	if (stats.maxInFlight > 2) {
		record(config, `bills run A: peak in-flight ${stats.maxInFlight} > 2: each worker caps itself at 2 per credential; the company's slots hold the excess (queued, not refused): no item failed`);
	}

	// Re-run: the same 1,000 bills post nothing.
	await admin(sandbox, 'stats/reset', 'POST');
	const t1 = Date.now();
	await runBills(balancer, 'A', count);
	await waitFor('the re-run batches', 900_000, async () => {
		const l = (await pgExecutions(config.runtimeDir, config.pg, WF.bills)).filter((e) => batchOf(e)?.run === 'A');
		return l.filter((e) => e.status === 'success' || e.status === 'error' || e.status === 'crashed').length >= 2 * batches ? l : undefined;
	}, 2000);
	const rerunSeconds = (Date.now() - t1) / 1000;
	const after = await billNumbers(sandbox, 'A');
	const rerun = (await pgExecutions(config.runtimeDir, config.pg, WF.bills)).filter((e) => batchOf(e)?.run === 'A').slice(batches);
	const rerunItems = rerun.flatMap((e) => recordedNodeOutput(e, 'Create bill'));
	const stats2 = await admin<SandboxStatsJson>(sandbox, 'stats');
	f.expect(after.length === count, `after the re-run the sandbox holds ${after.length} bills of run A, expected ${count}`);
	f.expect(rerun.every((e) => e.status === 'success'), `re-run executions succeeded: ${rerun.map((e) => e.status).join(',')}`);
	f.expect(rerunItems.length === count && rerunItems.every((i) => i.duplicate === true), `re-run: ${rerunItems.filter((i) => i.duplicate === true).length} of ${rerunItems.length} items reported duplicate = true`);
	record(config, `bills re-run: 0 new bills, ${rerunItems.filter((i) => i.duplicate === true).length} duplicates reported, ${rerunSeconds.toFixed(1)} s, ${stats2.requests} requests (${stats2.functions.create ?? 0} create), peak in-flight ${stats2.maxInFlight}`);
	f.finish('bills');
	ok(`1,000 bills posted once across both workers; the re-run posted none`);
}

/** Signs in to the main process's REST API as the owner (created on first use); returns the headers to send. */
async function restSession(config: QueueConfig): Promise<Record<string, string>> {
	const base = `http://127.0.0.1:${config.mainPort}`;
	await ownerSetup(base, E2E_OWNER);
	const browserId = 'queue-e2e-checks';
	const r = await httpCall(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify({ emailOrLdapLoginId: E2E_OWNER.email, password: E2E_OWNER.password }),
		timeoutMs: 30_000,
	});
	const cookie = ([] as string[]).concat(r.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
	if (r.status !== 200 || cookie === undefined) throw new CheckFailure(`sign-in to n8n's REST API: HTTP ${r.status} ${r.text.slice(0, 200)}`);
	return { cookie, 'browser-id': browserId, 'Content-Type': 'application/json' };
}

const FINAL = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Which worker a kill takes down, relative to the bill run (the qBillRun execution that sends the
 * batches and waits for their answers):
 *  - `batches`: a worker running batches of the run but not the bill run itself. The bill run
 *    survives, its HTTP Request gets the lost batches' errors, and *Executions → Retry* on it resends
 *    every batch.
 *  - `bill-run`: the worker running the bill run itself (and batches of it). n8n 2.41 fails a dead
 *    worker's job once its lock expires and replaces the execution's data with the error: no trigger
 *    data, no run data, so Retry has nothing to run. The operator's recovery is to send the run again
 *    (the same webhook call); the idempotency keys make that post only what is missing.
 * Which worker Bull hands the bill run to is not under the test's control, so the victim is chosen by
 * reading the workers' logs: before this, the check always killed worker 1 and, when worker 1 also
 * ran the bill run, waited for a retry that n8n cannot do (the "hang" of issue 17).
 */
type KillTarget = 'batches' | 'bill-run';

async function killMidRun(config: QueueConfig, run: string, target: KillTarget): Promise<void> {
	const sandbox = readJson<SandboxInfo>(config.sandboxFile);
	const balancer = readJson<BalancerInfo>(config.balancerFile);
	const f = new Findings();
	const count = target === 'batches' ? 400 : 200;
	const batches = count / BILL_BATCH;
	const label = `kill (${target === 'batches' ? 'a batch worker' : "the bill run's worker"})`;
	const runsBefore = await maxExecutionId(config, WF.billRun);
	const batchesBefore = await maxExecutionId(config, WF.bills);
	await runBills(balancer, run, count);

	// Kill a worker once it is in the middle of posting batches of this run.
	const seenAtKill = await waitFor(`run ${run} to be partly posted by a worker that can be killed (${target})`, 300_000, async () => {
		const owner = executionsByWorker(config);
		const parent = (await pgExecutions(config.runtimeDir, config.pg, WF.billRun, false)).find((e) => Number(e.id) > runsBefore);
		const parentWorker = parent === undefined ? undefined : owner.get(parent.id);
		if (parent === undefined || parentWorker === undefined || parent.status !== 'running') return undefined;
		const running = (await pgExecutions(config.runtimeDir, config.pg, WF.bills, false)).filter((e) => Number(e.id) > batchesBefore && e.status === 'running');
		const victim = config.workers.find((w) => (target === 'bill-run') === (w.name === parentWorker) && running.some((e) => owner.get(e.id) === w.name));
		const n = (await billNumbers(sandbox, run)).length;
		if (n >= count) throw new CheckFailure(`run ${run} was fully posted before a ${target} worker could be killed`);
		return victim !== undefined && n > 0 ? { n, victim, parent: parent.id, parentWorker, running: running.filter((e) => owner.get(e.id) === victim.name).map((e) => e.id) } : undefined;
	}, 200);
	const { victim } = seenAtKill;
	const pid = Number(readFileSync(victim.pidFile, 'utf8').trim());
	process.kill(-pid, 'SIGKILL');
	const killedAt = Date.now();
	// e2e/queue.sh starts the killed worker again after this phase.
	writeFileSync(join(config.runDir, 'q-killed-worker'), victim.name.replace(/\D/g, ''));
	record(config, `${label}: SIGKILL to ${victim.name} (process group ${pid}) with ${seenAtKill.n} of ${count} bills of run ${run} posted, its batch executions ${seenAtKill.running.join(', ')} running; bill run ${seenAtKill.parent} on ${seenAtKill.parentWorker}`);

	const parent = await waitFor(`the bill run of ${run} to end after the kill`, 600_000, async () => {
		const e = (await pgExecutions(config.runtimeDir, config.pg, WF.billRun, true)).find((x) => x.id === seenAtKill.parent);
		return e !== undefined && FINAL.has(e.status) ? e : undefined;
	}, 2000);
	const killedNow = (await pgExecutions(config.runtimeDir, config.pg, WF.bills, false)).filter((e) => seenAtKill.running.includes(e.id));
	const lost = count - (await billNumbers(sandbox, run)).length;
	const parentRan = Object.keys(parent.data?.resultData?.runData ?? {});
	record(config, `${label}: ${((Date.now() - killedAt) / 1000).toFixed(0)} s after the kill the killed batch executions are ${killedNow.map((e) => `${e.id}:${e.status}`).join(' ')} and bill run ${parent.id} is ${parent.status} (run data kept for: ${parentRan.join(', ') || 'no node'}); ${lost} bills of run ${run} not posted`);
	f.expect(killedNow.every((e) => e.status !== 'success'), 'the killed executions do not end as successful');
	f.expect(parent.status !== 'success', `the bill run that lost batches reports it (${parent.status})`);

	// Retry as an operator does: Executions > the failed bill run > Retry (POST /rest/executions/:id/retry).
	// The answer comes when the retried run has ended (it waits for every batch it resends).
	const retryFrom = await maxExecutionId(config, WF.bills);
	const headers = await restSession(config);
	const r = await httpJson(`http://127.0.0.1:${config.mainPort}/rest/executions/${parent.id}/retry`, { method: 'POST', headers, body: JSON.stringify({ loadWorkflow: false }), timeoutMs: 900_000 });
	const retryAnswer = r.status === 200 ? 'HTTP 200' : `HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`;
	if (target === 'batches') f.expect(r.status === 200, `retry of bill run ${parent.id}: ${retryAnswer}`);
	// A refused retry starts nothing: then there is nothing to wait for.
	const retry = r.status !== 200 ? undefined : await waitFor(`the retry of bill run ${parent.id} to end`, 600_000, async () => {
		const e = (await pgExecutions(config.runtimeDir, config.pg, WF.billRun, false)).find((x) => Number(x.id) > Number(parent.id) && x.mode === 'retry');
		return e !== undefined && FINAL.has(e.status) ? e : undefined;
	}, 2000);
	let recovering = await settledBatches(config, retryFrom);
	record(config, `${label}: Retry of bill run ${parent.id}: ${retryAnswer} -> ${retry === undefined ? 'no execution' : `execution ${retry.id} ${retry.status}`}, ${recovering.length} batches sent`);
	if (target === 'batches') {
		f.expect(retry?.status === 'success', `the retried bill run ${retry?.id ?? '-'} succeeded (${retry?.status ?? 'not started'})`);
	} else if (recovering.length === 0) {
		// Nothing to retry (n8n kept no data of the bill run): the sender sends the run again.
		const resendFrom = await maxExecutionId(config, WF.bills);
		const resendRunsFrom = await maxExecutionId(config, WF.billRun);
		await runBills(balancer, run, count);
		const resend = await waitFor(`the bill run ${run} sent again to end`, 600_000, async () => {
			const e = (await pgExecutions(config.runtimeDir, config.pg, WF.billRun, false)).find((x) => Number(x.id) > resendRunsFrom);
			return e !== undefined && FINAL.has(e.status) ? e : undefined;
		}, 2000);
		recovering = await settledBatches(config, resendFrom);
		f.expect(resend.status === 'success', `the bill run sent again (${resend.id}) succeeded (${resend.status})`);
		record(config, `${label}: run ${run} sent again -> bill run ${resend.id} ${resend.status}, ${recovering.length} batches`);
	}
	const recoverySeconds = (Date.now() - killedAt) / 1000;
	const posted = await billNumbers(sandbox, run);
	const distinct = new Set(posted);
	const want = expectedNumbers(run, count);
	f.expect(posted.length === count, `bills of run ${run}: ${posted.length}, expected ${count} (nothing lost, nothing twice)`);
	f.expect(distinct.size === posted.length, `no bill number twice: ${posted.length - distinct.size} repeated`);
	f.expect(want.every((n) => distinct.has(n)), `every bill posted: missing ${want.filter((n) => !distinct.has(n)).slice(0, 5).join(', ')}`);
	f.expect(new Set(recovering.map((e) => batchOf(e)?.batch)).size === batches, `the recovery sent all ${batches} batches: ${recovering.length} executions`);
	f.expect(recovering.every((e) => e.status === 'success'), `recovering batch executions succeeded: ${recovering.map((e) => `${e.id}:${e.status}`).join(' ')}`);
	const items = recovering.flatMap((e) => recordedNodeOutput(e, 'Create bill'));
	const dup = items.filter((i) => i.duplicate === true).length;
	f.expect(items.length === count && dup === count - lost, `the recovery posted the ${lost} missing bills and reported the other ${count - lost} as duplicates (got ${items.length - dup} posted, ${dup} duplicates)`);
	record(config, `${label}: the recovery sent ${recovering.length} batches (${recovering.filter((e) => e.status === 'success').length} successful): ${items.length - dup} bills posted, ${dup} reported as already posted (duplicate = true); run ${run} complete ${recoverySeconds.toFixed(0)} s after the kill`);
	f.finish(`kill-${target}`);
	ok(`${label}: ${count} bills, each exactly once, the run ended`);
}

/** The batch executions started after `afterId`, once every one of them has ended. */
async function settledBatches(config: QueueConfig, afterId: number): Promise<PgExecution[]> {
	// The bill run answers after its last batch answered; n8n may store a batch a moment later.
	return await waitFor('the batch executions to be stored as ended', 120_000, async () => {
		const list = (await pgExecutions(config.runtimeDir, config.pg, WF.bills, true)).filter((e) => Number(e.id) > afterId);
		return list.every((e) => FINAL.has(e.status)) ? list : undefined;
	}, 2000);
}

interface BalancerLog {
	routing: string;
	deliveries: Array<{ key: string; attempt: number; copies: Array<{ backend: number; status: number }>; answered: number }>;
}

async function postJournalEntry(sandbox: SandboxInfo, title: string, lines: number): Promise<string> {
	const d = new Date();
	const date = `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
	const debits = Array.from({ length: lines - 1 }, (_, i) => `<GLENTRY><ACCOUNTNO>6000</ACCOUNTNO><TR_TYPE>1</TR_TYPE><TRX_AMOUNT>${100 + i}.00</TRX_AMOUNT><DEPARTMENT>ADMIN</DEPARTMENT><LOCATION>110</LOCATION><DESCRIPTION>${title} line ${i + 1}</DESCRIPTION></GLENTRY>`);
	const total = Array.from({ length: lines - 1 }, (_, i) => 100 + i).reduce((a, b) => a + b, 0);
	const credit = `<GLENTRY><ACCOUNTNO>1000</ACCOUNTNO><TR_TYPE>-1</TR_TYPE><TRX_AMOUNT>${total}.00</TRX_AMOUNT><LOCATION>110</LOCATION><DESCRIPTION>${title} cash</DESCRIPTION></GLENTRY>`;
	const result = await callFunction(
		{ ...sandbox.credentials, entityId: '100' },
		`<create><GLBATCH><JOURNAL>GJ</JOURNAL><BATCH_DATE>${date}</BATCH_DATE><BATCH_TITLE>${title}</BATCH_TITLE><ENTRIES>${debits.join('')}${credit}</ENTRIES></GLBATCH></create>`,
	);
	if (result.status !== 'success') throw new CheckFailure(`posting "${title}" failed: ${result.errors.join('; ')}`);
	return String(result.records[0]?.RECORDNO ?? '');
}

async function control<T>(sandbox: SandboxInfo, path: string, body?: unknown): Promise<T> {
	const r = await httpJson(`${sandbox.controlUrl}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body), timeoutMs: 180_000 });
	if (r.status !== 200) throw new Error(`sandbox control ${path}: HTTP ${r.status}`);
	return r.body as T;
}

async function hookExecutionsByRecord(config: QueueConfig, since: number): Promise<Map<string, PgExecution[]>> {
	const list = (await pgExecutions(config.runtimeDir, config.pg, WF.glHook)).filter((e) => Number(e.id) > since);
	const by = new Map<string, PgExecution[]>();
	for (const e of list) {
		const recordNo = String((recordedNodeOutput(e, 'GL entry posted')[0] ?? {}).recordNo ?? '?');
		by.set(recordNo, [...(by.get(recordNo) ?? []), e]);
	}
	return by;
}

async function maxExecutionId(config: QueueConfig, workflowId: string): Promise<number> {
	const list = await pgExecutions(config.runtimeDir, config.pg, workflowId, false);
	return list.reduce((m, e) => Math.max(m, Number(e.id)), 0);
}

type Routing = 'round-robin' | 'round-robin-serial' | 'by-key';

interface SandboxDelivery {
	subscriptionId: string;
	delivered: boolean;
	attempts: Array<{ status: number | 'error' }>;
	event: { recordNo: string };
}

/** What one round of deliveries did: executions per GL entry, allocations posted per GL entry. */
interface RoundResult {
	label: string;
	recordNos: string[];
	executions: Map<string, PgExecution[]>;
	/** Journal entries qGlHook posted per GL entry (by title) in the sandbox. */
	postings: Map<string, number>;
	/** Items of the Post allocation node over all executions that reported duplicate: true. */
	duplicatesReported: number;
}

async function setRouting(balancer: BalancerInfo, routing: Routing): Promise<void> {
	await httpJson(`http://127.0.0.1:${balancer.plainPort}/__lb/reset`, { method: 'POST', timeoutMs: 10_000 });
	await httpJson(`http://127.0.0.1:${balancer.plainPort}/__lb/mode`, { method: 'POST', body: JSON.stringify({ routing }), headers: { 'Content-Type': 'application/json' }, timeoutMs: 10_000 });
}

/** The GL entries of a journal entry posted through the gateway (RECORDNO of the GLBATCH). */
async function glEntriesOf(sandbox: SandboxInfo, batchNo: string): Promise<RenderRecord[]> {
	const q = encodeURIComponent(`BATCHNO = ${batchNo}`);
	return (await admin<{ records: RenderRecord[] }>(sandbox, `records?object=GLENTRY&fields=*&pagesize=100&query=${q}`)).records;
}

/** Waits until every GL entry has a finished execution (then 3 s more for late extras) and counts
 * executions and the allocations they posted. */
async function settleRound(config: QueueConfig, sandbox: SandboxInfo, label: string, recordNos: string[], since: number): Promise<RoundResult> {
	const wanted = new Set(recordNos);
	const ours = async (): Promise<Map<string, PgExecution[]>> => new Map([...(await hookExecutionsByRecord(config, since)).entries()].filter(([rec]) => wanted.has(rec)));
	await waitFor(`executions for ${recordNos.length} GL entries (${label})`, 180_000, async () => {
		const by = await ours();
		return by.size >= recordNos.length && [...by.values()].flat().every((e) => FINAL.has(e.status)) ? by : undefined;
	}, 1000);
	await sleep(3000);
	const executions = await ours();
	const q = encodeURIComponent(`BATCH_TITLE LIKE '${ALLOCATION_TITLE}%'`);
	const batches = (await admin<{ records: Array<Record<string, string>> }>(sandbox, `records?object=GLBATCH&fields=RECORDNO,BATCH_TITLE&pagesize=1000&query=${q}`)).records;
	const postings = new Map<string, number>();
	for (const b of batches) {
		const rec = String(b.BATCH_TITLE).slice(ALLOCATION_TITLE.length);
		if (wanted.has(rec)) postings.set(rec, (postings.get(rec) ?? 0) + 1);
	}
	const duplicatesReported = [...executions.values()].flat().flatMap((e) => recordedNodeOutput(e, 'Post allocation')).filter((i) => i.duplicate === true).length;
	return { label, recordNos, executions, postings, duplicatesReported };
}

/** One journal entry's GL entries delivered by the sandbox's Platform Services through the balancer. */
async function deliveryRound(config: QueueConfig, sandbox: SandboxInfo, balancer: BalancerInfo, routing: Routing, lines: number): Promise<{ result: RoundResult; log: BalancerLog; deliveries: SandboxDelivery[] }> {
	await setRouting(balancer, routing);
	const template = buildDocumentTemplate({ event: 'created', userDimension: 'FUNDINGSOURCE', accessKeyInBody: true, accessKey: config.accessKey });
	const url = `http://127.0.0.1:${balancer.deliveryPort}/webhook/${HOOK_WEBHOOK_ID}/gl-entry`;
	const sub = await control<{ id: string }>(sandbox, '/subscribe', { object: 'GLENTRY', events: ['create'], url, template });
	const since = await maxExecutionId(config, WF.glHook);
	let recordNos: string[] = [];
	try {
		const batchNo = await postJournalEntry(sandbox, `Queue e2e deliveries ${routing}`, lines);
		recordNos = (await glEntriesOf(sandbox, batchNo)).map((r) => String(r.RECORDNO));
		await control(sandbox, '/idle', {});
	} finally {
		await control(sandbox, '/unsubscribe', { id: sub.id });
	}
	// The allocations qGlHook posts are GL entries too: their deliveries are filtered out by the
	// trigger (accounts), and left out here.
	const deliveries = (await control<SandboxDelivery[]>(sandbox, '/deliveries')).filter((d) => d.subscriptionId === sub.id && recordNos.includes(String(d.event.recordNo)));
	const result = await settleRound(config, sandbox, routing, recordNos, since);
	const log = (await httpJson(`http://127.0.0.1:${balancer.plainPort}/__lb/log`, { timeoutMs: 10_000 })).body as BalancerLog;
	return { result, log, deliveries };
}

/**
 * Deliveries one at a time, each copy after the other on the two processes (round-robin-serial), with
 * nothing else in flight: a copy that reaches the second process after the first was answered must
 * be caught there (static data saved by the first, loaded by the second). The static data in
 * Postgres is read before and after each delivery.
 */
async function isolatedSerialDeliveries(config: QueueConfig, sandbox: SandboxInfo, balancer: BalancerInfo, events: number): Promise<RoundResult> {
	await setRouting(balancer, 'round-robin-serial');
	const template = buildDocumentTemplate({ event: 'created', userDimension: 'FUNDINGSOURCE', accessKeyInBody: true, accessKey: config.accessKey });
	const batchNo = await postJournalEntry(sandbox, 'Queue e2e isolated deliveries', events);
	const records = await glEntriesOf(sandbox, batchNo);
	const since = await maxExecutionId(config, WF.glHook);
	const url = `http://127.0.0.1:${balancer.deliveryPort}/webhook/${HOOK_WEBHOOK_ID}/gl-entry`;
	for (const [i, glEntry] of records.entries()) {
		const body = mergeTemplate(template, 'GLENTRY', glEntry, 'json');
		const before = await ledgerInPostgres(config);
		await httpJson(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `queue-e2e-isolated-${batchNo}-${i}` }, body, timeoutMs: 60_000 });
		const after = await ledgerInPostgres(config);
		const copies = ((await httpJson(`http://127.0.0.1:${balancer.plainPort}/__lb/log`, { timeoutMs: 10_000 })).body as BalancerLog).deliveries.at(-1)?.copies ?? [];
		record(config, `webhook isolated delivery ${i + 1}: copies ${copies.map((c) => `process ${c.backend + 1} -> ${c.status}`).join(', ')}; the trigger's ledger in Postgres before ${before.rev} (${before.keys} keys), after both copies ${after.rev} (${after.keys} keys)`);
		await sleep(500);
	}
	return await settleRound(config, sandbox, 'one delivery at a time', records.map((r) => String(r.RECORDNO)), since);
}

/** The trigger's delivery ledger as the workflow's static data holds it in Postgres (a diagnostic:
 * a failed read reports 'unreadable' rather than failing the phase). */
async function ledgerInPostgres(config: QueueConfig): Promise<{ rev: string; keys: number }> {
	try {
		const raw = await pgStaticData(config.runtimeDir, config.pg, WF.glHook);
		const stored = ((typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw) ?? {}) as Record<string, { deliveryLedger?: unknown }>;
		const node = Object.values(stored).find((v) => typeof v === 'object' && v !== null && v.deliveryLedger !== undefined);
		return persistedSummary(node?.deliveryLedger);
	} catch {
		return { rev: 'unreadable', keys: 0 };
	}
}

function counts(map: Map<string, number>): string {
	return [...map.entries()].map(([rec, n]) => `${rec}:${n}`).join(' ');
}

/** The guarantee every routing must give: each GL entry event posted its allocation exactly once,
 * every execution succeeded, and every extra execution's posting was refused as a duplicate. */
function expectOnePostingPerEvent(f: Findings, r: RoundResult): { executions: number } {
	const total = [...r.executions.values()].reduce((a, l) => a + l.length, 0);
	const posted = r.recordNos.map((rec) => r.postings.get(rec) ?? 0);
	f.expect(posted.every((n) => n === 1), `${r.label}: exactly one allocation posted per GL entry event: ${counts(r.postings)} for ${r.recordNos.join(', ')}`);
	const failed = [...r.executions.values()].flat().filter((e) => e.status !== 'success');
	f.expect(failed.length === 0, `${r.label}: every execution succeeded (${failed.map((e) => `${e.id}:${e.status}`).join(' ')})`);
	f.expect(r.duplicatesReported === total - r.recordNos.length, `${r.label}: the ${total - r.recordNos.length} extra execution(s) reported duplicate: true (${r.duplicatesReported})`);
	return { executions: total };
}

async function webhook(config: QueueConfig): Promise<void> {
	const sandbox = readJson<SandboxInfo>(config.sandboxFile);
	const balancer = readJson<BalancerInfo>(config.balancerFile);
	const f = new Findings();
	for (const routing of ['by-key', 'round-robin', 'round-robin-serial'] as const) {
		const { result: r, log, deliveries } = await deliveryRound(config, sandbox, balancer, routing, 6);
		const perEvent = [...r.executions.entries()].map(([rec, list]) => `${rec}:${list.length}`).join(' ');
		const retried = deliveries.filter((d) => d.attempts.length > 1).length;
		const backendsHit = new Set(log.deliveries.flatMap((d) => d.copies.map((c) => c.backend)));
		const copies = log.deliveries.reduce((a, d) => a + d.copies.length, 0);
		f.expect(deliveries.length === r.recordNos.length && deliveries.every((d) => d.delivered), `${routing}: every delivery acknowledged in the end: ${JSON.stringify(deliveries.map((d) => d.attempts.map((a) => a.status)))}`);
		f.expect(retried > 0, `${routing}: some deliveries were retried after a 500 (${retried})`);
		f.expect(backendsHit.size === 2, `${routing}: deliveries reached both webhook processes (${[...backendsHit].join(', ')})`);
		const { executions } = expectOnePostingPerEvent(f, r);
		record(config, `webhook ${routing}: ${r.recordNos.length} GL entry events, ${deliveries.reduce((a, d) => a + d.attempts.length, 0)} delivery attempts (${retried} retried after a 500), ${copies} requests to ${backendsHit.size} webhook processes; executions per GL entry ${perEvent} (total ${executions}); allocations posted per GL entry ${counts(r.postings)}, ${r.duplicatesReported} refused as duplicate`);
		if (routing === 'by-key') {
			f.expect(r.executions.size === r.recordNos.length && executions === r.recordNos.length, `${routing}: exactly one execution per event, got ${executions} for ${r.executions.size} events (${perEvent})`);
		}
	}
	const isolated = await isolatedSerialDeliveries(config, sandbox, balancer, 3);
	const iso = expectOnePostingPerEvent(f, isolated);
	record(config, `webhook round-robin-serial, one delivery at a time (3 GL entries, each copy after the other on the two processes, nothing else in flight): executions per GL entry ${[...isolated.executions.entries()].map(([rec, l]) => `${rec}:${l.length}`).join(' ')} (total ${iso.executions}); allocations posted ${counts(isolated.postings)}`);
	if (iso.executions !== isolated.recordNos.length) {
		// Measured, not asserted: n8n 2.41's webhook processes do not save a change to static data the
		// request loaded (docs/e2e.md, queue mode), so the other process cannot see the first copy.
		record(config, `webhook one delivery at a time: ${iso.executions - isolated.recordNos.length} extra execution(s): the copy on the other process did not see the first one's key in static data`);
	}
	const ledger = await ledgerInPostgres(config);
	record(config, `webhook: the workflow's static data in Postgres holds ${ledger.keys} delivery keys (ledger revision ${ledger.rev}) after 21 distinct deliveries (18 journal entry lines in three rounds, 3 one at a time)`);
	f.finish('webhook');
	ok('duplicated and retried deliveries: one allocation posted per GL entry event whatever the routing; one execution per event when copies are routed by key');
}

async function postGl(config: QueueConfig, label: string): Promise<void> {
	const sandbox = readJson<SandboxInfo>(config.sandboxFile);
	const recordNo = await postJournalEntry(sandbox, `Queue e2e poll ${label}`, 3);
	ok(`journal entry ${recordNo} (${label}) posted through the gateway`);
}

/** The GL entries this scenario posted (every line's description starts "Queue e2e"), read through
 * the admin endpoint: the only GL entries changed since the poll trigger's start date. */
async function scenarioGlEntries(sandbox: SandboxInfo): Promise<string[]> {
	const records = await admin<{ records: Array<Record<string, string>> }>(sandbox, `records?object=GLENTRY&fields=RECORDNO&pagesize=1000&query=${encodeURIComponent("DESCRIPTION LIKE 'Queue e2e%'")}`);
	return records.records.map((r) => String(r.RECORDNO));
}

/** How many GL entries changed since the poll trigger's start date (the bills post GL entries too). */
async function glEntriesChangedSince(sandbox: SandboxInfo, since: string): Promise<number> {
	const r = await admin<{ count: number }>(sandbox, `count?object=GLENTRY&query=${encodeURIComponent(`WHENMODIFIED >= '${since}'`)}`);
	return r.count;
}

async function poll(config: QueueConfig, stage: string): Promise<void> {
	const sandbox = readJson<SandboxInfo>(config.sandboxFile);
	const f = new Findings();
	const journalLines = new Set(await scenarioGlEntries(sandbox));
	const changed = await glEntriesChangedSince(sandbox, config.pollStartIntacct);
	const t0 = Date.now();
	const emitted = await waitFor(`the poll trigger to emit ${changed} GL entries`, 200_000, async () => {
		const list = await pgExecutions(config.runtimeDir, config.pg, WF.poll);
		const recs = list.flatMap((e) => recordedNodeOutput(e, 'GL entries changed').map((j) => String(j.recordNo ?? j.RECORDNO)));
		const have = new Set(recs);
		return have.size >= changed && [...journalLines].every((r) => have.has(r)) && list.every((e) => e.status !== 'running') ? { list, recs } : undefined;
	}, 2000);
	const waited = (Date.now() - t0) / 1000;
	const distinct = new Set(emitted.recs);
	const dupes = emitted.recs.length - distinct.size;
	f.expect(dupes === 0, `${stage}: no GL entry emitted twice (${dupes} repeated)`);
	f.expect(distinct.size === changed, `${stage}: ${distinct.size} GL entries emitted, the sandbox counts ${changed} changed since the start`);
	f.expect(emitted.list.every((e) => e.status === 'success'), `${stage}: poll executions succeeded: ${emitted.list.map((e) => `${e.id}:${e.status}`).join(' ')}`);
	record(config, `poll ${stage}: ${changed} GL entries changed since the start (bills' and ${journalLines.size} journal entry lines), emitted once each over ${emitted.list.length} poll executions (waited ${waited.toFixed(0)} s)`);
	f.finish(`poll ${stage}`);
	ok(`poll trigger (${stage}): every GL entry once`);
}

function prepare(config: QueueConfig): void {
	const sandbox = readJson<SandboxInfo>(config.sandboxFile);
	const balancer = readJson<BalancerInfo>(config.balancerFile);
	const dir = join(config.runDir, 'queue-import');
	mkdirSync(join(dir, 'workflows'), { recursive: true });
	writeFileSync(join(dir, 'credentials.json'), JSON.stringify([{ ...EXAMPLE_CREDENTIAL, type: 'sageIntacctApi', data: { ...sandbox.credentials } }], null, 2));
	for (const wf of queueWorkflows(balancer.plainPort, config.accessKey, config.pollStart)) writeFileSync(join(dir, 'workflows', `${wf.id}.json`), JSON.stringify(wf, null, 2));
	ok(`prepared the credential and 4 queue-mode workflows`);
}

async function main(): Promise<void> {
	const [phase, configPath, arg] = process.argv.slice(2);
	if (!phase || !configPath) throw new Error('usage: queue-checks.ts <prepare|bills|kill-worker|kill-bill-run|webhook|post-gl|poll> <queue.json> [label]');
	const config = readJson<QueueConfig>(configPath);
	switch (phase) {
		case 'prepare':
			return prepare(config);
		case 'bills':
			return await bills(config);
		case 'kill-worker':
			return await killMidRun(config, 'K', 'batches');
		case 'kill-bill-run':
			return await killMidRun(config, 'P', 'bill-run');
		case 'webhook':
			return await webhook(config);
		case 'post-gl':
			return await postGl(config, arg ?? 'entry');
		case 'poll':
			return await poll(config, arg ?? 'check');
		default:
			throw new Error(`unknown phase ${phase}`);
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stdout.write(`  FAIL ${error instanceof CheckFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	},
);
