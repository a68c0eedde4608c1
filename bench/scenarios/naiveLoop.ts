/**
 * Baseline 1: one HTTP request per item, sequential, session reused (what an HTTP Request node in a
 * loop does). Uses Node's fetch (keep-alive connection reuse, like n8n's HTTP client).
 */
import type { BenchBill, BenchJournalEntry } from '../payloads';
import { billRequest, journalEntryRequest, sessionRequest, type NaiveLogin } from '../../test/support/naiveXml';

export interface NaiveResult {
	posted: number;
	failed: number;
	firstFailure?: string;
}

async function post(url: string, body: string): Promise<string> {
	const response = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/xml' } });
	return await response.text();
}

const tag = (xml: string, name: string): string | undefined => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

export async function naiveSession(url: string, login: NaiveLogin): Promise<string> {
	const body = await post(url, sessionRequest(login));
	const sessionId = tag(body, 'sessionid');
	if (!sessionId) throw new Error('naive baseline: getAPISession failed');
	return sessionId;
}

async function loop<T>(url: string, documents: T[], request: (doc: T, i: number) => string): Promise<NaiveResult> {
	const result: NaiveResult = { posted: 0, failed: 0 };
	for (let i = 0; i < documents.length; i++) {
		const body = await post(url, request(documents[i], i));
		// The function's <result><status>; the control and authentication blocks come first.
		const resultStatus = /<result>\s*<status>([^<]*)<\/status>/.exec(body)?.[1];
		if (resultStatus === 'success') result.posted++;
		else {
			result.failed++;
			result.firstFailure ??= tag(body, 'description2') ?? tag(body, 'errorno') ?? body.slice(0, 200);
		}
	}
	return result;
}

export async function naivePostBills(url: string, login: NaiveLogin, bills: BenchBill[]): Promise<NaiveResult> {
	const sessionId = await naiveSession(url, login);
	return loop(url, bills, (bill, i) => billRequest(login, sessionId, bill, `bill-${i}`));
}

export async function naivePostJournalEntries(url: string, login: NaiveLogin, entries: BenchJournalEntry[]): Promise<NaiveResult> {
	const sessionId = await naiveSession(url, login);
	return loop(url, entries, (entry, i) => journalEntryRequest(login, sessionId, entry, `je-${i}`));
}
