/** The CLI's options (sandbox/cli.ts). */
import { createServer, type AddressInfo } from 'node:net';
import { createSandboxClock } from '../../../sandbox/protocol/sandboxClock';
import { serveCompany } from '../../../sandbox/protocol/serveCompany';
import { scriptedCompany } from './scriptedCompany';
import { CLI_DEFAULT_PORT, parseCliArguments, startFailureMessage } from '../../../sandbox/protocol/cliArguments';

it('defaults to port 8787', () => {
	expect(parseCliArguments([])).toEqual({ kind: 'run', options: { port: CLI_DEFAULT_PORT }, quiet: false });
	expect(CLI_DEFAULT_PORT).toBe(8787);
});

it('maps every flag onto SandboxOptions', () => {
	expect(
		parseCliArguments(['--port', '0', '--seed', '3', '--gl-entries', '100000', '--state', 'co.json', '--latency', '100', '--concurrency', '4', '--session-minutes', '30', '--host', '0.0.0.0', '--quiet']),
	).toEqual({
		kind: 'run',
		quiet: true,
		options: { port: 0, seed: 3, glEntryTarget: 100000, statePath: 'co.json', latencyMs: 100, concurrency: 4, sessionDurationMs: 1_800_000, host: '0.0.0.0' },
	});
});

it('--seed-size is an alias of --gl-entries; --start-time sets the sandbox clock', () => {
	expect(parseCliArguments(['--seed-size', '120000'])).toMatchObject({ options: { glEntryTarget: 120000 } });
	expect(parseCliArguments(['--start-time', '2027-01-15T09:00:00Z'])).toMatchObject({ options: { startTime: new Date('2027-01-15T09:00:00Z') } });
	expect(() => parseCliArguments(['--start-time', 'yesterday'])).toThrow('--start-time needs an ISO-8601 date-time');
	expect(() => parseCliArguments(['--start-time'])).toThrow('--start-time needs');
});

it('rejects unknown flags and bad numbers; --help wins', () => {
	expect(() => parseCliArguments(['--nope'])).toThrow('unknown option --nope');
	expect(() => parseCliArguments(['--port', 'x'])).toThrow('--port needs an integer');
	expect(() => parseCliArguments(['--latency'])).toThrow('--latency needs an integer');
	expect(parseCliArguments(['--port', '1', '--help'])).toEqual({ kind: 'help' });
});

it('names a busy port and how to pick another, without a stack trace', async () => {
	const blocker = createServer();
	await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
	const port = (blocker.address() as AddressInfo).port;
	try {
		const failure = await serveCompany(scriptedCompany(), createSandboxClock(), { port }).then(
			async (sandbox) => {
				await sandbox.close();
				throw new Error('the sandbox started on a busy port');
			},
			(error: unknown) => error,
		);
		const message = startFailureMessage(failure, { port });
		expect(message).toContain(`Port ${port} is already in use`);
		expect(message).toContain(`--port ${port + 1}`);
		expect(message).toContain('--port 0');
		expect(message).not.toMatch(/\n\s+at /);
	} finally {
		await new Promise((resolve) => blocker.close(resolve));
	}
});
