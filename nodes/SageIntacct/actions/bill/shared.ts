/**
 * Bill (APBILL) parameters and helpers shared by create, update and the duplicate lookup.
 */
import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { IntacctApi, IntacctFunction, RequestOptions, XmlObject } from '../../transport/types';
import { create, readByQuery } from '../../transport/functions';
import { nameValueCollection } from '../common.descriptions';
import { outputRecord } from '../../helpers/simplify';
import { quote } from '../../helpers/reads';
import { customHeaderFields, optionalDate } from '../../helpers/transactions';
import { ItemValidationError } from '../../helpers/errors';
import { itemParameter, optionalField, optionalText } from '../../helpers/parameters';

export function billHeaderFields(includeDates: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{ displayName: 'Reference Number', name: 'referenceNumber', type: 'string', default: '', description: 'DOCNUMBER, e.g. the PO number' },
		{ displayName: 'Payment Term', name: 'paymentTerm', type: 'string', default: '', placeholder: 'e.g. Net 30', description: 'TERMNAME; sets the due date when no due date is given' },
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
	simplify: boolean,
	unnumbered?: UnnumberedBillKey,
): Promise<IDataObject | undefined> {
	if (billNumber) {
		const result = await client.execute(
			readByQuery({ object: 'APBILL', fields: '*', query: `VENDORID = ${quote(vendorId)} AND RECORDID = ${quote(billNumber)}`, pageSize: 1 }),
			{ entityId: options.entityId },
		);
		return result.records[0] ? outputRecord('APBILL', result.records[0], simplify) : undefined;
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
	return candidates.length === 1 ? outputRecord('APBILL', candidates[0], simplify) : undefined;
}

export const attachmentProperties: INodeProperties[] = [
	{
		displayName: 'Attach Files',
		name: 'attachFiles',
		type: 'boolean',
		default: false,
		description: "Whether to upload the item's binary files as the bill's supporting document (attachment)",
	},
	{
		displayName: 'Input Binary Fields',
		name: 'binaryPropertyNames',
		type: 'string',
		default: 'data',
		placeholder: 'e.g. data, invoice',
		description: 'Names of the binary fields to attach, comma-separated',
		displayOptions: { show: { attachFiles: [true] } },
	},
	{
		displayName: 'Attachment Folder',
		name: 'attachmentFolder',
		type: 'string',
		default: '',
		placeholder: 'e.g. AP Bills',
		description: 'Attachment folder in Intacct (optional)',
		displayOptions: { show: { attachFiles: [true] } },
	},
];

function fileType(fileName: string | undefined, mimeType: string | undefined): string {
	const fromName = fileName && fileName.includes('.') ? fileName.split('.').pop() : undefined;
	if (fromName) return fromName.toLowerCase();
	return (mimeType?.split('/')[1] ?? 'bin').toLowerCase();
}

/**
 * The item's binary files as a supporting document (generic create of SUPDOC; the SDK's
 * AttachmentsCreate writes the same as legacy create_supdoc). The SUPDOCID is derived
 * from the files' content and the bill's idempotency scope, so a re-run reuses the same ID.
 */
export async function attachmentFunction(
	context: IExecuteFunctions,
	itemIndex: number,
	what: string,
	scope: () => string,
	billLabel: string,
): Promise<{ fn: IntacctFunction; supdocId: string } | undefined> {
	if (!itemParameter(context, 'attachFiles', itemIndex, false)) return undefined;
	const names = (optionalText(context, 'binaryPropertyNames', itemIndex, what) ?? '')
		.split(',')
		.map((n) => n.trim())
		.filter((n) => n !== '');
	if (names.length === 0) throw new ItemValidationError(`${what}, field "binaryPropertyNames": name at least one binary field`);
	const attachments: XmlObject[] = [];
	const hash = createHash('sha256').update(scope());
	for (const name of names) {
		const binary = (context.getInputData()[itemIndex]?.binary ?? {})[name];
		if (!binary) {
			throw new ItemValidationError(`${what}, field "binaryPropertyNames": the item has no binary field "${name}"`);
		}
		context.helpers.assertBinaryData(itemIndex, name);
		const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, name);
		hash.update(name).update(buffer);
		const fileName = binary.fileName ?? name;
		attachments.push({
			ATTACHMENTNAME: fileName.replace(/\.[^.]+$/, ''),
			ATTACHMENTTYPE: fileType(binary.fileName, binary.mimeType),
			ATTACHMENTDATA: buffer.toString('base64'),
		});
	}
	const supdocId = `N8N${hash.digest('hex').slice(0, 17).toUpperCase()}`;
	const folder = optionalText(context, 'attachmentFolder', itemIndex, what);
	const fn = create('SUPDOC', {
		SUPDOCID: supdocId,
		SUPDOCNAME: billLabel.slice(0, 100),
		SUPDOCFOLDERNAME: folder || undefined,
		DESCRIPTION: `Attached by n8n to ${billLabel}`.slice(0, 200),
		ATTACHMENTS: { ATTACHMENT: attachments },
	});
	return { fn, supdocId };
}
