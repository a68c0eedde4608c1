/**
 * Bill (APBILL) parameters and helpers shared by create, update and the duplicate lookup.
 * Sources and inventions: docs/fidelity-ap.md.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { IntacctApi, IntacctRecord, RequestOptions, XmlObject } from '../../../shared/intacct/core/types';
import { readByQuery } from '../../../shared/intacct/xml/functions';
import { nameValueCollection, recordAttachmentProperties } from '../common.descriptions';
import { quote } from '../../../shared/intacct/n8n/reads';
import { customHeaderFields, optionalDate } from '../../../shared/intacct/n8n/transactions';
import { optionalField } from '../../../shared/intacct/n8n/parameters';


export function billHeaderFields(includeDates: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{ displayName: 'Reference Number', name: 'referenceNumber', type: 'string', default: '', description: 'DOCNUMBER, e.g. the PO number' },
		{ displayName: 'Payment Term', name: 'paymentTerm', type: 'string', default: '', placeholder: 'e.g. Net 30', description: 'TERMNAME: the payment term (discounts, penalties); the due date is still needed' },
		{ displayName: 'Posting Date', name: 'postingDate', type: 'string', default: '', placeholder: 'e.g. 2026-03-31', description: 'WHENPOSTED: GL posting date' },
		{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'e.g. EUR' },
		{ displayName: 'On Hold', name: 'onHold', type: 'boolean', default: false, description: 'Whether the bill is on hold' },
		{ displayName: 'Attachments ID', name: 'attachmentsId', type: 'string', default: '', description: 'SUPDOCID of an existing attachment' },
		nameValueCollection('customFields', 'Custom Fields', 'Custom header fields by integration name', 'e.g. APPROVER'),
	];
	if (includeDates) {
		fields.push(
			{ displayName: 'Bill Date', name: 'transactionDate', type: 'string', default: '', placeholder: 'e.g. 2026-03-31' },
			{ displayName: 'Due Date', name: 'dueDate', type: 'string', default: '', placeholder: 'e.g. 2026-03-31' },
			{ displayName: 'Bill Number', name: 'billNumber', type: 'string', default: '' },
		);
	}
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export interface BillFields extends IDataObject {
	description?: string;
	referenceNumber?: string;
	paymentTerm?: string;
	postingDate?: string;
	currency?: string;
	onHold?: boolean;
	attachmentsId?: string;
	customFields?: IDataObject;
	transactionDate?: string;
	dueDate?: string;
	billNumber?: string;
}

export function billHeaderElements(what: string, fields: BillFields): XmlObject {
	return {
		DOCNUMBER: optionalField(what, 'referenceNumber', fields.referenceNumber),
		DESCRIPTION: optionalField(what, 'description', fields.description),
		TERMNAME: optionalField(what, 'paymentTerm', fields.paymentTerm),
		WHENPOSTED: optionalDate(what, 'postingDate', fields.postingDate),
		CURRENCY: optionalField(what, 'currency', fields.currency),
		ONHOLD: fields.onHold === undefined ? undefined : String(fields.onHold),
		SUPDOCID: optionalField(what, 'attachmentsId', fields.attachmentsId),
		...customHeaderFields(what, fields.customFields),
	};
}

/** What identifies a bill without a bill number: its date, total and description. */
export interface UnnumberedBillKey {
	/** WHENCREATED, mm/dd/yyyy */
	transactionDate: string;
	/** TOTALENTERED, canonical decimal */
	total: string;
	description?: string;
}

/**
 * Finds a bill by bill number + vendor (RECORDID is not unique across vendors, §6.4). A bill without
 * a number is found by vendor + bill date + total (+ description) when exactly one bill without a
 * number matches; otherwise it is not looked up (undefined).
 */
export async function findBill(
	client: IntacctApi,
	options: RequestOptions,
	vendorId: string,
	billNumber: string | undefined,
	unnumbered?: UnnumberedBillKey,
): Promise<IntacctRecord | undefined> {
	if (billNumber) {
		const result = await client.execute(
			readByQuery({ object: 'APBILL', fields: '*', query: `VENDORID = ${quote(vendorId)} AND RECORDID = ${quote(billNumber)}`, pageSize: 1 }),
			{ entityId: options.entityId },
		);
		return result.records[0];
	}
	if (!unnumbered) return undefined;
	const conditions = [
		`VENDORID = ${quote(vendorId)}`,
		`WHENCREATED = ${quote(unnumbered.transactionDate)}`,
		`TOTALENTERED = ${quote(unnumbered.total)}`,
	];
	if (unnumbered.description) conditions.push(`DESCRIPTION = ${quote(unnumbered.description)}`);
	const result = await client.execute(
		readByQuery({ object: 'APBILL', fields: '*', query: conditions.join(' AND '), pageSize: 100 }),
		{ entityId: options.entityId },
	);
	const candidates = result.records.filter((record) => (record.RECORDID ?? '') === '');
	return candidates.length === 1 ? candidates[0] : undefined;
}

export const attachmentProperties: INodeProperties[] = recordAttachmentProperties('bill');
