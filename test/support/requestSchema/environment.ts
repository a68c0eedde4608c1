/**
 * jest's node environment plus Intacct's schema: collects every request body a test file's clients
 * send (through the sandbox's inspection hook or schemaChecked() stubs), validates them all in one
 * xmllint run when the file's tests have run, and fails the very test that sent an invalid body
 * (naming the request and libxml2's message) before jest builds the file's results. Bodies sent from
 * beforeAll/afterAll fail the file. Known-invalid shapes (knownInvalid.ts) are counted, not failed.
 */
import { relative } from 'node:path';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';
import { appendCounts, emptyCounts, type SchemaCounts } from './counts';
import { KNOWN_INVALID } from './knownInvalid';
import { type RequestOrigin, type RequestSink, SINK_GLOBAL } from './requestSink';
import { describeRequest, validateAgainstSchema } from './validateAgainstSchema';

interface Recorded {
	body: string;
	origin: RequestOrigin;
	/** The test running when it was sent, or the hook's description. */
	test?: Circus.TestEntry;
	during: string;
}

function testName(test: Circus.TestEntry): string {
	const names: string[] = [];
	for (let block: Circus.TestEntry | Circus.DescribeBlock | undefined = test; block !== undefined; block = block.parent) {
		if (block.name !== 'ROOT_DESCRIBE_BLOCK') names.unshift(block.name);
	}
	return names.join(' › ');
}

export default class RequestSchemaEnvironment extends TestEnvironment {
	private recorded: Recorded[] = [];
	private currentTest: Circus.TestEntry | undefined;
	private currentHook: string | undefined;
	private finished = false;
	private readonly counts: SchemaCounts = emptyCounts();
	private readonly testPath: string;

	constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
		super(config, context);
		this.testPath = context.testPath;
	}

	async setup(): Promise<void> {
		await super.setup();
		const sink: RequestSink = {
			record: (body, origin) => {
				if (this.finished) {
					this.counts.unvalidated += 1;
					return;
				}
				const during = this.currentTest !== undefined ? testName(this.currentTest) : (this.currentHook ?? 'outside any test');
				this.recorded.push({ body, origin, test: this.currentTest, during });
			},
			handWritten: () => {
				this.counts.handWritten += 1;
			},
		};
		this.global[SINK_GLOBAL] = sink;
	}

	async handleTestEvent(event: Circus.Event, state: Circus.State): Promise<void> {
		switch (event.name) {
			case 'test_start':
				this.currentTest = event.test;
				break;
			case 'test_done':
				this.currentTest = undefined;
				break;
			case 'hook_start':
				if (event.hook.type === 'beforeAll' || event.hook.type === 'afterAll') this.currentHook = `${event.hook.type} of "${event.hook.parent.name}"`;
				break;
			case 'hook_success':
			case 'hook_failure':
				if (event.hook.type === 'beforeAll' || event.hook.type === 'afterAll') this.currentHook = undefined;
				break;
			case 'run_finish':
				await this.validateRecorded(state);
				break;
		}
	}

	async teardown(): Promise<void> {
		this.finished = true;
		appendCounts(this.counts);
		await super.teardown();
	}

	private async validateRecorded(state: Circus.State): Promise<void> {
		const recorded = this.recorded;
		this.recorded = [];
		this.finished = true;
		if (recorded.length === 0) return;
		const started = Date.now();
		const verdicts = await validateAgainstSchema(
			recorded.map((r) => r.body),
			() => (this.counts.runs += 1),
		);
		this.counts.ms += Date.now() - started;
		this.counts.validated += recorded.length;
		const known = new Set(this.counts.knownShapes);
		recorded.forEach((request, index) => {
			const verdict = verdicts[index];
			if (verdict.valid) return;
			const what = describeRequest(request.body);
			const entry = KNOWN_INVALID.find((k) => k.request.test(what) && verdict.messages.every((m) => k.message.test(m)));
			if (entry !== undefined) {
				this.counts.knownInvalid += 1;
				const shape = `${what} (${entry.fixedBy})`;
				known.add(shape);
				const sender = `${relative(process.cwd(), this.testPath)} › ${request.during}`;
				const senders = (this.counts.knownSenders[shape] ??= []);
				if (!senders.includes(sender)) senders.push(sender);
				return;
			}
			this.counts.invalid += 1;
			const error = new Error(
				`Request ${what} (seen by ${request.origin === 'sandbox' ? 'the sandbox' : 'a test stub'}) does not validate against Intacct's api.xsd:\n` +
					`${verdict.messages.map((m) => `  ${m}`).join('\n')}\nsent during: ${request.during}\nbody: ${request.body.slice(0, 2000)}`,
			);
			error.stack = error.message;
			if (request.test !== undefined) request.test.errors.push(error);
			else state.unhandledErrors.push(error);
		});
		this.counts.knownShapes = [...known].sort();
	}
}
