/** §12.2, §12.3: injected faults, their matching rules, global latency and the stats counters. */
import type { Sandbox } from '../../../sandbox/api';
import { createSandboxClock } from '../../../sandbox/protocol/sandboxClock';
import { serveCompany } from '../../../sandbox/protocol/serveCompany';
import { at, call, childNames, envelope, errorsOf, fn, openSession, parseResponse, postRaw, sessionXml, textAt } from './gatewayClient';
import { type ScriptedCompany, scriptedCompany } from './scriptedCompany';

let sandbox: Sandbox;
let company: ScriptedCompany;
beforeEach(async () => {
	company = scriptedCompany();
	sandbox = await serveCompany(company, createSandboxClock());
});
afterEach(() => sandbox.close());

const echoRequest = envelope(fn('f', '<echo/>'));
const writeRequest = (id: string, controlId = `w-${id}`): string => envelope(fn(controlId, `<write><id>${id}</id></write>`), { uniqueId: true });

describe('HTTP status faults', () => {
	it('5xx with an empty body', async () => {
		sandbox.faults.add({ action: { type: 'status', status: 503, body: 'empty' } });
		const response = await postRaw(sandbox.url, echoRequest);
		expect(response.status).toBe(503);
		expect(response.body).toBe('');
		expect(company.executed).toEqual([]);
	});

	it('524 with a Cloudflare-like HTML page', async () => {
		sandbox.faults.add({ action: { type: 'status', status: 524, body: 'html' } });
		const response = await postRaw(sandbox.url, echoRequest);
		expect(response.status).toBe(524);
		expect(response.headers['content-type']).toMatch(/^text\/html/);
		expect(response.body).toContain('cf-error-details');
	});

	it('XML bodies: bare control failures (no senderid/controlid) with the gateway codes', async () => {
		const cases: Array<[number, string]> = [
			[400, 'GW-0011'],
			[401, 'XMLGW_JPP0002'],
			[502, ''],
		];
		for (const [status, errorno] of cases) {
			sandbox.faults.add({ action: { type: 'status', status, body: 'xml' } });
			const response = await postRaw(sandbox.url, echoRequest);
			expect(response.status).toBe(status);
			expect(response.headers['content-type']).toBe('text/xml; encoding="UTF-8"');
			const root = parseResponse(response.body);
			expect(childNames(at(root, 'control'))).toEqual(['status']);
			expect(errorsOf(at(root, 'errormessage'))[0].errorno).toBe(errorno);
		}
	});

	it('rateLimit: 429 GW-0010', async () => {
		sandbox.faults.add({ action: { type: 'rateLimit' } });
		const response = await postRaw(sandbox.url, echoRequest);
		expect(response.status).toBe(429);
		const root = parseResponse(response.body);
		expect(textAt(root, 'control/status')).toBe('failure');
		expect(textAt(root, 'errormessage/error/errorno')).toBe('GW-0010');
		expect(childNames(at(root, 'errormessage/error'))).toEqual(['errorno', 'description']);
	});
});

