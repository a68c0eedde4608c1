/**
 * What a person sees in the editor (issue 18), checked in real Chromium with screenshots:
 *   1. the trigger's Document Template: the text under "Result" equals the template the sandbox's
 *      Platform Services was subscribed with in the webhook phase (buildDocumentTemplate);
 *   2. the nodes panel after a Manual Trigger: searching "Sage Intacct" lists the app described by
 *      what it does and the polling trigger by its own name; the app's actions and triggers inside;
 *   4. a fixed ISO posting date (2026-03-31) is shown in the panel, not an empty date picker.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildDocumentTemplate, PASTE_HINT } from '../../nodes/SageIntacctTrigger/documentTemplate';
import { Findings, ok } from './assert';
import { EXAMPLE_CREDENTIAL, PACKAGE, type SuiteConfig } from './config';
import type { WorkflowJson } from '../checks';

type Shot = (name: string) => Promise<void>;

async function canvasNode(page: Page, name: string) {
	return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"], [data-test-id="canvas-node"]:has-text("${name}")`).first();
}

async function openPanel(page: Page, nodeName: string): Promise<void> {
	await (await canvasNode(page, nodeName)).dblclick();
	await page.locator('[data-test-id="ndv"]').first().waitFor({ timeout: 20_000 });
}

async function closePanel(page: Page): Promise<void> {
	const back = page.locator('[data-test-id="back-to-canvas"]').first();
	if (await back.isVisible().catch(() => false)) await back.click();
	else await page.keyboard.press('Escape');
	await page.locator('[data-test-id="ndv"]').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

/** REST call from the signed-in page (the session cookie is bound to the editor's browser id). */
async function rest<T>(page: Page, baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
	return await page.evaluate(
		async ({ base, method, path, body }) => {
			const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage;
			const headers = { 'Content-Type': 'application/json', 'browser-id': storage.getItem('n8n-browserId') ?? '' };
			const r = await fetch(`${base}${path}`, { method, headers, credentials: 'include', body: body === undefined ? undefined : JSON.stringify(body) });
			const json = (await r.json()) as { data?: unknown };
			if (!r.ok) throw new Error(`${method} ${path}: HTTP ${r.status} ${JSON.stringify(json).slice(0, 300)}`);
			return (json.data ?? json) as never;
		},
		{ base: baseUrl, method, path, body },
	);
}

/** n8n 2.x deletes only archived workflows. */
async function removeWorkflow(page: Page, baseUrl: string, id: string): Promise<void> {
	await rest(page, baseUrl, 'POST', `/rest/workflows/${id}/archive`).catch(() => undefined);
	await rest(page, baseUrl, 'DELETE', `/rest/workflows/${id}`).catch(() => undefined);
}

