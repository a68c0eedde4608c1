/**
 * What Intacct refuses on a line's user-defined dimensions, refused the same over both wires,
 * through the real n8n engine against the sandbox: a journal entry, a bill and an AR invoice whose
 * line names a dimension the company does not have, or a value that is none of the dimension's
 * records, fail with Intacct's error naming it, and nothing is posted, over Web Services (XML) as
 * over OAuth 2.0 (REST). The sandbox checks both wires with one rule of its company model
 * (sandbox/model/writes/user-dimension-fields.ts, the UDD list getDimensions answers).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NODE_NAME, readAll, useBothWires } from './support';

const wires = useBothWires();

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** One document kind: its parameters with the first line's UDDs (and custom fields), and how to find what it posted. */
interface DocumentKind {
	parameters: (documentNo: string, line: IDataObject) => INodeParameters;
	object: string;
	query: (documentNo: string) => string;
}

const KINDS: Record<string, DocumentKind> = {
	'journal entry': {
		parameters: (documentNo, line) =>
			({
				resource: 'journalEntry',
				operation: 'create',
				journal: rl('GJ'),
				postingDate: '2026-10-15',
				description: 'UDD refusal',
				lineInput: 'json',
				linesJson: JSON.stringify([
					{ accountNo: '6050', type: 'debit', amount: 10, locationId: '110', ...line },
					{ accountNo: '1000', type: 'credit', amount: 10, locationId: '110' },
				]),
				additionalFields: { referenceNumber: documentNo },
			}) as unknown as INodeParameters,
		object: 'GLBATCH',
		query: (documentNo) => `REFERENCENO = '${documentNo}'`,
	},
	bill: {
		parameters: (documentNo, line) =>
			({
				resource: 'bill',
				operation: 'create',
				vendor: rl('V-107'),
				billNumber: documentNo,
				transactionDate: '2026-10-01',
				dueDate: '2026-10-31',
				lineInput: 'json',
				linesJson: JSON.stringify([{ accountNo: '6500', amount: '80.00', locationId: '110', ...line }]),
			}) as unknown as INodeParameters,
		object: 'APBILL',
		query: (documentNo) => `RECORDID = '${documentNo}'`,
	},
	'AR invoice': {
		parameters: (documentNo, line) =>
			({
				resource: 'arInvoice',
				operation: 'create',
				customer: rl('C-1001'),
				invoiceNumber: documentNo,
				invoiceDate: '2026-10-01',
				dueDate: '2026-10-31',
				lineInput: 'json',
				linesJson: JSON.stringify([{ accountNo: '4200', amount: 30, locationId: '110', ...line }]),
			}) as unknown as INodeParameters,
		object: 'ARINVOICE',
		query: (documentNo) => `RECORDID = '${documentNo}'`,
	},
};

const WIRES = [
	['XML', wires.xml],
	['REST', wires.rest],
] as const;

/** Runs the document over one wire (continue on fail) and returns the item's error text. */
async function refusal(run: (typeof WIRES)[number][1], kind: DocumentKind, documentNo: string, line: IDataObject): Promise<string> {
	const result = await run(kind.parameters(documentNo, line), { continueOnFail: true });
	const [item] = result.json(NODE_NAME);
	expect(item.error).toBeDefined();
	expect(await readAll(wires.sandbox(), kind.object, kind.query(documentNo), 'RECORDNO')).toHaveLength(0);
	return String(item.error);
}

describe.each(Object.entries(KINDS))('%s: a line\'s user-defined dimension Intacct refuses is refused over both wires, nothing posted', (name, kind) => {
	const tag = name.replace(/\W/g, '').slice(0, 6).toUpperCase();

	it.each(WIRES)('over %s: a value that is none of the dimension\'s records', async (wire, run) => {
		const error = await refusal(run, kind, `UDDV-${tag}-${wire}`, { userDefinedDimensions: { FUNDINGSOURCE: '99999' } });
		// One rule of the company model on both wires: the same Intacct error number and words (HTTP 422 over REST).
		expect(error).toMatch(/BL03000015 Funding Source '99999' given for GLDIMFUNDINGSOURCE does not exist or is inactive\. \((entry|bill|invoice) line 1\)/);
	});

	it.each(WIRES)('over %s: a dimension the company does not have', async (wire, run) => {
		const error = await refusal(run, kind, `UDDN-${tag}-${wire}`, { userDefinedDimensions: { GRANT: '10004' } });
		// Named as each wire names the field: GLDIMGRANT over XML, dimensions.nsp::grant over REST.
		expect(error).toMatch(wire === 'XML' ? /BL03000020 Field GLDIMGRANT is not a field of (GLENTRY|APBILLITEM|ARINVOICEITEM)/ : /HTTP 400.*dimensions\.nsp::grant is not a field of/);
	});

	it.each(WIRES)('over %s: the same line with one of the company\'s values posts', async (wire, run) => {
		const documentNo = `UDDOK-${tag}-${wire}`;
		const result = await run(kind.parameters(documentNo, { userDefinedDimensions: { FUNDINGSOURCE: '10004' } }));
		expect(result.error).toBeUndefined();
		expect(await readAll(wires.sandbox(), kind.object, kind.query(documentNo), 'RECORDNO')).toHaveLength(1);
	});
});

describe('AR invoice: a line custom field the company does not define', () => {
	it.each(WIRES)('over %s: is refused, never dropped, and nothing is posted', async (wire, run) => {
		const error = await refusal(run, KINDS['AR invoice'], `UDDCF-${wire}`, { customFields: { REGION: 'North' } });
		// Over REST the node refuses it before sending (no REST name for a legacy customfield).
		expect(error).toMatch(wire === 'XML' ? /BL03000020 Field REGION is not a field of ARINVOICEITEM/ : /custom field REGION .*Web Services \(XML\)/);
	});
});
