/**
 * Serves one company model over HTTP: the protocol layer, the fault layer, Platform Services
 * triggers and optional state persistence, wired together (startSandbox's second half; protocol
 * tests call it with a scripted model to test the protocol on its own).
 */
import type { AddressInfo } from 'node:net';
import type { Sandbox, SandboxClock, SandboxCredentials, SandboxOptions } from '../api';
import { FaultRules } from '../faults/faultController';
import { type CompanyModel, SANDBOX_LOGIN } from '../model/contract';
import { platformRoutes } from '../platform/platformRoutes';
import { SandboxPlatformServices } from '../platform/platformServices';
import { createRest } from '../rest';
import { ChangeGate } from './changeGate';
import { CompanySlots } from './companySlots';
import { Gateway } from './gateway';
import { GATEWAY_PATH, createGatewayServer } from './httpServer';
import { defaultRequestInspector } from './requestInspection';
import { GatewayStats } from './sandboxStats';
import { SessionStore } from './sessions';
import { DebouncedStateWriter, stateFile } from './statePersistence';
import { type CompletedFunctionIds, UniqueFunctionIds } from './uniqueFunctionIds';

const TWO_HOURS_MS = 2 * 60 * 60 * 1000;
const STATE_SAVE_DEBOUNCE_MS = 250;

export async function serveCompany(
	company: CompanyModel,
	clock: SandboxClock,
	options: SandboxOptions = {},
	completedFunctionIds: CompletedFunctionIds = {},
): Promise<Sandbox> {
	const log = options.log ?? ((): void => undefined);
	const now = (): Date => clock.now();

	const host = options.host ?? '127.0.0.1';
	let url = '';
	const sessions = new SessionStore(options.sessionDurationMs ?? TWO_HOURS_MS, now);
	const changes = new ChangeGate();
	const faults = new FaultRules();
	const stats = new GatewayStats();
	const rest = createRest(options.rest ?? {}, { company, changes, faults, stats, latencyMs: options.latencyMs ?? 0, now, log });
	// One list of client applications: the REST API's OAuth registry; webhook deliveries are signed
	// with their secrets. `clientApplications` adds applications authorised for this company.
	for (const application of options.clientApplications ?? []) {
		rest.applications.add({ ...application, name: application.clientId, authorisedCompanies: [company.companyId], redirectUris: [] });
	}
	const applications = rest.applications;
	const platform = new SandboxPlatformServices({
		companyId: company.companyId,
		now,
		timeScale: options.webhookTimeScale ?? 1,
		retryClock: options.webhookRetryClock,
		applications,
		log,
	});
	// Retries parked on the sandbox clock are sent when a test moves it.
	const movingClock: SandboxClock = {
		now: () => clock.now(),
		advance: (ms) => {
			clock.advance(ms);
			void platform.clockMoved();
		},
		set: (date) => {
			clock.set(date);
			void platform.clockMoved();
		},
	};
	changes.onCommitted((event) => platform.handle(event));
	const uniqueIds = new UniqueFunctionIds(completedFunctionIds);
	const stateWriter =
		options.statePath !== undefined
			? new DebouncedStateWriter(
					options.statePath,
					() => stateFile({ company: company.toJSON(), completedFunctionIds: uniqueIds.toJSON() }),
					STATE_SAVE_DEBOUNCE_MS,
					log,
				)
			: undefined;
	if (stateWriter !== undefined) changes.onCommitted(() => stateWriter.changed());
	const unsubscribeModel = company.onChange((event) => changes.push(event));

	const gateway = new Gateway({
		company,
		sessions,
		uniqueIds,
		slots: new CompanySlots(options.concurrency ?? 2, options.concurrencyWaitMs ?? 30_000),
		changes,
		now,
		endpointUrl: () => url,
		log,
	});
	const server = createGatewayServer({
		rest: rest.server,
		gateway,
		faults,
		stats,
		latencyMs: options.latencyMs ?? 0,
		publicHosts: options.publicHosts,
		expireSessions: () => sessions.expireAll(),
		expireResultIds: () => company.expireResultIds(0, now()),
		log,
		admin: { stats, company, now },
		inspectRequest: options.inspectRequest ?? defaultRequestInspector(),
		restRoutes: platformRoutes({ queues: platform.queues, verifyAccessToken: (token) => rest.clientOfAccessToken(token), log, stats }),
	});
	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.port ?? 0, host, () => {
				server.off('error', reject);
				resolve();
			});
		});
	} catch (error: unknown) {
		// A busy port: leave nothing behind (the CLI names the port, sandbox/cli.ts).
		unsubscribeModel();
		platform.close();
		throw error;
	}
	const port = (server.address() as AddressInfo).port;
	// A wildcard listen address is not something a client can call; advertise loopback instead.
	const advertised = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
	url = `http://${advertised}:${port}${GATEWAY_PATH}`;

	const credentials: SandboxCredentials = {
		companyId: SANDBOX_LOGIN.companyId,
		entityId: '',
		senderId: SANDBOX_LOGIN.senderId,
		senderPassword: SANDBOX_LOGIN.senderPassword,
		userId: SANDBOX_LOGIN.userId,
		userPassword: SANDBOX_LOGIN.userPassword,
		endpointUrl: url,
	};

	let closing: Promise<void> | undefined;
	const close = (): Promise<void> => {
		closing ??= (async () => {
			unsubscribeModel();
			platform.close();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
			await platform.idle();
			stateWriter?.saveNow();
		})();
		return closing;
	};

	return { url, port, credentials, clock: movingClock, faults, stats, platform, company, rest: rest.describe(`http://${advertised}:${port}`), close };
}
