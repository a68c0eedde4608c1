/** §12.5, §12.6: sender and user authentication failures and the shape of their blocks. */
import type { Sandbox } from '../../../sandbox/api';
import { SANDBOX_LOGIN } from '../../../sandbox/model/contract';
import { createSandboxClock } from '../../../sandbox/protocol/sandboxClock';
import { serveCompany } from '../../../sandbox/protocol/serveCompany';
import { at, call, childNames, envelope, errorsOf, fn, loginXml, parseResponse, postRaw, sessionXml, textAt } from './gatewayClient';
import { scriptedCompany } from './scriptedCompany';

let sandbox: Sandbox;
const company = scriptedCompany();
beforeAll(async () => {
	sandbox = await serveCompany(company, createSandboxClock());
});
afterAll(() => sandbox.close());

describe('sender credentials (control level)', () => {
	it.each([
		['unknown sender', { senderId: 'nobody' }],
		['wrong sender password', { senderPassword: 'wrong' }],
		['sender ID is case-sensitive', { senderId: SANDBOX_LOGIN.senderId.toUpperCase() }],
	])('%s -> control failure XL03000006 "Incorrect Intacct XML Partner ID or password."', async (_name, options) => {
		const before = company.executed.length;
		const root = await call(sandbox.url, fn('f1', '<echo/>'), options);
		expect(textAt(root, 'control/status')).toBe('failure');
		expect(at(root, 'operation')).toBeUndefined();
		expect(errorsOf(at(root, 'errormessage'))).toEqual([{ errorno: 'XL03000006', description2: 'Incorrect Intacct XML Partner ID or password.' }]);
		expect(company.executed.length).toBe(before);
	});

	it('a valid sender not authorised for the company -> authentication failure "Invalid Web Services Authorization"', async () => {
		const root = await call(sandbox.url, fn('f1', '<echo/>'), { senderId: 'unauthorised_partner', senderPassword: 'partner-secret' });
		expect(textAt(root, 'control/status')).toBe('success');
		expect(textAt(root, 'operation/authentication/status')).toBe('failure');
		const error = at(root, 'operation/errormessage/error');
		expect(textAt(error!, 'errorno')).toBe('XL03000006');
		expect(textAt(error!, 'description')).toBe('Invalid Web Services Authorization');
		expect(textAt(error!, 'description2')).toBe(
			"The sender ID 'unauthorised_partner' is not authorized to make Web Services requests to company ID 'HOPEWELL'.",
		);
		expect(textAt(error!, 'correction')).toContain('grant Web Services authorization');
		expect(all(root)).toEqual([]);
	});
});

function all(root: ReturnType<typeof at>): string[] {
	return (at(root!, 'operation')?.children ?? []).filter((c) => c.name === 'result').map((c) => c.name);
}

