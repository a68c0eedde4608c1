/**
 * One GL entry, three nodes: the webhook trigger (the sandbox's Platform Services posting the node's
 * own template), the poll trigger and the action node's Get Many read the same sandbox entry and must
 * emit the same item (same field names, same values), apart from each node's own envelope
 * (event/object/deliveryId for the webhook, changeType for the poll). Requires `npm run build`.
 */
import type { IDataObject } from 'n8n-workflow';
import { buildDocumentTemplate } from '../../nodes/SageIntacctTrigger/documentTemplate';
import { templateFields } from '../../nodes/shared/intacct/records/glEntryFields';
import { sandboxCredentialValues } from '../support/harness';
import { NODE_NAME, runNode } from '../node/support';
import { createPoller } from './pollHost';
import { createJournalEntry, lineRecordNos, startGlSandbox, type GlSandbox } from './sandboxGl';
import { startHostedTrigger, type HostedTrigger } from './webhookHost';
import { ACCESS_KEY } from './webhookStub';

let gl: GlSandbox;
let host: HostedTrigger | undefined;
beforeEach(async () => {
	gl = await startGlSandbox();
});
afterEach(async () => {
	await gl.sandbox.close();
	await host?.close();
});

function without(item: IDataObject, keys: string[]): IDataObject {
	return Object.fromEntries(Object.entries(item).filter(([k]) => !keys.includes(k)));
}

it('Get Many, the poll trigger and the webhook trigger emit the same GL entry item', async () => {
	const fields = templateFields('FUNDINGSOURCE').map((f) => f.field).join(',');
	host = await startHostedTrigger({ accessKey: ACCESS_KEY, userDimension: 'FUNDINGSOURCE' });
	gl.sandbox.platform.subscribe({
		object: 'GLENTRY',
		events: ['create'],
		url: host.url,
		template: buildDocumentTemplate({ event: 'created', userDimension: 'FUNDINGSOURCE', accessKeyInBody: true, accessKey: ACCESS_KEY }),
		encoding: 'json',
	});
	const poller = await createPoller({ object: 'GLENTRY', fields } as never, sandboxCredentialValues(gl.credentials));
	expect(await poller.poll()).toBeNull();
	gl.sandbox.clock.advance(10_000);

	const batch = await createJournalEntry(gl, 'Pantry restock');
	const [firstLine] = await lineRecordNos(gl, batch);
	await gl.sandbox.platform.idle();

	const pushed = host.executions.flat().find((i) => String(i.recordNo) === firstLine);
	const polled = (await poller.poll())?.find((i) => String(i.recordNo) === firstLine);
	const run = await runNode(gl.sandbox, {
		resource: 'glEntry',
		operation: 'getMany',
		returnAll: true,
		filters: { journalEntryRecordNo: batch },
		options: { fields },
	});
	const read = run.json(NODE_NAME).find((i) => String(i.recordNo) === firstLine);

	expect(pushed).toBeDefined();
	expect(polled).toBeDefined();
	expect(read).toBeDefined();
	const item = read!;
	expect(item).toMatchObject({ journalEntryRecordNo: Number(batch), accountNo: '6000', debitCredit: 'debit', GLDIMFUNDINGSOURCE: '10001', departmentId: 'PROG' });
	expect(without(polled!, ['changeType'])).toEqual(item);
	expect(without(pushed!, ['event', 'object', 'deliveryId', 'eventInferred'])).toEqual(item);
});
