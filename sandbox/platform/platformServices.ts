/**
 * Platform Services HTTP-post triggers (§9, §12.25; docs/fidelity-webhooks.md): after each committed
 * change of the subscribed object, POST the merged document template; retry 408/429/500/502/503/504
 * and network errors after 10/30/90 s, 4 attempts at most, one idempotency key per event.
 *
 * "Use webhook delivery" (GA, style 'signed'): X-IA-Sage-Signature (HS256 JWT with the client
 * application's secret), Authorization: Bearer, x-clientcontext and the idempotency key header.
 * Style 'earlyAdopter' sends what the 2025 R1 Early Adopter page describes: Bearer + X-Trusted-Context.
 * An event that webhook delivery could not hand over goes to its client application's event queue.
 *
 * Retry waits follow either real timers scaled by `timeScale` or, with retryClock 'sandbox', the
 * sandbox clock: a retry is sent when a test moves the clock past its due time.
 */
import { randomUUID } from 'node:crypto';
import type { DeliveryRecord, PlatformServices, TriggerSubscription } from '../api';
import type { ChangeEvent } from '../model/contract';
import { ClientApplicationRegistry } from '../rest/clientApplications';
import type { ClientApplicationLookup } from './clientApplication';
import { EventQueues } from './eventQueue';
import { mergeTemplate } from './mergeTemplate';
import { postWebhook } from './webhookPost';
import { clientContextHeader, signDelivery, type ClientContext } from './webhookSigning';
import { trustedContextHeader, webhookBearerToken } from './webhookToken';

/** Idempotency key header of plain HTTP post triggers and the reference's "Idempotency Handling". */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** The spelling in the reference's list of required webhook headers. */
export const X_IDEMPOTENCY_KEY_HEADER = 'X-IdempotencyKey';
export const RETRY_DELAYS_MS = [10_000, 30_000, 90_000];
export const MAX_ATTEMPTS = 4;
const RETRIED_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Receiver timeout per attempt (real value UNCERTAIN): 30 s scaled, never below 2 s. */
const ATTEMPT_TIMEOUT_MS = 30_000;

export interface PlatformServicesDeps {
	companyId: string;
	now: () => Date;
	timeScale: number;
	/** 'timers' (default): retries after real, scaled delays; 'sandbox': when the sandbox clock reaches them. */
	retryClock?: 'timers' | 'sandbox';
	applications?: ClientApplicationLookup;
	queues?: EventQueues;
	log: (line: string) => void;
}

const EVENT_NAMES: Record<ChangeEvent['kind'], string> = { create: 'after_create', update: 'after_update', delete: 'after_delete' };

interface ClockWait {
	due: number;
	resolve: () => void;
}

export class SandboxPlatformServices implements PlatformServices {
	readonly applications: ClientApplicationLookup;
	readonly queues: EventQueues;
	private readonly subscriptions = new Map<string, TriggerSubscription>();
	private readonly records: DeliveryRecord[] = [];
	private readonly running = new Set<Promise<void>>();
	/** Wakers of pending retry waits on real timers (close() wakes them so idle() settles). */
	private readonly timers = new Set<() => void>();
	/** Retries waiting for the sandbox clock. */
	private readonly clockWaits = new Set<ClockWait>();
	private nextId = 1;
	private closed = false;

	constructor(private readonly deps: PlatformServicesDeps) {
		this.applications = deps.applications ?? new ClientApplicationRegistry();
		this.queues = deps.queues ?? new EventQueues();
	}

