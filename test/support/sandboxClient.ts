/**
 * Shared set-up of the client's sandbox tests: a sandbox, a client pointing at it with fast
 * retries, and a record of every request the client sent.
 */
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox/api';
import { IntacctClient } from '../../nodes/shared/intacct/client/client';
import { readByQuery } from '../../nodes/shared/intacct/xml/functions';
import { clearSessionCache } from '../../nodes/shared/intacct/client/sessionCache';
import type { HttpPost, IntacctClientOptions, IntacctCredentials, IntacctFunction } from '../../nodes/shared/intacct/core/types';
import { createNodeHttpPost } from './nodeHttpPost';
import { SecretAudit } from './secretAudit';
import { ParserAudit } from './parserAudit';

export interface ClientFixture {
	sandbox: Sandbox;
	post: HttpPost;
	/** Bodies of the requests the client sent, in order. */
	sent: string[];
	logs: string[];
	/** Everything the fixture's clients produced, checked for secrets when the file ends (useClientFixture). */
	audit: SecretAudit;
	/** Every response body, read by both XML paths (fast scanner and fast-xml-parser), compared when the file ends. */
	parsers: ParserAudit;
	client(overrides?: Partial<IntacctClientOptions>, credentials?: Partial<IntacctCredentials>): IntacctClient;
	credentials(overrides?: Partial<IntacctCredentials>): IntacctCredentials;
}

export async function startClientFixture(): Promise<ClientFixture> {
	const sandbox = await startSandbox({ port: 0 });
	const base = createNodeHttpPost();
	const sent: string[] = [];
	const logs: string[] = [];
	const audit = new SecretAudit();
	const parsers = new ParserAudit();
	audit.addSecrets(sandbox.credentials.senderPassword, sandbox.credentials.userPassword);
	const post: HttpPost = async (request) => {
		sent.push(request.body);
		audit.noteTraffic(request.body);
		const response = await base(request);
		audit.noteTraffic(response.body);
		parsers.note(response.body);
		return response;
	};
	const credentials = (overrides: Partial<IntacctCredentials> = {}): IntacctCredentials => {
		audit.addSecrets(overrides.senderPassword, overrides.userPassword);
		return { ...sandbox.credentials, ...overrides };
	};
	return {
		sandbox,
		post,
		sent,
		logs,
		audit,
		parsers,
		credentials,
		client: (overrides = {}, creds = {}) =>
			audit.watch(
				new IntacctClient({
					credentials: credentials(creds),
					post,
					retryBaseDelayMs: 1,
					maxRetries: 3,
					timeoutMs: 5_000,
					log: (line) => logs.push(line),
					...overrides,
				}),
			),
	};
}

/** Each test starts without cached sessions, stats or faults. */
export function resetFixture(fixture: ClientFixture): void {
	clearSessionCache();
	fixture.sandbox.faults.clear();
	fixture.sandbox.stats.reset();
	fixture.sent.length = 0;
}

export async function collectErrors<T>(promise: Promise<T>): Promise<unknown> {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('expected the promise to reject');
}

/**
 * One sandbox for the test file (started in beforeAll, closed in afterAll) and a clean fixture for
 * each test. The returned object reads through to the fixture once it has started.
 */
export function useClientFixture(): ClientFixture {
	let fixture: ClientFixture | undefined;
	beforeAll(async () => {
		fixture = await startClientFixture();
	});
	afterAll(async () => {
		await fixture?.sandbox.close();
		// Issue 2: no secret in any error, result chain or log line this file's tests produced.
		if (fixture !== undefined) expect(fixture.audit.leaks(fixture.logs)).toEqual([]);
		// Issue 4: the fast XML path read every gateway answer exactly as fast-xml-parser does.
		if (fixture !== undefined) expect(fixture.parsers.problems()).toEqual([]);
	});
	beforeEach(() => resetFixture(started()));
	const started = (): ClientFixture => {
		if (fixture === undefined) throw new Error('the client fixture is used before beforeAll started it');
		return fixture;
	};
	return {
		get sandbox() {
			return started().sandbox;
		},
		get post() {
			return started().post;
		},
		get sent() {
			return started().sent;
		},
		get logs() {
			return started().logs;
		},
		get audit() {
			return started().audit;
		},
		get parsers() {
			return started().parsers;
		},
		client: (overrides, credentials) => started().client(overrides, credentials),
		credentials: (overrides) => started().credentials(overrides),
	};
}

/** A cheap read of one row: what most tests send when the function itself does not matter. */
export const departments = (): IntacctFunction => readByQuery({ object: 'DEPARTMENT', fields: ['DEPARTMENTID'], pageSize: 1 });
