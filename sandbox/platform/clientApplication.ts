/**
 * The REST client application whose client secret signs webhook deliveries (docs/fidelity-webhooks.md).
 *
 * In Intacct the client ID and secret come from the developer's REST client application (Sage App
 * Registry). The sandbox keeps one list of them, the REST API's OAuth registry
 * (sandbox/rest/clientApplications.ts): the same applications get tokens there and sign deliveries
 * here. Platform Services only needs to find an application's secret by its ID.
 */
export { DEMO_CLIENT_APPLICATION } from '../rest/clientApplications';

/** What signing needs of the registry. */
export interface ClientApplicationLookup {
	find(clientId: string): { clientId: string; clientSecret: string } | undefined;
}
