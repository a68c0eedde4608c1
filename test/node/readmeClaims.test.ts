/**
 * What the README promises about writes, pinned through the real engine:
 *  - "Updates and deletes are not idempotent by default" (creates and reversals are);
 *  - duplicates are reported with the existing record: "journal entries found by journal +
 *    reference number + date, bills by vendor + bill number, vendors by ID" (and a bill without a
 *    number by vendor + date + total + description when exactly one bill matches).
 * ("Only drafts can be updated" is in journalEntry.test.ts; the rejected dates 13/45/2026,
 * 2026-02-30 and 03/04/26 are corpus cases in test/badInput.)
 */
import type { INodeProperties, INodeType, INodeParameters } from 'n8n-workflow';
import type { Sandbox } from '../../sandbox/api';
import { update } from '../../nodes/shared/intacct/xml/functions';
import { createCredentialsHelper, loadPackage, packageNode, sandboxCredentialValues, type HarnessCredentialsHelper } from '../support/harness';
import { NODE_NAME, directClient, readAll, runNode, startTestSandbox } from './support';

let sandbox: Sandbox;
let credentials: HarnessCredentialsHelper;

beforeAll(async () => {
	sandbox = await startTestSandbox();
	credentials = await createCredentialsHelper(sandboxCredentialValues({ ...sandbox.credentials }));
});

