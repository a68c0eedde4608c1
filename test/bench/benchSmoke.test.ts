/**
 * The benchmark's scenarios at toy sizes (never the real bench): every client posts every document
 * exactly once, the request counts match the round-trip formulas of bench/floor.ts, both parsers
 * find every record, and the webhook mix is sorted into started / ignored / rejected. Counts only;
 * times are the benchmark's business, not the tests'. The scenarios run against an in-process
 * sandbox here (quicker); the sandbox-in-its-own-process path the real bench uses is checked apart.
 */
import { discoverMasterDataOver, startBenchSandbox } from '../../bench/benchSandbox';
import { parseOptions } from '../../bench/options';
import { FAST_XML_PARSER_ONLY, measureParsing, OUR_PARSER, SCAN_READER, SDK_PARSER } from '../../bench/scenarios/parseCpu';
import { scanRecords } from '../../bench/scenarios/scanReader';
import { readResponse } from '../../nodes/shared/intacct/xml/responseReader';
import { runReadBenchmarks } from '../../bench/scenarios/reads';
import { deliveryPlan, runWebhookBenchmark } from '../../bench/scenarios/webhook';
import { runWriteBenchmarks } from '../../bench/scenarios/writes';
import { readFloor, writeFloor } from '../../bench/floor';

const options = parseOptions([
	'--items', '12', '--baseline-items', '4', '--runs', '1', '--latency', '0', '--batch-size', '5', '--gl-entries', '1200', '--webhooks', '200',
	'--sandbox', 'in-process',
]);
const quiet = () => undefined;

describe('bench options and floors', () => {
	it('parses sizes, and --quick stays small', () => {
		expect(options).toMatchObject({ items: 12, baselineItems: 4, runs: 1, latencyMs: 0, batchSize: 5, glEntries: 1200, webhooks: 200, sandbox: 'in-process' });
		expect(parseOptions([]).sandbox).toBe('process');
		expect(() => parseOptions(['--sandbox', 'remote'])).toThrow(/--sandbox takes process or in-process/);
		const quick = parseOptions(['--quick']);
		expect(quick.items).toBeLessThanOrEqual(100);
		expect(quick.glEntries).toBeLessThanOrEqual(10_000);
		expect(parseOptions([]).items).toBe(1000);
		expect(() => parseOptions(['--items', 'many'])).toThrow(/--items needs a whole number/);
	});

	it('computes the round-trip floor: 1 sign-in + ceil(batches / concurrency) round trips', () => {
		expect(writeFloor(1000, 50, 2, 100)).toEqual({ requests: 21, roundTrips: 11, ms: 1100 });
		expect(writeFloor(1000, 1, 1, 100)).toEqual({ requests: 1001, roundTrips: 1001, ms: 100_100 });
		expect(readFloor(100_000, 1000, 100)).toEqual({ requests: 101, roundTrips: 101, ms: 10_100 });
	});
});

describe('write scenarios at toy size', () => {
	it('posts every document once with each client, in the expected number of requests', async () => {
		const rows = await runWriteBenchmarks(options, quiet);
		// 7 clients x 2 document types: our node over XML (fast parameter reads on and off) and over REST
		// (issue 13: keyed creates as composite requests, and one request per document), the naive loop, the SDK twice.
		expect(rows).toHaveLength(14);
		for (const row of rows) {
			expect({ client: row.client, failed: row.failed, stored: row.posted }).toEqual({ client: row.client, failed: 0, stored: row.items });
		}
		const byClient = (prefix: string) => rows.filter((r) => r.client.startsWith(prefix));
		for (const perItem of [...byClient('naive'), ...byClient('official SDK, execute per item')]) expect(perItem.requests).toBe(1 + 4);
		for (const batched of byClient('official SDK, executeBatch')) expect(batched.requests).toBe(1 + Math.ceil(12 / 5));
		// Our node signs in once per cold execution (it used to sign in twice: the credential's
		// preAuthentication, then the client).
		for (const node of [...byClient('our node in'), ...byClient('same node')]) expect(node.requests).toBe(node.floor.requests);
		expect(byClient('same node')).toHaveLength(2);
		// Over REST: the token request is the sign-in; bills read the base currency once more (REST requires
		// a bill's currency); one API transaction per document written, as in a batch. Keyed documents go
		// as composite requests of up to 10 (restKeyedCreates.ts), plus one read-back of their record
		// links (webURL: the XML create answers RECORD_URL) and creation times, in one query; with the
		// credential's One Request Per Document, each in its own request, plus the read-back of the links.
		const [single, composite] = [byClient('our node over REST').filter((r) => r.client.includes('One Request')), byClient('our node over REST').filter((r) => !r.client.includes('One Request'))];
		expect([single.length, composite.length]).toEqual([2, 2]);
		for (const rest of single) {
			expect(rest.requests).toBe(1 + rest.items + (rest.documents === 'bills' ? 1 : 0) + 1);
			expect(rest.transactions).toBe(rest.requests);
		}
		for (const rest of composite) {
			const reads = 1 + (rest.documents === 'bills' ? 1 : 0) + 1;
			expect(rest.requests).toBeGreaterThanOrEqual(reads + Math.ceil(rest.items / 10));
			expect(rest.requests).toBeLessThan(reads + rest.items / 2);
			expect(rest.transactions).toBe(reads + rest.items);
		}
		// Every client keeps to the company's 2 requests in flight; the per-item loops to 1.
		for (const perItem of [...byClient('naive'), ...byClient('official SDK, execute per item')]) expect(perItem.maxInFlight).toBe(1);
		for (const row of rows) expect(row.maxInFlight).toBeLessThanOrEqual(options.concurrency);
	});
});

