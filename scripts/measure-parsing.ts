/**
 * Measures response parsing CPU per 1,000 GLENTRY records (issue: ours >= 2x faster than the
 * official SDK). Not a test: prints numbers. Same captured bodies for every parser.
 *   node scripts/run-ts.js scripts/measure-parsing.ts [runs]
 * The bodies are the sandbox's answers to readByQuery GLENTRY fields=* (1,000 per page).
 */
import '../test/support/intacctSdkNodeCompat';
import { startSandbox } from '../sandbox';
import { IntacctClient } from '../nodes/shared/intacct/client/client';
import { readByQuery } from '../nodes/shared/intacct/xml/functions';
import { readResponse } from '../nodes/shared/intacct/xml/responseReader';
import { parseWithFastXmlParser } from '../nodes/shared/intacct/xml/xmlParser';
import { scanXmlDocument } from '../nodes/shared/intacct/xml/xmlScanner';
import { createNodeHttpPost } from '../test/support/nodeHttpPost';
import type { HttpPost } from '../nodes/shared/intacct/core/types';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Xml } = require('@intacct/intacct-sdk') as { Xml: { OnlineResponse: new (body: string) => { results: Array<{ data?: unknown[] }> } } };

async function captureBodies(): Promise<string[]> {
	const sandbox = await startSandbox({ port: 0 });
	const base = createNodeHttpPost();
	const bodies: string[] = [];
	const post: HttpPost = async (request) => {
		const response = await base(request);
		if (/<(readByQuery|readMore)>/.test(request.body)) bodies.push(response.body);
		return response;
	};
	const client = new IntacctClient({ credentials: sandbox.credentials, post });
	for await (const _page of client.pages(readByQuery({ object: 'GLENTRY', pageSize: 1000 }))) void _page;
	await sandbox.close();
	return bodies;
}

function cpuMs(run: () => void): number {
	const start = process.cpuUsage();
	run();
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
	const runs = Number(process.argv[2] ?? 15);
	const bodies = await captureBodies();
	const records = bodies.reduce((n, body) => n + readResponse({ statusCode: 200, headers: {}, body }).results[0].records.length, 0);
	const parsers: Array<[string, (body: string) => unknown]> = [
		['ours: readResponse (fast path)', (body) => readResponse({ statusCode: 200, headers: {}, body })],
		['  of which the XML scan alone', (body) => scanXmlDocument(body)],
		['previous design: validate + fast-xml-parser', (body) => parseWithFastXmlParser(body)],
		['official SDK: new Xml.OnlineResponse(body)', (body) => new Xml.OnlineResponse(body)],
	];
	console.log(`${bodies.length} bodies, ${records} GLENTRY records, ${(bodies.reduce((n, b) => n + b.length, 0) / 1e6).toFixed(2)} MB; median of ${runs} runs`);
	const results: Record<string, number> = {};
	for (const [name, parse] of parsers) {
		for (const body of bodies) parse(body); // warm-up
		const per1000 = Array.from({ length: runs }, () => (cpuMs(() => bodies.forEach((b) => parse(b))) * 1000) / records);
		results[name] = median(per1000);
		console.log(`${name.padEnd(46)} ${median(per1000).toFixed(1)} ms per 1,000 records`);
	}
	const ours = results['ours: readResponse (fast path)'];
	const sdk = results['official SDK: new Xml.OnlineResponse(body)'];
	console.log(`ours vs SDK: ${(sdk / ours).toFixed(1)}x faster`);
}

void main();
