/**
 * No password or session ID may appear in any error message, description, chain, stack, log line
 * or n8n error the client produces. Runs the failing scenarios of the other suites and checks
 * everything they produced.
 */
import type { INode } from 'n8n-workflow';
import { create, readByQuery } from '../../../../../nodes/shared/intacct/xml/functions';
import { IntacctError } from '../../../../../nodes/shared/intacct/core/errors';
import { IntacctClient } from '../../../../../nodes/shared/intacct/client/client';
import { checkCredentials } from '../../../../../nodes/shared/intacct/client/credentialDiagnosis';
import { toN8nError } from '../../../../../nodes/shared/intacct/n8n/errors';
import type { HttpPost } from '../../../../../nodes/shared/intacct/core/types';
import { type ClientFixture, collectErrors, departments, resetFixture, startClientFixture } from '../../../../support/sandboxClient';
import { SecretAudit } from '../../../../support/secretAudit';
import { MASK, maskSecrets } from '../../../../../nodes/shared/intacct/core/secretMasking';
import { schemaChecked } from '../../../../support/requestSchema/checkedPost';

const node: INode = { id: '1', name: 'Sage Intacct', type: 'n8n-nodes-sage-intacct.sageIntacct', typeVersion: 1, position: [0, 0], parameters: {} };
const WRONG_SENDER_PASSWORD = 'wrong-sender-Pa55&<x>';
const WRONG_USER_PASSWORD = "wrong-user-Pa55'\"";

let fx: ClientFixture;
const produced: string[] = [];

function record(error: unknown): void {
	if (!(error instanceof Error)) throw new Error(`expected an Error, got ${String(error)}`);
	const e = error as IntacctError;
	produced.push(e.message, String(e.description ?? ''), JSON.stringify(e.errors ?? []), String(e.stack ?? ''), String(e.cause ?? ''));
	const apiError = toN8nError(node, error, 0);
	produced.push(apiError.message, String(apiError.description ?? ''), JSON.stringify(apiError.context), String(apiError.stack ?? ''), JSON.stringify(apiError.cause ?? ''));
}

function sessionIdsSent(): string[] {
	return fx.sent.flatMap((body) => [...body.matchAll(/<sessionid>([^<]+)<\/sessionid>/g)].map((m) => m[1]));
}

beforeAll(async () => {
	fx = await startClientFixture();
});
afterAll(async () => {
	await fx.sandbox.close();
});

describe('secrets never leak', () => {
	it('produces errors and logs without passwords or session IDs', async () => {
		resetFixture(fx);
		const client = fx.client({ maxRetries: 1, timeoutMs: 300 });
		await client.execute(departments());
		record(await collectErrors(fx.client({}, { senderPassword: WRONG_SENDER_PASSWORD }).execute(departments())));
		record(await collectErrors(fx.client({}, { userPassword: WRONG_USER_PASSWORD }).execute(departments())));
		record(await collectErrors(fx.client({}, { senderId: 'unauthorised_partner', senderPassword: 'partner-secret' }).execute(departments())));
		record(await collectErrors(client.execute(readByQuery({ object: 'NOSUCHOBJECT' }))));
		fx.sandbox.faults.add({ action: { type: 'expireSessions' } });
		await client.execute(departments());
		for (const action of [
			{ type: 'status', status: 502, body: 'html' },
			{ type: 'status', status: 400, body: 'xml' },
			{ type: 'status', status: 524, body: 'empty' },
			{ type: 'resetBeforeProcess' },
			{ type: 'hang' },
		] as const) {
			fx.sandbox.faults.add({ action, times: Infinity });
			record(await collectErrors(client.execute(departments())));
			fx.sandbox.faults.clear();
		}
		const fn = create('VENDOR', { VENDORID: 'SEC-1', NAME: 'Secret test', DISPLAYCONTACT: { PRINTAS: 'Secret test' } }, { controlId: 'sec-1' });
		await client.execute(fn, { idempotent: true });
		record(await collectErrors(client.execute(fn, { idempotent: true })));
		for (const wrong of [{ senderPassword: WRONG_SENDER_PASSWORD }, { userPassword: WRONG_USER_PASSWORD }, { entityId: '999' }]) {
			const check = await checkCredentials(fx.credentials(wrong), fx.post);
			if (check.ok) throw new Error('expected a failed check');
			produced.push(check.message);
		}
		produced.push(...fx.logs);

		const secrets = [
			fx.sandbox.credentials.senderPassword,
			fx.sandbox.credentials.userPassword,
			'partner-secret',
			WRONG_SENDER_PASSWORD,
			WRONG_USER_PASSWORD,
			...sessionIdsSent(),
		];
		expect(sessionIdsSent().length).toBeGreaterThan(0);
		expect(produced.length).toBeGreaterThan(50);
		const everything = produced.join('\n');
		for (const secret of secrets) expect(everything).not.toContain(secret);
	});

	it('masks secrets even when the gateway echoes them back', async () => {
		resetFixture(fx);
		let sessionId = '';
		const echoing: HttpPost = async (request) => {
			const answer = await fx.post(request);
			const match = /<sessionid>([^<]+)<\/sessionid>/.exec(answer.body) ?? /<sessionid>([^<]+)<\/sessionid>/.exec(request.body);
			if (match) sessionId = match[1];
			if (!request.body.includes('readByQuery')) return answer;
			const echo = `${fx.sandbox.credentials.senderPassword} ${fx.sandbox.credentials.userPassword} ${sessionId}`;
			return {
				statusCode: 200,
				headers: {},
				body: `<response><control><status>failure</status></control><errormessage><error><errorno>XL03000003</errorno><description>${echo}</description><description2>${request.body.replace(/</g, '&lt;')}</description2><correction>${echo}</correction></error></errormessage></response>`,
			};
		};
		const client = new IntacctClient({ credentials: fx.credentials(), post: echoing, retryBaseDelayMs: 1, log: (l) => fx.logs.push(l) });
		const error = await collectErrors(client.execute(departments()));
		record(error);
		expect(sessionId).not.toBe('');
		const everything = produced.join('\n');
		for (const secret of [fx.sandbox.credentials.senderPassword, fx.sandbox.credentials.userPassword, sessionId]) {
			expect(everything).not.toContain(secret);
		}
	});
});

