/**
 * Runs the sandbox gateway as its own process for a real n8n (e2e suite and demo), plus a small
 * loopback control API so the suite (or the demo script) can drive the Platform Services emulation
 * from outside: subscribe a Platform Trigger to n8n's webhook URL and read the deliveries.
 *
 *   node scripts/run-ts.js e2e/lib/sandbox-host.ts --port 0 --state s.json --ready-file ready.json \
 *        [--control-port 0] [--webhook-time-scale 0.01] [--subscribe-file subs.json] [--latency-ms 50]
 *
 * The ready file (written once both servers listen) holds { gatewayUrl, port, controlUrl, credentials, pid }.
 * Control API (JSON): GET /info, GET /deliveries, GET /stats, POST /subscribe (a TriggerSubscription)
 * -> { id }, POST /unsubscribe { id }, POST /idle (answers when no delivery is pending).
 * (When sandbox/cli.ts grows --trigger-url/--trigger-template-file flags, the demo can use it directly.)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { startSandbox } from '../../sandbox';
import type { TriggerSubscription } from '../../sandbox/api';

interface HostArgs {
	port: number;
	controlPort: number;
	state?: string;
	readyFile?: string;
	webhookTimeScale: number;
	subscribeFile?: string;
	/** Added to every gateway request (a WAN round trip), default 0. */
	latencyMs: number;
	quiet: boolean;
}

function parseArgs(argv: string[]): HostArgs {
	const args: HostArgs = { port: 0, controlPort: 0, webhookTimeScale: 1, latencyMs: 0, quiet: false };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = (): string => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${flag} needs a value`);
			return v;
		};
		if (flag === '--port') args.port = Number(value());
		else if (flag === '--control-port') args.controlPort = Number(value());
		else if (flag === '--state') args.state = value();
		else if (flag === '--ready-file') args.readyFile = value();
		else if (flag === '--webhook-time-scale') args.webhookTimeScale = Number(value());
		else if (flag === '--subscribe-file') args.subscribeFile = value();
		else if (flag === '--latency-ms') args.latencyMs = Number(value());
		else if (flag === '--quiet') args.quiet = true;
		else throw new Error(`unknown flag ${flag}`);
	}
	return args;
}

function readBody(req: IncomingMessage): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			try {
				resolve(text === '' ? {} : (JSON.parse(text) as unknown));
			} catch (error) {
				reject(error);
			}
		});
		req.on('error', reject);
	});
}

function send(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

function isSubscription(value: unknown): value is TriggerSubscription {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return typeof v.object === 'string' && Array.isArray(v.events) && typeof v.url === 'string' && typeof v.template === 'string';
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const log = (line: string): void => {
		if (!args.quiet) process.stdout.write(`[sandbox] ${line}\n`);
	};
	const sandbox = await startSandbox({ port: args.port, statePath: args.state, webhookTimeScale: args.webhookTimeScale, latencyMs: args.latencyMs, log });

	const subscribe = (subscription: TriggerSubscription): string => {
		const id = sandbox.platform.subscribe(subscription);
		log(`subscribed ${id}: ${subscription.object} ${subscription.events.join('/')} -> ${subscription.url}`);
		return id;
	};
	if (args.subscribeFile !== undefined) {
		const subs = JSON.parse(readFileSync(args.subscribeFile, 'utf8')) as unknown;
		for (const s of Array.isArray(subs) ? subs : [subs]) {
			if (!isSubscription(s)) throw new Error(`${args.subscribeFile}: not a trigger subscription`);
			subscribe(s);
		}
	}

	const control = createServer((req, res) => {
		void (async () => {
			try {
				const route = `${req.method ?? 'GET'} ${(req.url ?? '/').split('?')[0]}`;
				if (route === 'GET /info') return send(res, 200, { gatewayUrl: sandbox.url, credentials: sandbox.credentials });
				if (route === 'GET /deliveries') return send(res, 200, sandbox.platform.deliveries());
				if (route === 'GET /stats') return send(res, 200, { requests: sandbox.stats.requests, functions: sandbox.stats.functions });
				if (route === 'POST /idle') {
					await sandbox.platform.idle();
					return send(res, 200, { idle: true });
				}
				if (route === 'POST /subscribe') {
					const body = await readBody(req);
					if (!isSubscription(body)) return send(res, 400, { error: 'expected {object, events, url, template}' });
					return send(res, 200, { id: subscribe(body) });
				}
				if (route === 'POST /unsubscribe') {
					const body = (await readBody(req)) as { id?: unknown };
					if (typeof body.id !== 'string') return send(res, 400, { error: 'expected {id}' });
					sandbox.platform.unsubscribe(body.id);
					return send(res, 200, { ok: true });
				}
				return send(res, 404, { error: `no route ${route}` });
			} catch (error) {
				return send(res, 500, { error: error instanceof Error ? error.message : String(error) });
			}
		})();
	});
	await new Promise<void>((resolve) => control.listen(args.controlPort, '127.0.0.1', resolve));
	const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;

	const info = { gatewayUrl: sandbox.url, port: sandbox.port, controlUrl, credentials: sandbox.credentials, pid: process.pid };
	if (args.readyFile !== undefined) {
		writeFileSync(`${args.readyFile}.tmp`, JSON.stringify(info, null, 2));
		renameSync(`${args.readyFile}.tmp`, args.readyFile);
	}
	log(`gateway ${sandbox.url} control ${controlUrl}`);

	let stopping = false;
	const stop = (signal: string): void => {
		if (stopping) return;
		stopping = true;
		log(`${signal}: saving state and stopping`);
		control.close();
		control.closeAllConnections();
		void sandbox.close().then(() => process.exit(0));
		setTimeout(() => process.exit(0), 5000).unref();
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	process.stderr.write(`sandbox-host: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
