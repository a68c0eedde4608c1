/**
 * The payment engine tests' setup, over either wire (apPayment.test.ts and receivables.test.ts: XML;
 * restWire.apPaymentBalance.test.ts and restWire.receivables.test.ts: REST beside XML; the cost
 * meter's AP payments): a bill to pay, the Create AP Payment and Create AR Payment parameters, and a
 * bill's state, amount due and amount paid read directly (not through the node).
 */
import type { INodeParameters } from 'n8n-workflow';
import type { Sandbox } from '../../sandbox/api';
import type { WorkflowRun } from '../support/harness';
import { NODE_NAME, readAll } from './support';

/** Runs the node with these parameters over the test's wire and credentials. */
export type NodeRunner = (parameters: INodeParameters) => Promise<WorkflowRun>;

/** A bill of vendor V-107 with one line (account 6500, location 110) of `amount`; its RECORDNO. */
export async function newBill(run: NodeRunner, number: string, amount = 150): Promise<number> {
	const made = await run({
		resource: 'bill',
		operation: 'create',
		vendor: { __rl: true, mode: 'id', value: 'V-107' },
		billNumber: number,
		transactionDate: '2026-10-01',
		dueDate: '2026-10-31',
		lineInput: 'fields',
		lines: { line: [{ accountNo: '6500', amount, memo: 'Licences', locationId: '110' }] },
	});
	expect(made.error).toBeUndefined();
	return Number(made.json(NODE_NAME)[0].recordNo);
}

/** Create AP Payment of V-107 from BOA-OP by ACH on 2026-11-02 for these bills, with `overrides`. */
export function apPaymentParameters(bills: Array<{ billRecordNo: number | string; amount: number | string }>, overrides: Record<string, unknown> = {}) {
	return {
		resource: 'apPayment',
		operation: 'create',
		vendor: { __rl: true, mode: 'id', value: 'V-107' },
		bankAccount: { __rl: true, mode: 'id', value: 'BOA-OP' },
		paymentMethod: 'ACH',
		paymentDate: '2026-11-02',
		billInput: 'fields',
		bills: { bill: bills },
		...overrides,
	};
}

/** The bill's STATE, TOTALDUE and TOTALPAID as the sandbox's XML read gives them. */
export async function billState(sandbox: Sandbox, recordNo: number) {
	const [bill] = await readAll(sandbox, 'APBILL', `RECORDNO = ${recordNo}`);
	return { state: bill.STATE, due: bill.TOTALDUE, paid: bill.TOTALPAID };
}

/** Create AR Payment of C-1001 into undeposited funds (1050) by Printed Check on 2026-11-02 for these invoices, with `overrides`. */
export function arPaymentParameters(invoices: Array<{ invoiceRecordNo: number | string; amount: number | string }>, overrides: INodeParameters = {}): INodeParameters {
	return {
		resource: 'arPayment',
		operation: 'create',
		customer: { __rl: true, mode: 'id', value: 'C-1001' },
		receiveInto: 'undeposited',
		undepositedAccount: { __rl: true, mode: 'id', value: '1050' },
		paymentMethod: 'Printed Check',
		receiptDate: '2026-11-02',
		invoiceInput: 'fields',
		invoices: { invoice: invoices } as unknown as INodeParameters,
		...overrides,
	};
}

/** Create AR Invoice of C-1001 dated 2026-10-01, due 2026-10-31, one line of account 4200 (location 110) per amount, with `overrides`. */
export function arInvoiceParameters(invoiceNumber: string, overrides: INodeParameters = {}, amounts = [100, 50]): INodeParameters {
	return {
		resource: 'arInvoice',
		operation: 'create',
		customer: { __rl: true, mode: 'id', value: 'C-1001' },
		invoiceNumber,
		invoiceDate: '2026-10-01',
		dueDate: '2026-10-31',
		lineInput: 'fields',
		lines: { line: amounts.map((amount) => ({ accountNo: '4200', amount, memo: 'Program fees', locationId: '110' })) } as unknown as INodeParameters,
		...overrides,
	};
}
