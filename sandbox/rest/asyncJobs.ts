/**
 * Asynchronous requests (docs: intacct-docs/rest/async-requests.md): `Prefer: respond-async` queues
 * the call and answers 202 with a jobId, state queued and the job-status href (Retry-After 120 s);
 * GET /services/core/async/job-status?jobId= reports queued / inTransit / delivered / dead with
 * deliveryStatus, to the application that queued it only. When the request named
 * X-IA-Webhook-EndpointURL, the result is POSTed there with X-IA-Respond-Code,
 * X-IA-Original-Request-Id and X-IA-Sage-Signature (HMAC-SHA256 of the body with the application's
 * client secret, base64url).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { RestReply } from './objectService';
import type { JsonObject } from './recordMapping';
import { RestError } from './restErrors';

export const ASYNC_RETRY_AFTER_SECONDS = 120;

interface AsyncJob {
	jobId: string;
	owner: string;
	state: 'queued' | 'inTransit' | 'delivered' | 'dead';
	queuedAt: Date;
	startedAt?: Date;
	finishedAt?: Date;
	deliveryStatus: JsonObject[];
}

export interface AsyncRequest {
	owner: string;
	/** Runs the call (the same dispatch as a synchronous request). */
	run: () => RestReply;
	webhookUrl?: string;
	/** Signs the delivered body (the application's client secret). */
	signingSecret: string;
	idempotencyKey?: string;
}

function iso(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class AsyncJobs {
	private readonly jobs = new Map<string, AsyncJob>();

	constructor(
		private readonly now: () => Date,
		private readonly schedule: (work: () => void) => void,
		private readonly log: (line: string) => void,
	) {}

	/** Queues the request; the 202 acknowledgement. */
	submit(request: AsyncRequest): RestReply {
		const job: AsyncJob = { jobId: randomBytes(27).toString('base64url'), owner: request.owner, state: 'queued', queuedAt: this.now(), deliveryStatus: [] };
		this.jobs.set(job.jobId, job);
		this.schedule(() => {
			void this.runJob(job, request);
		});
		return {
			status: 202,
			headers: { 'Retry-After': String(ASYNC_RETRY_AFTER_SECONDS) },
			body: { 'ia::result': { jobId: job.jobId, state: 'queued', queuedDateTime: iso(job.queuedAt), href: this.href(job) }, 'ia::meta': { totalCount: 1 } },
		};
	}

	private href(job: AsyncJob): string {
		return `/services/core/async/job-status?jobId=${job.jobId}`;
	}

	private async runJob(job: AsyncJob, request: AsyncRequest): Promise<void> {
		job.state = 'inTransit';
		job.startedAt = this.now();
		let reply: RestReply;
		try {
			reply = request.run();
		} catch (error: unknown) {
			if (!(error instanceof RestError)) {
				job.state = 'dead';
				job.finishedAt = this.now();
				return;
			}
			reply = { status: error.status, body: error.payload() };
		}
		if (request.webhookUrl !== undefined) {
			const body = reply.body === null ? '' : JSON.stringify(reply.body);
			const headers: Record<string, string> = {
				'Content-Type': 'application/json',
				'X-IA-Respond-Code': String(reply.status),
				'X-IA-Original-Request-Id': job.jobId,
				'X-IA-Sage-Signature': createHmac('sha256', request.signingSecret).update(body).digest('base64url'),
				'X-IA-TimeReceived': job.queuedAt.toUTCString(),
			};
			if (request.idempotencyKey !== undefined) headers['Idempotency-Key'] = request.idempotencyKey;
			try {
				const res = await fetch(request.webhookUrl, { method: 'POST', headers, body });
				job.deliveryStatus.push({ status: String(res.status), deliveryDateTime: iso(this.now()) });
				job.state = res.ok ? 'delivered' : 'dead';
			} catch (error: unknown) {
				this.log(`async job ${job.jobId}: delivery failed: ${error instanceof Error ? error.message : String(error)}`);
				job.deliveryStatus.push({ status: 'error', deliveryDateTime: iso(this.now()) });
				job.state = 'dead';
			}
		} else {
			job.deliveryStatus.push({ status: String(reply.status), deliveryDateTime: iso(this.now()) });
			job.state = 'delivered';
		}
		job.finishedAt = this.now();
	}

	status(owner: string, query: URLSearchParams): RestReply {
		const jobId = query.get('jobId') ?? '';
		const job = this.jobs.get(jobId);
		if (job === undefined || job.owner !== owner) throw new RestError(404, 'notFound', `Asynchronous job ${jobId} status could not be found`);
		const result: JsonObject = { jobId, state: job.state, queuedDateTime: iso(job.queuedAt) };
		if (job.startedAt) result.startedDateTime = iso(job.startedAt);
		if (job.finishedAt) result.finishedDateTime = iso(job.finishedAt);
		if (job.deliveryStatus.length > 0) result.deliveryStatus = job.deliveryStatus;
		result.href = this.href(job);
		return { status: 200, body: { 'ia::result': result, 'ia::meta': { totalCount: 1 } } };
	}
}
