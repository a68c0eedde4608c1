/**
 * Baseline 2: Sage's official JS SDK (@intacct/intacct-sdk 2.2.1) pointed at the sandbox.
 *
 * Its Endpoint class rejects every host not ending in .intacct.com (shared docs §11), and it runs
 * whenever credentials are built from `config.endpointUrl`. Workaround used here: build the config
 * WITHOUT an endpoint (credentials validate the default api.intacct.com), then set
 * `client.config.endpointUrl` on the constructed client: RequestHandler reads that field per request
 * without validating it. SessionProvider.factory cannot be used (it rebuilds credentials from the
 * endpoint getAPISession returns, which is the sandbox's), so the session is opened with
 * ApiSessionCreate through the login client and copied into a session-credential client by hand.
 */
// Restores util functions Node 23+ removed, which the SDK calls (see the module).
import '../../test/support/intacctSdkNodeCompat';
import { ClientConfig, Functions, OnlineClient, RequestConfig } from '@intacct/intacct-sdk';

import type { BenchBill, BenchJournalEntry } from '../payloads';
import type { NaiveLogin } from '../../test/support/naiveXml';

export interface SdkResult {
	posted: number;
	failed: number;
	firstFailure?: string;
}

function clientFor(config: ClientConfig, url: string): OnlineClient {
	const client = new OnlineClient(config);
	client.config.endpointUrl = url;
	return client;
}

function requestConfig(): RequestConfig {
	const rc = new RequestConfig();
	rc.maxRetries = 0; // measure the happy path; retries would only hide failures
	return rc;
}

/** getAPISession through the SDK, then a client that reuses that session (as SessionProvider would). */
export async function sdkSessionClient(url: string, login: NaiveLogin): Promise<OnlineClient> {
	const loginConfig = new ClientConfig();
	loginConfig.senderId = login.senderId;
	loginConfig.senderPassword = login.senderPassword;
	loginConfig.companyId = login.companyId;
	loginConfig.userId = login.userId;
	loginConfig.userPassword = login.userPassword;
	const response = await clientFor(loginConfig, url).execute(new Functions.ApiSessionCreate(), requestConfig());
	const api = (response.results[0].data as Array<Record<string, unknown>>)[0];
	const sessionConfig = new ClientConfig();
	sessionConfig.senderId = login.senderId;
	sessionConfig.senderPassword = login.senderPassword;
	sessionConfig.sessionId = String(api['sessionid']);
	return clientFor(sessionConfig, url);
}

const date = (iso: string): Date => {
	const [y, m, d] = iso.split('-').map(Number);
	return new Date(y, m - 1, d);
};

/** BillCreate is the SDK's only bill writer: legacy create_bill (shared docs §5.5). */
export function sdkBill(bill: BenchBill, controlId: string): Functions.AccountsPayable.BillCreate {
	const fn = new Functions.AccountsPayable.BillCreate(controlId);
	fn.vendorId = bill.vendorId;
	fn.transactionDate = date(bill.date);
	fn.dueDate = date(bill.dueDate);
	fn.billNumber = bill.billNumber;
	fn.description = bill.description;
	fn.lines = bill.lines.map((l) => {
		const line = new Functions.AccountsPayable.BillLineCreate();
		line.glAccountNumber = l.accountNo;
		line.transactionAmount = l.amount;
		line.memo = l.memo;
		line.departmentId = l.departmentId;
		line.locationId = l.locationId;
		return line;
	});
	return fn;
}

/** JournalEntryCreate: generic GLBATCH create; the line's sign gives TR_TYPE. */
export function sdkJournalEntry(entry: BenchJournalEntry, controlId: string): Functions.GeneralLedger.JournalEntryCreate {
	const fn = new Functions.GeneralLedger.JournalEntryCreate(controlId);
	fn.journalSymbol = entry.journal;
	fn.postingDate = date(entry.date);
	fn.description = entry.title;
	fn.referenceNumber = entry.referenceNo;
	fn.lines = entry.lines.map((l) => {
		const line = new Functions.GeneralLedger.JournalEntryLineCreate();
		line.glAccountNumber = l.accountNo;
		line.transactionAmount = l.type === 'debit' ? l.amount : -l.amount;
		line.memo = l.memo;
		if (l.departmentId) line.departmentId = l.departmentId;
		line.locationId = l.locationId;
		return line;
	});
	return fn;
}

type SdkFunction = Functions.AccountsPayable.BillCreate | Functions.GeneralLedger.JournalEntryCreate;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/** OnlineClient.execute once per document, sequentially. */
export async function sdkExecuteEach(client: OnlineClient, functions: SdkFunction[]): Promise<SdkResult> {
	const result: SdkResult = { posted: 0, failed: 0 };
	for (const fn of functions) {
		try {
			await client.execute(fn, requestConfig());
			result.posted++;
		} catch (error) {
			result.failed++;
			result.firstFailure ??= describe(error);
		}
	}
	return result;
}

/** OnlineClient.executeBatch in chunks of `batchSize`, `concurrency` chunks in flight. */
export async function sdkExecuteBatches(
	client: OnlineClient,
	functions: SdkFunction[],
	batchSize: number,
	concurrency: number,
): Promise<SdkResult> {
	const result: SdkResult = { posted: 0, failed: 0 };
	const chunks: SdkFunction[][] = [];
	for (let i = 0; i < functions.length; i += batchSize) chunks.push(functions.slice(i, i + batchSize));
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < chunks.length) {
			const chunk = chunks[next++];
			try {
				const response = await client.executeBatch(chunk, requestConfig());
				for (const r of response.results) {
					if (r.status === 'success') result.posted++;
					else {
						result.failed++;
						result.firstFailure ??= r.errors.join(' - ');
					}
				}
			} catch (error) {
				result.failed += chunk.length;
				result.firstFailure ??= describe(error);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
	return result;
}
