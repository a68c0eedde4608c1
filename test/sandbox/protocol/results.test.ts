/** §12.11, §12.13-§12.15: results, error chains, transactions and uniqueid through real HTTP. */
import type { Sandbox } from '../../../sandbox/api';
import type { XmlElement } from '../../../sandbox/model/contract';
import { DUPLICATE_QUIRK_HEADER } from '../../../sandbox/protocol/httpServer';
import { createSandboxClock } from '../../../sandbox/protocol/sandboxClock';
import { serveCompany } from '../../../sandbox/protocol/serveCompany';
import { all, at, call, childNames, errorsOf, fn, textAt, waitFor } from './gatewayClient';
import { type ScriptedCompany, scriptedCompany } from './scriptedCompany';

let sandbox: Sandbox;
let company: ScriptedCompany;
beforeEach(async () => {
	company = scriptedCompany();
	sandbox = await serveCompany(company, createSandboxClock(), { concurrencyWaitMs: 5_000 });
});
afterEach(() => sandbox.close());

const write = (id: string): string => `<write><id>${id}</id><amount>10.00</amount><description>d</description></write>`;
const results = (root: XmlElement): XmlElement[] => all(at(root, 'operation')!, 'result');
const summary = (root: XmlElement): Array<[string | undefined, string | undefined, string[]]> =>
	results(root).map((r) => [textAt(r, 'status'), textAt(r, 'controlid'), errorsOf(at(r, 'errormessage')).map((e) => e.errorno)]);

describe('results', () => {
	it('one result per function in request order: status, function, controlid, then key/data, then errormessage', async () => {
		const root = await call(sandbox.url, fn('a', write('1')) + fn('b', '<fail/>') + fn('c', '<echo/>'));
		expect(results(root).map((r) => childNames(r))).toEqual([
			['status', 'function', 'controlid', 'key'],
			['status', 'function', 'controlid', 'errormessage'],
			['status', 'function', 'controlid', 'data'],
		]);
		expect(results(root).map((r) => textAt(r, 'function'))).toEqual(['write', 'fail', 'echo']);
		expect(textAt(results(root)[0], 'key')).toBe('1');
		// without a transaction one failure does not stop the others
		expect(summary(root).map((s) => s[0])).toEqual(['success', 'failure', 'success']);
	});

	it('renders the model error chain in order with all four error elements', async () => {
		const root = await call(sandbox.url, fn('b', '<fail/>'));
		const error = at(results(root)[0], 'errormessage/error')!;
		expect(childNames(error)).toEqual(['errorno', 'description', 'description2', 'correction']);
		expect(errorsOf(at(results(root)[0], 'errormessage'))).toEqual([
			{ errorno: 'BL03000018', description2: 'Scripted failure' },
			{ errorno: 'BL01001973', description2: 'Could not create GLBATCH record!' },
		]);
	});

	it('renders data attributes, nested records and repeated list elements', async () => {
		const root = await call(sandbox.url, fn('c', '<echo/>'));
		const data = at(results(root)[0], 'data')!;
		expect(data.attributes).toEqual({ listtype: 'echo', count: '1' });
		expect(at(data, 'echo/NESTED')!.children.map((c) => [c.name, textAt(c, 'N')])).toEqual([
			['ITEM', '1'],
			['ITEM', '2'],
		]);
	});

	it('an unexpected model exception becomes a failure result, not a dropped request', async () => {
		const root = await call(sandbox.url, fn('x', '<boom/>') + fn('y', '<echo/>'));
		expect(summary(root)).toEqual([
			['failure', 'x', ['SANDBOX-INTERNAL'], ],
			['success', 'y', []],
		]);
	});
});

describe('several <operation> blocks (allowed by the schema, §1.2)', () => {
	it('authenticates and answers each operation on its own (a session that fails is answered in its operation)', async () => {
		const { envelope, postRaw, parseResponse, loginXml } = await import('./gatewayClient');
		const good = envelope(fn('a', '<echo/>'));
		// A wrong login refuses the whole request (HTTP 401, see authentication.test.ts); an unknown session
		// is answered inside its own operation.
		void loginXml;
		const badOperation = `<operation><authentication><sessionid>made-up..</sessionid></authentication><content>${fn('b', '<echo/>')}</content></operation>`;
		const body = good.replace('</operation>', `</operation>${badOperation}`);
		const root = parseResponse((await postRaw(sandbox.url, body)).body);
		const operations = all(root, 'operation');
		expect(operations.map((o) => textAt(o, 'authentication/status'))).toEqual(['success', 'failure']);
		expect(textAt(operations[0], 'result/status')).toBe('success');
		expect(all(operations[1], 'result')).toEqual([]);
	});
});

