/**
 * Platform Services HTTP-post triggers with "Use webhook delivery" (§9, §12.25): after each committed
 * change of the subscribed object, POST the merged document template; retry 408/429/5xx and network
 * errors after 10/30/90 s (scaled), 4 attempts at most, with one idempotency key per event.
 */
import { randomUUID } from 'node:crypto';
import type { DeliveryRecord, PlatformServices, TriggerSubscription } from '../api';
import type { ChangeEvent } from '../model/contract';
import { mergeTemplate } from './mergeTemplate';
import { postWebhook } from './webhookPost';
import { trustedContextHeader, webhookBearerToken } from './webhookToken';

/** Header carrying the per-event idempotency key (the real name is UNCERTAIN, §9.2). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const RETRY_DELAYS_MS = [10_000, 30_000, 90_000];
export const MAX_ATTEMPTS = 4;
const RETRIED_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Receiver timeout per attempt (real value UNCERTAIN): 30 s scaled, never below 2 s. */
const ATTEMPT_TIMEOUT_MS = 30_000;

export interface PlatformServicesDeps {
	companyId: string;
	now: () => Date;
	timeScale: number;
	log: (line: string) => void;
}

export class SandboxPlatformServices implements PlatformServices {
	private readonly subscriptions = new Map<string, TriggerSubscription>();
	private readonly records: DeliveryRecord[] = [];
	private readonly running = new Set<Promise<void>>();
	/** Wakers of pending retry waits (close() wakes them so idle() settles). */
	private readonly timers = new Set<() => void>();
	private nextId = 1;
	private closed = false;

	constructor(private readonly deps: PlatformServicesDeps) {}

	subscribe(subscription: TriggerSubscription): string {
		const id = `trigger-${this.nextId++}`;
		this.subscriptions.set(id, { ...subscription, events: [...subscription.events] });
		return id;
	}

	unsubscribe(id: string): void {
		this.subscriptions.delete(id);
	}

	deliveries(): DeliveryRecord[] {
		return this.records;
	}

	async idle(): Promise<void> {
		while (this.running.size > 0) await Promise.all([...this.running]);
	}

	/** Called for every committed ChangeEvent. */
	handle(event: ChangeEvent): void {
		if (this.closed) return;
		for (const [id, subscription] of this.subscriptions) {
			if (subscription.object.toUpperCase() !== event.object.toUpperCase() || !subscription.events.includes(event.kind)) continue;
			const record: DeliveryRecord = { subscriptionId: id, idempotencyKey: randomUUID(), event, attempts: [], delivered: false };
			this.records.push(record);
			const job = this.deliver(subscription, record).finally(() => this.running.delete(job));
			this.running.add(job);
		}
	}

	/** Stops retries (sandbox.close()); in-flight POSTs finish on their own. */
	close(): void {
		this.closed = true;
		for (const wake of this.timers) wake();
		this.timers.clear();
	}

	private wait(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(wake);
				resolve();
			}, ms);
			const wake = (): void => {
				clearTimeout(timer);
				resolve();
			};
			this.timers.add(wake);
		});
	}

	private async deliver(subscription: TriggerSubscription, record: DeliveryRecord): Promise<void> {
		const encoding = subscription.encoding ?? 'json';
		const body = mergeTemplate(subscription.template, subscription.object, record.event.fields, encoding);
		for (let attempt = 1; attempt <= MAX_ATTEMPTS && !this.closed; attempt++) {
			const headers: Record<string, string> = {
				'Content-Type': encoding === 'json' ? 'application/json' : 'application/xml',
				'User-Agent': 'Sage-Intacct-Sandbox-Trigger/1.0',
				[IDEMPOTENCY_KEY_HEADER]: record.idempotencyKey,
				...subscription.headers,
			};
			if (subscription.webhookDelivery !== undefined) {
				const { clientId } = subscription.webhookDelivery;
				headers['Authorization'] = `Bearer ${webhookBearerToken({ clientId, companyId: this.deps.companyId, idempotencyKey: record.idempotencyKey, issuedAt: this.deps.now() })}`;
				headers['X-Trusted-Context'] = trustedContextHeader({ clientId, companyId: this.deps.companyId, entityId: record.event.entityId, object: subscription.object.toUpperCase() });
			}
			const at = this.deps.now();
			const status = await postWebhook(subscription.url, body, headers, Math.max(2000, ATTEMPT_TIMEOUT_MS * this.deps.timeScale));
			record.attempts.push({ at, status });
			this.deps.log(`trigger ${record.subscriptionId} ${record.event.object} ${record.event.kind} ${record.event.recordNo} attempt ${attempt}: ${status}`);
			if (typeof status === 'number' && status >= 200 && status < 300) {
				record.delivered = true;
				return;
			}
			if (status !== 'error' && !RETRIED_STATUSES.has(status)) return;
			if (attempt < MAX_ATTEMPTS) {
				const delay = RETRY_DELAYS_MS[attempt - 1] * this.deps.timeScale;
				this.deps.log(`trigger ${record.subscriptionId} retry in ${delay}ms`);
				await this.wait(delay);
			}
		}
	}
}
