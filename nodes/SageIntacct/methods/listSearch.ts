/**
 * Resource-locator lists (n8n's `methods.listSearch`). Each search runs readByQuery with the typed text matched
 * against the ID and the name, 100 rows per call; `paginationToken` carries Intacct's readMore
 * resultId, so the list pages past 1,000 rows as far as the user scrolls.
 *
 * The fields asked for are the ones Sage's reference documents for each object (docs/fidelity.md,
 * "Master data and dimensions"). Where the reference is thin (STATUS on tax details and checking
 * accounts, an employee's PERSONALINFO.CONTACTNAME, the journals page we do not have) and the company
 * refuses the read, the search asks `lookup` which fields the object has and searches again with
 * those only (no active-only filter, the ID as the name if need be): the list still fills.
 */
import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import type { IntacctApi, IntacctRecord } from '../../shared/intacct/core/types';
import { legacyFunction, lookup, readByQuery, readMore } from '../../shared/intacct/xml/functions';
import { isIntacctError } from '../../shared/intacct/core/errors';
import { toN8nError } from '../../shared/intacct/n8n/errors';
import { asRecords, fieldText } from '../../shared/intacct/xml/responseReader';
import { getClient } from '../../shared/intacct/n8n/client';
import { quote } from '../../shared/intacct/n8n/reads';
import { TOP_LEVEL_ENTITY, userDimensionObject } from '../../shared/intacct/records/dimensions';

interface ListDef {
	object: string;
	idField: string;
	/** Field with the display name (dotted = nested in readByQuery output). */
	nameField: string;
	/** Only active records (STATUS = 'T', the readByQuery code the reference pages give). */
	activeOnly?: boolean;
}

const PAGE_SIZE = 100;

function text(record: IntacctRecord, path: string): string {
	let value: unknown = record;
	for (const part of path.split('.')) {
		if (!value || typeof value !== 'object' || Array.isArray(value)) return '';
		const record = value as IntacctRecord;
		// Platform objects (user-defined dimensions) may answer with lower-case field names.
		value = part in record ? record[part] : record[Object.keys(record).find((k) => k.toUpperCase() === part) ?? part];
	}
	return typeof value === 'string' ? value : '';
}

