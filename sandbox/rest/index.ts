/**
 * The REST API of the sandbox (sandbox/rest): built over the same company model, change gate,
 * fault rules and stats as the XML gateway, and served by the same HTTP server under /ia/api/v1/.
 */
import type { RestOptions, SandboxRest } from '../api';
import type { FaultRules } from '../faults/faultController';
import { type CompanyModel, SANDBOX_LOGIN } from '../model/contract';
import type { ChangeGate } from '../protocol/changeGate';
import type { GatewayStats } from '../protocol/sandboxStats';
import { AsyncJobs } from './asyncJobs';
import { IdempotencyStore } from './idempotency';
import { BulkJobs } from './bulkJobs';
import { ClientApplicationRegistry, DEMO_CLIENT_APPLICATION } from './clientApplications';
import { OAuthServer } from './oauth';
import { RestApi } from './restApi';
import { REST_PREFIX, RestServer, TIER_CONCURRENCY } from './restServer';

export { DEMO_CLIENT_APPLICATION } from './clientApplications';
export type { ClientApplication } from './clientApplications';

export interface RestWiring {
	company: CompanyModel;
	changes: ChangeGate;
	faults: FaultRules;
	stats: GatewayStats;
	latencyMs: number;
	now: () => Date;
	log: (line: string) => void;
}

export interface RestParts {
	server: RestServer;
	describe: (origin: string) => SandboxRest;
	/** The OAuth client applications (Platform Services signs webhook deliveries with their secrets). */
	applications: ClientApplicationRegistry;
	/** The client ID a bearer access token was issued to, while it is valid (the event queue services check it). */
	clientOfAccessToken: (token: string) => string | undefined;
}

export function createRest(options: RestOptions, wiring: RestWiring): RestParts {
	const applications = new ClientApplicationRegistry(options.clientApplications ?? []);
	const oauth = new OAuthServer(wiring.company, applications, wiring.now, options.accessTokenSeconds);
	const schedule = (work: () => void): void => {
		setImmediate(work).unref();
	};
	const asyncJobs = new AsyncJobs(wiring.now, schedule, wiring.log);
	const idempotency = new IdempotencyStore(wiring.now);
	const api = new RestApi({ company: wiring.company, changes: wiring.changes, bulk: new BulkJobs(wiring.now), asyncJobs, now: wiring.now, schedule, idempotency });
	const [appConcurrency, companyConcurrency] = TIER_CONCURRENCY[options.tier ?? 1] ?? TIER_CONCURRENCY[1];
	const server = new RestServer({
		api,
		idempotency,
		asyncJobs,
		oauth,
		company: wiring.company,
		faults: wiring.faults,
		stats: wiring.stats,
		latencyMs: wiring.latencyMs,
		limits: { appConcurrency, companyConcurrency, requestsPerMinute: options.requestsPerMinute },
		now: wiring.now,
		log: wiring.log,
		authorizeAs: { userId: SANDBOX_LOGIN.userId, entityId: '' },
	});
	const describe = (origin: string): SandboxRest => ({
		baseUrl: `${origin}${REST_PREFIX}`,
		tokenUrl: `${origin}${REST_PREFIX}/oauth2/token`,
		authorizeUrl: `${origin}${REST_PREFIX}/oauth2/authorize`,
		credentials: {
			clientId: DEMO_CLIENT_APPLICATION.clientId,
			clientSecret: DEMO_CLIENT_APPLICATION.clientSecret,
			companyId: SANDBOX_LOGIN.companyId,
			userId: SANDBOX_LOGIN.userId,
			entityId: '',
		},
		clientApplications: applications,
		expireAccessTokens: () => oauth.expireAllAccessTokens(),
	});
	const clientOfAccessToken = (token: string): string | undefined => {
		try {
			return oauth.verify(`Bearer ${token}`).clientId;
		} catch {
			return undefined;
		}
	};
	return { server, describe, applications, clientOfAccessToken };
}
