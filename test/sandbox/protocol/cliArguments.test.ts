/** The CLI's options (sandbox/cli.ts). */
import { CLI_DEFAULT_PORT, parseCliArguments } from '../../../sandbox/protocol/cliArguments';

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
