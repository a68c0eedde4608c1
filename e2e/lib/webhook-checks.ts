/**
 * Webhook part: n8n runs (`n8n start`) with the grant spend-down workflow published. The sandbox's
 * Platform Services emulation is subscribed to the workflow's production URL twice, as Intacct would
 * be by an admin: once with the right access key (through a "lost answer" proxy that swallows the
 * first answer per delivery, so Intacct retries with the same idempotency key) and once with a wrong
 * key (a forged sender). Journal entries posted through the XML gateway then fire real deliveries;
 * the executions n8n recorded are read from its database.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildDocumentTemplate } from '../../nodes/SageIntacctTrigger/documentTemplate';
import { check, equal, Findings, info, ok, waitFor } from './assert';
import { readSandbox, type SuiteConfig, PACKAGE } from './config';
import { callFunction, readAll, type GatewayCredentials } from './gateway';
import { recordedExecutions, recordedNodeOutput, type RecordedExecution } from './executions';
import { httpJson, sleep } from './n8n';
import { httpCall } from './http';
import type { WorkflowJson } from '../checks';

interface ProxyLog {
	key: string;
	n8nStatus: number;
	answered: number;
}

/** Forwards every delivery to n8n; answers 503 to the first attempt of each idempotency key. */
async function startLostAnswerProxy(target: string, log: ProxyLog[]): Promise<{ url: string; server: Server }> {
	const seen = new Set<string>();
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			void (async () => {
				const key = String(req.headers['idempotency-key'] ?? '');
				const headers: Record<string, string> = {};
				for (const name of ['content-type', 'idempotency-key', 'user-agent', 'authorization', 'x-trusted-context'] as Array<keyof IncomingHttpHeaders>) {
					const v = req.headers[name];
					if (typeof v === 'string') headers[name as string] = v;
				}
				let n8nStatus = 0;
				try {
					const r = await httpCall(target, { method: 'POST', headers, body: Buffer.concat(chunks), timeoutMs: 15_000 });
					n8nStatus = r.status;
				} catch {
					n8nStatus = -1;
				}
				const answered = seen.has(key) ? n8nStatus : 503;
				seen.add(key);
				log.push({ key, n8nStatus, answered });
				res.writeHead(answered > 0 ? answered : 502, { 'Content-Type': 'application/json' });
				res.end('{}');
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/intacct-trigger`, server };
}

interface GlLine {
	account: string;
	side: 1 | -1;
	amount: string;
	location: string;
	department?: string;
	project?: string;
	fundingSource?: string;
	memo: string;
}

async function postJournalEntry(creds: GatewayCredentials, entity: string, title: string, lines: GlLine[]): Promise<string> {
	const entries = lines
		.map(
			(l) =>
				`<GLENTRY><ACCOUNTNO>${l.account}</ACCOUNTNO><TR_TYPE>${l.side}</TR_TYPE><TRX_AMOUNT>${l.amount}</TRX_AMOUNT>` +
				`${l.department ? `<DEPARTMENT>${l.department}</DEPARTMENT>` : ''}<LOCATION>${l.location}</LOCATION>` +
				`${l.project ? `<PROJECTID>${l.project}</PROJECTID>` : ''}${l.fundingSource ? `<GLDIMFUNDINGSOURCE>${l.fundingSource}</GLDIMFUNDINGSOURCE>` : ''}` +
				`<DESCRIPTION>${l.memo}</DESCRIPTION></GLENTRY>`,
		)
		.join('');
	const today = new Date();
	const date = `${String(today.getUTCMonth() + 1).padStart(2, '0')}/${String(today.getUTCDate()).padStart(2, '0')}/${today.getUTCFullYear()}`;
	const result = await callFunction(
		{ ...creds, entityId: entity },
		`<create><GLBATCH><JOURNAL>GJ</JOURNAL><BATCH_DATE>${date}</BATCH_DATE><BATCH_TITLE>${title}</BATCH_TITLE><ENTRIES>${entries}</ENTRIES></GLBATCH></create>`,
	);
	if (result.status !== 'success') throw new Error(`posting "${title}" failed: ${result.errors.join('; ')}`);
	return String(result.records[0]?.RECORDNO ?? '');
}

const JE1: GlLine[] = [
	{ account: '6000', side: 1, amount: '1200.00', location: '120', department: 'YOUTH', project: 'GR-2026-001', fundingSource: '10004', memo: 'Mentoring program supplies' },
	{ account: '6600', side: 1, amount: '300.00', location: '110', department: 'ADMIN', memo: 'Board training (no grant)' },
	{ account: '1000', side: -1, amount: '1500.00', location: '100', memo: 'Paid from operating cash' },
];
const JE2: GlLine[] = [
	{ account: '6050', side: 1, amount: '950.00', location: '220', department: 'FOOD', project: 'GR-2026-002', fundingSource: '10005', memo: 'Pantry restock' },
	{ account: '5000', side: 1, amount: '2100.00', location: '220', department: 'FOOD', project: 'GR-2026-002', fundingSource: '10005', memo: 'Pantry staff allocation' },
	{ account: '1000', side: -1, amount: '3050.00', location: '200', memo: 'Paid from operating cash' },
];

async function controlJson(controlUrl: string, path: string, body?: unknown): Promise<unknown> {
	const r = await httpJson(`${controlUrl}${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
		timeoutMs: 120_000,
	});
	if (r.status !== 200) throw new Error(`sandbox control ${path}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
	return r.body;
}

interface DeliveryJson {
	subscriptionId: string;
	idempotencyKey: string;
	event: { object: string; kind: string; recordNo: string };
	attempts: Array<{ status: number | 'error' }>;
	delivered: boolean;
}

async function settledExecutions(config: SuiteConfig, workflowId: string, expected: number): Promise<RecordedExecution[]> {
	await waitFor(`${expected} finished executions of ${workflowId}`, 60_000, async () => {
		const list = await recordedExecutions(config, workflowId);
		return list.length >= expected && list.every((e) => e.status !== 'running' && e.status !== 'new') ? list : undefined;
	});
	await sleep(1500); // an execution beyond the expected count (a duplicate) would show up now
	return await recordedExecutions(config, workflowId);
}

/** Actual spend per budget category of a grant, computed from the gateway. */
async function grantActuals(creds: GatewayCredentials, grant: string, categoryByAccount: Record<string, string>): Promise<Record<string, number>> {
	const lines = await readAll(creds, 'GLENTRY', 'ACCOUNTNO,TR_TYPE,AMOUNT,STATE', `PROJECTID = '${grant}'`);
	const out: Record<string, number> = {};
	for (const l of lines) {
		if (l.STATE !== 'Posted') continue;
		const n = Number(l.ACCOUNTNO);
		if (!(n >= 5000 && n < 8000)) continue;
		const c = categoryByAccount[String(l.ACCOUNTNO)] ?? 'Other';
		out[c] = (out[c] ?? 0) + Math.round(Number(l.AMOUNT) * 100) * (l.TR_TYPE === '-1' ? -1 : 1);
	}
	return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v / 100]));
}

export async function webhookChecks(config: SuiteConfig, workflows: WorkflowJson[]): Promise<void> {
	const sandbox = readSandbox(config);
	const wf = workflows.find((w) => w.id === 'sageGrantSpendDown') ?? workflows[0];
	check(wf !== undefined, 'a webhook example workflow exists');
	const trigger = wf.nodes.find((n) => n.type === `${PACKAGE}.sageIntacctTrigger`);
	check(trigger?.webhookId, `${wf.id} has a GL Entry trigger with a webhookId`);
	const webhookUrl = `http://127.0.0.1:${config.port}/webhook/${trigger.webhookId}/gl-entry`;

	// 1.x can report ready before production webhooks are registered: probe until our node answers.
	const probe = await waitFor('the production webhook to answer', 60_000, async () => {
		const r = await httpJson(webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"accessKey":"probe"}', timeoutMs: 5000 });
		return r.status === 404 ? undefined : r;
	});
	equal(probe.status, 401, 'a POST without the access key is refused');
	ok(`production webhook ${webhookUrl} is live and refuses a request without the key (401)`);

	const proxyLog: ProxyLog[] = [];
	const proxy = await startLostAnswerProxy(webhookUrl, proxyLog);
	try {
		const template = (key: string): string => buildDocumentTemplate({ event: 'created', userDimension: 'FUNDINGSOURCE', accessKeyInBody: true, accessKey: key });
		const valid = (await controlJson(sandbox.controlUrl, '/subscribe', { object: 'GLENTRY', events: ['create'], url: proxy.url, template: template(config.accessKey) })) as { id: string };
		const forged = (await controlJson(sandbox.controlUrl, '/subscribe', { object: 'GLENTRY', events: ['create'], url: webhookUrl, template: template('forged-wrong-key') })) as { id: string };
		info(`Platform Services: GL Entry "After Create" trigger ${valid.id} (right key, first answer lost) and ${forged.id} (wrong key)`);

		const before = (await recordedExecutions(config, wf.id)).length;
		const je1 = await postJournalEntry(sandbox.credentials, '100', 'E2E grant spend-down 1', JE1);
		await controlJson(sandbox.controlUrl, '/idle', {});
		await settledExecutions(config, wf.id, before + JE1.length);
		const je2 = await postJournalEntry(sandbox.credentials, '200', 'E2E grant spend-down 2', JE2);
		await controlJson(sandbox.controlUrl, '/idle', {});
		const executions = (await settledExecutions(config, wf.id, before + JE1.length + JE2.length)).slice(before);
		info(`posted journal entries ${je1} (entity 100) and ${je2} (entity 200): ${JE1.length + JE2.length} GL entries`);

		const f = new Findings();
		// What Intacct (the sandbox) saw.
		const deliveries = ((await controlJson(sandbox.controlUrl, '/deliveries')) as DeliveryJson[]).filter((d) => d.subscriptionId === valid.id || d.subscriptionId === forged.id);
		const good = deliveries.filter((d) => d.subscriptionId === valid.id);
		const bad = deliveries.filter((d) => d.subscriptionId === forged.id);
		f.expect(good.length === JE1.length + JE2.length, `deliveries with the right key: ${good.length}, expected ${JE1.length + JE2.length}`);
		f.expect(good.every((d) => d.delivered && d.attempts.map((a) => a.status).join(',') === '503,200'), `every valid delivery was retried once and then acknowledged: ${JSON.stringify(good.map((d) => d.attempts.map((a) => a.status)))}`);
		f.expect(bad.length === JE1.length + JE2.length, `forged deliveries: ${bad.length}, expected ${JE1.length + JE2.length}`);
		f.expect(bad.every((d) => !d.delivered && d.attempts.length === 1 && d.attempts[0].status === 401), `every forged delivery was refused with 401: ${JSON.stringify(bad.map((d) => d.attempts.map((a) => a.status)))}`);
		f.expect(proxyLog.length === 2 * good.length && proxyLog.every((p) => p.n8nStatus === 200), `n8n acknowledged both attempts of every valid delivery: ${JSON.stringify(proxyLog.map((p) => p.n8nStatus))}`);
		info(`sandbox delivered ${good.length} GL entry events (each retried after a lost answer, same idempotency key) and ${bad.length} forged ones (401)`);

		// What n8n recorded: one execution per GL entry, none for forged or repeated deliveries.
		const perEntry = new Map<string, number>();
		for (const e of executions) {
			const recordNo = String((recordedNodeOutput(e, 'GL entry posted')[0] ?? {}).recordNo);
			perEntry.set(recordNo, (perEntry.get(recordNo) ?? 0) + 1);
		}
		f.expect(
			executions.length === JE1.length + JE2.length,
			`executions of ${wf.id}: ${executions.length}, expected ${JE1.length + JE2.length} (one per GL entry; a retried delivery must not start a second one). Executions per GL entry: ${JSON.stringify(Object.fromEntries(perEntry))}`,
		);
		f.expect(executions.every((e) => e.status === 'success' && e.mode === 'webhook'), `all executions succeeded in webhook mode: ${executions.map((e) => `${e.id}:${e.mode}/${e.status}`).join(' ')}`);
		const deliveredRecordNos = new Set(good.map((d) => d.event.recordNo));
		const triggered = executions.map((e) => recordedNodeOutput(e, 'GL entry posted')[0] ?? {});
		f.expect(new Set(triggered.map((t) => String(t.recordNo))).size === JE1.length + JE2.length, 'every GL entry started an execution');
		f.expect(triggered.every((t) => deliveredRecordNos.has(String(t.recordNo))), 'executions match the delivered GL entries');
		info(`n8n recorded ${executions.length} webhook executions for ${perEntry.size} GL entries`);

		// Budget vs actuals for the grant lines only, equal to what the gateway says.
		const reached = executions.filter((e) => recordedNodeOutput(e, 'Budget vs actuals').length > 0);
		const reachedEntries = new Set(reached.map((e) => String((recordedNodeOutput(e, 'GL entry posted')[0] ?? {}).recordNo)));
		f.expect(reachedEntries.size === 3, `GL entries that reached "Budget vs actuals" (posted grant expense lines): ${reachedEntries.size}, expected 3`);
		for (const e of reached) {
			const category = recordedNodeOutput(e, 'Budget category')[0] as { grantId: string; category: string; categoryByAccount: Record<string, string> };
			const rows = recordedNodeOutput(e, 'Budget vs actuals') as Array<{ grantId: string; category: string; actual: number; budget: number; status: string; triggeredByThisCategory: boolean }>;
			const expected = await grantActuals(sandbox.credentials, category.grantId, category.categoryByAccount);
			for (const [cat, amount] of Object.entries(expected)) {
				const row = rows.find((r) => r.category === cat);
				f.expect(row !== undefined && Math.round(row.actual * 100) === Math.round(amount * 100), `${category.grantId} ${cat}: workflow says ${row?.actual}, Intacct says ${amount}`);
			}
			f.expect(rows.some((r) => r.triggeredByThisCategory && r.category === category.category), `${category.grantId}: the triggering category ${category.category} is flagged`);
			info(`${category.grantId} after line ${String((recordedNodeOutput(e, 'GL entry posted')[0] ?? {}).recordNo)}: ${rows.map((r) => `${r.category} ${r.actual}/${r.budget} ${r.status}`).join('; ')}`);
		}
		ok('budget vs actuals of every grant line checked against the posted GL entries read through the gateway');

		await controlJson(sandbox.controlUrl, '/unsubscribe', { id: valid.id });
		await controlJson(sandbox.controlUrl, '/unsubscribe', { id: forged.id });
		f.finish('webhook');
	} finally {
		proxy.server.close();
		proxy.server.closeAllConnections();
	}
}
