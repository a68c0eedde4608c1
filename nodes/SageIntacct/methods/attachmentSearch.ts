/**
 * Resource-locator lists of attachments and attachment folders: Intacct serves them only through the
 * legacy get_list (Sage's Attachments page), so the typed text is matched here on up to 500 of
 * them, in ID / name order, without the files' data.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { getClient } from '../../shared/intacct/n8n/client';
import { fieldText } from '../../shared/intacct/xml/responseReader';
import { listSupdocRecords, type SupdocObject } from '../../shared/intacct/xml/attachments';

async function searchLegacy(context: ILoadOptionsFunctions, object: SupdocObject, idField: string, nameField: string, filter?: string): Promise<INodeListSearchResult> {
	const result = await getClient(context).execute(listSupdocRecords({ object, start: 0, maxItems: 500, fields: [idField, nameField], sortBy: idField }));
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: result.records
			.map((record) => ({ id: fieldText(record[idField]) ?? '', name: fieldText(record[nameField]) ?? '' }))
			.filter((r) => r.id !== '' && (needle === '' || r.id.toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle)))
			.map((r) => ({ name: r.name && r.name !== r.id ? `${r.id} - ${r.name}` : r.id, value: r.id })),
	};
}

export async function searchAttachments(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchLegacy(this, 'supdoc', 'supdocid', 'supdocname', filter);
}

export async function searchAttachmentFolders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchLegacy(this, 'supdocfolder', 'name', 'description', filter);
}
