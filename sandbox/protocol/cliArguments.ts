/** Command-line options of `npm run sandbox` (sandbox/cli.ts), parsed into SandboxOptions. */
import type { SandboxOptions } from '../api';

export const CLI_DEFAULT_PORT = 8787;

export const USAGE = `Usage: npm run sandbox -- [options]
  --port <n>          TCP port (default ${CLI_DEFAULT_PORT}; 0 = any free port)
  --host <addr>       listen address (default 127.0.0.1)
  --seed <n>          seed of the generated company history (default 1)
  --gl-entries <n>    approximate number of GL entry (GLENTRY) rows to generate (e.g. 100000;
                      default about 1500); --seed-size is an alias
  --state <file>      load the company from this JSON file if present; save to it after writes and on exit
  --latency <ms>      latency added to every request
  --concurrency <n>   concurrent requests per company (default 2)
  --session-minutes <n>  sliding session lifetime (default 120)
  --start-time <iso>  start the sandbox clock at this time (e.g. 2027-01-15T09:00:00Z); writes are
                      stamped with the sandbox clock, the seeded history keeps its fixed dates
  --quiet             do not log one line per request
  --stop-on-stdin-end stop (cleanly) when standard input closes: a parent process that spawns the
                      sandbox with a stdin pipe (benchmarks, test tooling) takes it down when it exits
  --help              this text`;

export type CliCommand =
	| { kind: 'help' }
	/** stopOnStdinEnd is present only when --stop-on-stdin-end was given. */
	| { kind: 'run'; options: SandboxOptions; quiet: boolean; stopOnStdinEnd?: true };

function integer(flag: string, value: string | undefined, min: number): number {
	const parsed = Number(value);
	if (value === undefined || !Number.isInteger(parsed) || parsed < min) throw new Error(`${flag} needs an integer >= ${min}`);
	return parsed;
}

export function parseCliArguments(args: readonly string[]): CliCommand {
	const options: SandboxOptions = { port: CLI_DEFAULT_PORT };
	let quiet = false;
	let stopOnStdinEnd = false;
	for (let i = 0; i < args.length; i++) {
		const flag = args[i];
		const value = (): string | undefined => args[++i];
		switch (flag) {
			case '--help':
			case '-h':
				return { kind: 'help' };
			case '--port':
				options.port = integer(flag, value(), 0);
				break;
			case '--host':
				options.host = value();
				break;
			case '--seed':
				options.seed = integer(flag, value(), 0);
				break;
			case '--gl-entries':
			case '--seed-size':
				options.glEntryTarget = integer(flag, value(), 0);
				break;
			case '--state': {
				const path = value();
				if (path === undefined || path === '') throw new Error('--state needs a file path');
				options.statePath = path;
				break;
			}
			case '--latency':
				options.latencyMs = integer(flag, value(), 0);
				break;
			case '--concurrency':
				options.concurrency = integer(flag, value(), 1);
				break;
			case '--session-minutes':
				options.sessionDurationMs = integer(flag, value(), 1) * 60_000;
				break;
			case '--start-time': {
				const text = value() ?? '';
				const start = new Date(text);
				if (text === '' || Number.isNaN(start.getTime())) throw new Error('--start-time needs an ISO-8601 date-time, e.g. 2027-01-15T09:00:00Z');
				options.startTime = start;
				break;
			}
			case '--quiet':
				quiet = true;
				break;
			case '--stop-on-stdin-end':
				stopOnStdinEnd = true;
				break;
			default:
				throw new Error(`unknown option ${flag}`);
		}
	}
	return stopOnStdinEnd ? { kind: 'run', options, quiet, stopOnStdinEnd: true } : { kind: 'run', options, quiet };
}


/**
 * What the CLI prints when the sandbox cannot start: a port in use or not allowed is named, with how
 * to pick another, instead of Node's stack trace; anything else keeps its message.
 */
export function startFailureMessage(error: unknown, options: SandboxOptions): string {
	const code = (error as { code?: unknown } | null)?.code;
	const port = options.port ?? CLI_DEFAULT_PORT;
	const where = `${options.host ?? '127.0.0.1'}:${port}`;
	if (code === 'EADDRINUSE') {
		return (
			`Port ${port} is already in use (${where}): another sandbox, demo or program is listening there.\n` +
			`Stop it, or start the sandbox on another port: npm run sandbox -- --port ${port + 1}  (or --port 0 for any free port).`
		);
	}
	if (code === 'EACCES') return `Not allowed to listen on ${where}. Use a port above 1024: npm run sandbox -- --port ${CLI_DEFAULT_PORT}`;
	if (code === 'EADDRNOTAVAIL') return `${options.host ?? ''} is not an address of this machine. Use --host 127.0.0.1 (or 0.0.0.0 for every interface).`;
	return `The sandbox could not start: ${error instanceof Error ? error.message : String(error)}`;
}
