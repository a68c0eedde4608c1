/**
 * (c) Webhook trigger throughput: N deliveries through webhook() with the access-key check and the
 * idempotency-key dedup, as Intacct would send them: mostly new GL entries, some retries of a
 * delivery whose answer was lost (same idempotency key, shortly after), a few forged requests.
 */
import type { WebhookMeasurement } from '../results';
import { timed } from '../stats';
import { triggerParameters, webhookRunner, type WebhookCall } from '../../test/support/webhookContext';

const ACCESS_KEY = 'bench-access-key-0f9e8d7c6b5a4321';

function delivery(n: number, key: string): WebhookCall {
	return {
		headers: { 'content-type': 'application/json', 'idempotency-key': `evt-${n}` },
		body: {
			object: 'GLENTRY',
			event: 'created',
			accessKey: key,
			record: {
				RECORDNO: String(100000 + n),
				BATCHNO: String(5000 + Math.floor(n / 3)),
				LINE_NO: String(1 + (n % 3)),
				JOURNAL: 'GJ',
				ACCOUNTNO: '6100',
				TR_TYPE: n % 2 === 0 ? '1' : '-1',
				AMOUNT: '1250.50',
				TRX_AMOUNT: '1250.50',
				ENTRY_DATE: '03/31/2026',
				DESCRIPTION: `Entry ${n}`,
				DEPARTMENTID: 'D100',
				WHENCREATED: '03/31/2026 14:02:11',
				WHENMODIFIED: '03/31/2026 14:02:11',
			},
		},
	};
}

/** The delivery mix: every 10th call replays the delivery 2 calls back, every 100th is forged. */
export function deliveryPlan(total: number): { calls: WebhookCall[]; duplicates: number; forged: number } {
	const calls: WebhookCall[] = [];
	let duplicates = 0;
	let forged = 0;
	let fresh = 0;
	for (let i = 0; i < total; i++) {
		if (i % 100 === 99) {
			calls.push(delivery(fresh + 1_000_000, 'not-the-key'));
			forged++;
		} else if (i % 10 === 9 && fresh >= 2) {
			calls.push(delivery(fresh - 2, ACCESS_KEY));
			duplicates++;
		} else {
			calls.push(delivery(fresh++, ACCESS_KEY));
		}
	}
	return { calls, duplicates, forged };
}

export async function runWebhookBenchmark(total: number, runs: number): Promise<WebhookMeasurement> {
	const plan = deliveryPlan(total);
	const runsMs: number[] = [];
	let started = 0;
	let ignored = 0;
	let rejected = 0;
	for (let run = 0; run < runs; run++) {
		const call = webhookRunner(triggerParameters(ACCESS_KEY)); // fresh static data each run
		started = ignored = rejected = 0;
		const { ms } = await timed(async () => {
			for (const c of plan.calls) {
				const answer = await call(c);
				if (answer.status === 401) rejected++;
				else if (answer.started > 0) started += answer.started;
				else ignored++;
			}
		});
		runsMs.push(ms);
	}
	return { deliveries: total, duplicates: plan.duplicates, forged: plan.forged, runsMs, started, ignored, rejected };
}
