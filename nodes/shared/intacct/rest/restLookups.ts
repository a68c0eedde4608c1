/**
 * The XML wire's lookup-style answers built from REST services (docs/rest-wire.md "Lookups over
 * REST"), so the node's code that asks them works over either wire:
 *   lookup / inspect  <- the model service (`GET /services/core/model?name=`): the object's fields
 *                        the node can name (XML names of records/restObjects.ts) that the company's
 *                        model has; for a REST object named directly, its REST paths.
 *   getDimensions     <- `GET /services/company-config/dimensions/list` (Sage's REST reference,
 *                        company-configuration.md "List dimensions").
 *   readMore          <- a resultId that carries the query service's next `start` (REST has no
 *                        readMore handle; start/size paging reaches every page the same way).
 *   a user-defined dimension's records (readByQuery of FUNDINGSOURCE) <- its platform object, the
 *                        `dimensionEndpoint` the dimension list gives (/objects/platform-apps/nsp::…).
 */
import type { IntacctRecord } from '../core/types';
import { IntacctError } from '../core/errors';
import type { RestObjectMapping } from '../records/restObjects';
import { AUDIT, ro, rw } from '../records/restFields';
import type { RestModelField } from './objectModel';
import { userDimensionFieldOfPath } from './userDimensions';
import type { JsonObject, JsonValue } from './restWire';

/** The fields a lookup over REST lists: mapped XML fields the model has (pass-through: every REST path). */
export function lookupRecord(mapping: RestObjectMapping, model: RestModelField[]): IntacctRecord {
	const byPath = new Map(model.map((f) => [f.path, f]));
	const rows = mapping.passThrough
		? model.map((f) => ({ id: f.path, field: f }))
		: mapping.fields.filter((f) => byPath.has(f.rest) || f.rest === 'key').map((f) => ({ id: f.xml, field: byPath.get(f.rest) }));
	if (mapping.userDimensions === true) {
		// The company's user-defined dimensions on the line (dimensions.nsp::<name>.key) under their XML names (GLDIM<NAME>).
		for (const f of model) {
			const id = userDimensionFieldOfPath(f.path);
			if (id !== undefined) rows.push({ id, field: f });
		}
	}
	const field = rows.map(({ id, field: f }) => ({
		ID: id,
		LABEL: id,
		DESCRIPTION: f?.path ?? 'key',
		REQUIRED: String(f?.required === true),
		READONLY: String(f?.readOnly !== false),
		DATATYPE: f === undefined ? 'TEXT' : f.type === 'boolean' ? 'BOOLEAN' : f.type === 'integer' ? 'INTEGER' : f.format === 'date' ? 'DATE' : f.format === 'date-time' ? 'TIMESTAMP' : f.type === 'number' || (f.format ?? '').startsWith('decimal') ? 'DECIMAL' : 'TEXT',
		ISCUSTOM: String(id.includes('::')),
		...(f?.enumValues ? { VALIDVALUES: { VALIDVALUE: f.enumValues } } : {}),
	}));
	return { Name: mapping.xmlObject, Fields: { Field: field } } as unknown as IntacctRecord;
}

/** inspect (no detail): the field names only. */
export function inspectRecord(mapping: RestObjectMapping, model: RestModelField[]): IntacctRecord {
	const looked = lookupRecord(mapping, model) as unknown as { Fields: { Field: Array<{ ID: string }> } };
	return { Name: mapping.xmlObject, Fields: { Field: looked.Fields.Field.map((f) => f.ID) } } as unknown as IntacctRecord;
}

function text(value: JsonValue | undefined): string {
	return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/**
 * The REST dimension list as getDimensions' answer: one record with a `dimension` list
 * (objectName, objectLabel, termLabel, userDefinedDimension, enabledInGL), plus the REST endpoint.
 */
export function dimensionsRecord(result: unknown): IntacctRecord {
	const rows = (Array.isArray(result) ? result : []).filter((r): r is JsonObject => r !== null && typeof r === 'object' && !Array.isArray(r));
	const dimension = rows.map((r) => ({
		objectName: text(r.dimensionName),
		objectLabel: text(r.dimensionLabel),
		termLabel: text(r.termName) || text(r.dimensionLabel),
		userDefinedDimension: String(r.isUserDefinedDimension === true || r.isUserDefinedDimension === 'true'),
		enabledInGL: String(r.isEnabledInGL === true || r.isEnabledInGL === 'true'),
		restEndpoint: text(r.dimensionEndpoint),
	}));
	return { dimension } as unknown as IntacctRecord;
}

/**
 * The REST object of a user-defined dimension (FUNDINGSOURCE -> platform-apps/nsp::fundingsource)
 * from the dimension list's answer: the `dimensionEndpoint` as the company spells it, or the
 * `nsp::` name Sage's examples show when the list gives none. Undefined: not a UDD of the company.
 */
export function userDimensionObject(dimensionList: unknown, xmlObject: string): string | undefined {
	const wanted = xmlObject.trim().toUpperCase();
	const rows = (Array.isArray(dimensionList) ? dimensionList : []).filter((r): r is JsonObject => r !== null && typeof r === 'object' && !Array.isArray(r));
	const row = rows.find((r) => text(r.dimensionName).toUpperCase() === wanted && (r.isUserDefinedDimension === true || r.isUserDefinedDimension === 'true'));
	if (row === undefined) return undefined;
	const endpoint = text(row.dimensionEndpoint).trim().replace(/^\/+/, '').replace(/^objects\//, '').replace(/\/+$/, '');
	return endpoint !== '' ? endpoint : `platform-apps/nsp::${wanted.toLowerCase()}`;
}

/**
 * A UDD's platform object under the XML names the node reads (ID, NAME, RECORDNO): Sage's
 * custom-object guide has `key` and `id` always the same (the record id GLDIM<name> takes); `name`
 * is the platform record's name (inferred). A company whose object lacks `name` refuses the query;
 * the locators' fallback then asks the model service (lookup) and reads the ID alone
 * (docs/fidelity-rest.md).
 */
export function userDimensionMapping(xmlObject: string, rest: string): RestObjectMapping {
	return {
		xmlObject: xmlObject.trim().toUpperCase(),
		rest,
		keyXml: 'RECORDNO',
		idXml: 'ID',
		fields: [ro('RECORDNO', 'key'), ro('ID', 'id'), rw('NAME', 'name'), ...AUDIT],
	};
}

/** Where a REST query stands between pages (readByQuery's resultId over REST). */
export interface QueryCursor {
	object: string;
	fields: string;
	query: string;
	size: number;
	start: number;
	/** The REST object the name resolved to on the first page (a user-defined dimension's platform object). */
	rest?: string;
}

const PREFIX = 'rest-query:';

export function encodeQueryCursor(cursor: QueryCursor): string {
	return PREFIX + Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function isQueryCursor(token: string): boolean {
	return token.startsWith(PREFIX);
}

export function decodeQueryCursor(token: string): QueryCursor {
	try {
		const parsed = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8')) as Partial<QueryCursor>;
		if (typeof parsed.object === 'string' && typeof parsed.start === 'number' && typeof parsed.size === 'number') {
			const cursor: QueryCursor = { object: parsed.object, fields: String(parsed.fields ?? ''), query: String(parsed.query ?? ''), size: parsed.size, start: parsed.start };
			return typeof parsed.rest === 'string' && parsed.rest !== '' ? { ...cursor, rest: parsed.rest } : cursor;
		}
	} catch {
		// fall through
	}
	throw new IntacctError({ kind: 'validation', summary: 'readMore over the REST API needs the resultId a REST readByQuery returned' });
}
