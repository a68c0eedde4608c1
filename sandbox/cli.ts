/**
 * `npm run sandbox -- --port 8787 --seed 1 --gl-entries 100000 --state file.json --latency 100`
 * (`--help` lists every option; bench/sandboxProcess.ts runs it as a child process).
 * Starts the local Intacct XML gateway and prints the credential values to paste into n8n (these
 * are sandbox-only demo values, safe to print). Ctrl-C closes cleanly (saving --state).
 */
import { startSandbox } from './index';
import { type CliCommand, USAGE, parseCliArguments, startFailureMessage } from './protocol/cliArguments';

async function main(): Promise<void> {
	let command: CliCommand;
	try {
		command = parseCliArguments(process.argv.slice(2));
	} catch (error: unknown) {
		console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
		process.exit(2);
	}
	if (command.kind === 'help') {
		console.log(USAGE);
		return;
	}
	const log = command.quiet ? undefined : (line: string): void => console.log(`${new Date().toISOString()} ${line}`);
	let sandbox: Awaited<ReturnType<typeof startSandbox>>;
	try {
		sandbox = await startSandbox({ ...command.options, log });
	} catch (error: unknown) {
		console.error(startFailureMessage(error, command.options));
		process.exit(1);
	}
	const c = sandbox.credentials;
	console.log(
		[
			`Sage Intacct sandbox listening on ${sandbox.url}`,
			'',
			'Credential values (sandbox-only demo values):',
			`  Company ID:       ${c.companyId}`,
			`  Entity ID:        (empty = top level; entities: 100, 200)`,
			`  Sender ID:        ${c.senderId}`,
			`  Sender password:  ${c.senderPassword}`,
			`  User ID:          ${c.userId}`,
			`  User password:    ${c.userPassword}`,
			`  Endpoint URL:     ${c.endpointUrl}`,
			'',
			`REST API (OAuth 2.0):  ${sandbox.rest.baseUrl}`,
			`  Token URL:        ${sandbox.rest.tokenUrl}`,
			`  Authorize URL:    ${sandbox.rest.authorizeUrl}`,
			`  Client ID:        ${sandbox.rest.credentials.clientId}`,
			`  Client secret:    ${sandbox.rest.credentials.clientSecret}`,
			`  Username (client credentials): ${sandbox.rest.credentials.userId}@${sandbox.rest.credentials.companyId}  (or ...|100 for an entity)`,
			'',
			`Admin endpoints (loopback only, tests and benchmarks): ${c.endpointUrl.replace(/\/ia\/xml\/xmlgw\.phtml$/, '')}/__sandbox/stats`,
			'',
			'Press Ctrl-C to stop.',
		].join('\n'),
	);
	let stopping = false;
	const stop = (): void => {
		if (stopping) return;
		stopping = true;
		console.log('Stopping sandbox...');
		sandbox.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	if (command.stopOnStdinEnd === true) {
		process.stdin.once('end', stop);
		process.stdin.once('close', stop);
		process.stdin.resume();
	}
}

// Runs on load: scripts/run-ts.js bundles this file and require()s it, so require.main is not this module.
main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
