/** The REST client on the sandbox's demo client application (client credentials), as the client tests use it. */
import type { Sandbox } from '../../sandbox';
import { RestIntacctClient, type RestClientOptions } from '../../nodes/shared/intacct/client/restClient';
import { nodeRestHttp } from './nodeRestHttp';

export function sandboxRestClient(sandbox: Sandbox, extra: Partial<RestClientOptions> = {}): RestIntacctClient {
	return new RestIntacctClient({ credentials: { ...sandbox.rest.credentials, baseUrl: sandbox.rest.baseUrl }, http: nodeRestHttp, retryBaseDelayMs: 1, ...extra });
}
