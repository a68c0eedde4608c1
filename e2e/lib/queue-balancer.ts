/**
 * The load balancer in front of n8n's webhook processes in the queue-mode scenario (what nginx or a
 * cloud load balancer is in a real deployment), as its own process:
 *
 *   node scripts/run-ts.js e2e/lib/queue-balancer.ts --backends 5701,5702 --ready-file lb.json
 *
 * Two listeners:
 *  - plain: every request goes to the next webhook process in turn (round-robin). Workflows call
 *    each other's webhooks through it.
 *  - deliveries: where the sandbox's Platform Services post GL entry events. Every request is sent
 *    twice at once (a duplicated delivery) to two webhook processes: round-robin (consecutive
 *    copies land on different processes), `round-robin-serial` (the same, the second copy sent when
 *    the first was answered: a retry that reaches the other process) or, in `by-key` mode, both to
 *    the process chosen by a hash of the Idempotency-Key header (sticky routing, e.g. nginx
 *    `hash $http_idempotency_key`). The
 *    first attempt of every third delivery key is answered 500 to the sandbox whatever n8n said, so
 *    Intacct retries it (and the retry is duplicated too).
 * Control (JSON, on the plain listener): GET /__lb/log, POST /__lb/mode {"routing": "round-robin"|"round-robin-serial"|"by-key"},
 * POST /__lb/reset.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';

type Routing = 'round-robin' | 'round-robin-serial' | 'by-key';

interface DeliveryLogEntry {
	key: string;
	attempt: number;
	copies: Array<{ backend: number; status: number }>;
	answered: number;
}

interface Forwarded {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
}

function argValue(argv: string[], flag: string): string | undefined {
	const i = argv.indexOf(flag);
	return i >= 0 ? argv[i + 1] : undefined;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length']);

function forward(port: number, req: IncomingMessage, body: Buffer, timeoutMs: number): Promise<Forwarded> {
	return new Promise((resolve) => {
		const headers: Record<string, string> = {};
		for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !HOP_BY_HOP.has(k)) headers[k] = v;
		headers['content-length'] = String(body.length);
		const out = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers, timeout: timeoutMs }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const h: Record<string, string> = {};
				for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string' && !HOP_BY_HOP.has(k)) h[k] = v;
				resolve({ status: res.statusCode ?? 502, headers: h, body: Buffer.concat(chunks) });
			});
			res.on('error', () => resolve({ status: 502, headers: {}, body: Buffer.alloc(0) }));
		});
		out.on('timeout', () => out.destroy(new Error('timeout')));
		out.on('error', () => resolve({ status: 502, headers: {}, body: Buffer.alloc(0) }));
		out.end(body);
	});
}

function reply(res: ServerResponse, f: Forwarded): void {
	res.writeHead(f.status, { ...f.headers, 'content-length': String(f.body.length) });
	res.end(f.body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
	const text = JSON.stringify(value);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
	res.end(text);
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const backends = (argValue(argv, '--backends') ?? '').split(',').filter(Boolean).map(Number);
	if (backends.length === 0) throw new Error('--backends <port,port> is required');
	const readyFile = argValue(argv, '--ready-file');
	let routing: Routing = 'round-robin';
	let next = 0;
	const pick = (): number => backends[next++ % backends.length];
	let plainCount: number[] = backends.map(() => 0);
	let deliveryLog: DeliveryLogEntry[] = [];
	let keysSeen = new Map<string, { attempts: number; ordinal: number }>();

	const plain = createServer((req, res) => {
		void (async () => {
			const body = await readAll(req);
			const path = (req.url ?? '/').split('?')[0];
			if (path === '/__lb/log') return json(res, 200, { routing, plainCount, deliveries: deliveryLog });
			if (path === '/__lb/reset') {
				plainCount = backends.map(() => 0);
				deliveryLog = [];
				keysSeen = new Map();
				return json(res, 200, { ok: true });
			}
			if (path === '/__lb/mode') {
				const wanted = (JSON.parse(body.toString('utf8') || '{}') as { routing?: string }).routing;
				if (wanted !== 'round-robin' && wanted !== 'round-robin-serial' && wanted !== 'by-key') return json(res, 400, { error: 'routing must be round-robin, round-robin-serial or by-key' });
				routing = wanted;
				return json(res, 200, { routing });
			}
			const index = next % backends.length;
			const port = pick();
			plainCount[index] += 1;
			reply(res, await forward(port, req, body, 600_000));
		})().catch(() => json(res, 502, { error: 'balancer error' }));
	});

	const deliveries = createServer((req, res) => {
		void (async () => {
			const body = await readAll(req);
			const key = String(req.headers['idempotency-key'] ?? '');
			const seen = keysSeen.get(key) ?? { attempts: 0, ordinal: keysSeen.size };
			seen.attempts += 1;
			keysSeen.set(key, seen);
			let targets: number[];
			if (routing === 'by-key') {
				const h = createHash('sha256').update(key).digest().readUInt32BE(0) % backends.length;
				targets = [h, h];
			} else {
				const a = next++ % backends.length;
				const b = next++ % backends.length;
				targets = [a, b];
			}
			const results =
				routing === 'round-robin-serial'
					? [await forward(backends[targets[0]], req, body, 60_000), await forward(backends[targets[1]], req, body, 60_000)]
					: await Promise.all(targets.map((i) => forward(backends[i], req, body, 60_000)));
			// Every third delivery key: the first attempt's answer is "lost" (500), Intacct retries.
			const fail = seen.ordinal % 3 === 0 && seen.attempts === 1;
			const first = results[0];
			const answered = fail ? 500 : first.status;
			deliveryLog.push({ key, attempt: seen.attempts, copies: results.map((r, i) => ({ backend: targets[i], status: r.status })), answered });
			if (fail) json(res, 500, { error: 'injected by the e2e balancer' });
			else reply(res, first);
		})().catch(() => json(res, 502, { error: 'balancer error' }));
	});

	await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
	await new Promise<void>((resolve) => deliveries.listen(0, '127.0.0.1', resolve));
	const info = {
		plainPort: (plain.address() as AddressInfo).port,
		deliveryPort: (deliveries.address() as AddressInfo).port,
		backends,
		pid: process.pid,
	};
	if (readyFile) {
		writeFileSync(`${readyFile}.tmp`, JSON.stringify(info));
		renameSync(`${readyFile}.tmp`, readyFile);
	}
	process.stdout.write(`[balancer] plain :${info.plainPort} deliveries :${info.deliveryPort} -> ${backends.join(', ')}\n`);
	const stop = (): void => {
		plain.close();
		deliveries.close();
		plain.closeAllConnections();
		deliveries.closeAllConnections();
		process.exit(0);
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`queue-balancer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
