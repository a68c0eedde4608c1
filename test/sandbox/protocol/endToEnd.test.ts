/**
 * The protocol layer with the real company model (startSandbox): writes through HTTP fire GLENTRY
 * triggers, transactions restore the real model, --state survives a restart, the CLI serves and
 * closes cleanly on SIGINT.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox/api';
import { SANDBOX_LOGIN, type XmlElement } from '../../../sandbox/model/contract';
import { all, at, call, envelope, errorsOf, fn, loginXml, postRaw, textAt, waitFor } from './gatewayClient';
import { type WebhookReceiver, startWebhookReceiver } from './webhookReceiver';

function batchXml(reference: string, credit = '75.25'): string {
	const today = new Date();
	const date = `${String(today.getUTCMonth() + 1).padStart(2, '0')}/${String(today.getUTCDate()).padStart(2, '0')}/${today.getUTCFullYear()}`;
	return (
		`<create><GLBATCH><JOURNAL>GJ</JOURNAL><BATCH_DATE>${date}</BATCH_DATE><BATCH_TITLE>e2e ${reference}</BATCH_TITLE>` +
		`<REFERENCENO>${reference}</REFERENCENO><ENTRIES>` +
		'<GLENTRY><ACCOUNTNO>6000</ACCOUNTNO><TR_TYPE>1</TR_TYPE><TRX_AMOUNT>75.25</TRX_AMOUNT><LOCATION>110</LOCATION><DESCRIPTION>line "one"</DESCRIPTION></GLENTRY>' +
		`<GLENTRY><ACCOUNTNO>1000</ACCOUNTNO><TR_TYPE>-1</TR_TYPE><TRX_AMOUNT>${credit}</TRX_AMOUNT><LOCATION>110</LOCATION></GLENTRY>` +
		'</ENTRIES></GLBATCH></create>'
	);
}

async function batchCount(url: string, reference: string): Promise<string | undefined> {
	const root = await call(url, fn('q', `<readByQuery><object>GLBATCH</object><fields>RECORDNO</fields><query>REFERENCENO = '${reference}'</query><pagesize>10</pagesize></readByQuery>`));
	return at(root, 'operation/result/data')?.attributes['totalcount'];
}

describe('with the real model', () => {
	let sandbox: Sandbox;
	let receiver: WebhookReceiver;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, webhookTimeScale: 0.001 });
		receiver = await startWebhookReceiver();
	});
	afterAll(async () => {
		await sandbox.close();
		await receiver.close();
	});

	it('exposes the demo credentials pointing at its own URL', () => {
		expect(sandbox.credentials).toEqual({
			companyId: SANDBOX_LOGIN.companyId,
			entityId: '',
			senderId: SANDBOX_LOGIN.senderId,
			senderPassword: SANDBOX_LOGIN.senderPassword,
			userId: SANDBOX_LOGIN.userId,
			userPassword: SANDBOX_LOGIN.userPassword,
			endpointUrl: sandbox.url,
		});
		expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}/ia/xml/xmlgw.phtml`);
	});

	it('record links (RECORD_URL) point at the sandbox that answered, and open a page there', async () => {
		const root = await call(sandbox.url, fn('c', batchXml('record-link')));
		const created = at(root, 'operation/result/data/glbatch');
		const link = textAt(created as XmlElement, 'RECORD_URL') ?? '';
		expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${sandbox.port}/ia/acct/ur\\.phtml\\?\\.r=glbatch%3A\\d+$`));
		const page = await postRaw(link, '', { method: 'GET' });
		expect(page.status).toBe(200);
		expect(page.body).toMatch(/Record glbatch:\d+/);
	});

	it('a committed GLBATCH create fires one GLENTRY trigger delivery per line with merged fields', async () => {
		const id = sandbox.platform.subscribe({
			object: 'GLENTRY',
			events: ['create'],
			url: receiver.url,
			template: '{"recordno":"{!GLENTRY.RECORDNO!}","batch":"{!GLENTRY.BATCHNO!}","account":"{!GLENTRY.ACCOUNTNO!}","memo":"{!GLENTRY.DESCRIPTION!}"}',
		});
		const root = await call(sandbox.url, fn('je-e2e-1', batchXml('E2E-1')));
		expect(textAt(root, 'operation/result/status')).toBe('success');
		const batchRecordNo = textAt(root, 'operation/result/data/glbatch/RECORDNO');
		await sandbox.platform.idle();
		sandbox.platform.unsubscribe(id);
		const bodies = receiver.received.map((r) => JSON.parse(r.body) as Record<string, string>);
		expect(bodies).toHaveLength(2);
		expect(bodies.map((b) => b.account).sort()).toEqual(['1000', '6000']);
		expect(bodies.every((b) => b.batch === batchRecordNo && /^\d+$/.test(b.recordno))).toBe(true);
		expect(bodies.find((b) => b.account === '6000')?.memo).toBe('line "one"');
	});

	it('triggers fire for GL entries and other objects (vendor, bill) after create, update and delete', async () => {
		const template = '{"recordno":"{!X.RECORDNO!}"}';
		const ids = (['GLENTRY', 'VENDOR', 'APBILL'] as const).map((object) =>
			sandbox.platform.subscribe({ object, events: ['create', 'update', 'delete'], url: receiver.url, template: template.replace('X', object) }),
		);
		const before = sandbox.platform.deliveries().length;
		const ok = async (functions: string): Promise<XmlElement> => {
			const root = await call(sandbox.url, functions);
			expect(textAt(root, 'operation/result/status')).toBe('success');
			return root;
		};
		const draft = (amount: string): string =>
			'<JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2026</BATCH_DATE><BATCH_TITLE>trigger draft</BATCH_TITLE><STATE>Draft</STATE><ENTRIES>' +
			`<GLENTRY><ACCOUNTNO>6000</ACCOUNTNO><TR_TYPE>1</TR_TYPE><TRX_AMOUNT>${amount}</TRX_AMOUNT><LOCATION>110</LOCATION></GLENTRY>` +
			`<GLENTRY><ACCOUNTNO>1000</ACCOUNTNO><TR_TYPE>-1</TR_TYPE><TRX_AMOUNT>${amount}</TRX_AMOUNT><LOCATION>110</LOCATION></GLENTRY></ENTRIES>`;
		const je = await ok(fn('t1', `<create><GLBATCH>${draft('5.00')}</GLBATCH></create>`));
		const batchNo = textAt(je, 'operation/result/data/glbatch/RECORDNO');
		await ok(fn('t2', `<update><GLBATCH><RECORDNO>${batchNo}</RECORDNO>${draft('6.00')}</GLBATCH></update>`));
		await ok(fn('t3', `<delete><object>GLBATCH</object><keys>${batchNo}</keys></delete>`));
		const vendor = await ok(fn('t4', '<create><VENDOR><VENDORID>TRIG-V1</VENDORID><NAME>Trigger vendor</NAME><DISPLAYCONTACT><PRINTAS>Trigger vendor</PRINTAS></DISPLAYCONTACT></VENDOR></create>'));
		const vendorNo = textAt(vendor, 'operation/result/data/vendor/RECORDNO');
		await ok(fn('t5', '<update><VENDOR><VENDORID>TRIG-V1</VENDORID><NAME>Trigger vendor 2</NAME></VENDOR></update>'));
		const bill = await ok(
			fn('t6', '<create><APBILL><VENDORID>TRIG-V1</VENDORID><WHENCREATED>07/01/2026</WHENCREATED><WHENDUE>07/31/2026</WHENDUE><APBILLITEMS><APBILLITEM><ACCOUNTNO>6000</ACCOUNTNO><TRX_AMOUNT>9.99</TRX_AMOUNT><LOCATIONID>110</LOCATIONID></APBILLITEM></APBILLITEMS></APBILL></create>'),
		);
		const billNo = textAt(bill, 'operation/result/data/apbill/RECORDNO');
		await ok(fn('t7', `<delete><object>APBILL</object><keys>${billNo}</keys></delete>`));
		await ok(fn('t8', `<delete><object>VENDOR</object><keys>${vendorNo}</keys></delete>`));
		await sandbox.platform.idle();
		for (const id of ids) sandbox.platform.unsubscribe(id);

		const fired = sandbox.platform.deliveries().slice(before);
		const kinds = (object: string): string[] => [...new Set(fired.filter((d) => d.event.object === object).map((d) => d.event.kind))].sort();
		expect(kinds('GLENTRY')).toEqual(['create', 'delete']);
		expect(kinds('VENDOR')).toEqual(['create', 'delete', 'update']);
		expect(kinds('APBILL')).toEqual(['create', 'delete']);
		expect(fired.every((d) => d.delivered)).toBe(true);
		expect(new Set(fired.map((d) => d.idempotencyKey)).size).toBe(fired.length);
		const billBodies = receiver.received.map((r) => r.body).filter((body) => body === `{"recordno":"${billNo}"}`);
		expect(billBodies).toHaveLength(2);
	});

	it('transaction="true" restores the real model when a later function fails', async () => {
		const root = await call(sandbox.url, fn('a', batchXml('E2E-TX')) + fn('b', batchXml('E2E-TX-BAD', '1.00')), { transaction: true });
		const results = all(at(root, 'operation')!, 'result');
		expect(results.map((r) => textAt(r, 'status'))).toEqual(['aborted', 'failure']);
		expect(errorsOf(at(results[1], 'errormessage')).at(-1)?.errorno).toBe('XL03000009');
		expect(await batchCount(sandbox.url, 'E2E-TX')).toBe('0');
	});

	it('the model sees the authenticated entity; a restricted user cannot sign in at the top level', async () => {
		const denied = await postRaw(sandbox.url, envelope(fn('e', '<getAPISession/>'), {
			authentication: loginXml({ userId: SANDBOX_LOGIN.entityUserId, password: SANDBOX_LOGIN.entityUserPassword }),
		}));
		expect(denied.status).toBe(401);
		const allowed = await call(sandbox.url, fn('e', '<getAPISession/>'), {
			authentication: loginXml({ userId: SANDBOX_LOGIN.entityUserId, password: SANDBOX_LOGIN.entityUserPassword, locationId: '200' }),
		});
		expect(textAt(allowed, 'operation/result/data/api/locationid')).toBe('200');
	});
});

describe('the sandbox clock with the real model', () => {
	it('a sandbox started at startTime stamps writes with its clock; the seeded history does not move', async () => {
		const sandbox = await startSandbox({ port: 0, startTime: new Date('2031-03-04T05:06:07Z') });
		try {
			const readVendor = async (id: string): Promise<XmlElement | undefined> =>
				at(await call(sandbox.url, fn('r', `<readByName><object>VENDOR</object><keys>${id}</keys><fields>*</fields></readByName>`)), 'operation/result/data/VENDOR');
			const login = await call(sandbox.url, fn('s', '<getAPISession/>'));
			expect(textAt(login, 'operation/authentication/sessiontimestamp')).toMatch(/^2031-03-04T05:06:/);

			const created = await call(sandbox.url, fn('c', '<create><VENDOR><VENDORID>CLOCK-1</VENDORID><NAME>Clock test</NAME><DISPLAYCONTACT><PRINTAS>Clock test</PRINTAS></DISPLAYCONTACT></VENDOR></create>'));
			expect(textAt(created, 'operation/result/status')).toBe('success');
			let vendor = await readVendor('CLOCK-1');
			expect(textAt(vendor!, 'WHENCREATED')).toMatch(/^03\/04\/2031 05:0[67]:/);
			expect(textAt(vendor!, 'WHENMODIFIED')).toBe(textAt(vendor!, 'WHENCREATED'));

			sandbox.clock.advance(24 * 60 * 60 * 1000);
			const updated = await call(sandbox.url, fn('u', '<update><VENDOR><VENDORID>CLOCK-1</VENDORID><NAME>Clock test 2</NAME></VENDOR></update>'));
			expect(textAt(updated, 'operation/result/status')).toBe('success');
			vendor = await readVendor('CLOCK-1');
			expect(textAt(vendor!, 'WHENCREATED')).toMatch(/^03\/04\/2031 /);
			expect(textAt(vendor!, 'WHENMODIFIED')).toMatch(/^03\/05\/2031 05:0[67]:/);

			// Seeded records keep their fixed dates whatever the clock says (one seed, one company).
			expect(textAt((await readVendor('V-100'))!, 'WHENCREATED')).toBe('12/01/2024 09:00:00');
		} finally {
			await sandbox.close();
		}
	});

	it('refuses an invalid startTime', async () => {
		await expect(startSandbox({ port: 0, startTime: new Date('not a date') })).rejects.toThrow('startTime');
	});
});

describe('--state with the real model', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'sandbox-e2e-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('keeps committed writes across a restart', async () => {
		const statePath = join(dir, 'company.json');
		const first = await startSandbox({ port: 0, statePath });
		const root = await call(first.url, fn('je', batchXml('E2E-STATE')));
		expect(textAt(root, 'operation/result/status')).toBe('success');
		await first.close();
		const second = await startSandbox({ port: 0, statePath });
		try {
			expect(await batchCount(second.url, 'E2E-STATE')).toBe('1');
		} finally {
			await second.close();
		}
	});

	it('still refuses a completed uniqueid function after a restart (a re-run posts nothing twice)', async () => {
		const statePath = join(dir, 'company.json');
		const first = await startSandbox({ port: 0, statePath });
		const posted = await call(first.url, fn('je-rerun-1', batchXml('E2E-RERUN')), { uniqueId: true });
		expect(textAt(posted, 'operation/result/status')).toBe('success');
		await first.close();
		const second = await startSandbox({ port: 0, statePath });
		try {
			const again = await call(second.url, fn('je-rerun-1', batchXml('E2E-RERUN')), { uniqueId: true });
			expect(textAt(again, 'operation/result/status')).toBe('failure');
			expect(errorsOf(at(again, 'operation/result/errormessage')).map((e) => e.description2).join(' ')).toMatch(/already executed/);
			expect(await batchCount(second.url, 'E2E-RERUN')).toBe('1');
		} finally {
			await second.close();
		}
	});

	it('loads a state file holding only the company model (the first format)', async () => {
		const statePath = join(dir, 'company.json');
		const first = await startSandbox({ port: 0, statePath });
		await call(first.url, fn('je', batchXml('E2E-LEGACY')));
		await first.close();
		const saved = JSON.parse(readFileSync(statePath, 'utf8')) as { company: unknown };
		writeFileSync(statePath, JSON.stringify(saved.company));
		const second = await startSandbox({ port: 0, statePath });
		try {
			expect(await batchCount(second.url, 'E2E-LEGACY')).toBe('1');
		} finally {
			await second.close();
		}
	});
});

describe('CLI', () => {
	it('prints the URL and credentials, serves requests and exits 0 on SIGINT', async () => {
		const root = resolve(__dirname, '../../..');
		const child = spawn(process.execPath, ['scripts/run-ts.js', 'sandbox/cli.ts', '--port', '0', '--quiet'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
		try {
			await waitFor(() => /Press Ctrl-C/.test(output) || child.exitCode !== null, 30_000);
		} catch (error: unknown) {
			child.kill('SIGKILL');
			throw error;
		}
		expect(output).toContain('Press Ctrl-C');
		const url = /listening on (\S+)/.exec(output)?.[1] ?? '';
		for (const value of ['HOPEWELL', 'n8n_sandbox', 'sandbox-sender-secret', 'ws_n8n', 'sandbox-user-secret', url]) expect(output).toContain(value);
		const response = await call(url, fn('s', '<getAPISession/>'));
		expect(textAt(response, 'operation/result/status')).toBe('success');
		child.kill('SIGINT');
		expect(await exited).toBe(0);
	});
});
