/**
 * OAuth 2.0 client applications (Sage App Registry + the company's Security > Authorized Client
 * Applications): a client ID and secret, the companies that authorised it, and its redirect URIs.
 * The demo application is authorised for the demo company (HOPEWELL); startSandbox({ rest: {
 * clientApplications: [...] } }) adds more.
 */
import { SANDBOX_LOGIN } from '../model/contract';

export interface ClientApplication {
	clientId: string;
	clientSecret: string;
	name: string;
	/** Company IDs (upper case) whose Security tab authorises this client. */
	authorisedCompanies: string[];
	/** Registered redirect URIs for the authorization code grant; empty = any (sandbox demo). */
	redirectUris: string[];
	/** Webhook delivery signs with this application's secret (X-IA-Sage-Signature). */
}

/** The demo client application: sandbox-only values, printed by `npm run sandbox`. */
export const DEMO_CLIENT_APPLICATION: Readonly<ClientApplication> = Object.freeze({
	clientId: 'n8n-sandbox-client.app.sage.com',
	clientSecret: 'sandbox-client-secret',
	name: 'n8n Sage Intacct sandbox',
	authorisedCompanies: [SANDBOX_LOGIN.companyId],
	redirectUris: [],
});

/** A registered application not authorised for the demo company (for "not authorised" tests). */
export const UNAUTHORISED_CLIENT_APPLICATION: Readonly<ClientApplication> = Object.freeze({
	clientId: 'other-partner.app.sage.com',
	clientSecret: 'other-partner-secret',
	name: 'Partner app not authorised for Hopewell',
	authorisedCompanies: [],
	redirectUris: [],
});

export class ClientApplicationRegistry {
	private readonly apps = new Map<string, ClientApplication>();

	constructor(apps: readonly ClientApplication[] = []) {
		for (const app of [DEMO_CLIENT_APPLICATION, UNAUTHORISED_CLIENT_APPLICATION, ...apps]) this.add(app);
	}

	add(app: ClientApplication): void {
		if (app.clientId === '' || app.clientSecret === '') throw new Error('A client application needs a client ID and a client secret');
		this.apps.set(app.clientId, { ...app, authorisedCompanies: app.authorisedCompanies.map((c) => c.toUpperCase()), redirectUris: [...app.redirectUris] });
	}

	find(clientId: string): ClientApplication | undefined {
		return this.apps.get(clientId);
	}

	isAuthorised(app: ClientApplication, companyId: string): boolean {
		return app.authorisedCompanies.includes(companyId.toUpperCase());
	}

	all(): ClientApplication[] {
		return [...this.apps.values()];
	}
}