afterAll(async () => {
	await sandbox?.close();
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

function journalEntry(reference: string, postingDate: string, state = 'Posted'): INodeParameters {
	return {
		resource: 'journalEntry',
		operation: 'create',
		journal: byId('GJ'),
		postingDate,
		description: `README claims ${reference}`,
		state,
		lineInput: 'json',
		linesJson: '[{"accountNo":"6100","debit":75,"locationId":"110"},{"accountNo":"1000","credit":75,"locationId":"110"}]',
		additionalFields: { referenceNumber: reference },
	};
}

function bill(vendor: string, billNumber: string, description = 'README claims bill'): INodeParameters {
	return {
		resource: 'bill',
		operation: 'create',
		vendor: byId(vendor),
		billNumber,
		transactionDate: '2026-09-01',
		dueDate: '2026-09-30',
		lineInput: 'json',
		linesJson: '[{"accountNo":"6500","amount":42.5,"locationId":"110"}]',
		additionalFields: { description },
	};
}

async function run(parameters: INodeParameters, workflowId: string) {
	const result = await runNode(sandbox, parameters, { workflowId, credentials });
	expect(result.error).toBeUndefined();
	return result.json(NODE_NAME)[0];
}

describe('idempotency defaults', () => {
	it('creates and reversals are idempotent by default, updates and deletes are not', async () => {
		const pkg = await loadPackage();
		const type = pkg.nodeTypes.getByNameAndVersion(packageNode('sageIntacct', NODE_NAME, {}).type, 1) as INodeType;
		const writeOptions = type.description.properties.filter((p) => p.name === 'options' && p.options?.some((o) => o.name === 'idempotent'));
		const defaults = Object.fromEntries(
			writeOptions.flatMap((p) => {
				const idempotent = (p.options as INodeProperties[]).find((o) => o.name === 'idempotent');
				const show = p.displayOptions?.show ?? {};
				return (show.resource as string[]).flatMap((resource) => (show.operation as string[]).map((operation) => [`${resource}.${operation}`, idempotent?.default]));
			}),
		);
		expect(defaults).toEqual({
			'journalEntry.create': true,
			'journalEntry.update': false,
			'journalEntry.delete': false,
			'journalEntry.reverse': true,
			'bill.create': true,
			'bill.update': false,
			'bill.delete': false,
			'vendor.create': true,
			'vendor.update': false,
			'apPayment.create': true,
			'apPayment.reverse': true,
			'customer.create': true,
			'customer.update': false,
			'arInvoice.create': true,
			'arInvoice.update': false,
			'arInvoice.delete': false,
			'arPayment.create': true,
			'deposit.create': true,
			'cardTransaction.create': true,
			'cardTransaction.reverse': true,
		});
	});

	it('a journal entry draft update and a bill update are re-applied by a re-run after a manual change', async () => {
		const draft = await run(journalEntry('RC-UPD-JE', '2026-09-10', 'Draft'), 'wfRcDraft');
		const jeUpdate: INodeParameters = { resource: 'journalEntry', operation: 'update', recordNo: String(draft.recordNo), updateFields: { description: 'Set nightly' } };
		expect((await run(jeUpdate, 'wfRcNightly')).duplicate).toBeUndefined();
		await directClient(sandbox).execute(update('GLBATCH', { RECORDNO: String(draft.recordNo), BATCH_TITLE: 'Changed by hand' }));
		expect((await run(jeUpdate, 'wfRcNightly')).duplicate).toBeUndefined();
		expect((await readAll(sandbox, 'GLBATCH', `RECORDNO = ${String(draft.recordNo)}`))[0].BATCH_TITLE).toBe('Set nightly');

		const created = await run(bill('V-107', 'RC-UPD-BILL'), 'wfRcBill');
		const billUpdate: INodeParameters = { resource: 'bill', operation: 'update', recordNo: String(created.recordNo), updateFields: { description: 'Set nightly' } };
		expect((await run(billUpdate, 'wfRcNightly')).duplicate).toBeUndefined();
		await directClient(sandbox).execute(update('APBILL', { RECORDNO: String(created.recordNo), DESCRIPTION: 'Changed by hand' }));
		expect((await run(billUpdate, 'wfRcNightly')).duplicate).toBeUndefined();
		expect((await readAll(sandbox, 'APBILL', `RECORDNO = ${String(created.recordNo)}`))[0].DESCRIPTION).toBe('Set nightly');
	});
});

describe('a re-run reports the existing record', () => {
	it('journal entries by journal + reference number + posting date', async () => {
		const march = await run(journalEntry('RC-JE-REF', '2026-03-31'), 'wfRcJeMarch');
		const april = await run(journalEntry('RC-JE-REF', '2026-04-30'), 'wfRcJeApril');
		expect(april.recordNo).not.toBe(march.recordNo);
		const again = await run(journalEntry('RC-JE-REF', '2026-04-30'), 'wfRcJeApril');
		expect(again).toMatchObject({ duplicate: true, recordNo: april.recordNo });
		expect(await readAll(sandbox, 'GLBATCH', "REFERENCENO = 'RC-JE-REF'")).toHaveLength(2);
	});

	it('bills by vendor + bill number', async () => {
		const first = await run(bill('V-107', 'RC-BILL-1'), 'wfRcBill107');
		const second = await run(bill('V-109', 'RC-BILL-1'), 'wfRcBill109');
		const again = await run(bill('V-109', 'RC-BILL-1'), 'wfRcBill109');
		expect(again).toMatchObject({ duplicate: true, recordNo: second.recordNo, vendorId: 'V-109', billNumber: 'RC-BILL-1' });
		expect(again.recordNo).not.toBe(first.recordNo);
	});

	it('a bill without a number by vendor + date + total + description, when exactly one matches', async () => {
		const first = await run(bill('V-107', '', 'RC unnumbered A'), 'wfRcNoNumber');
		const again = await run(bill('V-107', '', 'RC unnumbered A'), 'wfRcNoNumber');
		expect(again).toMatchObject({ duplicate: true, recordNo: first.recordNo });
		// Two identical unnumbered bills (idempotency off, then a re-run of a third): ambiguous, not guessed.
		await run({ ...bill('V-107', '', 'RC unnumbered A'), options: { idempotent: false } }, 'wfRcNoNumberOff');
		const ambiguous = await run(bill('V-107', '', 'RC unnumbered A'), 'wfRcNoNumber');
		expect(ambiguous).toMatchObject({ duplicate: true, message: expect.stringMatching(/could not be looked up/) });
		expect(ambiguous.recordNo ?? undefined).toBeUndefined();
	});

	it('vendors by vendor ID', async () => {
		const created = await run({ resource: 'vendor', operation: 'create', vendorId: 'V-RC-1', name: 'Readme Claims Ltd' }, 'wfRcVendor');
		const again = await run({ resource: 'vendor', operation: 'create', vendorId: 'V-RC-1', name: 'Readme Claims Ltd' }, 'wfRcVendor');
		expect(again).toMatchObject({ duplicate: true, recordNo: created.recordNo, vendorId: 'V-RC-1', name: 'Readme Claims Ltd' });
	});
});
