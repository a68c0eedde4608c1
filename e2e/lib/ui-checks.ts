/**
 * Editor part: the n8n UI in headless Chromium (playwright-core, Debian's /usr/bin/chromium).
 * Owner setup through the REST API, sign-in through the form, every example opened on the canvas,
 * our node panels opened (parameters render), the credential tested (UI, then REST), screenshots
 * under artifacts/e2e/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { check, Findings, info, ok } from './assert';
import { EXAMPLE_CREDENTIAL, PACKAGE, readSandbox, type SuiteConfig } from './config';
import { E2E_OWNER, ownerSetup } from './n8n';
import { panelChecks } from './ui-panel-checks';
import { restCredentialChecks } from './rest-credential-checks';
import type { WorkflowJson } from '../checks';


const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Parameter labels each of our nodes must show in its panel (what a user configures first). */
const EXPECTED_LABELS: Record<string, string[]> = {
	[`${PACKAGE}.sageIntacct`]: ['Credential', EXAMPLE_CREDENTIAL.name, 'Resource', 'Operation'],
	[`${PACKAGE}.sageIntacctTrigger`]: ['Access Key', 'Events', 'Document Template', 'Production URL'],
};

async function signIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(E2E_OWNER.email);
	await page.locator('input[name="password"]').fill(E2E_OWNER.password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

async function shot(page: Page, dir: string, name: string): Promise<string> {
	const file = join(dir, `${name}.png`);
	await page.screenshot({ path: file, fullPage: false });
	return file;
}

async function openWorkflow(page: Page, baseUrl: string, wf: WorkflowJson): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${wf.id}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 45_000 });
	// Dismiss first-visit popups (e.g. "what's new") if any.
	await page.keyboard.press('Escape');
	for (const node of wf.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote')) {
		const onCanvas = page.locator(`[data-test-id="canvas-node"][data-node-name="${node.name}"], [data-test-id="canvas-node"]:has-text("${node.name}")`).first();
		await onCanvas.waitFor({ timeout: 15_000 });
		// An unknown node type renders with a "?" placeholder and an install prompt: make sure ours are known.
		if (node.type.startsWith(`${PACKAGE}.`)) {
			const text = (await onCanvas.innerText()).toLowerCase();
			check(!text.includes('install'), `node "${node.name}" renders as a known node`);
		}
	}
}

async function openNodePanel(page: Page, nodeName: string, nodeType: string): Promise<string[]> {
	const onCanvas = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"], [data-test-id="canvas-node"]:has-text("${nodeName}")`).first();
	await onCanvas.dblclick();
	const ndv = page.locator('[data-test-id="ndv"]').first();
	await ndv.waitFor({ timeout: 20_000 });
	const missing: string[] = [];
	for (const label of EXPECTED_LABELS[nodeType] ?? []) {
		try {
			await ndv.getByText(label, { exact: false }).first().waitFor({ timeout: 10_000 });
		} catch {
			// Selected values (the credential's name) live in input elements, not in text nodes.
			const values = await ndv.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
			if (!values.some((v) => v.includes(label))) missing.push(label);
		}
	}
	return missing;
}

