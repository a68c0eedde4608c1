import { IntacctError } from '../../nodes/SageIntacct/transport/errors';
import { collectErrors, departments, useClientFixture } from './sandboxClient';

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
		expect(error).toMatchObject({ kind: 'authentication' });
		expect(fx.sandbox.stats.functions.getAPISession).toBe(2);
	});

	it('reports a login failure as an authentication error with where to fix it', async () => {
		const error = await collectErrors(fx.client({}, { userPassword: 'wrong-password' }).execute(departments()));
		expect(error).toBeInstanceOf(IntacctError);
		expect(error).toMatchObject({ kind: 'authentication', transient: false });
		expect((error as IntacctError).message).toContain('XL03000006');
		expect((error as IntacctError).description).toContain('Web Services Users');
	});
});