describe('the sandbox in its own process (what `npm run bench` uses)', () => {
	it('starts, counts gateway requests through the admin endpoints, and stops', async () => {
		const sandbox = await startBenchSandbox({ mode: 'process', latencyMs: 0 });
		try {
			expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ia\/xml\/xmlgw\.phtml$/);
			const master = await discoverMasterDataOver(sandbox);
			expect(master.expenseAccounts.length).toBeGreaterThan(0);
			await sandbox.resetStats();
			const answer = await fetch(sandbox.url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/xml' },
				body:
					`<request><control><senderid>${sandbox.credentials.senderId}</senderid><password>${sandbox.credentials.senderPassword}</password>` +
					'<controlid>c</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control><operation><authentication><login>' +
					`<userid>${sandbox.credentials.userId}</userid><companyid>${sandbox.credentials.companyId}</companyid><password>${sandbox.credentials.userPassword}</password>` +
					'</login></authentication><content><function controlid="f"><getAPISession/></function></content></operation></request>',
			});
			expect(await answer.text()).toContain('<sessionid>');
			expect(await sandbox.stats()).toMatchObject({ requests: 1, functions: { getAPISession: 1 }, maxInFlight: 1 });
			expect(await sandbox.count('GLACCOUNT')).toBeGreaterThan(0);
		} finally {
			await sandbox.close();
		}
	});
});

describe('read, parse and webhook scenarios at toy size', () => {
	it('reads every GL entry in ceil(n / 1000) pages, and every parser finds every record', async () => {
		const reads = await runReadBenchmarks(options, quiet);
		expect(reads.totalEntries).toBeGreaterThan(1000);
		const [client, node] = reads.measurements;
		const rest = reads.measurements.find((m) => m.client.includes('over REST'));
		expect(rest?.records).toBe(reads.totalEntries);
		// 1 token + ceil(n / 1000) query-service pages + 1 model-service lookup for the field list + the
		// company's dimension list, read once: the lines' user-defined dimensions are named as the
		// company spells them (nsp::<name>, client/restClient.ts), as the XML read's lookup gives GLDIM<NAME>.
		expect(rest?.requests).toBe(readFloor(reads.totalEntries, 1000, 0).requests + 2);
		expect(client.records).toBe(reads.totalEntries);
		expect(client.requests).toBe(readFloor(reads.totalEntries, 1000, 0).requests);
		expect(node.records).toBe(reads.totalEntries);
		expect(node.requests).toBe(readFloor(reads.totalEntries, 1000, 0).requests); // one sign-in
		expect(reads.bodies).toHaveLength(Math.ceil(reads.totalEntries / 1000));
		for (const parser of [OUR_PARSER, SDK_PARSER, FAST_XML_PARSER_ONLY, SCAN_READER]) {
			expect(measureParsing(parser, reads.bodies, 1).recordsParsed).toBe(reads.totalEntries);
		}
		// The scanner (evidence for the parsing target) reads exactly the records our reader reads.
		for (const body of reads.bodies) {
			expect(scanRecords(body)).toEqual(readResponse({ statusCode: 200, headers: {}, body }).results.flatMap((r) => r.records));
		}
	}, 180_000); // 100k+ GL entries through every parser: minutes on a loaded 2-core machine

	it('starts each fresh delivery once, ignores replays, rejects forgeries', async () => {
		const plan = deliveryPlan(200);
		const result = await runWebhookBenchmark(200, 1);
		expect(result).toMatchObject({ deliveries: 200, duplicates: plan.duplicates, forged: plan.forged });
		expect(result.rejected).toBe(plan.forged);
		expect(result.ignored).toBe(plan.duplicates);
		expect(result.started).toBe(200 - plan.duplicates - plan.forged);
	});
});
