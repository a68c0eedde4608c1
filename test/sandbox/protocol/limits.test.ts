/** §4.7, §12.24: per-company concurrency slots and "too many operations". */
import type { Sandbox } from '../../../sandbox/api';
import { createSandboxClock } from '../../../sandbox/protocol/sandboxClock';
import { serveCompany } from '../../../sandbox/protocol/serveCompany';
import { at, call, errorsOf, fn, textAt, waitFor } from './gatewayClient';
import { scriptedCompany } from './scriptedCompany';

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.close());

const TOO_MANY = 'There are too many operations running for this company (200024).';

it('holds a third concurrent request until a slot frees up (default 2 slots)', async () => {
	sandbox = await serveCompany(scriptedCompany(), createSandboxClock(), { concurrencyWaitMs: 10_000 });
	sandbox.faults.add({ action: { type: 'latency', ms: 300 }, times: 2 });
	const holders = [call(sandbox.url, fn('a', '<echo/>')), call(sandbox.url, fn('b', '<echo/>'))];
	await waitFor(() => sandbox!.stats.requests === 2);
	const third = await call(sandbox.url, fn('c', '<echo/>'));
	expect(textAt(third, 'operation/result/status')).toBe('success');
	for (const holder of await Promise.all(holders)) expect(textAt(holder, 'operation/result/status')).toBe('success');
});

it('fails a request that waited concurrencyWaitMs without a slot: control failure, nothing ran', async () => {
	const company = scriptedCompany();
	sandbox = await serveCompany(company, createSandboxClock(), { concurrency: 1, concurrencyWaitMs: 50 });
	sandbox.faults.add({ action: { type: 'latency', ms: 800 } });
	const holder = call(sandbox.url, fn('a', '<echo/>'));
	await waitFor(() => sandbox!.stats.requests === 1);
	const rejected = await call(sandbox.url, fn('b', '<write><id>1</id></write>'), { controlId: 'ctl-b' });
	expect(textAt(rejected, 'control/status')).toBe('failure');
	expect(textAt(rejected, 'control/controlid')).toBe('ctl-b');
	expect(at(rejected, 'operation')).toBeUndefined();
	expect(errorsOf(at(rejected, 'errormessage'))[0].description2).toBe(TOO_MANY);
	expect(company.rows).toEqual([]);
	expect(textAt(await holder, 'operation/result/status')).toBe('success');
});

it('does not take a slot for requests that fail authentication', async () => {
	sandbox = await serveCompany(scriptedCompany(), createSandboxClock(), { concurrency: 1, concurrencyWaitMs: 50 });
	sandbox.faults.add({ action: { type: 'latency', ms: 800 } });
	const holder = call(sandbox.url, fn('a', '<echo/>'));
	await waitFor(() => sandbox!.stats.requests === 1);
	const bad = await call(sandbox.url, fn('b', '<echo/>'), { authentication: '<sessionid>nope..</sessionid>' });
	expect(textAt(bad, 'operation/authentication/status')).toBe('failure');
	await holder;
});

it('the tooManyOperations fault answers the same failure without running anything', async () => {
	const company = scriptedCompany();
	sandbox = await serveCompany(company, createSandboxClock());
	sandbox.faults.add({ action: { type: 'tooManyOperations' } });
	const root = await call(sandbox.url, fn('a', '<echo/>'));
	expect(errorsOf(at(root, 'errormessage'))[0].description2).toBe(TOO_MANY);
	expect(company.executed).toEqual([]);
	expect(textAt(await call(sandbox.url, fn('a', '<echo/>')), 'operation/result/status')).toBe('success');
});
