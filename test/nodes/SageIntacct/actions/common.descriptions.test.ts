/** The node's Batch Size default is the client's one default (the UI needs a literal for n8n's lint). */
import { writeOptionsProperty } from '../../../../nodes/SageIntacct/actions/common.descriptions';
import { CLIENT_DEFAULTS } from '../../../../nodes/shared/intacct/client/client';

it('shows the client default batch size', () => {
	for (const idempotent of [true, false]) {
		const batchSize = writeOptionsProperty(idempotent).options?.find((o) => 'name' in o && o.name === 'batchSize') as { default?: unknown } | undefined;
		expect(batchSize?.default).toBe(CLIENT_DEFAULTS.batchSize);
	}
});
