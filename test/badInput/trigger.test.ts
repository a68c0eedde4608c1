/**
 * Bad webhook deliveries (forged, malformed, replayed) through the Sage Intacct Trigger's webhook():
 * each is refused with the right status and a message naming the problem, or started exactly once;
 * the access key never appears in an answer or an output.
 */
import { collector } from './capturedOutput';
import { triggerParameters, webhookRunner, type WebhookAnswer } from '../support/webhookContext';
import { TRIGGER_ACCESS_KEY, triggerCases } from './corpus';

afterAll(() => collector.releaseConsole());

describe('bad webhook deliveries', () => {
	const cases = triggerCases();

	it('has the cases the matrix promises', () => {
		expect(cases.length).toBeGreaterThanOrEqual(10);
		expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
	});

	it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
		// includeRaw: the raw body goes to the output, so a leaked access key would show there.
		const call = webhookRunner(triggerParameters(TRIGGER_ACCESS_KEY, { options: { includeRaw: true }, ...c.parameters }));
		const answers: WebhookAnswer[] = [];
		for (const request of c.requests) {
			const answer = await call({ body: request.body, rawText: request.rawText, headers: request.headers, query: request.query });
			collector.add(`${c.id} answer`, answer);
			answers.push(answer);
		}
		const last = answers[answers.length - 1];
		const started = answers.reduce((n, a) => n + a.started, 0);
		if (c.expect.answer === 200) {
			expect(answers.map((a) => a.status)).toEqual(answers.map(() => undefined));
			expect(started).toBe(c.expect.started);
		} else {
			expect(last.status).toBe(c.expect.answer);
			expect(last.result.noWebhookResponse).toBe(true);
			expect(started).toBe(0);
			const message = String((last.sent as { message?: unknown } | undefined)?.message ?? '');
			if (c.expect.answer === 401) expect(message).toMatch(/unauthori[sz]ed/i);
			else expect(message).toContain(c.expect.mentions);
		}
	});

	it('never shows the access key in an answer, an output or the console', () => {
		expect(collector.size).toBeGreaterThanOrEqual(cases.length);
		expect(collector.leaks(TRIGGER_ACCESS_KEY)).toEqual([]);
	});
});
