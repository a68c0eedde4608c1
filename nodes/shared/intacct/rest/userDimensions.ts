/**
 * User-defined dimensions on lines over REST (docs/rest-wire.md "User-defined dimensions"). The XML
 * wire's line field GLDIM<NAME> (the UDD record id) is the REST line's `dimensions.nsp::<name>`
 * reference, read back as { key, href } (accounts-payable.md bill-line examples: `nsp::refcode_gl`
 * { key: "10004", href: "/objects/platform-apps/nsp::refcode_gl/10004" }; a custom object's key and
 * id are the same, Sage's custom-object guide). The field tables write the name lower-case; Sage's UDD
 * guide says the REST name keeps the capitalisation the UDD was created with, which the dimension
 * list's `dimensionEndpoint` carries, so the client respells each name as the company's list spells
 * it before sending (respellUserDimensions) and reads answers whatever their case (translate.ts).
 */
import { isUserDimensionField, userDimensionObject } from '../records/dimensions';
import type { RestFieldMapping } from '../records/restFields';
import type { JsonObject, JsonValue } from './restWire';

const PREFIX = 'nsp::';

/** GLDIMFUNDINGSOURCE -> dimensions.nsp::fundingsource.key; undefined for any other field. */
export function userDimensionPath(xmlField: string): string | undefined {
	const upper = xmlField.trim().toUpperCase();
	if (!isUserDimensionField(upper)) return undefined;
	return `dimensions.${PREFIX}${userDimensionObject(upper).toLowerCase()}.key`;
}

/** The field mapping of a line's GLDIM<NAME> field, or undefined when it is not one. */
export function userDimensionFieldMapping(xmlField: string): RestFieldMapping | undefined {
	const rest = userDimensionPath(xmlField);
	return rest === undefined ? undefined : { xml: xmlField.trim().toUpperCase(), rest };
}

/** A REST model path of a line's UDD key (dimensions.nsp::FundingSource.key) -> GLDIMFUNDINGSOURCE. */
export function userDimensionFieldOfPath(path: string): string | undefined {
	const m = /^dimensions\.nsp::([^.]+)\.key$/i.exec(path);
	return m ? `GLDIM${m[1].toUpperCase()}` : undefined;
}

function text(value: JsonValue | undefined): string {
	return typeof value === 'string' ? value : '';
}

/**
 * The company's spelling of each UDD's REST name, by its lower-case form, from the dimension list's
 * `dimensionEndpoint` (/objects/platform-apps/nsp::FundingSource). A UDD without an endpoint keeps
 * the lower-case name the tables write.
 */
export function userDimensionSpellings(dimensionList: unknown): Map<string, string> {
	const spellings = new Map<string, string>();
	for (const row of Array.isArray(dimensionList) ? dimensionList : []) {
		if (row === null || typeof row !== 'object' || Array.isArray(row)) continue;
		const r = row as JsonObject;
		if (r.isUserDefinedDimension !== true && r.isUserDefinedDimension !== 'true') continue;
		const m = /nsp::([^/?#]+)\/*$/i.exec(text(r.dimensionEndpoint).trim());
		if (m) spellings.set(m[1].toLowerCase(), m[1]);
	}
	return spellings;
}

const PATH_NAME = /(^|\.)dimensions\.nsp::([^.]+)/gi;

/** Whether a request body names a line's user-defined dimension (a `dimensions` member or query path). */
export function namesUserDimension(body: unknown): boolean {
	if (typeof body === 'string') return /(^|\.)dimensions\.nsp::/i.test(body);
	if (Array.isArray(body)) return body.some(namesUserDimension);
	if (body === null || typeof body !== 'object') return false;
	return Object.entries(body as JsonObject).some(
		([key, value]) => (key === 'dimensions' && value !== null && typeof value === 'object' && Object.keys(value).some((k) => k.toLowerCase().startsWith(PREFIX))) || /(^|\.)dimensions\.nsp::/i.test(key) || namesUserDimension(value),
	);
}

/**
 * A request body with each UDD name spelled as the company spells it: members of a `dimensions`
 * object (writes), dotted paths in object keys (filters, orderBy) and in `fields` (query service).
 * Names the company does not have are left as given (Intacct refuses them, naming the field).
 */
export function respellUserDimensions(body: JsonValue, spellings: ReadonlyMap<string, string>, parent = ''): JsonValue {
	const name = (n: string): string => spellings.get(n.toLowerCase()) ?? n;
	const path = (p: string): string => p.replace(PATH_NAME, (_all, lead: string, n: string) => `${lead}dimensions.${PREFIX}${name(n)}`);
	if (typeof body === 'string') return parent === 'fields' ? path(body) : body;
	if (Array.isArray(body)) return body.map((v) => respellUserDimensions(v, spellings, parent));
	if (body === null || typeof body !== 'object') return body;
	const out: JsonObject = {};
	for (const [key, value] of Object.entries(body)) {
		const spelled = parent === 'dimensions' && key.toLowerCase().startsWith(PREFIX) ? `${PREFIX}${name(key.slice(PREFIX.length))}` : path(key);
		out[spelled] = respellUserDimensions(value, spellings, key);
	}
	return out;
}