describe('the suite-wide secret audit (every client test file, via useClientFixture)', () => {
	it('records thrown errors, failed results and logs of watched clients, and finds a secret in them', async () => {
		const audit = new SecretAudit();
		audit.addSecrets('hunter2-secret');
		audit.noteTraffic('<response><sessionid>sess-XYZ..</sessionid></response>');
		const leaky: HttpPost = schemaChecked(async () => ({
			statusCode: 200,
			headers: {},
			body: '<response><control><status>failure</status></control><errormessage><error><errorno>X</errorno><description>sess-XYZ..</description></error></errormessage></response>',
		}));
		const client = audit.watch(new IntacctClient({ credentials: fx.credentials(), post: leaky, maxRetries: 0 }));
		await collectErrors(client.execute(departments()));
		expect(audit.recorded()).toBeGreaterThan(0);
		// The client masks only secrets it knows; this session ID was never its own, so the audit sees it.
		expect(audit.leaks([])).toEqual(['sess-XYZ..']);
		expect(audit.leaks(['log line with hunter2-secret'])).toEqual(['hunter2-secret', 'sess-XYZ..']);
	});
});

// maskSecrets on its own (issue 12 items 8 and 12): short passwords masked where they stand alone, linear blanking.

describe('maskSecrets', () => {
	it('masks a one-character password where it stands alone, and leaves the words around it readable', () => {
		const message = 'Invalid Web Services Authorization for user a (password a) at Intacct';
		expect(maskSecrets(message, ['a'])).toBe(`Invalid Web Services Authorization for user ${MASK} (password ${MASK}) at Intacct`);
		expect(maskSecrets('pw=x1;', ['x1'])).toBe(`pw=${MASK};`);
		expect(maskSecrets('the value x1y stays', ['x1'])).toBe('the value x1y stays');
	});

	it('masks a longer secret wherever it appears, inside words too', () => {
		expect(maskSecrets('prefixS3cretPWsuffix', ['S3cretPW'])).toBe(`prefix${MASK}suffix`);
	});

	it('blanks <password> and <sessionid> contents in any case, unclosed elements left alone', () => {
		expect(maskSecrets('<PassWord>x</PASSWORD><sessionid>s</sessionid><password>open', [])).toBe(`<PassWord>${MASK}</PASSWORD><sessionid>${MASK}</sessionid><password>open`);
	});

	it('stays linear on hostile text: many opening tags and no closing one', () => {
		// the earlier lazy pattern rescanned to the end from every tag: ~10^11 steps here, the test
		// never finished; one indexOf scan per tag name finishes at once
		const hostile = '<password>'.repeat(200_000);
		expect(maskSecrets(hostile, ['a'])).toBe(hostile);
	});
});
