/** §12.9, §12.10: getAPISession, entity binding and switching, sliding expiry on the sandbox clock. */
import type { Sandbox } from '../../../sandbox/api';
import { SANDBOX_LOGIN } from '../../../sandbox/model/contract';
import { createSandboxClock } from '../../../sandbox/protocol/sandboxClock';
import { serveCompany } from '../../../sandbox/protocol/serveCompany';
import { at, call, childNames, errorsOf, fn, loginXml, openSession, sessionXml, textAt } from './gatewayClient';
import { scriptedCompany } from './scriptedCompany';

const HOUR = 60 * 60 * 1000;
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await serveCompany(scriptedCompany(), createSandboxClock());
});
afterAll(() => sandbox.close());

async function echoEntity(sessionId: string): Promise<string | undefined> {
	const root = await call(sandbox.url, fn('e', '<echo/>'), { authentication: sessionXml(sessionId) });
	return textAt(root, 'operation/result/data/echo/ENTITY');
}

describe('getAPISession', () => {
	it('returns sessionid (ending ..), this sandbox endpoint and locationid, in data without attributes', async () => {
		const root = await call(sandbox.url, fn('sess-1', '<getAPISession/>'));
		expect(textAt(root, 'operation/result/function')).toBe('getAPISession');
		const data = at(root, 'operation/result/data');
		expect(data?.attributes).toEqual({});
		expect(childNames(at(root, 'operation/result/data/api'))).toEqual(['sessionid', 'endpoint', 'locationid']);
		expect(textAt(root, 'operation/result/data/api/sessionid')).toMatch(/\.\.$/);
		expect(textAt(root, 'operation/result/data/api/endpoint')).toBe(sandbox.url);
		expect(textAt(root, 'operation/result/data/api/locationid')).toBe('');
	});

	it('reports the endpoint by the host name the client used when it is a loopback name or a configured public host', async () => {
		const port = new URL(sandbox.url).port;
		const local = await call(sandbox.url, fn('s', '<getAPISession/>'), {}, { headers: { Host: `localhost:${port}` } });
		expect(textAt(local, 'operation/result/data/api/endpoint')).toBe(`http://localhost:${port}/ia/xml/xmlgw.phtml`);
		const container = await serveCompany(scriptedCompany(), createSandboxClock(), { publicHosts: ['host.docker.internal:8787'] });
		try {
			const root = await call(container.url, fn('s', '<getAPISession/>'), {}, { headers: { Host: 'host.docker.internal:8787' } });
			expect(textAt(root, 'operation/result/data/api/endpoint')).toBe('http://host.docker.internal:8787/ia/xml/xmlgw.phtml');
		} finally {
			await container.close();
		}
	});

	it('never reflects another Host header into the endpoint (issue 12 item 11: a session is not pointed at a forged host)', async () => {
		const root = await call(sandbox.url, fn('s', '<getAPISession/>'), {}, { headers: { Host: 'attacker.example:8787' } });
		expect(textAt(root, 'operation/result/data/api/endpoint')).toBe(sandbox.url);
	});

	it('binds the session to the login entity (locationid element or COMPANY|ENTITY pipe)', async () => {
		const viaLocation = await openSession(sandbox.url, { locationId: '100' });
		const viaPipe = await openSession(sandbox.url, { companyId: `${SANDBOX_LOGIN.companyId}|200` });
		expect(await echoEntity(viaLocation)).toBe('100');
		expect(await echoEntity(viaPipe)).toBe('200');
		const root = await call(sandbox.url, fn('e', '<echo/>'), { authentication: sessionXml(viaPipe) });
		expect(textAt(root, 'operation/authentication/locationid')).toBe('200');
	});

	it('switches entity into a new session with <locationid>, and back to top level with an empty one', async () => {
		const top = await openSession(sandbox.url);
		const switched = await call(sandbox.url, fn('s', '<getAPISession><locationid>200</locationid></getAPISession>'), { authentication: sessionXml(top) });
		const entitySession = textAt(switched, 'operation/result/data/api/sessionid')!;
		expect(entitySession).not.toBe(top);
		expect(textAt(switched, 'operation/result/data/api/locationid')).toBe('200');
		expect(await echoEntity(entitySession)).toBe('200');
		expect(await echoEntity(top)).toBe('');

		const back = await call(sandbox.url, fn('s', '<getAPISession><locationid/></getAPISession>'), { authentication: sessionXml(entitySession) });
		expect(textAt(back, 'operation/result/data/api/locationid')).toBe('');
		expect(await echoEntity(textAt(back, 'operation/result/data/api/sessionid')!)).toBe('');
	});

	it('without <locationid> from a session returns the same session', async () => {
		const top = await openSession(sandbox.url);
		const again = await call(sandbox.url, fn('s', '<getAPISession/>'), { authentication: sessionXml(top) });
		expect(textAt(again, 'operation/result/data/api/sessionid')).toBe(top);
	});

	it('a user restricted to entities cannot move to the top level or another entity', async () => {
		const west = await openSession(sandbox.url, { userId: SANDBOX_LOGIN.entityUserId, password: SANDBOX_LOGIN.entityUserPassword, locationId: '200' });
		for (const body of ['<getAPISession><locationid/></getAPISession>', '<getAPISession><locationid>100</locationid></getAPISession>']) {
			const root = await call(sandbox.url, fn('s', body), { authentication: sessionXml(west) });
			expect(textAt(root, 'operation/result/status')).toBe('failure');
			expect(errorsOf(at(root, 'operation/result/errormessage'))[0].errorno).toBe('Get API Session Failed');
		}
	});
});

describe('session lifetime', () => {
	it('slides: each use pushes the timeout out by the full duration; after it passes the session is invalid', async () => {
		const sessionId = await openSession(sandbox.url);
		sandbox.clock.advance(1.5 * HOUR);
		const used = await call(sandbox.url, fn('e', '<echo/>'), { authentication: sessionXml(sessionId) });
		expect(textAt(used, 'operation/authentication/status')).toBe('success');
		const stamp = Date.parse(textAt(used, 'operation/authentication/sessiontimestamp')!);
		expect(Date.parse(textAt(used, 'operation/authentication/sessiontimeout')!) - stamp).toBe(2 * HOUR);

		sandbox.clock.advance(1.5 * HOUR); // 3 h after login, 1.5 h after last use: still alive
		expect(await echoEntity(sessionId)).toBe('');
		sandbox.clock.advance(3 * HOUR);
		const expired = await call(sandbox.url, fn('e', '<echo/>'), { authentication: sessionXml(sessionId) });
		expect(textAt(expired, 'operation/authentication/status')).toBe('failure');
		expect(errorsOf(at(expired, 'operation/errormessage'))[0].description2).toBe('Invalid session');
	});

	it('honours sessionDurationMs', async () => {
		const short = await serveCompany(scriptedCompany(), createSandboxClock(), { sessionDurationMs: 60_000 });
		try {
			const sessionId = await openSession(short.url);
			short.clock.advance(61_000);
			const root = await call(short.url, fn('e', '<echo/>'), { authentication: sessionXml(sessionId) });
			expect(errorsOf(at(root, 'operation/errormessage'))[0].description2).toBe('Invalid session');
		} finally {
			await short.close();
		}
	});

	it('login-authenticated requests report a timeout of now + duration', async () => {
		const root = await call(sandbox.url, fn('e', '<echo/>'), { authentication: loginXml() });
		const stamp = Date.parse(textAt(root, 'operation/authentication/sessiontimestamp')!);
		expect(Date.parse(textAt(root, 'operation/authentication/sessiontimeout')!) - stamp).toBe(2 * HOUR);
	});
});
