/**
 * The OAuth 2.0 (REST) credential's test in real n8n (issue 13): what the credential dialog runs
 * (`POST /rest/credentials/test`, from the signed-in editor page) for the stored client-credentials
 * credential and for each wrong part, and the dialog's own banner. n8n gives credentials that
 * extend oAuth2Api its own check before a node's `testedBy`; the credential's `test` request is what
 * runs (credentials/SageIntacctOAuth2Api.credentials.ts). A refused token request is n8n's own
 * OAuth2 client's failure ("Failed to acquire OAuth2 access token: HTTP status 401" in n8n 2.41): the
 * dialog cannot show our words for it; the first node run does (test/node/restCredentialRun.test.ts).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { info, ok, type Findings } from './assert';
import { REST_CREDENTIAL } from './signed-webhook-checks';

interface TestAnswer {
	status?: string;
	message?: string;
}

/** The wrong parts a person can get wrong, each changed on the stored credential. */
const WRONG_PARTS: Array<{ part: string; changes: Record<string, string>; words: RegExp }> = [
	{ part: 'wrong client secret', changes: { clientSecret: 'not-the-client-secret' }, words: /secret/i },
	{ part: 'client not authorised for the company', changes: { clientId: 'other-partner.app.sage.com', clientSecret: 'other-partner-secret' }, words: /Authorized Client Applications|authori[sz]ed/i },
	{ part: 'user not found / not a web services user', changes: { userId: 'nobody-here' }, words: /Web Services user|user/i },
	{ part: 'wrong entity', changes: { entityId: '999' }, words: /entit/i },
];

/** n8n's own OAuth2 client refusing the token (n8n-core requestOAuth2, client credentials). */
const N8N_TOKEN_FAILURE = /^Failed to acquire OAuth2 access token/;

async function testStored(page: Page, baseUrl: string, changes: Record<string, string>): Promise<TestAnswer> {
	return await page.evaluate(
		async ({ base, id, changes }) => {
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
		{ base: baseUrl, id: REST_CREDENTIAL.id, changes },
	);
}

export async function restCredentialChecks(page: Page, baseUrl: string, dir: string, findings: Findings): Promise<void> {
	// The dialog: open the REST credential; a client-credentials credential is tested like any other.
	let banner = '';
	try {
		await page.goto(`${baseUrl}/home/credentials`);
		await page.getByText(REST_CREDENTIAL.name, { exact: false }).first().click({ timeout: 20_000 });
		const modal = page.locator('[data-test-id="credential-edit-dialog"], .el-dialog').first();
		await modal.waitFor({ timeout: 15_000 });
		const retry = modal.getByRole('button', { name: /retry|test/i }).first();
		if (await retry.isVisible().catch(() => false)) await retry.click();
		const seen = modal.getByText(/connection tested successfully|couldn.t connect|not connected|failed/i).first();
		await seen.waitFor({ timeout: 30_000 });
		banner = ((await seen.textContent()) ?? '').trim();
	} catch (error) {
		info(`REST credential dialog: no test banner seen (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
	}
	await page.screenshot({ path: join(dir, 'ui-rest-credential.png') }).catch(() => undefined);
	findings.expect(/connection tested successfully/i.test(banner), `REST credential dialog shows "Connection tested successfully" (saw: "${banner}")`);

	const good = await testStored(page, baseUrl, {});
	findings.expect(good.status === 'OK', `REST credential test of the stored credential: ${JSON.stringify(good)}`);
	if (good.status === 'OK') ok(`REST credential: dialog banner "${banner}", POST /rest/credentials/test OK ("${String(good.message)}")`);
	for (const wrong of WRONG_PARTS) {
		const answer = await testStored(page, baseUrl, wrong.changes);
		const message = String(answer.message ?? '');
		findings.expect(answer.status === 'Error' && message.length > 0, `REST credential test with a ${wrong.part} fails with a message: ${JSON.stringify(answer)}`);
		const ours = wrong.words.test(message);
		findings.expect(ours || N8N_TOKEN_FAILURE.test(message), `REST credential test with a ${wrong.part}: our words (${String(wrong.words)}) or n8n's token failure: "${message}"`);
		if (answer.status === 'Error') ok(`REST credential test, ${wrong.part}: ${ours ? 'names the part' : "n8n's OAuth2 token failure"}: "${message.slice(0, 220)}"`);
	}
}