/** Item 1: the Result under the Document Template field is the template the sandbox accepted. */
async function documentTemplateCheck(page: Page, baseUrl: string, config: SuiteConfig, workflows: WorkflowJson[], findings: Findings, shot: Shot): Promise<void> {
	const wf = workflows.find((w) => w.nodes.some((n) => n.type === `${PACKAGE}.sageIntacctTrigger`));
	const trigger = wf?.nodes.find((n) => n.type === `${PACKAGE}.sageIntacctTrigger`);
	if (wf === undefined || trigger === undefined) {
		findings.expect(false, 'an example workflow with the GL Entry trigger');
		return;
	}
	await page.goto(`${baseUrl}/workflow/${wf.id}`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 45_000 });
	// Tall enough for the whole Result: CodeMirror renders only the lines in view.
	const viewport = page.viewportSize();
	await page.setViewportSize({ width: 1600, height: 2600 });
	await openPanel(page, trigger.name);
	const field = page.locator('[data-test-id="parameter-input-documentTemplate"]').first();
	await field.scrollIntoViewIfNeeded();
	await field.locator('.cm-content').first().click();
	const result = page.locator('[data-test-id="inline-expression-editor-output"]').first();
	await result.waitFor({ timeout: 15_000 });
	await shot('ui-template-result');
	// The inline Result is a small scrolling box (CodeMirror puts only the lines in view in the page):
	// read the whole text where a person reads it, in the full-screen expression editor.
	await field.locator('[data-test-id="expander"]').first().click();
	const full = page.locator('[data-test-id="expression-modal-output"]').first();
	await full.waitFor({ timeout: 15_000 });
	await page.waitForTimeout(500);
	await shot('ui-template-result-full-screen');
	const shown = (await full.innerText()).replace(/\u00a0/g, ' ').trim();
	// The template the webhook phase subscribed the sandbox's Platform Services with (and that
	// delivered GL entries into this workflow there): same options as the imported trigger.
	// The example (version 2) keeps its access key in a credential, which an expression cannot read: the
	// panel shows the paste hint where the key goes, and the admin puts the credential's key there.
	const p = trigger.parameters as Record<string, unknown>;
	const options = {
		event: p.intacctTriggers === 'oneForAllEvents' ? undefined : ((p.templateEvent as 'created' | undefined) ?? 'created'),
		userDimension: String(p.userDimension ?? ''),
		accessKeyInBody: (p.accessKeyLocation ?? 'body') === 'body',
	};
	const keyInParameter = typeof p.accessKey === 'string' && p.accessKey !== '' ? config.accessKey : undefined;
	const accepted = buildDocumentTemplate({ ...options, accessKey: keyInParameter });
	const subscribed = buildDocumentTemplate({ ...options, accessKey: config.accessKey });
	findings.expect(
		accepted.split(PASTE_HINT).join(config.accessKey) === subscribed,
		'the panel template with the access key pasted in is the template the sandbox delivered with',
	);
	writeFileSync(join(config.artifactsDir, 'ui-template-result.txt'), shown);
	const at = [...shown].findIndex((c, i) => c !== accepted[i]);
	findings.expect(
		shown === accepted,
		`Document Template Result equals the template to paste (${shown.length} vs ${accepted.length} chars; first difference at ${at}: ${JSON.stringify(shown.slice(Math.max(0, at - 40), at + 40))} vs ${JSON.stringify(accepted.slice(Math.max(0, at - 40), at + 40))})`,
	);
	// Readable without clicking: the field shows the template's JSON lines (merge fields), not
	// JavaScript; which lines depends on how far the small field is scrolled.
	const source = await field.locator('.cm-content').first().innerText();
	const mergeLines = source.match(/"([A-Z_]+)": "\{!GLENTRY\.\1!\}"/g) ?? [];
	findings.expect(mergeLines.length >= 3, `the Document Template field shows the template's JSON lines (saw ${mergeLines.length} merge-field lines): ${JSON.stringify(source.slice(0, 300))}`);
	await page.keyboard.press('Escape');
	await closePanel(page);
	if (viewport !== null) await page.setViewportSize(viewport);
	if (shown === accepted) ok(`Document Template: the Result shown in the panel (${accepted.split('\n').length} lines) is the template the sandbox delivered with, the access key left to paste`);
}

