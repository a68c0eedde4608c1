/**
 * Intacct retries a delivery until it gets HTTP 200 (up to 4 attempts, same idempotency key,
 * docs/fidelity-webhooks.md), so a delivery whose answer was lost arrives again. The delivery's key
 * goes into the idempotency ledger (nodes/shared/intacct/client/idempotencyLedger.ts); the ring of
 * up to 500 keys that earlier versions kept in static data is still read, so an upgrade forgets nothing.
 */
import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { RequestHeaders } from './authenticity';

/** Header names an idempotency key arrives under: the reference spells it Idempotency-Key in one
 * section and X-IdempotencyKey in the list of headers (docs/fidelity-webhooks.md); older guesses last. */
export const IDEMPOTENCY_HEADERS = ['x-idempotencykey', 'idempotency-key', 'x-idempotency-key', 'x-sage-idempotency-key'];

/** How many delivery keys are remembered (a few hours of busy posting; retries come within ~2 min). */
export const SEEN_DELIVERIES_LIMIT = 500;

const STATIC_KEY = 'seenDeliveries';

export function idempotencyKey(headers: RequestHeaders): string | undefined {
	for (const name of IDEMPOTENCY_HEADERS) {
		const v = headers[name];
		const value = Array.isArray(v) ? v[0] : v;
		if (value && value.trim() !== '') return value.trim();
	}
	return undefined;
}

/** The delivery's identity: its idempotency key, else record + event + last-modified time. */
export function deliveryKey(idemKey: string | undefined, parts: string[]): string {
	const source = idemKey !== undefined ? `key:${idemKey}` : `rec:${parts.join('|')}`;
	return createHash('sha256').update(source, 'utf8').digest('hex').slice(0, 32);
}

function ring(staticData: IDataObject): string[] {
	const value = staticData[STATIC_KEY];
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function alreadySeen(staticData: IDataObject, key: string): boolean {
	return ring(staticData).includes(key);
}