describe('user credentials (refused by the gateway before any operation: docs/fidelity.md, "Sign-in")', () => {
	it.each<[string, Parameters<typeof loginXml>[0] & object]>([
		['wrong password', { password: 'nope' }],
		['unknown user', { userId: 'ghost' }],
		['unknown entity', { locationId: '999' }],
		['unknown entity via pipe', { companyId: `${SANDBOX_LOGIN.companyId}|999` }],
		['restricted user at top level', { userId: SANDBOX_LOGIN.entityUserId, password: SANDBOX_LOGIN.entityUserPassword }],
		['restricted user in another entity', { userId: SANDBOX_LOGIN.entityUserId, password: SANDBOX_LOGIN.entityUserPassword, locationId: '100' }],
	])('%s -> HTTP 401, control failure XMLGW_JPP0002 "Sign-in information is incorrect. Please check your request." (Sage SDK RequestHandler tests)', async (_name, login) => {
		const before = company.executed.length;
		const response = await postRaw(sandbox.url, envelope(fn('f1', '<echo/>'), { authentication: loginXml(login) }));
		expect(response.status).toBe(401);
		const root = parseResponse(response.body);
		expect(textAt(root, 'control/status')).toBe('failure');
		expect(at(root, 'operation')).toBeUndefined();
		const error = at(root, 'errormessage/error');
		expect(textAt(error!, 'errorno')).toBe('XMLGW_JPP0002');
		expect(textAt(error!, 'description')).toBe('Sign-in information is incorrect. Please check your request.');
		expect(company.executed.length).toBe(before);
	});

	it('unknown company -> HTTP 200 control-level invalidRequest, nothing runs', async () => {
		const before = company.executed.length;
		const response = await postRaw(sandbox.url, envelope(fn('f1', '<echo/>'), { authentication: loginXml({ companyId: 'OTHERCO' }) }));
		expect(response.status).toBe(200);
		const root = parseResponse(response.body);
		expect(textAt(root, 'control/status')).toBe('failure');
		expect(at(root, 'operation')).toBeUndefined();
		expect(textAt(at(root, 'errormessage/error')!, 'errorno')).toBe('invalidRequest');
		expect(company.executed.length).toBe(before);
	});

	it('an unknown session -> XL03000006 "Invalid session" with empty userid/companyid', async () => {
		const root = await call(sandbox.url, fn('f1', '<echo/>'), { authentication: sessionXml('made-up..') });
		expect(textAt(root, 'operation/authentication/status')).toBe('failure');
		expect(textAt(root, 'operation/authentication/userid')).toBe('');
		expect(textAt(root, 'operation/authentication/companyid')).toBe('');
		expect(errorsOf(at(root, 'operation/errormessage'))).toEqual([{ errorno: 'XL03000006', description2: 'Invalid session' }]);
	});

	it('user and company IDs are case-insensitive, passwords are not', async () => {
		const ok = await call(sandbox.url, fn('f1', '<echo/>'), { authentication: loginXml({ userId: 'WS_N8N', companyId: 'hopewell' }) });
		expect(textAt(ok, 'operation/authentication/status')).toBe('success');
		const bad = await postRaw(sandbox.url, envelope(fn('f1', '<echo/>'), { authentication: loginXml({ password: SANDBOX_LOGIN.userPassword.toUpperCase() }) }));
		expect(bad.status).toBe(401);
	});
});

describe('successful authentication block (§3.1, §12.10)', () => {
	it('carries status, userid, companyid, locationid, sessiontimestamp and sessiontimeout (ISO-8601 with offset)', async () => {
		const root = await call(sandbox.url, fn('f1', '<echo/>'));
		const auth = at(root, 'operation/authentication');
		expect(childNames(auth)).toEqual(['status', 'userid', 'companyid', 'locationid', 'sessiontimestamp', 'sessiontimeout']);
		const stamp = textAt(auth!, 'sessiontimestamp')!;
		const timeout = textAt(auth!, 'sessiontimeout')!;
		expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
		expect(Date.parse(timeout) - Date.parse(stamp)).toBe(2 * 60 * 60 * 1000);
	});
});

describe('request log', () => {
	it('logs one line per request without passwords or session IDs', async () => {
		const lines: string[] = [];
		const logged = await serveCompany(scriptedCompany(), createSandboxClock(), { log: (line) => lines.push(line) });
		try {
			const login = await call(logged.url, fn('s', '<getAPISession/>'));
			const sessionId = textAt(login, 'operation/result/data/api/sessionid') ?? '';
			expect(sessionId).not.toBe('');
			await call(logged.url, fn('e', '<echo/>'), { authentication: sessionXml(sessionId) });
			await call(logged.url, fn('e', '<echo/>'), { senderPassword: 'wrong-sender-pw' });
			await call(logged.url, fn('e', '<echo/>'), { authentication: loginXml({ password: 'wrong-user-pw' }) });
			logged.faults.add({ action: { type: 'status', status: 503, body: 'html' } });
			await call(logged.url, fn('e', '<echo/>'), { authentication: sessionXml(sessionId) }).catch(() => undefined);
			expect(lines.filter((line) => line.startsWith('POST '))).toHaveLength(5);
			const everything = lines.join('\n');
			for (const secret of [SANDBOX_LOGIN.senderPassword, SANDBOX_LOGIN.userPassword, 'wrong-sender-pw', 'wrong-user-pw', sessionId]) {
				expect(everything).not.toContain(secret);
			}
		} finally {
			await logged.close();
		}
	});
});
