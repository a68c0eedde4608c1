/**
 * Intacct retries a delivery until it gets HTTP 200 (up to 4 attempts, same idempotency key,
 * docs/protocol.md §9.2), so a delivery whose answer was lost arrives again. A small bounded ring
 * of recently seen delivery keys in the node's static data lets only the first start an execution.
 */
import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { RequestHeaders } from './authenticity';

/** Header names an idempotency key may arrive under (Sage does not document the name, §9.2). */
export const IDEMPOTENCY_HEADERS = ['idempotency-key', 'x-idempotency-key', 'x-sage-idempotency-key'];

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

export function remember(staticData: IDataObject, key: string): void {
	const seen = ring(staticData).filter((k) => k !== key);
	seen.push(key);
	staticData[STATIC_KEY] = seen.slice(-SEEN_DELIVERIES_LIMIT);
}