	subscribe(subscription: TriggerSubscription): string {
		const delivery = subscription.webhookDelivery;
		if (delivery !== undefined && (delivery.style ?? 'signed') === 'signed' && !this.applications.find(delivery.clientId)) {
			// Intacct only offers client IDs of registered client applications.
			throw new Error(`webhook delivery: no client application with client ID "${delivery.clientId}"`);
		}
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

	queuedCount(clientId: string): number {
		return this.queues.count(clientId);
	}

	/** Resolves when no delivery is being attempted; retries parked on the sandbox clock count as idle. */
	async idle(): Promise<void> {
		for (;;) {
			if (this.running.size === 0) return;
			if (this.running.size <= this.clockWaits.size) return;
			await Promise.race([Promise.all([...this.running]), new Promise((resolve) => setTimeout(resolve, 5))]);
		}
	}

	/** The sandbox clock moved: send every retry now due (then wait for those attempts). */
	async clockMoved(): Promise<void> {
		const now = this.deps.now().getTime();
		for (const wait of [...this.clockWaits]) {
			if (wait.due <= now) {
				this.clockWaits.delete(wait);
				wait.resolve();
			}
		}
		await new Promise((resolve) => setImmediate(resolve));
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
		for (const wait of this.clockWaits) wait.resolve();
		this.clockWaits.clear();
	}

	private wait(ms: number): Promise<void> {
		if (this.deps.retryClock === 'sandbox') {
			return new Promise((resolve) => this.clockWaits.add({ due: this.deps.now().getTime() + ms, resolve }));
		}
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(wake);
				resolve();
			}, ms * this.deps.timeScale);
			const wake = (): void => {
				clearTimeout(timer);
				resolve();
			};
			this.timers.add(wake);
		});
	}

	private clientContext(subscription: TriggerSubscription, event: ChangeEvent): ClientContext {
		return {
			COMPANY: this.deps.companyId,
			ENTITY: event.entityId === '' ? false : event.entityId,
			USER: '1',
			OBJECTNAME: subscription.object.toUpperCase(),
			RESTOBJECTNAME: subscription.object.toUpperCase() === 'GLENTRY' ? 'general-ledger/journal-entry-line' : subscription.object.toLowerCase(),
			DOCTYPE: '',
			ID: { RECORDNO: event.recordNo },
			VID: event.recordNo,
			EVENT: EVENT_NAMES[event.kind],
			EVENTNAME: `${subscription.object.toUpperCase()} ${EVENT_NAMES[event.kind]}`,
		};
	}

	private headers(subscription: TriggerSubscription, record: DeliveryRecord, body: string): Record<string, string> {
		const encoding = subscription.encoding ?? 'json';
		const delivery = subscription.webhookDelivery;
		const keyHeader = delivery?.idempotencyHeader ?? (delivery !== undefined && (delivery.style ?? 'signed') === 'signed' ? X_IDEMPOTENCY_KEY_HEADER : IDEMPOTENCY_KEY_HEADER);
		const headers: Record<string, string> = {
			'Content-Type': encoding === 'json' ? 'application/json' : 'application/xml',
			'User-Agent': 'Sage-Intacct-Sandbox-Trigger/1.0',
			[keyHeader]: record.idempotencyKey,
		};
		if (delivery !== undefined && (delivery.style ?? 'signed') === 'signed') {
			const application = this.applications.find(delivery.clientId);
			const token = signDelivery({
				body,
				clientId: delivery.clientId,
				// A forged sender (tests): signs with a secret that is not the application's.
				clientSecret: delivery.forgeWithSecret ?? application?.clientSecret ?? '',
				issuedAt: this.deps.now(),
				issuer: delivery.forgeIssuer,
			});
			headers['Authorization'] = `Bearer ${token}`;
			headers['x-clientcontext'] = clientContextHeader(this.clientContext(subscription, record.event));
			headers['X-IA-Sage-Signature'] = token;
		} else if (delivery !== undefined) {
			const { clientId } = delivery;
			headers['Authorization'] = `Bearer ${webhookBearerToken({ clientId, companyId: this.deps.companyId, idempotencyKey: record.idempotencyKey, issuedAt: this.deps.now() })}`;
			headers['X-Trusted-Context'] = trustedContextHeader({ clientId, companyId: this.deps.companyId, entityId: record.event.entityId, object: subscription.object.toUpperCase() });
		}
		return { ...headers, ...subscription.headers };
	}

	private async deliver(subscription: TriggerSubscription, record: DeliveryRecord): Promise<void> {
		const body = mergeTemplate(subscription.template, subscription.object, record.event.fields, subscription.encoding ?? 'json');
		const eventAt = this.deps.now();
		for (let attempt = 1; attempt <= MAX_ATTEMPTS && !this.closed; attempt++) {
			// Signed afresh per attempt (iat/exp of the attempt); the idempotency key stays.
			const headers = this.headers(subscription, record, body);
			const at = this.deps.now();
			const status = await postWebhook(subscription.url, body, headers, Math.max(2000, ATTEMPT_TIMEOUT_MS * this.deps.timeScale));
			record.attempts.push({ at, status });
			this.deps.log(`trigger ${record.subscriptionId} ${record.event.object} ${record.event.kind} ${record.event.recordNo} attempt ${attempt}: ${status}`);
			if (typeof status === 'number' && status >= 200 && status < 300) {
				record.delivered = true;
				return;
			}
			if (status !== 'error' && !RETRIED_STATUSES.has(status)) break;
			if (attempt < MAX_ATTEMPTS) {
				const delay = RETRY_DELAYS_MS[attempt - 1];
				this.deps.log(`trigger ${record.subscriptionId} retry in ${this.deps.retryClock === 'sandbox' ? `${delay}ms (sandbox clock)` : `${delay * this.deps.timeScale}ms`}`);
				await this.wait(delay);
			}
		}
		const delivery = subscription.webhookDelivery;
		if (delivery !== undefined && !record.delivered && !this.closed) {
			const queued = this.queues.add(delivery.clientId, {
				idempotencyKey: record.idempotencyKey,
				createdAt: eventAt,
				payload: body,
				clientContext: { ...this.clientContext(subscription, record.event) },
				sequence: this.records.indexOf(record),
			});
			record.queuedAs = queued.id;
			this.deps.log(`trigger ${record.subscriptionId} gave up: event queued as ${queued.id} for ${delivery.clientId}`);
		}
	}
}
