/** The REST client on the sandbox's demo client application (client credentials), as the client tests use it. */
import type { Sandbox } from '../../sandbox';
import { RestIntacctClient, type RestClientOptions } from '../../nodes/shared/intacct/client/restClient';
import { nodeRestHttp } from './nodeRestHttp';
import { legacyFunction } from '../../nodes/shared/intacct/xml/functions';
import type { IntacctFunction } from '../../nodes/shared/intacct/core/types';

export function sandboxRestClient(sandbox: Sandbox, extra: Partial<RestClientOptions> = {}): RestIntacctClient {
	return new RestIntacctClient({ credentials: { ...sandbox.rest.credentials, baseUrl: sandbox.rest.baseUrl }, http: nodeRestHttp, retryBaseDelayMs: 1, ...extra });
}

/** create_invoice of C-1001 (2026-10-01, due 2026-10-31), one line of 25.00 on account 4200 at location 110, under `controlId`. */
export function legacyInvoiceCreate(controlId: string): IntacctFunction {
	return legacyFunction(
		'create_invoice',
		{
			customerid: 'C-1001',
			datecreated: { year: '2026', month: '10', day: '01' },
			datedue: { year: '2026', month: '10', day: '31' },
			invoiceitems: { lineitem: [{ glaccountno: '4200', amount: '25.00', locationid: '110' }] },
		},
		{ isWrite: true, controlId },
	);
}
