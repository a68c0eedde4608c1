/**
 * The sandbox's request log says what happened, not only the HTTP status (every gateway answer is
 * HTTP 200): a failed sign-in, malformed XML and a function failure are named with Intacct's error.
 */
import type { Sandbox } from '../../../sandbox/api';
import { createSandboxClock } from '../../../sandbox/protocol/sandboxClock';
import { serveCompany } from '../../../sandbox/protocol/serveCompany';
import { envelope, fn, loginXml, postRaw } from './gatewayClient';
import { scriptedCompany } from './scriptedCompany';

let sandbox: Sandbox;
const lines: string[] = [];
beforeAll(async () => {
	sandbox = await serveCompany(scriptedCompany(), createSandboxClock(), { log: (line) => lines.push(line) });
});
afterAll(() => sandbox.close());

async function logged(body: string): Promise<string> {
	const before = lines.length;
	await postRaw(sandbox.url, body);
	const line = lines.slice(before).find((l) => l.startsWith('POST '));
	if (line === undefined) throw new Error(`no request log line in ${JSON.stringify(lines.slice(before))}`);
	return line;
}

describe('request log', () => {
	it('shows a failed sign-in as a failure with the error number', async () => {
		const line = await logged(envelope(fn('s', '<getAPISession/>'), { authentication: loginXml({ password: 'wrong' }) }));
		expect(line).toMatch(/ 200 \[getAPISession\] \d+ms sign-in failed for user \S+ \(XL03000006 /);
	});

	it('shows malformed XML as refused, in words', async () => {
		const line = await logged('<request><control><senderid>x</senderid>');
		expect(line).toMatch(/ 200 \[\] \d+ms refused: malformed XML \(XL03000003 XML Parse schema error: Fatal Error 77: Premature end of data in tag control/);
		expect(line).not.toContain('[    "');
	});

	it('shows a successful request as ok with its count', async () => {
		const line = await logged(envelope(fn('f1', '<echo/>') + fn('f2', '<echo/>')));
		expect(line).toMatch(/ 200 \[echo,echo\] \d+ms ok: 2 succeeded$/);
	});
});
