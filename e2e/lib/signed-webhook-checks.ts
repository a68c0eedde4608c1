/**
 * Signed webhook delivery in real n8n (issue 14): a workflow whose Sage Intacct Trigger (v2) uses
 * "Webhook Delivery (Signed)" with the REST credential is published; the sandbox's Platform Services
 * emulation delivers signed GL entry events to it, the first answer of each lost on the way (so
 * Intacct retries with the same idempotency key), while forged senders try: another secret, another
 * issuer, a tampered body, an expired token, no signature, a replay of a processed delivery. The
 * executions n8n recorded are read from its database; the client secret and every token seen on the
 * wire are then looked for in n8n's database files and logs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocumentTemplate } from '../../nodes/SageIntacctTrigger/documentTemplate';
import { DEMO_CLIENT_APPLICATION } from '../../sandbox/platform/clientApplication';
import { signDelivery } from '../../sandbox/platform/webhookSigning';
import { check, equal, Findings, info, ok, waitFor } from './assert';
import { EXAMPLE_TRIGGER_CREDENTIAL, PACKAGE, readSandbox, type SandboxInfo, type SuiteConfig } from './config';
import { callFunction, type GatewayCredentials } from './gateway';
import { allExecutionDataText, recordedExecutions, recordedNodeOutput, type RecordedExecution } from './executions';
import { httpJson, sleep } from './n8n';
import { httpCall } from './http';

export const SIGNED_WORKFLOW_ID = 'e2eSignedGlEntry';
export const REST_CREDENTIAL = { id: 'sageIntacctRest01', name: 'Sage Intacct sandbox (REST)' };
const WEBHOOK_ID = '3b7e1c52-9d4a-4f06-8e21-6a5f0c9d7b13';
const TRIGGER_NAME = 'Signed GL entry';
const NEXT_NAME = 'Received';

/** The sageIntacctOAuth2Api credential of the sandbox's REST client application. */
export function restCredential(sandbox: SandboxInfo): Record<string, unknown> {
	return {
		...REST_CREDENTIAL,
		type: 'sageIntacctOAuth2Api',
		data: {
			grantType: 'clientCredentials',
			clientId: DEMO_CLIENT_APPLICATION.clientId,
			clientSecret: DEMO_CLIENT_APPLICATION.clientSecret,
			companyId: sandbox.credentials.companyId,
			userId: sandbox.credentials.userId,
			restBaseUrl: `http://127.0.0.1:${sandbox.port}/ia/api/v1`,
		},
	};
}

