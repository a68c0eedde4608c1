import { IntacctError } from '../../../../../nodes/shared/intacct/core/errors';
import { checkCredentials } from '../../../../../nodes/shared/intacct/client/credentialDiagnosis';
import { CredentialSessionHandoff, isHandoffSignIn } from '../../../../../nodes/shared/intacct/client/credentialSession';
import type { HttpPost } from '../../../../../nodes/shared/intacct/core/types';
import { collectErrors, departments, useClientFixture } from '../../../../support/sandboxClient';
import { requestSink } from '../../../../support/requestSchema/requestSink';

const fx = useClientFixture();

describe('sessions', () => {
	it('logs in once with getAPISession and reuses the session, also across client instances', async () => {
		const client = fx.client();
		await client.execute(departments());
		await client.execute(departments());
		await fx.client().execute(departments());
		expect(fx.sandbox.stats.functions.getAPISession).toBe(1);
		expect(fx.sandbox.stats.functions.readByQuery).toBe(3);
		// Only the first request signs in with the passwords; the others carry the session.
		expect(fx.sent.filter((body) => body.includes('<login>'))).toHaveLength(1);
		expect(fx.sent.slice(1).every((body) => body.includes('<sessionid>'))).toBe(true);
	});

	it('shares one login among concurrent first requests', async () => {
		const client = fx.client();
		await Promise.all([1, 2, 3, 4].map(async () => await client.execute(departments())));
		expect(fx.sandbox.stats.functions.getAPISession).toBe(1);
	});

	it('signs in again once when the session expired on the gateway (clock), then succeeds', async () => {
		const client = fx.client();
		await client.execute(departments());
		fx.sandbox.clock.advance(3 * 60 * 60 * 1000);
		const result = await client.execute(departments());
		expect(result.status).toBe('success');
		expect(fx.sandbox.stats.functions.getAPISession).toBe(2);
	});

	it('renews a session before its sessiontimeout (deadline taken from the gateway\'s lifetime, on the local clock)', async () => {
		const client = fx.client();
		await client.execute(departments());
		fx.sandbox.stats.reset();
		const now = Date.now();
		const later = jest.spyOn(Date, 'now').mockReturnValue(now + 2 * 60 * 60 * 1000);
		try {
			await client.execute(departments());
		} finally {
			later.mockRestore();
		}
		// A fresh login then the read: no failed request with the stale session first.
		expect(fx.sandbox.stats.functions.getAPISession).toBe(1);
		expect(fx.sandbox.stats.requests).toBe(2);
	});

	it('signs in again after an "Invalid session" answer (expireSessions fault)', async () => {
		const client = fx.client();
		await client.execute(departments());
		fx.sandbox.faults.add({ action: { type: 'expireSessions' } });
		await client.execute(departments());
		expect(fx.sandbox.stats.functions.getAPISession).toBe(2);
		expect(fx.logs.some((line) => line.includes('signing in again'))).toBe(true);
	});

	it('keeps one session per entity; RequestOptions.entityId overrides the credential, "" = top level', async () => {
		const client = fx.client({}, { entityId: '100' });
		await client.execute(departments());
		await client.execute(departments(), { entityId: '200' });
		await client.execute(departments(), { entityId: '' });
		await client.execute(departments(), { entityId: '200' });
		expect(fx.sandbox.stats.functions.getAPISession).toBe(3);
		const logins = fx.sent.filter((body) => body.includes('<login>'));
		expect(logins[0]).toContain('<locationid>100</locationid>');
		expect(logins[1]).toContain('<locationid>200</locationid>');
		expect(logins[2]).not.toContain('<locationid>');
	});

	it('does not reuse a session opened with other passwords (a corrected credential signs in again)', async () => {
		await fx.client().execute(departments());
		const error = await collectErrors(fx.client({}, { userPassword: 'changed-and-wrong' }).execute(departments()));
		// Today's gateway refuses a wrong password with HTTP 401 + XMLGW_JPP0002 (docs/fidelity.md, "Sign-in").
		expect(error).toMatchObject({ kind: 'http', httpStatus: 401 });
		expect(fx.sandbox.stats.functions.getAPISession).toBe(2);
	});

	it('reports a login failure as an authentication error with where to fix it', async () => {
		const error = await collectErrors(fx.client({}, { userPassword: 'wrong-password' }).execute(departments()));
		expect(error).toBeInstanceOf(IntacctError);
		expect(error).toMatchObject({ kind: 'http', httpStatus: 401, transient: false });
		expect((error as IntacctError).message).toContain('XMLGW_JPP0002');
		expect((error as IntacctError).description).toContain('Web Services Users');
	});
});

