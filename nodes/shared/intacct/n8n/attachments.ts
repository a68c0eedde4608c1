/**
 * Attaching an item's binary files to the record it writes (any resource whose record has a
 * SUPDOCID: bills today, card transactions or journal entries next). prepareAttachment reads the
 * files while the item is validated; uploadAttachment sends them right before the record, creating
 * the folder once per execution. The wire functions are in ../xml/attachments.ts.
 */
import { createHash } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';
import type { IntacctApi, IntacctFunction, RequestOptions } from '../core/types';
import { attachmentNameAndType, createSupdoc, createSupdocFolder, type AttachmentFile } from '../xml/attachments';
import { isIntacctErrorLike, ItemValidationError } from './errors';
import { itemParameter, optionalText } from './parameters';

/** Where attached files go when no folder is named (create_supdoc requires one). */
export const DEFAULT_ATTACHMENT_FOLDER = 'n8n';

export interface PreparedAttachment {
	fn: IntacctFunction;
	supdocId: string;
	folder: string;
}

/** Folders made sure of in this execution, per entity: one create_supdocfolder per folder and run. */
export type FolderCache = Map<string, Promise<void>>;

/**
 * The item's binary files (parameters attachFiles, binaryPropertyNames, attachmentFolder) as one
 * supporting document, or undefined when the item attaches nothing. The SUPDOCID is derived from the
 * files' content and the record's scope, so a re-run reuses it.
 */
export async function prepareAttachment(
	context: IExecuteFunctions,
	itemIndex: number,
	what: string,
	scope: () => string,
	label: string,
): Promise<PreparedAttachment | undefined> {
	if (!itemParameter(context, 'attachFiles', itemIndex, false)) return undefined;
	const { files, digest } = await readItemFiles(context, itemIndex, what, scope());
	const supdocId = contentAttachmentId(digest);
	const folder = optionalText(context, 'attachmentFolder', itemIndex, what) || DEFAULT_ATTACHMENT_FOLDER;
	return { fn: createSupdoc(supdocId, label, folder, files), supdocId, folder };
}

/** A SUPDOCID derived from content (20 characters, what Intacct's attachment IDs hold). */
export function contentAttachmentId(digest: string): string {
	return `N8N${digest.slice(0, 17).toUpperCase()}`;
}

/**
 * The item's binary files named in `binaryPropertyNames` (comma-separated), as Intacct attachment
 * files, and a digest of their names and bytes (plus `scope`) for content-derived IDs.
 */
export async function readItemFiles(context: IExecuteFunctions, itemIndex: number, what: string, scope: string): Promise<{ files: AttachmentFile[]; digest: string }> {
	const names = (optionalText(context, 'binaryPropertyNames', itemIndex, what) ?? '')
		.split(',')
		.map((n) => n.trim())
		.filter((n) => n !== '');
	if (names.length === 0) throw new ItemValidationError(`${what}, field "binaryPropertyNames": name at least one binary field`);
	const files: AttachmentFile[] = [];
	const hash = createHash('sha256').update(scope);
	for (const name of names) {
		const binary = (context.getInputData()[itemIndex]?.binary ?? {})[name];
		if (!binary) {
			throw new ItemValidationError(`${what}, field "binaryPropertyNames": the item has no binary field "${name}"`);
		}
		context.helpers.assertBinaryData(itemIndex, name);
		const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, name);
		hash.update(name).update(buffer);
		files.push({ ...attachmentNameAndType(binary.fileName ?? name, binary.mimeType), data: buffer });
	}
	return { files, digest: hash.digest('hex') };
}

/**
 * Creates the attachment folder unless this execution already did. Intacct documents no "create if
 * missing", so the folder is created and a refusal of that function (most likely: it exists) is let
 * pass; create_supdoc then says whether the folder is really usable.
 */
export async function ensureFolder(client: IntacctApi, options: RequestOptions, folder: string, cache: FolderCache): Promise<void> {
	const key = `${options.entityId ?? '\u0000'}|${folder.toLowerCase()}`;
	let pending = cache.get(key);
	if (!pending) {
		pending = (async () => {
			let failure: unknown;
			try {
				await client.execute(createSupdocFolder(folder), options.entityId === undefined ? {} : { entityId: options.entityId });
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
 * Uploads the files right before their record is sent: the folder first, then create_supdoc. The
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
