/**
 * Every request the new flow operations send (AP payment create / get / get many / reverse, account
 * balances with dimension and UDD filters, trial balance, budgets, budget vs actual) validates against
 * Intacct's official schema api.xsd (dtdversion 3.0). The requests are captured on the wire by a small
 * recording proxy between the node (real n8n engine) and the sandbox.
 */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { readFileSync } from 'fs';
import { join } from 'path';
import { validateXML } from 'xmllint-wasm';
import type { INodeParameters } from 'n8n-workflow';
import type { Sandbox } from '../../sandbox/api';
import { createCredentialsHelper, sandboxCredentialValues } from '../support/harness';
import { NODE_NAME, runNode, startTestSandbox } from './support';

/** Intacct's official request schema (Intacct/intacct_dtd, Apache-2.0, licence beside it). */
const XSD_PATH = join(__dirname, '..', 'support', 'intacct-xsd', 'api.xsd');

let sandbox: Sandbox;
let proxy: Server;
let proxyUrl = '';
const bodies: string[] = [];

beforeAll(async () => {
	sandbox = await startTestSandbox();
	const target = new URL(sandbox.url);
	proxy = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			bodies.push(body);
			void fetch(new URL(req.url ?? '/', target), { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/xml' }, body })
				.then(async (answer) => {
					// Keep the session's endpoint on the proxy so every later request is recorded too.
					const text = (await answer.text()).split(`${target.host}`).join(new URL(proxyUrl).host);
					res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/xml' });
					res.end(text);
				})
				.catch(() => {
					res.writeHead(502);
					res.end();
				});
		});
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${target.pathname}`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => proxy?.close(() => resolve()));
	await sandbox?.close();
});

async function run(parameters: INodeParameters) {
	const credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials, endpointUrl: proxyUrl }));
	const result = await runNode(sandbox, parameters, { credentials });
	expect(result.status).toBe('success');
	return result;
}

const fn = (body: string) => /<function controlid="[^"]*"><([A-Za-z_]+)/.exec(body)?.[1] ?? '';

it('AP payment, balance and budget requests validate against api.xsd', async () => {
	const bill = await run({
		resource: 'bill',
		operation: 'create',
		vendor: { __rl: true, mode: 'id', value: 'V-107' },
		billNumber: 'XSD-PAY-1',
		transactionDate: '2026-10-01',
		dueDate: '2026-10-31',
		lineInput: 'fields',
		lines: { line: [{ accountNo: '6500', amount: 90, locationId: '110' }] },
	});
	const billNo = bill.json(NODE_NAME)[0].recordNo;
	const paid = await run({
		resource: 'apPayment',
		operation: 'create',
		vendor: { __rl: true, mode: 'id', value: 'V-107' },
		bankAccount: { __rl: true, mode: 'id', value: 'BOA-OP' },
		paymentMethod: 'Printed Check',
		paymentDate: '2026-11-02',
		billInput: 'fields',
		bills: { bill: [{ billRecordNo: String(billNo), amount: 90 }] },
		additionalFields: { documentNumber: '10045', description: 'Check run' },
	});
	const recordNo = String(paid.json(NODE_NAME)[0].recordNo);
	await run({ resource: 'apPayment', operation: 'get', recordNo });
	await run({ resource: 'apPayment', operation: 'getMany', limit: 5, filters: { vendorId: 'V-107', states: ['C'], startDate: '2026-11-01' } });
	await run({ resource: 'apPayment', operation: 'reverse', recordNo, reversalDate: '2026-11-04', memo: 'Void' });
	await run({
		resource: 'balance',
		operation: 'accountBalances',
		startDate: '2025-01-01',
		endDate: '2025-12-31',
		fromAccount: '5000',
		toAccount: '7999',
		groupBy: ['location', 'project'],
		groupByUserDimension: 'fundingsource',
		filters: { locationid: '100', projectid: 'GR-2025-001', classid: 'PRG', userDimension: 'fundingsource', userDimensionRecordName: 'County' },
	});
	await run({ resource: 'balance', operation: 'trialBalance', startDate: '2025-01-01', endDate: '2025-12-31', trialOptions: { showlocdetail: true, showzerobalances: false, locationid: '100' } });
	await run({ resource: 'balance', operation: 'getBudgets', limit: 5, filters: { budgetId: 'Grant Budgets' } });
	await run({ resource: 'balance', operation: 'budgetVsActual', budgetId: 'Grant Budgets', startDate: '2025-01-01', endDate: '2025-03-31', fromAccount: '5000', toAccount: '6999' });

	const names = new Set(bodies.map(fn));
	for (const expected of ['create', 'read', 'readByQuery', 'reverse_appayment', 'get_accountbalancesbydimensions', 'get_trialbalance']) expect(names).toContain(expected);
	const schema = readFileSync(XSD_PATH, 'utf8');
	const failures: string[] = [];
	for (const body of bodies) {
		const result = await validateXML({ xml: [{ fileName: 'request.xml', contents: body }], schema: [{ fileName: 'api.xsd', contents: schema }] });
		if (!result.valid) failures.push(`${fn(body)}: ${result.errors.map((e) => e.message).join('; ')}`);
	}
	expect(failures).toEqual([]);
}, 180_000); // many engine runs plus one WASM validation per body: minutes on a loaded 2-core machine