async function closeNodePanel(page: Page): Promise<void> {
	const back = page.locator('[data-test-id="back-to-canvas"]').first();
	if (await back.isVisible().catch(() => false)) await back.click();
	else await page.keyboard.press('Escape');
	await page.locator('[data-test-id="ndv"]').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

export async function uiChecks(config: SuiteConfig, workflows: WorkflowJson[]): Promise<void> {
	const baseUrl = `http://127.0.0.1:${config.port}`;
	const dir = config.artifactsDir;
	mkdirSync(dir, { recursive: true });
	const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	check(existsSync(executablePath), `Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`);

	await ownerSetup(baseUrl, E2E_OWNER);
	ok('owner account set up through POST /rest/owner/setup');

	const userDataDir = join(config.runDir, `chromium-profile-${Date.now()}`);
	mkdirSync(userDataDir, { recursive: true });
	let browser: Browser | undefined;
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1600, height: 1000 },
	});
	try {
		browser = context.browser() ?? undefined;
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(30_000);
		await signIn(page, baseUrl);
		ok(`signed in as ${E2E_OWNER.email} through the sign-in form`);
		await shot(page, dir, 'ui-01-signed-in');

		let index = 2;
		for (const wf of workflows) {
			await openWorkflow(page, baseUrl, wf);
			await shot(page, dir, `ui-${String(index++).padStart(2, '0')}-workflow-${wf.id}`);
			const ours = wf.nodes.filter((n) => n.type.startsWith(`${PACKAGE}.`));
			for (const node of ours) {
				const missing = await openNodePanel(page, node.name, node.type);
				if (node.webhookId) {
					// The trigger's URL section: the URL to paste into Intacct ends in <webhookId>/gl-entry.
					const ndv = page.locator('[data-test-id="ndv"]').first();
					await ndv.getByText('Webhook URLs').first().click();
					const prod = ndv.getByText('Production URL', { exact: true }).first();
					if (await prod.isVisible().catch(() => false)) await prod.click();
					const url = ndv.getByText(`/webhook/${node.webhookId}/gl-entry`, { exact: false }).first();
					if (!(await url.isVisible({ timeout: 5000 }).catch(() => false))) missing.push(`webhook URL .../webhook/${node.webhookId}/gl-entry`);
				}
				await shot(page, dir, `ui-${String(index++).padStart(2, '0')}-panel-${wf.id}-${node.name.replace(/[^A-Za-z0-9]+/g, '-')}`);
				check(missing.length === 0, `panel of "${node.name}" (${node.type}) shows ${(EXPECTED_LABELS[node.type] ?? []).join(', ')}; missing: ${missing.join(', ')}`);
				await closeNodePanel(page);
			}
			ok(`${wf.id}: canvas renders ${wf.nodes.length} nodes; ${ours.length} Sage Intacct node panel(s) show their parameters`);
		}

		// Credential test in the UI: open the credential from the credentials list.
		let uiTested = false;
		try {
			await page.goto(`${baseUrl}/home/credentials`);
			await page.getByText(EXAMPLE_CREDENTIAL.name, { exact: false }).first().click({ timeout: 20_000 });
			const modal = page.locator('[data-test-id="credential-edit-dialog"], .el-dialog').first();
			await modal.waitFor({ timeout: 15_000 });
			const retry = modal.getByRole('button', { name: /retry|test/i }).first();
			if (await retry.isVisible().catch(() => false)) await retry.click();
			await modal.getByText(/connection tested successfully/i).first().waitFor({ timeout: 30_000 });
			uiTested = true;
		} catch (error) {
			info(`credential test banner not seen in the UI (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); testing through the REST API`);
		}
		await shot(page, dir, `ui-${String(index++).padStart(2, '0')}-credential`);

		// The same test through the REST endpoint the UI uses, from the signed-in page.
		// As the editor does: fetch the credential (secrets redacted), send it back with any changes.
		const test = async (changes: Record<string, string>): Promise<{ status?: string; message?: string }> =>
			await page.evaluate(
				async ({ base, id, changes }) => {
					// The session cookie is bound to the browser id the editor sends with every REST call.
					const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage;
					const headers = { 'Content-Type': 'application/json', 'browser-id': storage.getItem('n8n-browserId') ?? '' };
					const stored = (await (await fetch(`${base}/rest/credentials/${id}?includeData=true`, { headers, credentials: 'include' })).json()) as {
						data: { id: string; name: string; type: string; data: Record<string, unknown> };
					};
					const credential = { ...stored.data, data: { ...stored.data.data, ...changes } };
					const r = await fetch(`${base}/rest/credentials/test`, { method: 'POST', credentials: 'include', headers, body: JSON.stringify({ credentials: credential }) });
					const body = (await r.json()) as { data?: { status?: string; message?: string }; message?: string };
					return body.data ?? { status: `HTTP ${r.status}`, message: body.message };
				},
				{ base: baseUrl, id: EXAMPLE_CREDENTIAL.id, changes },
			);
		const findings = new Findings();
		// What a person sees (issue 18): the template to paste, the nodes panel, a fixed date.
		await panelChecks(page, baseUrl, config, workflows, findings);
		const good = await test({});
		findings.expect(good.status === 'OK', `credential test of the stored credential: ${JSON.stringify(good)}`);
		const edited = await test({ userPassword: 'not-the-password' });
		findings.expect(edited.status === 'Error', `credential test after changing the stored credential's user password to a wrong one must fail: ${JSON.stringify(edited)}`);
		const sandboxCreds = await page.evaluate(
			async ({ base, id }) => {
				const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage;
				const headers = { 'browser-id': storage.getItem('n8n-browserId') ?? '' };
				const r = (await (await fetch(`${base}/rest/credentials/${id}?includeData=true`, { headers, credentials: 'include' })).json()) as { data: { data: Record<string, unknown> } };
				return r.data.data;
			},
			{ base: baseUrl, id: EXAMPLE_CREDENTIAL.id },
		);
		info(`stored credential fields: ${Object.keys(sandboxCreds).sort().join(', ')}`);
		const fresh = await page.evaluate(
			async ({ base, data }) => {
				const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage;
				const headers = { 'Content-Type': 'application/json', 'browser-id': storage.getItem('n8n-browserId') ?? '' };
				const r = await fetch(`${base}/rest/credentials/test`, {
					method: 'POST',
					credentials: 'include',
					headers,
					body: JSON.stringify({ credentials: { id: '', name: 'new', type: 'sageIntacctApi', data } }),
				});
				const body = (await r.json()) as { data?: { status?: string; message?: string }; message?: string };
				return body.data ?? { status: `HTTP ${r.status}`, message: body.message };
			},
			{ base: baseUrl, data: { ...readSandbox(config).credentials, userPassword: 'not-the-password' } },
		);
		findings.expect(
			fresh.status === 'Error' && typeof fresh.message === 'string' && fresh.message.length > 0,
			`credential test of a new credential with a wrong user password fails with a message: ${JSON.stringify(fresh)}`,
		);
		if (good.status === 'OK') ok(`credential test: ${uiTested ? 'UI shows "Connection tested successfully"; ' : ''}REST says OK for the stored credential`);
		if (fresh.status === 'Error') ok(`credential test of a new credential with a wrong password: "${String(fresh.message).slice(0, 160)}"`);
		await restCredentialChecks(page, baseUrl, dir, findings);
		findings.finish('ui');
		info(`screenshots in ${dir}`);
	} finally {
		await context.close();
		await browser?.close().catch(() => undefined);
	}
}
