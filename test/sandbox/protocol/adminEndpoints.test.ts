/**
 * The loopback-only admin endpoints (/__sandbox/..., sandbox/protocol/adminEndpoints.ts): stats and
 * their reset, record counts and records straight from the model, none of it counted, delayed or
 * faulted like gateway requests; non-loopback callers refused; and the CLI's --stop-on-stdin-end,
 * which lets a parent process (the benchmarks) own a sandbox process.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox/api';
import { handleAdminRequest, isLoopbackAddress } from '../../../sandbox/protocol/adminEndpoints';
import { parseCliArguments } from '../../../sandbox/protocol/cliArguments';
import { call, fn, textAt, waitFor } from './gatewayClient';

interface JsonResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	json: Record<string, unknown>;
}

function admin(sandbox: { url: string }, method: 'GET' | 'POST' | 'PUT', route: string, params: Record<string, string> = {}): Promise<JsonResponse> {
	const target = new URL(`/__sandbox/${route}`, sandbox.url);
	for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
	return new Promise((done, fail) => {
		const req = request(target, { method }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }));
			res.on('error', fail);
		});
		req.on('error', fail);
		req.end();
	});
}

const batchXml = (reference: string): string => {
	const today = new Date();
	const date = `${String(today.getUTCMonth() + 1).padStart(2, '0')}/${String(today.getUTCDate()).padStart(2, '0')}/${today.getUTCFullYear()}`;
	return (
		`<create><GLBATCH><JOURNAL>GJ</JOURNAL><BATCH_DATE>${date}</BATCH_DATE><BATCH_TITLE>admin ${reference}</BATCH_TITLE><REFERENCENO>${reference}</REFERENCENO><ENTRIES>` +
		'<GLENTRY><ACCOUNTNO>6000</ACCOUNTNO><TR_TYPE>1</TR_TYPE><TRX_AMOUNT>10</TRX_AMOUNT><LOCATION>110</LOCATION></GLENTRY>' +
		'<GLENTRY><ACCOUNTNO>1000</ACCOUNTNO><TR_TYPE>-1</TR_TYPE><TRX_AMOUNT>10</TRX_AMOUNT><LOCATION>110</LOCATION></GLENTRY>' +
		'</ENTRIES></GLBATCH></create>'
	);
};

describe('admin endpoints', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => {
		sandbox.faults.clear();
		sandbox.stats.reset();
	});

	it('GET /__sandbox/stats mirrors sandbox.stats; admin requests never count', async () => {
		const before = await admin(sandbox, 'GET', 'stats');
		expect(before.status).toBe(200);
		expect(before.headers['content-type']).toMatch(/^application\/json/);
		expect(before.json).toEqual({ requests: 0, functions: {}, inFlight: 0, maxInFlight: 0, firstRequestAt: null, lastAnsweredAt: null, handlingMs: 0 });

		const sentAt = Date.now();
		await call(sandbox.url, fn('a', '<getAPISession/>') + fn('b', '<readByQuery><object>GLJOURNAL</object><fields>SYMBOL</fields><query></query><pagesize>10</pagesize></readByQuery>'));
		const after = await admin(sandbox, 'GET', 'stats');
		expect(after.json).toMatchObject({ requests: 1, functions: { getAPISession: 1, readByQuery: 1 }, inFlight: 0, maxInFlight: 1 });
		expect(after.json.firstRequestAt).toBeGreaterThanOrEqual(sentAt - 1);
		expect(after.json.lastAnsweredAt).toBeGreaterThanOrEqual(after.json.firstRequestAt as number);
		expect(after.json.handlingMs).toBeGreaterThan(0);
		expect(after.json.handlingMs).toBeLessThanOrEqual(Date.now() - sentAt + 1);
		expect(sandbox.stats.requests).toBe(1); // the two admin GETs are not in it
	});

	it('POST /__sandbox/stats/reset zeroes the counters and answers them', async () => {
		await call(sandbox.url, fn('a', '<getAPISession/>'));
		const reset = await admin(sandbox, 'POST', 'stats/reset');
		expect(reset.status).toBe(200);
		expect(reset.json).toEqual({ requests: 0, functions: {}, inFlight: 0, maxInFlight: 0, firstRequestAt: null, lastAnsweredAt: null, handlingMs: 0 });
		expect(sandbox.stats.requests).toBe(0);
	});

	it('GET /__sandbox/count counts records matching a readByQuery condition, across entities', async () => {
		const reference = `ADMIN-${Date.now()}`;
		expect((await admin(sandbox, 'GET', 'count', { object: 'GLBATCH', query: `REFERENCENO = '${reference}'` })).json).toEqual({
			object: 'GLBATCH',
			query: `REFERENCENO = '${reference}'`,
			count: 0,
		});
		const created = await call(sandbox.url, fn('c', batchXml(reference)));
		expect(textAt(created, 'operation/result/status')).toBe('success');
		expect((await admin(sandbox, 'GET', 'count', { object: 'GLBATCH', query: `REFERENCENO like '${reference}%'` })).json.count).toBe(1);
		const all = (await admin(sandbox, 'GET', 'count', { object: 'GLACCOUNT' })).json.count as number;
		expect(all).toBeGreaterThan(5);
		expect(sandbox.stats.requests).toBe(1); // the create only
	});

	it('GET /__sandbox/records returns the first page of records with the fields asked for', async () => {
		const { status, json } = await admin(sandbox, 'GET', 'records', { object: 'GLJOURNAL', fields: 'SYMBOL,TITLE', pagesize: '2' });
		expect(status).toBe(200);
		expect(json.object).toBe('GLJOURNAL');
		expect(json.total as number).toBeGreaterThanOrEqual(2);
		const records = json.records as Array<Record<string, unknown>>;
		expect(records).toHaveLength(2);
		for (const r of records) expect(Object.keys(r).sort()).toEqual(['SYMBOL', 'TITLE']);
	});

	it('bypasses latency and faults: answers at once while every gateway request fails', async () => {
		sandbox.faults.add({ action: { type: 'status', status: 503, body: 'html' }, times: Infinity });
		sandbox.faults.add({ action: { type: 'latency', ms: 5_000 }, times: Infinity });
		const started = Date.now();
		expect((await admin(sandbox, 'GET', 'stats')).status).toBe(200);
		expect((await admin(sandbox, 'GET', 'count', { object: 'GLACCOUNT' })).status).toBe(200);
		expect(Date.now() - started).toBeLessThan(2_000);
		expect(sandbox.faults.pending()).toBe(2); // nothing consumed
	});

	it('refuses unknown routes (404), wrong methods (405 + Allow) and bad parameters (400)', async () => {
		expect((await admin(sandbox, 'GET', 'nope')).status).toBe(404);
		const wrong = await admin(sandbox, 'POST', 'stats');
		expect(wrong.status).toBe(405);
		expect(wrong.headers.allow).toBe('GET');
		expect((await admin(sandbox, 'GET', 'stats/reset')).status).toBe(405);
		expect((await admin(sandbox, 'GET', 'count')).json.error).toMatch(/object= needs/);
		expect((await admin(sandbox, 'GET', 'count', { object: 'GLACCOUNT; drop' })).status).toBe(400);
		const unknownObject = await admin(sandbox, 'GET', 'count', { object: 'NOSUCHOBJECT' });
		expect(unknownObject.status).toBe(400);
		expect(typeof unknownObject.json.error).toBe('string');
		expect((await admin(sandbox, 'GET', 'records', { object: 'GLACCOUNT', pagesize: '0' })).status).toBe(400);
		expect(sandbox.stats.requests).toBe(0);
	});
});

describe('loopback only', () => {
	it('recognises loopback addresses, IPv4-mapped included', () => {
		for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a)).toBe(true);
		for (const a of [undefined, '', '10.0.0.5', '::ffff:10.0.0.5', '192.168.1.1', 'fe80::1', '128.0.0.1']) expect(isLoopbackAddress(a)).toBe(false);
	});

	it('answers a non-loopback caller 403 without touching the stats', () => {
		const stats = { requests: 3, functions: {}, inFlight: 0, maxInFlight: 0, reset: jest.fn() };
		const req = Object.assign(new EventEmitter(), { url: '/__sandbox/stats/reset', method: 'POST', socket: { remoteAddress: '10.0.0.5' }, resume: jest.fn() });
		const res = { writeHead: jest.fn(), end: jest.fn() };
		handleAdminRequest({ stats, company: {} as never, now: () => new Date() }, req as unknown as IncomingMessage, res as unknown as ServerResponse);
		expect(res.writeHead).toHaveBeenCalledWith(403, expect.anything());
		expect(String(res.end.mock.calls[0][0])).toMatch(/loopback/);
		expect(stats.reset).not.toHaveBeenCalled();
	});
});

describe('CLI --stop-on-stdin-end', () => {
	it('is parsed only when given', () => {
		expect(parseCliArguments(['--stop-on-stdin-end'])).toEqual({ kind: 'run', options: { port: 8787 }, quiet: false, stopOnStdinEnd: true });
		expect(parseCliArguments([])).not.toHaveProperty('stopOnStdinEnd');
	});

	it('serves the admin endpoints from a child process and stops when its stdin closes', async () => {
		const root = resolve(__dirname, '..', '..', '..');
		const child = spawn(process.execPath, ['scripts/run-ts.js', 'sandbox/cli.ts', '--port', '0', '--quiet', '--stop-on-stdin-end'], {
			cwd: root,
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
		try {
			await waitFor(() => /Press Ctrl-C/.test(output) || child.exitCode !== null, 30_000);
			const url = /listening on (\S+)/.exec(output)?.[1] ?? '';
			expect(output).toMatch(/Admin endpoints \(loopback only, tests and benchmarks\): http:\/\/127\.0\.0\.1:\d+\/__sandbox\/stats/);
			await call(url, fn('s', '<getAPISession/>'));
			expect((await admin({ url }, 'GET', 'stats')).json).toMatchObject({ requests: 1, functions: { getAPISession: 1 } });
		} catch (error: unknown) {
			child.kill('SIGKILL');
			throw error;
		}
		child.stdin.end();
		expect(await exited).toBe(0);
	});
});
