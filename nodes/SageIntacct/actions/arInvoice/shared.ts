/**
 * AR invoices (Sage's Invoices page): created and changed with the legacy functions the page documents
 * (create_invoice, update_invoice), whose elements follow api.xsd's order; read and deleted as
 * ARINVOICE. Field names and rules: docs/fidelity-flows.md.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { IntacctApi, IntacctRecord, RequestOptions, XmlObject } from '../../../shared/intacct/core/types';
import type { LineInput } from '../../../shared/intacct/n8n/lines';
import { optionalField } from '../../../shared/intacct/n8n/parameters';
import { quote } from '../../../shared/intacct/n8n/reads';
import { optionalDate } from '../../../shared/intacct/n8n/transactions';
import { readByQuery } from '../../../shared/intacct/xml/functions';

/** mm/dd/yyyy -> the legacy <year/><month/><day/> block. */
export function legacyDate(mmddyyyy: string | undefined): XmlObject | undefined {
	if (!mmddyyyy) return undefined;
	const [month, day, year] = mmddyyyy.split('/');
	return { year, month, day };
}

/** A line as a legacy lineitem, in api.xsd's order; user-defined dimensions and custom fields as customfields. */
export function lineItem(line: LineInput): XmlObject {
	const custom = { ...line.userDefinedDimensions, ...line.customFields };
	const names = Object.keys(custom);
	const d = line.dimensions;
	return {
		glaccountno: line.accountNo,
		amount: line.amount,
		memo: line.memo,
		locationid: d.locationId,
		departmentid: d.departmentId,
		customfields: names.length > 0 ? { customfield: names.map((name) => ({ customfieldname: name, customfieldvalue: custom[name] })) } : undefined,
		projectid: d.projectId,
		customerid: d.customerId,
		vendorid: d.vendorId,
		employeeid: d.employeeId,
		itemid: d.itemId,
		classid: d.classId,
	};
}

export function invoiceHeaderFields(forUpdate: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{ displayName: 'Attachments ID', name: 'attachmentsId', type: 'string', default: '', description: 'SUPDOCID of an existing attachment' },
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{ displayName: 'Posting Date', name: 'postingDate', type: 'string', default: '', placeholder: 'e.g. 2026-03-31', description: 'GL posting date (dateposted); empty: the invoice date' },
		{ displayName: 'Reference Number', name: 'referenceNumber', type: 'string', default: '', description: "Reference (ponumber), e.g. the customer's PO number" },
	];
	if (forUpdate) {
		fields.push(
			{ displayName: 'Due Date', name: 'dueDate', type: 'string', default: '', placeholder: 'e.g. 2026-04-30' },
			{ displayName: 'Invoice Date', name: 'invoiceDate', type: 'string', default: '', placeholder: 'e.g. 2026-03-31' },
			{ displayName: 'Invoice Number', name: 'invoiceNumber', type: 'string', default: '' },
		);
	}
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export interface InvoiceFields extends IDataObject {
	attachmentsId?: string;
	description?: string;
	postingDate?: string;
	referenceNumber?: string;
	dueDate?: string;
	invoiceDate?: string;
	invoiceNumber?: string;
}

export function headerDates(what: string, fields: InvoiceFields): { posted?: string } {
	return { posted: optionalDate(what, 'postingDate', fields.postingDate) };
}

export function optionalHeader(what: string, fields: InvoiceFields): { ponumber?: string; description?: string; supdocid?: string } {
	return {
		ponumber: optionalField(what, 'referenceNumber', fields.referenceNumber),
		description: optionalField(what, 'description', fields.description),
		supdocid: optionalField(what, 'attachmentsId', fields.attachmentsId),
	};
}

/**
 * The invoice a duplicate (same idempotency key already posted) stands for: the customer's invoice with
 * that number, or without a number the latest one of the customer on that date with that total.
 */
export async function findInvoice(
	client: IntacctApi,
	options: RequestOptions,
	match: { customerId: string; invoiceNumber?: string; invoiceDate: string; total: string },
): Promise<IntacctRecord | undefined> {
	const conditions = [`CUSTOMERID = ${quote(match.customerId)}`];
	if (match.invoiceNumber) conditions.push(`RECORDID = ${quote(match.invoiceNumber)}`);
	else conditions.push(`WHENCREATED = ${quote(match.invoiceDate)}`, `TOTALENTERED = ${match.total}`);
	const result = await client.execute(readByQuery({ object: 'ARINVOICE', fields: '*', query: conditions.join(' AND '), pageSize: 100 }), options);
	return [...result.records].sort((a, b) => Number(b.RECORDNO) - Number(a.RECORDNO))[0];
}
