/**
 * Charge card transactions (Sage's Charge Card Transactions page): the record_cctransaction body in
 * api.xsd's element order, and how a transaction is found again after a duplicate (idempotent re-run).
 * Rules and sources: docs/fidelity-flows.md.
 */
import type { IntacctApi, IntacctRecord, RequestOptions, XmlObject } from '../../../shared/intacct/core/types';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import type { LineInput } from '../../../shared/intacct/n8n/lines';
import { quote } from '../../../shared/intacct/n8n/reads';
import { toCents } from '../../../shared/intacct/records/amounts';
import { readByQuery } from '../../../shared/intacct/xml/functions';

/** A line dimension (DIMENSIONS key) -> its ccpayitem element, in api.xsd's order. */
const LINE_DIMENSION_ELEMENTS: Array<[string, string]> = [
	['departmentId', 'departmentid'],
	['locationId', 'locationid'],
	['customerId', 'customerid'],
	['vendorId', 'vendorid'],
	['employeeId', 'employeeid'],
	['projectId', 'projectid'],
	['itemId', 'itemid'],
	['classId', 'classid'],
];

/** <year/><month/><day/> of an mm/dd/yyyy date (legacy functions, §5.3). */
export function dateParts(mmddyyyy: string): XmlObject {
	const [month, day, year] = mmddyyyy.split('/');
	return { year, month, day };
}

function customFields(fields: Record<string, string>): XmlObject | undefined {
	const entries = Object.entries(fields);
	return entries.length === 0 ? undefined : { customfield: entries.map(([name, value]) => ({ customfieldname: name, customfieldvalue: value })) };
}

/**
 * ccpayitem elements of validated lines. A line's amount must not be zero; user-defined dimensions
 * and custom fields travel as the line's customfields (the only place api.xsd leaves for them).
 */
export function cardLineElements(what: string, lines: LineInput[]): XmlObject[] {
	return lines.map((line, index) => {
		if (toCents(line.amount) === 0) throw new ItemValidationError(`${what} line ${index + 1}, field "amount": must not be zero`);
		const item: XmlObject = { glaccountno: line.accountNo, description: line.memo, paymentamount: line.amount };
		for (const [key, element] of LINE_DIMENSION_ELEMENTS) item[element] = line.dimensions[key];
		item.customfields = customFields({ ...line.userDefinedDimensions, ...line.customFields });
		return item;
	});
}

/**
 * The transaction a duplicate (same idempotency key already posted) stands for: the latest posted
 * transaction of the card on that date with that total (and reference number when given).
 */
export async function findCardTransaction(
	client: IntacctApi,
	options: RequestOptions,
	match: { cardId: string; paymentDate: string; total: string; referenceNumber?: string },
): Promise<IntacctRecord | undefined> {
	const conditions = [`FINANCIALENTITY = ${quote(match.cardId)}`, `WHENCREATED = ${quote(match.paymentDate)}`, `TOTALENTERED = ${match.total}`];
	if (match.referenceNumber) conditions.push(`RECORDID = ${quote(match.referenceNumber)}`);
	const result = await client.execute(readByQuery({ object: 'CCTRANSACTION', fields: '*', query: conditions.join(' AND '), pageSize: 100 }), options);
	return [...result.records].sort((a, b) => Number(b.RECORDNO) - Number(a.RECORDNO))[0];
}
