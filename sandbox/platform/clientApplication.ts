/**
 * The REST client application whose client secret signs webhook deliveries (docs/fidelity-webhooks.md).
 *
 * In Intacct the client ID and secret come from the developer's REST client application (Sage App
 * Registry). The sandbox's REST server (sandbox/rest, its OAuth client registry) owns the real list;
 * until that is wired in, the Platform Services module takes its applications from SandboxOptions
 * (`clientApplications`) and falls back to this one demo pair. One list must feed both.
 */
export interface ClientApplication {
	clientId: string;
	clientSecret: string;
}

/** Demo pair: public on purpose (sandbox only), like the sandbox's Web Services passwords. */
export const DEMO_CLIENT_APPLICATION: ClientApplication = {
	clientId: 'n8n-sandbox-client.app.sage.com',
	clientSecret: 'sandbox-client-secret-4b1d9e',
};

export class ClientApplications {
	private readonly byId = new Map<string, ClientApplication>();

	constructor(applications: ClientApplication[] = [DEMO_CLIENT_APPLICATION]) {
		for (const application of applications) this.byId.set(application.clientId, { ...application });
	}

	find(clientId: string): ClientApplication | undefined {
		return this.byId.get(clientId);
	}

	/** Client credentials check (constant time is irrelevant in the sandbox, the secret is public). */
	matches(clientId: string, clientSecret: string): boolean {
		return this.byId.get(clientId)?.clientSecret === clientSecret;
	}
}
