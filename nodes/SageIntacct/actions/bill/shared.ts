/**
 * Bill (APBILL) parameters and helpers shared by create, update and the duplicate lookup.
 * Sources and inventions: docs/fidelity-ap.md.
 */
import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { IntacctApi, IntacctFunction, RequestOptions, XmlObject } from '../../../shared/intacct/core/types';
import { legacyFunction, readByQuery } from '../../../shared/intacct/xml/functions';
import { nameValueCollection } from '../common.descriptions';
import { outputRecord } from '../../../shared/intacct/records/simplify';
import { quote } from '../../../shared/intacct/n8n/reads';
import { customHeaderFields, optionalDate } from '../../../shared/intacct/n8n/transactions';
import { isIntacctErrorLike, ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { itemParameter, optionalField, optionalText } from '../../../shared/intacct/n8n/parameters';

/** Where "Attach Files" puts the files when no folder is named (create_supdoc requires one). */
export const DEFAULT_ATTACHMENT_FOLDER = 'n8n';

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
		default: DEFAULT_ATTACHMENT_FOLDER,
		placeholder: 'e.g. AP Bills',
		description: 'Attachment folder in Intacct the files go into (Intacct requires one); created when missing',
		displayOptions: { show: { attachFiles: [true] } },
	},
];

/** MIME types whose usual extension is not their subtype. */
const EXTENSION_OF_MIME: Record<string, string> = {
	'application/pdf': 'pdf',
	'image/jpeg': 'jpg',
	'image/svg+xml': 'svg',
	'text/plain': 'txt',
	'text/csv': 'csv',
	'application/msword': 'doc',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.ms-excel': 'xls',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/**
 * Intacct's attachment name and type: "File name, no period or extension" and "File extension, no
 * period" (Sage's Attachments page, create_supdoc; Sage's SDK AttachmentFile splits a path the
 * same way). 'inv.2026.10.pdf' -> name 'inv_2026_10', type 'pdf'; without an extension the type comes
 * from the MIME type.
 */
export function attachmentNameAndType(fileName: string, mimeType: string | undefined): { name: string; type: string } {
	const dot = fileName.lastIndexOf('.');
	const base = dot > 0 ? fileName.slice(0, dot) : fileName;
	const extension = dot > 0 ? fileName.slice(dot + 1) : '';
	const mime = (mimeType ?? '').split(';')[0].trim().toLowerCase();
	const fromMime = EXTENSION_OF_MIME[mime] ?? mime.split('/')[1]?.split('+')[0]?.split('.').pop() ?? '';
	const type = (extension || fromMime).toLowerCase().replace(/[^a-z0-9]/g, '') || 'bin';
	const name = base.replace(/\./g, '_').trim() || 'file';
	return { name, type };
}

/**
 * The item's binary files as a supporting document: the legacy create_supdoc, the only documented
 * route (Sage's Attachments page; api.xsd create_supdoc; the SDK's AttachmentsCreate). The
 * SUPDOCID is derived from the files' content and the bill's idempotency scope, so a re-run reuses it.
 */
export async function attachmentFunction(
	context: IExecuteFunctions,
	itemIndex: number,
	what: string,
	scope: () => string,
	billLabel: string,
): Promise<PreparedAttachment | undefined> {
	if (!itemParameter(context, 'attachFiles', itemIndex, false)) return undefined;
	const names = (optionalText(context, 'binaryPropertyNames', itemIndex, what) ?? '')
		.split(',')
		.map((n) => n.trim())
		.filter((n) => n !== '');
	if (names.length === 0) throw new ItemValidationError(`${what}, field "binaryPropertyNames": name at least one binary field`);
	const attachments: XmlObject[] = [];
	const used = new Set<string>();
	const hash = createHash('sha256').update(scope());
	for (const name of names) {
		const binary = (context.getInputData()[itemIndex]?.binary ?? {})[name];
		if (!binary) {
			throw new ItemValidationError(`${what}, field "binaryPropertyNames": the item has no binary field "${name}"`);
		}
		context.helpers.assertBinaryData(itemIndex, name);
		const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, name);
		hash.update(name).update(buffer);
		const file = attachmentNameAndType(binary.fileName ?? name, binary.mimeType);
		// Each file of one attachment record needs its own name (SDK AttachmentFile).
		let fileName = file.name;
		for (let n = 2; used.has(`${fileName}.${file.type}`.toLowerCase()); n++) fileName = `${file.name}-${n}`;
		used.add(`${fileName}.${file.type}`.toLowerCase());
		attachments.push({ attachmentname: fileName, attachmenttype: file.type, attachmentdata: buffer.toString('base64') });
	}
	const supdocId = `N8N${hash.digest('hex').slice(0, 17).toUpperCase()}`;
	const folder = optionalText(context, 'attachmentFolder', itemIndex, what) || DEFAULT_ATTACHMENT_FOLDER;
	const fn = legacyFunction('create_supdoc', {
		supdocid: supdocId,
		supdocname: billLabel.slice(0, 100),
		supdocfoldername: folder,
		supdocdescription: `Attached by n8n to ${billLabel}`.slice(0, 200),
		attachments: { attachment: attachments },
	});
	return { fn, supdocId, folder };
}

export interface PreparedAttachment {
	fn: IntacctFunction;
	supdocId: string;
	folder: string;
}

/** Folders made sure of in this execution, per entity: one create_supdocfolder per folder and run. */
export type FolderCache = Map<string, Promise<void>>;

/**
 * Creates the attachment folder unless this execution already did. Intacct documents no "create if
 * missing", so the folder is created and a refusal of that function (most likely: it exists) is let
 * pass; create_supdoc then says whether the folder is really usable.
 */
async function ensureFolder(client: IntacctApi, options: RequestOptions, folder: string, cache: FolderCache): Promise<void> {
	const key = `${options.entityId ?? '\u0000'}|${folder.toLowerCase()}`;
	let pending = cache.get(key);
	if (!pending) {
		pending = (async () => {
			let failure: unknown;
			try {
				await client.execute(
					legacyFunction('create_supdocfolder', { supdocfoldername: folder, supdocfolderdescription: 'Supporting documents attached by n8n' }),
					options.entityId === undefined ? {} : { entityId: options.entityId },
				);
			} catch (error) {
				failure = error;
			}
			// A refusal of the function itself is let pass; a sign-in, network or gateway failure is not.
			if (failure !== undefined && !(isIntacctErrorLike(failure) && failure.kind === 'result')) throw failure;
		})();
		cache.set(key, pending);
	}
	await pending;
}

/**
 * Uploads the files right before their bill is sent: the folder first, then create_supdoc. The
 * same files uploaded by an earlier run (same content-derived SUPDOCID) are reused.
 */
export async function uploadAttachment(client: IntacctApi, options: RequestOptions, attachment: PreparedAttachment, folders: FolderCache): Promise<void> {
	await ensureFolder(client, options, attachment.folder, folders);
	let failure: unknown;
	try {
		await client.execute(
			{ ...attachment.fn, controlId: `n8n-supdoc-${attachment.supdocId}` },
			{ ...(options.entityId === undefined ? {} : { entityId: options.entityId }), idempotent: true },
		);
	} catch (error) {
		failure = error;
	}
	const alreadyThere =
		isIntacctErrorLike(failure) &&
		(failure.kind === 'duplicate' || failure.errors.some((e) => /already exists/i.test(`${e.description} ${e.description2}`)));
	if (failure !== undefined && !alreadyThere) throw failure;
}
