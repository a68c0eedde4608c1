/**
 * The checking side of the real-n8n e2e suite (e2e/run.sh runs the processes, this file asserts).
 *
 *   node scripts/run-ts.js e2e/checks.ts <phase> <instance.json>
 *
 * Phases: prepare (write the credential and the example workflows to import), headless (`n8n execute`
 * the manual examples and check their effects through the XML gateway, twice), webhook-workflows
 * (print the ids to publish), webhook (Platform Services deliveries to the running n8n: access key
 * template and signed webhook delivery, forgeries, secrets at rest), ui (editor
 * in headless Chromium).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckFailure, info, ok } from './lib/assert';
import { EXAMPLE_CREDENTIAL, PACKAGE, readConfig, readSandbox, type SuiteConfig, triggerCredential } from './lib/config';
import { headlessChecks } from './lib/example-checks';
import { webhookChecks } from './lib/webhook-checks';
import { uiChecks } from './lib/ui-checks';
import { restCredential, SIGNED_WORKFLOW_ID, signedWebhookChecks, signedWorkflow } from './lib/signed-webhook-checks';
import { REST_WORKFLOW_ID, restWireChecks, restWireWorkflow } from './lib/rest-wire-checks';

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown>; webhookId?: string; credentials?: Record<string, { id: string; name: string }> }>;
	[key: string]: unknown;
}

const ROOT = join(__dirname, '..', '..');

export function exampleWorkflows(): WorkflowJson[] {
	const dir = join(ROOT, 'examples');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as WorkflowJson);
}

export function isWebhookWorkflow(wf: WorkflowJson): boolean {
	return wf.nodes.some((n) => n.type === `${PACKAGE}.sageIntacctTrigger`);
}

/** Writes <runDir>/<name>-import/{credentials.json,workflows/*.json}. */
function prepare(config: SuiteConfig): void {
	const sandbox = readSandbox(config);
	const dir = join(config.runDir, `${config.name}-import`);
	mkdirSync(join(dir, 'workflows'), { recursive: true });
	const credential = { ...EXAMPLE_CREDENTIAL, type: 'sageIntacctApi', data: { ...sandbox.credentials } };
	writeFileSync(join(dir, 'credentials.json'), JSON.stringify([credential, restCredential(sandbox), triggerCredential(config.accessKey)], null, 2));
	// The signed-delivery workflow of the webhook phase (not an example: it only proves the signature path).
	writeFileSync(join(dir, 'workflows', `${SIGNED_WORKFLOW_ID}.json`), JSON.stringify(signedWorkflow(), null, 2));
	// The REST wire's read, journal entry and bill with attachment (e2e only: the examples use XML).
	writeFileSync(join(dir, 'workflows', `${REST_WORKFLOW_ID}.json`), JSON.stringify(restWireWorkflow(), null, 2));
	let count = 0;
	for (const wf of exampleWorkflows()) {
		if (wf.id.length > 21) throw new CheckFailure(`example ${wf.id}: workflow ids must be at most 21 characters`);
		for (const node of wf.nodes) {
			if (!node.type.startsWith(`${PACKAGE}.`)) continue;
			if (node.credentials?.sageIntacctApi) node.credentials.sageIntacctApi = { ...EXAMPLE_CREDENTIAL };
		}
		writeFileSync(join(dir, 'workflows', `${wf.id}.json`), JSON.stringify({ ...wf, active: false }, null, 2));
		count++;
	}
	ok(`prepared the sandbox credential and ${count} example workflows for ${config.name}`);
}

async function main(): Promise<void> {
	const [phase, configPath] = process.argv.slice(2);
	if (!phase || !configPath) throw new Error('usage: checks.ts <prepare|headless|rest|webhook-workflows|webhook|ui> <instance.json>');
	const config = readConfig(configPath);
	switch (phase) {
		case 'prepare':
			return prepare(config);
		case 'headless':
			return await headlessChecks(config, exampleWorkflows().filter((wf) => !isWebhookWorkflow(wf)));
		case 'rest':
			return await restWireChecks(config);
		case 'webhook-workflows':
			for (const wf of exampleWorkflows().filter(isWebhookWorkflow)) process.stdout.write(`${wf.id}\n`);
			process.stdout.write(`${SIGNED_WORKFLOW_ID}\n`);
			return;
		case 'webhook':
			await webhookChecks(config, exampleWorkflows().filter(isWebhookWorkflow));
			return await signedWebhookChecks(config);
		case 'ui':
			return await uiChecks(config, exampleWorkflows());
		default:
			throw new Error(`unknown phase ${phase}`);
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		if (error instanceof CheckFailure) process.stdout.write(`  FAIL ${error.message}\n`);
		else process.stdout.write(`  FAIL ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		info('see the logs under artifacts/e2e/');
		process.exit(1);
	},
);
