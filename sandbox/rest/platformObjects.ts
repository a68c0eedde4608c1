/**
 * User-defined dimensions as the REST API serves them: platform objects under
 * `/objects/platform-apps/nsp::<integration name>` (company-configuration.md "List dimensions" gives
 * that `dimensionEndpoint`; Sage's custom-object guide: every custom object lives in platform-apps,
 * its name prefixed `nsp::`, and its `key` and `id` are always the same). Which UDDs exist is asked
 * of the company model through its own getDimensions, so a UDD record written over XML is read over
 * REST and the reverse.
 *
 * Served fields (docs/fidelity-rest.md): key = id = the record id (what GLDIM<name> takes), `name`,
 * and the audit group. Other fields of the platform object (FUNDINGSOURCE's DESCRIPTION) are not
 * served: their REST names are not in any example we have.
 */
import { ModelCalls, element } from './modelCalls';
import { auditFields, f, type RefFieldDef, type RestObjectDef } from './objects/restObjectDef';

const PREFIX = 'platform-apps/nsp::';

/** The REST object name of a user-defined dimension: FUNDINGSOURCE -> platform-apps/nsp::fundingsource
 * (lower case, as the reference's dimension list spells CHANNEL's endpoint). */
export function userDimensionObjectName(xmlObject: string): string {
	return `${PREFIX}${xmlObject.toLowerCase()}`;
}

function userDimensionDef(xmlObject: string): RestObjectDef {
	return {
		name: userDimensionObjectName(xmlObject),
		xmlObject,
		idXml: 'ID',
		nameXml: 'NAME',
		idWritable: false,
		fields: [f.str('name', 'NAME', { required: true }), ...auditFields()],
	};
}

/** The company's dimensions as the model's getDimensions lists them (objectName, objectLabel,
 * termLabel, userDefinedDimension, enabledInGL). */
export function modelDimensions(calls: ModelCalls): Array<Record<string, unknown>> {
	const outcome = calls.execute(element('getDimensions'), 'read', 'company-config/dimensions');
	const raw = outcome.kind === 'data' ? outcome.records[0]?.fields.dimension : undefined;
	return (Array.isArray(raw) ? raw : []) as Array<Record<string, unknown>>;
}

/** The company's user-defined dimensions (object names). */
export function userDimensionObjects(calls: ModelCalls): string[] {
	return modelDimensions(calls).filter((d) => d.userDefinedDimension === 'true' && typeof d.objectName === 'string').map((d) => d.objectName as string);
}

/** The platform objects of the company's user-defined dimensions. */
export function platformObjects(calls: ModelCalls): RestObjectDef[] {
	return userDimensionObjects(calls).map(userDimensionDef);
}

/** The platform object of this REST name, or undefined (not a platform object, or no such UDD).
 * The name is matched as the dimension list spells it. */
export function platformObject(calls: ModelCalls, name: string): RestObjectDef | undefined {
	if (!name.startsWith(PREFIX)) return undefined;
	return platformObjects(calls).find((def) => def.name === name);
}

/**
 * A line's user-defined dimensions as the REST line carries them: `dimensions.nsp::<name>`, a
 * reference to the UDD's platform object holding the record id the model keeps in GLDIM<NAME>
 * (accounts-payable.md bill-line example: `nsp::refcode_gl` { key, href }; Sage's UDD guide: "The
 * UDD will be included in the dimensions object along with all standard dimensions").
 */
export function userDimensionRefs(calls: ModelCalls): RefFieldDef[] {
	return userDimensionObjects(calls).map((object) => {
		const ref = userDimensionObjectName(object);
		return f.ref(`dimensions.${ref.slice('platform-apps/'.length)}`, ref, `GLDIM${object}`, undefined, { keyOnly: true });
	});
}

/** The object as this company serves it: lines that carry user-defined dimensions get one reference
 * per UDD of the company (the definition itself is the same for every company). */
export function withUserDimensions(def: RestObjectDef, calls: ModelCalls): RestObjectDef {
	if (def.userDimensions === true) {
		const refs = userDimensionRefs(calls);
		return refs.length === 0 ? def : { ...def, fields: [...def.fields, ...refs] };
	}
	if (def.lines?.object.userDimensions === true) return { ...def, lines: { ...def.lines, object: withUserDimensions(def.lines.object, calls) } };
	return def;
}