/** Item 2: the nodes panel after a Manual Trigger. */
async function nodesPanelCheck(page: Page, baseUrl: string, findings: Findings, shot: Shot): Promise<void> {
	const created = await rest<{ id: string }>(page, baseUrl, 'POST', '/rest/workflows', {
		name: 'UI check: nodes panel',
		nodes: [{ id: 'ui-manual', name: 'When clicking Execute workflow', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
		settings: {},
		active: false,
	});
	await page.goto(`${baseUrl}/workflow/${created.id}`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 45_000 });
	await page.keyboard.press('Escape');
	// The "+" on the trigger's output (what a person clicks to add the next step), else the canvas's.
	const plus = page.locator('[data-test-id="canvas-handle-plus"], [data-test-id="canvas-plus-button"], [data-test-id="node-creator-plus-button"]').first();
	await plus.click();
	const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first();
	await search.waitFor({ timeout: 15_000 });
	await search.fill('Sage Intacct');
	const items = page.locator('[data-test-id="item-iterator-item"]');
	await items.first().waitFor({ timeout: 15_000 });
	await page.waitForTimeout(500);
	const entries = (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
	await shot('ui-nodes-panel-search');
	const app = entries.find((t) => /^Sage Intacct\b/.test(t) && !/Record Changes/.test(t));
	findings.expect(app !== undefined && /Post journal entries/.test(app), `nodes panel: a "Sage Intacct" entry described by what it does; entries: ${JSON.stringify(entries)}`);
	findings.expect(!entries.some((t) => /^Sage Intacct Poll\b/.test(t)), `nodes panel: no bare "Sage Intacct Poll" entry; entries: ${JSON.stringify(entries)}`);
	findings.expect(entries.some((t) => /Sage Intacct Record Changes/.test(t)), `nodes panel: the polling trigger listed as "Sage Intacct Record Changes"; entries: ${JSON.stringify(entries)}`);
	if (app !== undefined) {
		await items.filter({ hasText: /Post journal entries/ }).first().click();
		const panel = page.locator('[data-test-id="node-creator"]').first();
		await panel.getByText('Create a journal entry', { exact: false }).first().waitFor({ timeout: 15_000 });
		const text = (await panel.innerText()).replace(/\s+/g, ' ');
		await shot('ui-nodes-panel-app');
		findings.expect(/Actions \(\d+\)/.test(text) && /Create a journal entry/.test(text), `inside "Sage Intacct": its actions by name; panel: ${text.slice(0, 400)}`);
		if (/Create a journal entry/.test(text)) ok(`nodes panel: "${app.slice(0, 140)}"; inside: ${/Actions \((\d+)\)/.exec(text)?.[0] ?? 'actions'}${/On GL entry created/.test(text) ? ' and "On GL entry created/updated/deleted"' : ''}`);
	}
	await page.keyboard.press('Escape');
	await removeWorkflow(page, baseUrl, created.id);
}

/** Item 4: a fixed ISO posting date is visible in the panel. */
async function fixedDateCheck(page: Page, baseUrl: string, findings: Findings, shot: Shot): Promise<void> {
	const created = await rest<{ id: string }>(page, baseUrl, 'POST', '/rest/workflows', {
		name: 'UI check: fixed posting date',
		nodes: [
			{ id: 'ui-date-manual', name: 'Manual', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'ui-date-je',
				name: 'Post journal entry',
				type: `${PACKAGE}.sageIntacct`,
				typeVersion: 1,
				position: [240, 0],
				parameters: { resource: 'journalEntry', operation: 'create', journal: 'GJ', postingDate: '2026-03-31', description: 'Month-end accrual' },
				credentials: { sageIntacctApi: { id: EXAMPLE_CREDENTIAL.id, name: EXAMPLE_CREDENTIAL.name } },
			},
		],
		connections: { Manual: { main: [[{ node: 'Post journal entry', type: 'main', index: 0 }]] } },
		settings: {},
		active: false,
	});
	await page.goto(`${baseUrl}/workflow/${created.id}`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 45_000 });
	await page.keyboard.press('Escape');
	await openPanel(page, 'Post journal entry');
	const field = page.locator('[data-test-id="parameter-input-postingDate"]').first();
	await field.waitFor({ timeout: 15_000 });
	await field.scrollIntoViewIfNeeded();
	const values = await field.locator('input, textarea').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
	const text = await field.innerText();
	await shot('ui-fixed-posting-date');
	findings.expect(values.includes('2026-03-31') || text.includes('2026-03-31'), `Posting Date shows 2026-03-31 (inputs: ${JSON.stringify(values)}, text: ${JSON.stringify(text)})`);
	if (values.includes('2026-03-31') || text.includes('2026-03-31')) ok('Posting Date: the fixed ISO date 2026-03-31 is shown in the panel');
	await closePanel(page);
	await removeWorkflow(page, baseUrl, created.id);
}

export async function panelChecks(page: Page, baseUrl: string, config: SuiteConfig, workflows: WorkflowJson[], findings: Findings): Promise<void> {
	const shot: Shot = async (name) => {
		await page.screenshot({ path: join(config.artifactsDir, `${name}.png`), fullPage: false });
	};
	for (const [name, run] of [
		['Document Template', () => documentTemplateCheck(page, baseUrl, config, workflows, findings, shot)],
		['nodes panel', () => nodesPanelCheck(page, baseUrl, findings, shot)],
		['fixed date', () => fixedDateCheck(page, baseUrl, findings, shot)],
	] as const) {
		try {
			await run();
		} catch (error) {
			await shot(`ui-failed-${name.replace(/\s+/g, '-')}`).catch(() => undefined);
			findings.expect(false, `${name} check: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
		}
	}
}
