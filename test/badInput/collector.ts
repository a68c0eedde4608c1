/**
 * Everything the bad-input suites produce goes through one collector: outputs, errors (message,
 * description, stack, cause chain), webhook answers, and whatever anyone writes to the console
 * meanwhile. At the end the suite asserts that no secret (the credential's canary passwords, the
 * trigger's access key) appears anywhere in it.
 */
export class OutputCollector {
	private readonly texts: string[] = [];
	private restoreConsole: Array<() => void> = [];

	add(label: string, value: unknown): void {
		this.texts.push(`${label}: ${describe(value)}`);
	}

	/** Routes console.* and everything written to stdout/stderr (n8n's logger) into the collector.
	 * Console and stdout go quiet; stderr still reaches the terminal (the test runner reports there). */
	captureConsole(): void {
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			const original = console[method];
			console[method] = (...args: unknown[]) => this.add(`console.${method}`, args);
			this.restoreConsole.push(() => {
				console[method] = original;
			});
		}
		// winston (n8n's logger) writes to console._stdout/_stderr when they exist (jest's console has them).
		const consoleStreams = console as unknown as { _stdout?: NodeJS.WritableStream; _stderr?: NodeJS.WritableStream };
		const streams: Array<[string, NodeJS.WritableStream, boolean]> = [
			['stdout', process.stdout, false],
			['stderr', process.stderr, true],
		];
		if (consoleStreams._stdout && consoleStreams._stdout !== process.stdout) streams.push(['console._stdout', consoleStreams._stdout, false]);
		if (consoleStreams._stderr && consoleStreams._stderr !== process.stderr) streams.push(['console._stderr', consoleStreams._stderr, false]);
		for (const [name, stream, passThrough] of streams) {
			const original = stream.write;
			stream.write = ((chunk: unknown, ...rest: unknown[]) => {
				this.add(name, chunk);
				return passThrough ? (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest) : true;
			}) as typeof stream.write;
			this.restoreConsole.push(() => {
				stream.write = original;
			});
		}
	}

	releaseConsole(): void {
		for (const restore of this.restoreConsole.splice(0)) restore();
	}

	get size(): number {
		return this.texts.length;
	}

	/** Labels of collected texts containing `secret` (empty when none does). */
	leaks(secret: string): string[] {
		return this.texts.filter((t) => t.includes(secret)).map((t) => t.slice(0, t.indexOf(':')));
	}
}

/** Every string reachable from a value, errors included (own enumerable and non-enumerable fields). */
function describe(value: unknown, seen = new Set<unknown>()): string {
	if (value === null || value === undefined) return String(value);
	if (typeof value === 'string') return value;
	if (typeof value !== 'object') return String(value);
	if (seen.has(value)) return '';
	seen.add(value);
	if (Buffer.isBuffer(value)) return value.toString('utf8');
	const parts: string[] = [];
	if (value instanceof Error) parts.push(value.name, value.message, value.stack ?? '');
	for (const key of Object.getOwnPropertyNames(value)) {
		parts.push(key, describe((value as Record<string, unknown>)[key], seen));
	}
	return parts.join('\n');
}