describe('the credential\'s session (preAuthentication): one sign-in per execution, not two', () => {
	/** A session opened the way the credential's preAuthentication opens it. */
	async function credentialSession(): Promise<{ sessionId: string; endpoint: string }> {
		const check = await checkCredentials(fx.credentials(), fx.post);
		if (!check.ok) throw new Error(check.message);
		fx.sandbox.stats.reset();
		fx.sent.length = 0;
		return { sessionId: check.sessionId, endpoint: check.endpoint };
	}

	it('adopts a session the credential supplies when nothing is cached: no sign-in at all', async () => {
		const { sessionId, endpoint } = await credentialSession();
		const client = fx.client({}, { sessionId, sessionEndpoint: endpoint });
		await client.execute(departments());
		await client.execute(departments());
		expect(fx.sandbox.stats.functions.getAPISession ?? 0).toBe(0);
		expect(fx.sent.every((body) => body.includes(`<sessionid>${sessionId}</sessionid>`))).toBe(true);
		expect(client.secrets()).toContain(sessionId);
	});

	it('a stale supplied session costs one "Invalid session" answer and one sign-in, and is not adopted again', async () => {
		const client = fx.client({}, { sessionId: 'stale-session-id-1234567890', sessionEndpoint: fx.sandbox.url });
		expect((await client.execute(departments())).status).toBe('success');
		await fx.client({}, { sessionId: 'stale-session-id-1234567890' }).execute(departments());
		expect(fx.sandbox.stats.functions.getAPISession).toBe(1);
		expect(fx.sent.filter((body) => body.includes('stale-session-id-1234567890'))).toHaveLength(1);
	});

	it('is not used for another entity than the credential\'s', async () => {
		const { sessionId, endpoint } = await credentialSession();
		await fx.client({}, { sessionId, sessionEndpoint: endpoint }).execute(departments(), { entityId: '200' });
		expect(fx.sandbox.stats.functions.getAPISession).toBe(1);
	});

	it('takes a sign-in answered by the credential (handoff in n8n\'s authenticate): nothing sent for it', async () => {
		const { sessionId, endpoint } = await credentialSession();
		const handingOff: HttpPost = async (request) => {
			if (isHandoffSignIn(request.body)) {
				// Answered here, never sent on: the schema check sees the sign-in body the client wrote.
				requestSink().record(request.body, 'stub');
				throw new CredentialSessionHandoff(sessionId, endpoint);
			}
			return await fx.post(request);
		};
		await fx.client({ post: handingOff }).execute(departments());
		expect(fx.sandbox.stats.functions.getAPISession ?? 0).toBe(0);
		expect(fx.sandbox.stats.requests).toBe(1);
	});

	it('signs in for real when the credential hands over a session Intacct refused', async () => {
		const stale = 'stale-handed-over-session-0987654321';
		const handingOff: HttpPost = async (request) => {
			if (isHandoffSignIn(request.body)) {
				requestSink().record(request.body, 'stub');
				throw new CredentialSessionHandoff(stale, '');
			}
			return await fx.post(request);
		};
		expect((await fx.client({ post: handingOff }).execute(departments())).status).toBe('success');
		expect((await fx.client({ post: handingOff }).execute(departments())).status).toBe('success');
		expect(fx.sandbox.stats.functions.getAPISession).toBe(1);
		expect(fx.sent.filter((body) => body.includes(stale))).toHaveLength(1);
	});
});