/** Trigger (v2, signed webhook delivery, no enrichment) -> No Operation. */
export function signedWorkflow(): Record<string, unknown> {
	return {
		id: SIGNED_WORKFLOW_ID,
		name: 'E2E: signed GL entry deliveries',
		active: false,
		nodes: [
			{
				id: '00000000-0000-4000-8000-00000000e201',
				name: TRIGGER_NAME,
				type: `${PACKAGE}.sageIntacctTrigger`,
				typeVersion: 2,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { deliveryMode: 'webhookDelivery', intacctTriggers: 'onePerEvent', events: ['created'], enrich: false, options: {} },
				credentials: { sageIntacctOAuth2Api: { ...REST_CREDENTIAL } },
			},
			{ id: '00000000-0000-4000-8000-00000000e202', name: NEXT_NAME, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [240, 0], parameters: {} },
		],
		connections: { [TRIGGER_NAME]: { main: [[{ node: NEXT_NAME, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

interface Relay {
	url: string;
	server: Server;
	/** Every Authorization / signature token that passed through. */
	tokens: Set<string>;
	answers: Array<{ key: string; n8nStatus: number; answered: number }>;
}

const HOP_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

/** Forwards every delivery to n8n byte for byte; answers 503 to the first attempt of each key (the answer was lost). */
async function startLostAnswerRelay(target: string): Promise<Relay> {
	const seen = new Set<string>();
	const relay: Relay = { url: '', server: createServer(), tokens: new Set(), answers: [] };
	relay.server.on('request', (req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			void (async () => {
				const headers: Record<string, string> = {};
				for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && !HOP_HEADERS.has(name)) headers[name] = value;
				const key = headers['x-idempotencykey'] ?? headers['idempotency-key'] ?? '';
				const signature = headers['x-ia-sage-signature'];
				if (signature) relay.tokens.add(signature);
				const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
				if (bearer) relay.tokens.add(bearer);
				let n8nStatus = -1;
				try {
					n8nStatus = (await httpCall(target, { method: 'POST', headers, body: Buffer.concat(chunks), timeoutMs: 15_000 })).status;
				} catch {
					n8nStatus = -1;
				}
				const answered = seen.has(key) ? n8nStatus : 503;
				seen.add(key);
				relay.answers.push({ key, n8nStatus, answered });
				res.writeHead(answered > 0 ? answered : 502, { 'Content-Type': 'application/json' }).end('{}');
			})();
		});
	});
	await new Promise<void>((resolve) => relay.server.listen(0, '127.0.0.1', resolve));
	relay.url = `http://127.0.0.1:${(relay.server.address() as AddressInfo).port}/signed`;
	return relay;
}

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
	event: { recordNo: string };
	attempts: Array<{ status: number | 'error' }>;
	delivered: boolean;
}

async function postEntry(creds: GatewayCredentials, title: string): Promise<void> {
	const today = new Date();
	const date = `${String(today.getUTCMonth() + 1).padStart(2, '0')}/${String(today.getUTCDate()).padStart(2, '0')}/${today.getUTCFullYear()}`;
	const line = (side: 1 | -1, account: string) =>
		`<GLENTRY><ACCOUNTNO>${account}</ACCOUNTNO><TR_TYPE>${side}</TR_TYPE><TRX_AMOUNT>75.00</TRX_AMOUNT><LOCATION>100</LOCATION><DESCRIPTION>${title}</DESCRIPTION></GLENTRY>`;
	const result = await callFunction(
		{ ...creds, entityId: '100' },
		`<create><GLBATCH><JOURNAL>GJ</JOURNAL><BATCH_DATE>${date}</BATCH_DATE><BATCH_TITLE>${title}</BATCH_TITLE><ENTRIES>${line(1, '6600')}${line(-1, '1000')}</ENTRIES></GLBATCH></create>`,
	);
	if (result.status !== 'success') throw new Error(`posting "${title}" failed: ${result.errors.join('; ')}`);
}

/** Every file of n8n's user folder database and the instance's logs, as text, to look for secrets. */
function storedText(config: SuiteConfig): Array<{ file: string; text: string }> {
	const files: string[] = [];
	const n8nDir = join(config.userFolder, '.n8n');
	for (const f of readdirSync(n8nDir)) if (f.startsWith('database.sqlite')) files.push(join(n8nDir, f));
	for (const f of readdirSync(config.runDir)) if (f.startsWith(config.name) && f.endsWith('.log')) files.push(join(config.runDir, f));
	return files.filter((f) => statSync(f).isFile()).map((file) => ({ file, text: readFileSync(file).toString('latin1') }));
}

async function settled(config: SuiteConfig, expected: number): Promise<RecordedExecution[]> {
	await waitFor(`${expected} finished executions of ${SIGNED_WORKFLOW_ID}`, 90_000, async () => {
		const list = await recordedExecutions(config, SIGNED_WORKFLOW_ID);
		return list.length >= expected && list.every((e) => e.status !== 'running' && e.status !== 'new') ? list : undefined;
	});
	await sleep(1500); // a duplicate execution would show up now
	return await recordedExecutions(config, SIGNED_WORKFLOW_ID);
}

export async function signedWebhookChecks(config: SuiteConfig): Promise<void> {
	const sandbox = readSandbox(config);
	const url = `http://127.0.0.1:${config.port}/webhook/${WEBHOOK_ID}/gl-entry`;
	const { clientId, clientSecret } = DEMO_CLIENT_APPLICATION;
	const template = buildDocumentTemplate({ event: 'created', userDimension: 'FUNDINGSOURCE', accessKeyInBody: false });

	const probe = await waitFor('the signed production webhook to answer', 60_000, async () => {
		const r = await httpJson(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"RECORDNO":"1"}', timeoutMs: 5000 });
		return r.status === 404 ? undefined : r;
	});
	equal(probe.status, 401, 'an unsigned POST to the signed trigger is refused');
	ok(`signed production webhook ${url} is live and refuses an unsigned call (401)`);

	const relay = await startLostAnswerRelay(url);
	const f = new Findings();
	try {
		const subscribe = async (target: string, delivery: Record<string, unknown>) =>
			((await controlJson(sandbox.controlUrl, '/subscribe', { object: 'GLENTRY', events: ['create'], url: target, template, encoding: 'json', webhookDelivery: { clientId, ...delivery } })) as { id: string }).id;
		const valid = await subscribe(relay.url, {});
		const wrongSecret = await subscribe(url, { forgeWithSecret: 'not-the-client-secret-of-this-app' });
		const wrongIssuer = await subscribe(url, { forgeIssuer: 'Someone Else' });
		info(`Platform Services: signed deliveries ${valid} (first answer lost), forged ${wrongSecret} (other secret) and ${wrongIssuer} (other issuer)`);

		const before = (await recordedExecutions(config, SIGNED_WORKFLOW_ID)).length;
		await postEntry(sandbox.credentials, 'E2E signed delivery');
		await controlJson(sandbox.controlUrl, '/idle', {});
		const executions = (await settled(config, before + 2)).slice(before);

		const deliveries = (await controlJson(sandbox.controlUrl, '/deliveries')) as DeliveryJson[];
		const of = (id: string) => deliveries.filter((d) => d.subscriptionId === id);
		const good = of(valid);
		f.expect(good.length === 2, `signed deliveries: ${good.length}, expected 2 (one per GL entry line)`);
		f.expect(good.every((d) => d.delivered && d.attempts.map((a) => a.status).join(',') === '503,200'), `each signed delivery was retried once and then acknowledged: ${JSON.stringify(good.map((d) => d.attempts.map((a) => a.status)))}`);
		f.expect(relay.answers.length === 4 && relay.answers.every((a) => a.n8nStatus === 200), `n8n accepted both attempts of each signed delivery: ${JSON.stringify(relay.answers.map((a) => a.n8nStatus))}`);
		for (const [id, label] of [[wrongSecret, 'another secret'], [wrongIssuer, 'another issuer']] as const) {
			const forged = of(id);
			f.expect(forged.length === 2 && forged.every((d) => !d.delivered && d.attempts.length === 1 && d.attempts[0].status === 401), `deliveries signed with ${label} were refused with 401 and not retried: ${JSON.stringify(forged.map((d) => d.attempts.map((a) => a.status)))}`);
		}

		// Forged calls made here, each against a body as Intacct renders it.
		const body = template.replace(/\{!GLENTRY\.RECORDNO!\}/, '990001').replace(/\{![A-Z0-9_.]+!\}/g, '');
		const call = async (name: string, payload: string, headers: Record<string, string>) => {
			const r = await httpCall(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: Buffer.from(payload, 'utf8'), timeoutMs: 15_000 });
			return { name, status: r.status };
		};
		const signed = (payload: string, extra: { issuedAt?: Date; secret?: string } = {}) => {
			const token = signDelivery({ body: payload, clientId, clientSecret: extra.secret ?? clientSecret, issuedAt: extra.issuedAt ?? new Date() });
			relay.tokens.add(token);
			return token;
		};
		const token = signed(body);
		const key = `e2e-forged-${Date.now()}`;
		const forgedCalls = [
			await call('tampered body', body.replace('990001', '990002'), { 'X-IA-Sage-Signature': token, Authorization: `Bearer ${token}`, 'X-IdempotencyKey': `${key}-1` }),
			await call('expired token', body, (() => {
				const old = signed(body, { issuedAt: new Date(Date.now() - 3 * 3600_000) });
				return { 'X-IA-Sage-Signature': old, Authorization: `Bearer ${old}`, 'X-IdempotencyKey': `${key}-2` };
			})()),
			await call('no signature header', body, { Authorization: `Bearer ${token}`, 'X-IdempotencyKey': `${key}-3` }),
		];
		for (const c of forgedCalls) f.expect(c.status === 401, `${c.name}: HTTP ${c.status}, expected 401`);
		const firstKey = good[0]?.idempotencyKey ?? '';
		const replayBody = template.replace(/\{!GLENTRY\.RECORDNO!\}/, good[0]?.event.recordNo ?? '0').replace(/\{![A-Z0-9_.]+!\}/g, '');
		const replayToken = signed(replayBody);
		const replay = await call('replay of a processed delivery', replayBody, { 'X-IA-Sage-Signature': replayToken, Authorization: `Bearer ${replayToken}`, 'X-IdempotencyKey': firstKey });
		f.expect(replay.status === 200, `a replay of a processed idempotency key is acknowledged (HTTP ${replay.status}) and starts nothing`);
		info(`forged calls answered ${forgedCalls.map((c) => `${c.name} ${c.status}`).join(', ')}; replay ${replay.status}`);

		const after = (await settled(config, before + 2)).slice(before);
		f.expect(after.length === 2, `executions of ${SIGNED_WORKFLOW_ID}: ${after.length}, expected 2 (one per GL entry line; retries, forgeries and the replay start none)`);
		f.expect(executions.every((e) => e.status === 'success' && e.mode === 'webhook'), `signed executions succeeded in webhook mode: ${executions.map((e) => `${e.id}:${e.mode}/${e.status}`).join(' ')}`);
		const recordNos = new Set(after.map((e) => String((recordedNodeOutput(e, NEXT_NAME)[0] ?? {}).recordNo)));
		const delivered = new Set(good.map((d) => d.event.recordNo));
		f.expect(recordNos.size === 2 && [...recordNos].every((r) => delivered.has(r)), `the executions carry the delivered GL entries: ${[...recordNos].join(', ')}`);
		ok(`n8n ran ${after.length} executions for ${good.length} signed deliveries (each delivered twice), refused ${2 * 2 + forgedCalls.length} forged calls`);

		await controlJson(sandbox.controlUrl, '/unsubscribe', { id: valid });
		await controlJson(sandbox.controlUrl, '/unsubscribe', { id: wrongSecret });
		await controlJson(sandbox.controlUrl, '/unsubscribe', { id: wrongIssuer });

		// No secret at rest or in logs: the client secret, every token seen on the wire and the template
		// access key (in an encrypted sageIntacctTriggerApi credential since the example is version 2)
		// anywhere in n8n's database files, execution data and logs.
		check(relay.tokens.size > 0, 'tokens were observed on the wire');
		const everywhere: Array<[string, string]> = [['the REST client secret', clientSecret], ['the trigger access key', config.accessKey], ...[...relay.tokens].map((t, i): [string, string] => [`signature token ${i + 1}`, t])];
		const leaks: string[] = [];
		const stored = storedText(config);
		for (const { file, text } of stored) for (const [what, value] of everywhere) if (text.includes(value)) leaks.push(`${what} in ${file}`);
		const runData = await allExecutionDataText(config);
		for (const [what, value] of everywhere) if (runData.some((d) => d.includes(value))) leaks.push(`${what} in execution data`);
		// The scan reads what n8n stores: the example's webhook ID and the trigger credential's name are found in the database.
		f.expect(
			[stored.filter((s) => s.file.includes('database.sqlite')).map((s) => s.text).join('\n')].every(
				(db) => db.includes('6f0d2a4e-5b1c-4f7e-9a3d-2c8b1e0f4a57') && db.includes(EXAMPLE_TRIGGER_CREDENTIAL.name),
			),
			"the scan reads n8n's database (it finds the example's webhook ID and the trigger credential's name)",
		);
		f.expect(leaks.length === 0, `no secret in n8n's database, execution data or logs: ${leaks.join('; ')}`);
		ok(`looked for ${everywhere.length} secrets in ${stored.length} files and ${runData.length} executions' data: ${leaks.length} found`);
	} finally {
		relay.server.close();
		relay.server.closeAllConnections();
	}
	f.finish('signed webhook');
}
