/**
 * Helpers of scripts/demo.sh (run with node scripts/run-ts.js scripts/demo/demo.ts <command> ...):
 *   prepare <demo-dir> <sandbox-port> <n8n-port>         credentials (the XML sandbox and the trigger's
 *                                                         access key) + example workflows to import, and the Platform Services
 *                                                         subscription file for the sandbox
 *   owner <n8n-url>                                       create the demo owner account (once)
 *   banner <demo-dir> <sandbox-ready.json> <n8n-url>      print what is running and what to try
 *   post-gl-activity <sandbox-ready.json>                 post a grant expense journal entry (fires the webhook)
 * Demo-only values: the owner login and the access key are printed on purpose.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocumentTemplate } from '../../nodes/SageIntacctTrigger/documentTemplate';
import { callFunction } from '../../e2e/lib/gateway';
import { ownerSetup } from '../../e2e/lib/n8n';
import { EXAMPLE_CREDENTIAL, PACKAGE, type SandboxInfo, triggerCredential } from '../../e2e/lib/config';
import { SANDBOX_LOGIN } from '../../sandbox/model/contract';

export const DEMO_OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'Owner', password: 'Demo-Intacct-2026' };

const ROOT = join(__dirname, '..', '..');

interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown>; webhookId?: string; credentials?: Record<string, unknown> }>;
}

function examples(): WorkflowJson[] {
	const dir = join(ROOT, 'examples');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as WorkflowJson);
}

function accessKey(demoDir: string): string {
	const file = join(demoDir, 'access-key');
	if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
	return readFileSync(file, 'utf8').trim();
}

function webhookUrl(n8nUrl: string, wf: WorkflowJson): string | undefined {
	const trigger = wf.nodes.find((n) => n.type === `${PACKAGE}.sageIntacctTrigger`);
	return trigger?.webhookId ? `${n8nUrl}/webhook/${trigger.webhookId}/gl-entry` : undefined;
}

function prepare(demoDir: string, sandboxPort: string, n8nPort: string): void {
	const endpointUrl = `http://127.0.0.1:${sandboxPort}/ia/xml/xmlgw.phtml`;
	const credentials = {
		companyId: SANDBOX_LOGIN.companyId,
		entityId: '',
		senderId: SANDBOX_LOGIN.senderId,
		senderPassword: SANDBOX_LOGIN.senderPassword,
		userId: SANDBOX_LOGIN.userId,
		userPassword: SANDBOX_LOGIN.userPassword,
		endpointUrl,
	};
	const key = accessKey(demoDir);
	const importDir = join(demoDir, 'import');
	mkdirSync(join(importDir, 'workflows'), { recursive: true });
	writeFileSync(join(importDir, 'credentials.json'), JSON.stringify([{ ...EXAMPLE_CREDENTIAL, type: 'sageIntacctApi', data: credentials }, triggerCredential(key)], null, 2));
	const subscriptions: unknown[] = [];
	for (const wf of examples()) {
		writeFileSync(join(importDir, 'workflows', `${wf.id}.json`), JSON.stringify(wf, null, 2));
		const url = webhookUrl(`http://127.0.0.1:${n8nPort}`, wf);
		if (url) {
			// What an Intacct admin sets up: GL Entry > Triggers > HTTP Post "After Create" with the node's template.
			subscriptions.push({ object: 'GLENTRY', events: ['create'], url, template: buildDocumentTemplate({ event: 'created', userDimension: 'FUNDINGSOURCE', accessKeyInBody: true, accessKey: key }) });
		}
	}
	writeFileSync(join(demoDir, 'subscriptions.json'), JSON.stringify(subscriptions, null, 2));
}

function banner(demoDir: string, sandboxFile: string, n8nUrl: string): void {
	const sandbox = JSON.parse(readFileSync(sandboxFile, 'utf8')) as SandboxInfo;
	const c = sandbox.credentials;
	const wfs = examples();
	const grant = wfs.find((w) => webhookUrl(n8nUrl, w) !== undefined);
	const lines = [
		'',
		'================================================================================',
		' Sage Intacct for n8n: demo is running',
		'================================================================================',
		` n8n editor:   ${n8nUrl}`,
		`   sign in:    ${DEMO_OWNER.email} / ${DEMO_OWNER.password}   (demo-only account)`,
		` Intacct sandbox (XML gateway): ${sandbox.gatewayUrl}`,
		`   credential "${EXAMPLE_CREDENTIAL.name}" is set up: company ${c.companyId}, sender ${c.senderId}, user ${c.userId}`,
		'',
		' Workflows (Overview in the editor):',
		...wfs.map((w) => `   - ${w.name}${webhookUrl(n8nUrl, w) ? '   [published]' : ''}`),
		'',
		' Try this:',
		'   1. Open "expenses to journal entries" and click Execute workflow: 4 balanced journal',
		'      entries are posted (one per day and entity). Run it again: nothing is posted twice.',
		'   2. The sandbox sends every new GL entry to the published grant spend-down workflow',
		'      (Platform Services trigger). Open it > Executions: one run per GL entry; grant',
		'      expense lines end in "Budget vs actuals".',
		'   3. Open "AP intake" and execute it: vendor lookup, then a bill with coded lines and',
		'      the invoice PDF attached.',
		'   4. Open "nightly GL export" and execute it: a CSV of every GL entry changed since',
		'      yesterday (download it from the "CSV file" node).',
		'   5. More GL activity for the webhook, from another terminal:',
		'        node scripts/run-ts.js scripts/demo/demo.ts post-gl-activity .cache/demo/sandbox.json',
		...(grant ? ['', ` Webhook (production URL): ${webhookUrl(n8nUrl, grant)}`, ` Access key (demo): ${accessKey(demoDir)}`] : []),
		'',
		' State survives restarts (.cache/demo). Start over: rm -rf .cache/demo',
		' Press Ctrl-C to stop n8n and the sandbox.',
		'================================================================================',
		'',
	];
	process.stdout.write(lines.join('\n'));
}

async function postGlActivity(sandboxFile: string): Promise<void> {
	const sandbox = JSON.parse(readFileSync(sandboxFile, 'utf8')) as SandboxInfo;
	const now = new Date();
	const date = `${String(now.getMonth() + 1).padStart(2, '0')}/${String(now.getDate()).padStart(2, '0')}/${now.getFullYear()}`;
	const amount = (100 + Math.round(Math.random() * 90000) / 100).toFixed(2);
	const result = await callFunction(
		{ ...sandbox.credentials, entityId: '100' },
		`<create><GLBATCH><JOURNAL>GJ</JOURNAL><BATCH_DATE>${date}</BATCH_DATE><BATCH_TITLE>Demo: mentoring supplies</BATCH_TITLE><ENTRIES>` +
			`<GLENTRY><ACCOUNTNO>6000</ACCOUNTNO><TR_TYPE>1</TR_TYPE><TRX_AMOUNT>${amount}</TRX_AMOUNT><DEPARTMENT>YOUTH</DEPARTMENT><LOCATION>120</LOCATION><PROJECTID>GR-2026-001</PROJECTID><GLDIMFUNDINGSOURCE>10004</GLDIMFUNDINGSOURCE><DESCRIPTION>Mentoring supplies</DESCRIPTION></GLENTRY>` +
			`<GLENTRY><ACCOUNTNO>1000</ACCOUNTNO><TR_TYPE>-1</TR_TYPE><TRX_AMOUNT>${amount}</TRX_AMOUNT><LOCATION>100</LOCATION><DESCRIPTION>Paid from operating cash</DESCRIPTION></GLENTRY>` +
			'</ENTRIES></GLBATCH></create>',
	);
	if (result.status !== 'success') throw new Error(result.errors.join('; '));
	process.stdout.write(`Posted journal entry ${String(result.records[0]?.RECORDNO)} (USD ${amount} to 6000 for grant GR-2026-001): watch the grant spend-down executions.\n`);
}

async function main(): Promise<void> {
	const [command, ...args] = process.argv.slice(2);
	if (command === 'prepare') return prepare(args[0], args[1], args[2]);
	if (command === 'owner') return await ownerSetup(args[0], DEMO_OWNER);
	if (command === 'banner') return banner(args[0], args[1], args[2]);
	if (command === 'post-gl-activity') return await postGlActivity(args[0] ?? join(ROOT, '.cache', 'demo', 'sandbox.json'));
	throw new Error('usage: demo.ts prepare|owner|banner|post-gl-activity ...');
}

main().catch((error: unknown) => {
	process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
