/**
 * The sandbox runs on a developer's machine with demo passwords anyone can read (issue 12 item 11):
 * a web page in the same person's browser must not be able to read its admin endpoints through a
 * rebound DNS name, post to its gateway cross-site, or learn the company's data from its state file.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandboxClock } from '../../../sandbox/protocol/sandboxClock';
import { serveCompany } from '../../../sandbox/protocol/serveCompany';
import { isLoopbackHostHeader } from '../../../sandbox/protocol/adminEndpoints';
import type { Sandbox } from '../../../sandbox/api';
import { envelope, fn, postRaw, waitFor, call } from './gatewayClient';
import { scriptedCompany } from './scriptedCompany';

let sandbox: Sandbox;
let dir: string;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'sandbox-sec-'));
	sandbox = await serveCompany(scriptedCompany(), createSandboxClock(), { statePath: join(dir, 'state.json') });
});
afterAll(async () => {
	await sandbox.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('sandbox local security', () => {
	it('admin endpoints answer only requests that name this machine by a loopback name', async () => {
		const stats = (host?: string) => postRaw(sandbox.url, '', { method: 'GET', path: '/__sandbox/stats', headers: host ? { Host: host } : {} });
		expect((await stats()).status).toBe(200);
		expect((await stats(`localhost:${sandbox.port}`)).status).toBe(200);
		const rebound = await stats(`evil.example:${sandbox.port}`);
		expect(rebound.status).toBe(403);
		expect(rebound.body).not.toContain('requests');
		expect(isLoopbackHostHeader('[::1]:8787')).toBe(true);
		expect(isLoopbackHostHeader('127.0.0.1.evil.example')).toBe(false);
		expect(isLoopbackHostHeader(undefined)).toBe(false);
	});

	it.each([['text/plain'], ['text/plain; charset=utf-8'], ['application/x-www-form-urlencoded'], ['multipart/form-data; boundary=x']])(
		'the gateway refuses %s, what a web page can post cross-site without asking',
		async (contentType) => {
			const response = await postRaw(sandbox.url, envelope(fn('x', '<echo/>')), { headers: { 'Content-Type': contentType } });
			expect(response.status).toBe(400);
			expect(response.body).not.toContain('<echo');
		},
	);

	it('still takes the XML types clients send', async () => {
		for (const type of ['application/xml', 'text/xml; charset=UTF-8', 'x-intacct-xml-request']) {
			const response = await postRaw(sandbox.url, envelope(fn('x', '<echo/>')), { headers: { 'Content-Type': type } });
			expect(response.status).toBe(200);
		}
	});

	it('writes the state file readable by its owner only', async () => {
		await call(sandbox.url, fn('w', '<write><id>1</id></write>'));
		const path = join(dir, 'state.json');
		await waitFor(() => {
			try {
				return statSync(path).isFile();
			} catch {
				return false;
			}
		});
		expect(statSync(path).mode & 0o777).toBe(0o600);
	});
});