describe('connection faults', () => {
	it('resetBeforeProcess drops the connection before anything runs', async () => {
		sandbox.faults.add({ action: { type: 'resetBeforeProcess' } });
		await expect(postRaw(sandbox.url, writeRequest('1'))).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect(company.rows).toEqual([]);
	});

	it('resetAfterCommit commits, then drops the connection; a uniqueid retry is refused, not repeated', async () => {
		sandbox.faults.add({ action: { type: 'resetAfterCommit' } });
		await expect(postRaw(sandbox.url, writeRequest('1', 'je-42'))).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect(company.rows.map((r) => r.id)).toEqual(['1']);
		const retry = parseResponse((await postRaw(sandbox.url, writeRequest('1', 'je-42'))).body);
		expect(textAt(retry, 'operation/result/status')).toBe('failure');
		expect(company.rows).toHaveLength(1);
	});

	it('hang never answers (until the client gives up); the sandbox still closes', async () => {
		sandbox.faults.add({ action: { type: 'hang' } });
		await expect(postRaw(sandbox.url, echoRequest, { timeoutMs: 100 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
		expect(company.executed).toEqual([]);
	});

	it('latency beyond the client timeout makes the client give up', async () => {
		sandbox.faults.add({ action: { type: 'latency', ms: 1_000 } });
		await expect(postRaw(sandbox.url, echoRequest, { timeoutMs: 50 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
	});

	it('options.latencyMs delays every request', async () => {
		const slow = await serveCompany(scriptedCompany(), createSandboxClock(), { latencyMs: 1_000 });
		try {
			await expect(postRaw(slow.url, echoRequest, { timeoutMs: 50 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
		} finally {
			await slow.close();
		}
	});
});

describe('state faults', () => {
	it('expireSessions invalidates every session before the request runs', async () => {
		const sessionId = await openSession(sandbox.url);
		sandbox.faults.add({ action: { type: 'expireSessions' } });
		const root = await call(sandbox.url, fn('f', '<echo/>'), { authentication: sessionXml(sessionId) });
		expect(errorsOf(at(root, 'operation/errormessage'))[0].description2).toBe('Invalid session');
	});

	it('expireResultIds asks the model to forget every readMore result ID', async () => {
		sandbox.faults.add({ action: { type: 'expireResultIds' } });
		await call(sandbox.url, fn('f', '<echo/>'));
		expect(company.expiredResultIdCalls).toBe(1);
	});
});

describe('matching', () => {
	it('functionName limits a rule to requests containing that function', async () => {
		sandbox.faults.add({ match: { functionName: 'write' }, action: { type: 'status', status: 500, body: 'empty' } });
		expect((await postRaw(sandbox.url, echoRequest)).status).toBe(200);
		expect((await postRaw(sandbox.url, writeRequest('1'))).status).toBe(500);
		expect((await postRaw(sandbox.url, writeRequest('1'))).status).toBe(200);
	});

	it('fromRequest starts at the Nth matching request; times bounds how many are hit; pending counts live rules', async () => {
		sandbox.faults.add({ match: { fromRequest: 2 }, action: { type: 'rateLimit' }, times: 2 });
		expect(sandbox.faults.pending()).toBe(1);
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++) statuses.push((await postRaw(sandbox.url, echoRequest)).status);
		expect(statuses).toEqual([200, 429, 429, 200]);
		expect(sandbox.faults.pending()).toBe(0);
	});

	it('times: Infinity keeps a rule until clear()', async () => {
		sandbox.faults.add({ action: { type: 'rateLimit' }, times: Infinity });
		for (let i = 0; i < 3; i++) expect((await postRaw(sandbox.url, echoRequest)).status).toBe(429);
		sandbox.faults.clear();
		expect((await postRaw(sandbox.url, echoRequest)).status).toBe(200);
	});
});

describe('stats', () => {
	it('counts every HTTP request (faulted ones too) and functions by name; reset() zeroes them', async () => {
		sandbox.faults.add({ action: { type: 'status', status: 503, body: 'empty' } });
		await postRaw(sandbox.url, echoRequest);
		await postRaw(sandbox.url, envelope(fn('a', '<echo/>') + fn('b', '<write><id>1</id></write>') + fn('c', '<echo/>')));
		await postRaw(sandbox.url, '', { method: 'GET' });
		expect(sandbox.stats.requests).toBe(3);
		expect(sandbox.stats.functions).toEqual({ echo: 3, write: 1 });
		sandbox.stats.reset();
		expect(sandbox.stats.requests).toBe(0);
		expect(sandbox.stats.functions).toEqual({});
	});

	it('counts requests in flight: maxInFlight is the peak of concurrent HTTP requests, inFlight drops back to 0', async () => {
		sandbox.faults.add({ action: { type: 'latency', ms: 150 }, times: Infinity });
		expect(sandbox.stats).toMatchObject({ inFlight: 0, maxInFlight: 0 });
		const running = [1, 2, 3].map(async () => await postRaw(sandbox.url, echoRequest));
		await new Promise((resolve) => setTimeout(resolve, 60));
		// The third request waits for a company slot but is in flight at the HTTP level all the same.
		expect(sandbox.stats.inFlight).toBe(3);
		await Promise.all(running);
		expect(sandbox.stats).toMatchObject({ inFlight: 0, maxInFlight: 3 });
		await postRaw(sandbox.url, echoRequest);
		expect(sandbox.stats.maxInFlight).toBe(3);
		sandbox.stats.reset();
		expect(sandbox.stats).toMatchObject({ inFlight: 0, maxInFlight: 0 });
		await postRaw(sandbox.url, echoRequest);
		expect(sandbox.stats.maxInFlight).toBe(1);
	});
});

describe('fault rules matched by body text', () => {
	it('applies only to a request whose body contains the text', async () => {
		sandbox.faults.add({ match: { bodyContains: '<id>42</id>' }, action: { type: 'status', status: 503, body: 'empty' }, times: 1 });
		expect((await postRaw(sandbox.url, writeRequest('7'))).status).toBe(200);
		expect(sandbox.faults.pending()).toBe(1);
		expect((await postRaw(sandbox.url, writeRequest('42'))).status).toBe(503);
		expect(sandbox.faults.pending()).toBe(0);
		expect(company.executed).toEqual(['write']);
	});
});
