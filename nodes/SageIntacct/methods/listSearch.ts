/**
 * Resource-locator lists (n8n-nodes.md §5). Each search runs readByQuery with the typed text matched
 * against the ID and the name, 100 rows per call; `paginationToken` carries Intacct's readMore
 * resultId, so the list pages past 1,000 rows as far as the user scrolls.
 */
import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import type { IntacctRecord } from '../transport/types';
import { readByQuery, readMore } from '../transport/functions';
import { getClient } from '../helpers/client';
import { quote } from '../helpers/reads';
import { TOP_LEVEL_ENTITY } from '../actions/common.descriptions';

interface ListDef {
	object: string;
	idField: string;
	/** Field with the display name (dotted = nested in readByQuery output). */
	nameField: string;
	/** Extra condition, e.g. active only. */
	where?: string;
}

const PAGE_SIZE = 100;

function text(record: IntacctRecord, path: string): string {
	let value: unknown = record;
	for (const part of path.split('.')) {
		value = value && typeof value === 'object' && !Array.isArray(value) ? (value as IntacctRecord)[part] : undefined;
	}
	return typeof value === 'string' ? value : '';
}

async function search(
	context: ILoadOptionsFunctions,
	def: ListDef,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const client = getClient(context);
	let result;
	if (paginationToken) {
		result = await client.execute(readMore(paginationToken));
	} else {
		const conditions: string[] = [];
		if (def.where) conditions.push(def.where);
		const typed = (filter ?? '').trim();
		if (typed !== '') {
			const pattern = quote(`%${typed}%`);
			const nameCondition = def.nameField.includes('.') ? '' : ` OR ${def.nameField} LIKE ${pattern}`;
			conditions.push(`(${def.idField} LIKE ${pattern}${nameCondition})`);
		}
		result = await client.execute(
			readByQuery({
				object: def.object,
				fields: [def.idField, def.nameField],
				query: conditions.join(' AND '),
				pageSize: PAGE_SIZE,
			}),
		);
	}
	const results: INodeListSearchItems[] = result.records.map((record) => {
		const id = text(record, def.idField);
		const name = text(record, def.nameField);
		return { name: name && name !== id ? `${id} - ${name}` : id, value: id };
	});
	return {
		results,
		paginationToken: result.resultId && (result.numRemaining ?? 0) > 0 ? result.resultId : undefined,
	};
}

const ACTIVE = "STATUS = 'T'";

const lists = {
	searchAccounts: { object: 'GLACCOUNT', idField: 'ACCOUNTNO', nameField: 'TITLE', where: ACTIVE },
	searchJournals: { object: 'GLJOURNAL', idField: 'SYMBOL', nameField: 'TITLE', where: ACTIVE },
	searchVendors: { object: 'VENDOR', idField: 'VENDORID', nameField: 'NAME', where: ACTIVE },
	searchCustomers: { object: 'CUSTOMER', idField: 'CUSTOMERID', nameField: 'NAME', where: ACTIVE },
	searchDepartments: { object: 'DEPARTMENT', idField: 'DEPARTMENTID', nameField: 'TITLE', where: ACTIVE },
	searchLocations: { object: 'LOCATION', idField: 'LOCATIONID', nameField: 'NAME', where: ACTIVE },
	searchClasses: { object: 'CLASS', idField: 'CLASSID', nameField: 'NAME', where: ACTIVE },
	searchProjects: { object: 'PROJECT', idField: 'PROJECTID', nameField: 'NAME', where: ACTIVE },
	searchEmployees: { object: 'EMPLOYEE', idField: 'EMPLOYEEID', nameField: 'PERSONALINFO.CONTACTNAME', where: ACTIVE },
	searchItems: { object: 'ITEM', idField: 'ITEMID', nameField: 'NAME', where: ACTIVE },
} satisfies Record<string, ListDef>;

type ListSearchMethod = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

function listSearchMethod(def: ListDef): ListSearchMethod {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, def, filter, paginationToken);
	};
}

/** Entities (LOCATIONENTITY), led by the top level on the first page. */
async function searchEntities(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await search(this, { object: 'LOCATIONENTITY', idField: 'LOCATIONID', nameField: 'NAME' }, filter, paginationToken);
	if (!paginationToken && (!filter || 'top level'.includes(filter.trim().toLowerCase()))) {
		page.results.unshift({ name: 'Top Level (All Entities)', value: TOP_LEVEL_ENTITY });
	}
	return page;
}

export const listSearch: Record<string, ListSearchMethod> = {
	...Object.fromEntries(Object.entries(lists).map(([name, def]) => [name, listSearchMethod(def)])),
	searchEntities,
};