async function searchOnce(
	client: IntacctApi,
	def: ListDef,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	let result;
	if (paginationToken) {
		result = await client.execute(readMore(paginationToken));
	} else {
		const conditions: string[] = [];
		if (def.activeOnly) conditions.push("STATUS = 'T'");
		const typed = (filter ?? '').trim();
		if (typed !== '') {
			const pattern = quote(`%${typed}%`);
			const nameCondition = def.nameField.includes('.') || def.nameField === def.idField ? '' : ` OR ${def.nameField} LIKE ${pattern}`;
			conditions.push(`(${def.idField} LIKE ${pattern}${nameCondition})`);
		}
		result = await client.execute(
			readByQuery({
				object: def.object,
				fields: def.nameField === def.idField ? [def.idField] : [def.idField, def.nameField],
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

/** The object's field IDs as `lookup` lists them, upper case; undefined when lookup itself fails. */
async function lookupFieldIds(client: IntacctApi, object: string): Promise<Set<string> | undefined> {
	try {
		const [type] = (await client.execute(lookup(object))).records;
		const fields = type?.Fields;
		if (fields === undefined || typeof fields === 'string' || Array.isArray(fields)) return undefined;
		return new Set(asRecords(fields.Field).map((f) => (fieldText(f.ID) ?? '').trim().toUpperCase()));
	} catch {
		return undefined;
	}
}

/**
 * The search narrowed to the fields the company has (`known`, from lookup; undefined: unknown, so
 * the ID alone and no status filter). Returns `def` itself when nothing would change.
 */
export function narrowToKnownFields<T extends ListDef>(def: T, known: ReadonlySet<string> | undefined): T {
	const has = (id: string): boolean => known !== undefined && known.has(id.toUpperCase());
	const nameField = has(def.nameField) ? def.nameField : def.idField;
	const activeOnly = def.activeOnly === true && has('STATUS');
	if (nameField === def.nameField && activeOnly === (def.activeOnly === true)) return def;
	return { ...def, nameField, activeOnly };
}

async function search(
	context: ILoadOptionsFunctions,
	def: ListDef,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const client = getClient(context);
	let refused: unknown;
	try {
		return await searchOnce(client, def, filter, paginationToken);
	} catch (error) {
		// Only a refused read (Query Failed: a field this company does not have) is asked about again.
		if (paginationToken || !isIntacctError(error) || error.kind !== 'result') throw toN8nError(context.getNode(), error);
		refused = error;
	}
	const narrowed = narrowToKnownFields(def, await lookupFieldIds(client, def.object));
	if (narrowed === def) throw toN8nError(context.getNode(), refused);
	try {
		return await searchOnce(client, narrowed, filter, undefined);
	} catch (error) {
		throw toN8nError(context.getNode(), error);
	}
}

const ACTIVE = true;

const lists = {
	searchAccounts: { object: 'GLACCOUNT', idField: 'ACCOUNTNO', nameField: 'TITLE', activeOnly: ACTIVE },
	searchJournals: { object: 'GLJOURNAL', idField: 'SYMBOL', nameField: 'TITLE', activeOnly: ACTIVE },
	searchVendors: { object: 'VENDOR', idField: 'VENDORID', nameField: 'NAME', activeOnly: ACTIVE },
	searchCustomers: { object: 'CUSTOMER', idField: 'CUSTOMERID', nameField: 'NAME', activeOnly: ACTIVE },
	searchDepartments: { object: 'DEPARTMENT', idField: 'DEPARTMENTID', nameField: 'TITLE', activeOnly: ACTIVE },
	searchLocations: { object: 'LOCATION', idField: 'LOCATIONID', nameField: 'NAME', activeOnly: ACTIVE },
	searchClasses: { object: 'CLASS', idField: 'CLASSID', nameField: 'NAME', activeOnly: ACTIVE },
	searchProjects: { object: 'PROJECT', idField: 'PROJECTID', nameField: 'NAME', activeOnly: ACTIVE },
	searchEmployees: { object: 'EMPLOYEE', idField: 'EMPLOYEEID', nameField: 'PERSONALINFO.CONTACTNAME', activeOnly: ACTIVE },
	searchItems: { object: 'ITEM', idField: 'ITEMID', nameField: 'NAME', activeOnly: ACTIVE },
	searchTaxDetails: { object: 'TAXDETAIL', idField: 'DETAILID', nameField: 'DESCRIPTION', activeOnly: ACTIVE },
	searchBankAccounts: { object: 'CHECKINGACCOUNT', idField: 'BANKACCOUNTID', nameField: 'DESCRIPTION', activeOnly: ACTIVE },
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

interface UserDefinedDimension {
	/** Object integration name, e.g. FUNDINGSOURCE (the line field is GLDIM<name>). */
	object: string;
	label: string;
}

/** A field of a record whatever the casing Intacct used (platform objects may answer in lower case). */
function anyCase(record: IntacctRecord, field: string): string {
	const key = Object.keys(record).find((k) => k.toUpperCase() === field.toUpperCase());
	return (key !== undefined ? fieldText(record[key]) : undefined)?.trim() ?? '';
}

/** The company's user-defined dimensions, from getDimensions (Platform Services "List Dimensions"). */
async function userDefinedDimensions(context: ILoadOptionsFunctions): Promise<UserDefinedDimension[]> {
	const result = await getClient(context).execute(legacyFunction('getDimensions', {}));
	return result.records
		.flatMap((wrapper) => asRecords(wrapper.dimension ?? wrapper.DIMENSION))
		.filter((d) => anyCase(d, 'userDefinedDimension').toLowerCase() === 'true')
		.map((d) => ({ object: anyCase(d, 'objectName'), label: anyCase(d, 'termLabel') || anyCase(d, 'objectLabel') }))
		.filter((d) => d.object !== '');
}

/** FUNDINGSOURCE, GLDIMFUNDINGSOURCE or a locator holding either -> FUNDINGSOURCE ('' when unknown or an expression). */
export function dimensionObject(value: unknown): string {
	const inner = value !== null && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
	if (typeof inner !== 'string' || inner.startsWith('=')) return '';
	return userDimensionObject(inner);
}

/**
 * User-defined dimensions of the company (value: the object name). If getDimensions is refused
 * (an older or restricted company), the typed text is offered as it is.
 */
async function searchUserDefinedDimensions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const typed = (filter ?? '').trim();
	let dimensions: UserDefinedDimension[];
	try {
		dimensions = await userDefinedDimensions(this);
	} catch (error) {
		if (!isIntacctError(error) || error.kind !== 'result') throw toN8nError(this.getNode(), error);
		const name = dimensionObject(typed);
		return { results: name === '' ? [] : [{ name, value: name }] };
	}
	const needle = typed.toLowerCase();
	return {
		results: dimensions
			.filter((d) => needle === '' || d.object.toLowerCase().includes(needle) || d.label.toLowerCase().includes(needle))
			.map((d) => ({ name: d.label && d.label.toUpperCase() !== d.object.toUpperCase() ? `${d.label} (${d.object})` : d.object, value: d.object })),
	};
}

/** Where a search across every UDD stands: which dimension, and its readMore handle if any. */
interface AcrossToken {
	dimension: number;
	resultId?: string;
}

function parseAcrossToken(token: string): AcrossToken | undefined {
	try {
		const parsed = JSON.parse(token) as Partial<AcrossToken>;
		return typeof parsed.dimension === 'number' ? { dimension: parsed.dimension, resultId: parsed.resultId } : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Values of a user-defined dimension: its records, value = the record's id (what GLDIM<name>
 * takes, §5.1), 100 per page, paging with readMore. The dimension is the line's sibling "name"
 * parameter (read relative to this parameter's path); when that is unknown (empty or an
 * expression), every UDD is searched, one after the other, labelled "FUNDINGSOURCE: 10003 - State".
 */
async function searchUserDefinedDimensionValues(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	let chosen = '';
	try {
		chosen = dimensionObject(this.getCurrentNodeParameter('&name'));
	} catch {
		chosen = '';
	}
	const def = (object: string): ListDef => ({ object, idField: 'ID', nameField: 'NAME' });
	if (chosen !== '' && !(paginationToken ?? '').startsWith('{')) return await search(this, def(chosen), filter, paginationToken);

	const dimensions = await userDefinedDimensions(this);
	const at = paginationToken ? parseAcrossToken(paginationToken) : { dimension: 0 };
	if (!at || at.dimension >= dimensions.length) return { results: [] };
	const dimension = dimensions[at.dimension];
	const page = await search(this, def(dimension.object), filter, at.resultId);
	let next: AcrossToken | undefined;
	if (page.paginationToken) next = { dimension: at.dimension, resultId: page.paginationToken };
	else if (at.dimension + 1 < dimensions.length) next = { dimension: at.dimension + 1 };
	return {
		results: page.results.map((r) => ({ ...r, name: `${dimension.object}: ${r.name}` })),
		paginationToken: next ? JSON.stringify(next) : undefined,
	};
}

export const listSearch: Record<string, ListSearchMethod> = {
	...Object.fromEntries(Object.entries(lists).map(([name, def]) => [name, listSearchMethod(def)])),
	searchEntities,
	searchUserDefinedDimensions,
	searchUserDefinedDimensionValues,
};