describe('transaction="true" (§3.7, §12.14)', () => {
	it('rolls everything back: earlier aborted + XL03000009, failing one own errors + XL03000009, later aborted', async () => {
		const root = await call(sandbox.url, fn('a', write('1')) + fn('b', write('2')) + fn('c', '<fail/>') + fn('d', write('3')), { transaction: true });
		expect(summary(root)).toEqual([
			['aborted', 'a', ['XL03000009']],
			['aborted', 'b', ['XL03000009']],
			['failure', 'c', ['BL03000018', 'BL01001973', 'XL03000009']],
			['aborted', 'd', ['XL03000009']],
		]);
		expect(results(root).some((r) => at(r, 'key') !== undefined)).toBe(false);
		expect(company.rows).toEqual([]);
	});

	it('commits all functions when none fails', async () => {
		const root = await call(sandbox.url, fn('a', write('1')) + fn('b', write('2')), { transaction: true });
		expect(summary(root).map((s) => s[0])).toEqual(['success', 'success']);
		expect(company.rows.map((r) => r.id)).toEqual(['1', '2']);
	});
});

describe('uniqueid=true (§7, §12.15)', () => {
	it('refuses a repeat of a completed function controlid without executing it or returning the key', async () => {
		const first = await call(sandbox.url, fn('je-ORDER-1', write('1')), { uniqueId: true });
		expect(summary(first)).toEqual([['success', 'je-ORDER-1', []]]);
		const again = await call(sandbox.url, fn('je-ORDER-1', write('1')), { uniqueId: true });
		expect(summary(again)).toEqual([['failure', 'je-ORDER-1', ['XL03000002']]]);
		expect(at(results(again)[0], 'key')).toBeUndefined();
		expect(company.rows).toHaveLength(1);
	});

	it('does not deduplicate when uniqueid is false, and treats an omitted uniqueid as true (docs)', async () => {
		await call(sandbox.url, fn('w', write('1')), { uniqueId: false });
		await call(sandbox.url, fn('w', write('2')), { uniqueId: false });
		expect(company.rows).toHaveLength(2);
		const { envelope, postRaw, parseResponse } = await import('./gatewayClient');
		const withoutUniqueId = (body: string): string => body.replace('<uniqueid>false</uniqueid>', '');
		await postRaw(sandbox.url, withoutUniqueId(envelope(fn('omit', write('3')))));
		const repeat = parseResponse((await postRaw(sandbox.url, withoutUniqueId(envelope(fn('omit', write('4')))))).body);
		expect(textAt(repeat, 'control/uniqueid')).toBe('true');
		expect(summary(repeat)[0][0]).toBe('failure');
	});

	it('remembers only successful functions, so a failed one can be retried with the same controlid', async () => {
		await call(sandbox.url, fn('retry-me', '<fail/>'), { uniqueId: true });
		const retried = await call(sandbox.url, fn('retry-me', write('9')), { uniqueId: true });
		expect(summary(retried)).toEqual([['success', 'retry-me', []]]);
	});

	it('forgets functions of a rolled-back transaction', async () => {
		await call(sandbox.url, fn('t1', write('1')) + fn('t2', '<fail/>'), { uniqueId: true, transaction: true });
		const retried = await call(sandbox.url, fn('t1', write('1')), { uniqueId: true });
		expect(summary(retried)).toEqual([['success', 't1', []]]);
	});

	it('answers "is in process" for a function controlid still running in another request', async () => {
		sandbox.faults.add({ action: { type: 'latency', ms: 500 } });
		const slow = call(sandbox.url, fn('busy', write('1')), { uniqueId: true });
		await waitFor(() => sandbox.stats.requests === 1); // claimed synchronously with being counted
		const second = await call(sandbox.url, fn('busy', write('1')), { uniqueId: true });
		expect(summary(second)).toEqual([['failure', 'busy', ['']]]);
		expect(errorsOf(at(results(second)[0], 'errormessage'))[0].description2).toBe("A request's function with the control ID busy is in process.");
		expect(summary(await slow)).toEqual([['success', 'busy', []]]);
		expect(company.rows).toHaveLength(1);
	});

	it('reproduces the missing-<status> quirk (intacct-sdk-js #70) only when the request opts in', async () => {
		await call(sandbox.url, fn('dup', write('1')), { uniqueId: true });
		const quirk = await call(sandbox.url, fn('dup', write('1')), { uniqueId: true }, { headers: { [DUPLICATE_QUIRK_HEADER]: 'true' } });
		expect(childNames(results(quirk)[0])).toEqual(['function', 'controlid', 'errormessage']);
		const normal = await call(sandbox.url, fn('dup', write('1')), { uniqueId: true });
		expect(childNames(results(normal)[0])[0]).toBe('status');
	});
});
