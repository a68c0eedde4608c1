/**
 * Suite-wide secret check: every client the shared fixture hands out is watched, and everything it
 * produces (thrown errors with message, description, chain and stack; failed results' chains;
 * batch outcomes; log lines) is kept. When the test file ends, no password the tests signed in with
 * (right or wrong) and no session ID that crossed the wire may appear in any of it.
 */
import type { IntacctClient } from '../../nodes/shared/intacct/client/client';
import type { BatchOutcome, IntacctResult } from '../../nodes/shared/intacct/core/types';

const SESSION_ID = /<sessionid>([^<]+)<\/sessionid>/g;

export class SecretAudit {
	private readonly secrets = new Set<string>();
	private readonly produced: string[] = [];

	addSecrets(...values: Array<string | undefined>): void {
		for (const value of values) if (value) this.secrets.add(value);
	}

	/** Remembers the session IDs in a request or response body. */
	noteTraffic(body: string): void {
		for (const match of body.matchAll(SESSION_ID)) this.addSecrets(match[1]);
	}

	recordError(error: unknown): void {
		if (!(error instanceof Error)) {
			this.produced.push(String(error));
			return;
		}
		const e = error as Error & { description?: unknown; errors?: unknown };
		this.produced.push(e.message, String(e.description ?? ''), JSON.stringify(e.errors ?? []), String(e.stack ?? ''));
	}

	private recordResults(results: IntacctResult[]): void {
		for (const result of results) if (result.errors.length > 0) this.produced.push(JSON.stringify(result.errors));
	}

	private recordOutcomes(outcomes: BatchOutcome[]): void {
		for (const outcome of outcomes) {
			if (outcome.ok) this.recordResults([outcome.result]);
			else this.recordError(outcome.error);
		}
	}

	private async tap<T>(promise: Promise<T>, onValue: (value: T) => void): Promise<T> {
		try {
			const value = await promise;
			onValue(value);
			return value;
		} catch (error) {
			this.recordError(error);
			throw error;
		}
	}

	/** Wraps the client's public methods so that whatever they produce is recorded. */
	watch(client: IntacctClient): IntacctClient {
		const execute = client.execute.bind(client);
		const executeBatch = client.executeBatch.bind(client);
		const executeMany = client.executeMany.bind(client);
		const pages = client.pages.bind(client);
		client.execute = async (fn, options) => await this.tap(execute(fn, options), (r) => this.recordResults([r]));
		client.executeBatch = async (fns, options) => await this.tap(executeBatch(fns, options), (rs) => this.recordResults(rs));
		client.executeMany = async (fns, options) => await this.tap(executeMany(fns, options), (os) => this.recordOutcomes(os));
		const recordError = (error: unknown): void => this.recordError(error);
		client.pages = (fn, options) => SecretAudit.watchPages(pages(fn, options), recordError);
		return client;
	}

	private static async *watchPages<T>(pages: AsyncIterable<T>, recordError: (error: unknown) => void): AsyncGenerator<T> {
		try {
			yield* pages;
		} catch (error) {
			recordError(error);
			throw error;
		}
	}

	/** How many texts were recorded (a check that saw nothing proves nothing). */
	recorded(): number {
		return this.produced.length;
	}

	/** Secrets found in anything recorded or in the given log lines. */
	leaks(logs: string[]): string[] {
		const everything = [...this.produced, ...logs].join('\n');
		return [...this.secrets].filter((secret) => everything.includes(secret));
	}
}
