/**
 * The company's user-defined dimensions (§5.1): the one list that getDimensions answers, the REST
 * wire serves as `dimensions.nsp::<name>` (sandbox/rest/platformObjects.ts) and every write checks a
 * line's GLDIM<NAME> fields against (writes/user-dimension-fields.ts). A UDD is a GLDIM<NAME> field
 * of GLENTRY whose <NAME> is an emulated object (FUNDINGSOURCE).
 */
import { objectDef } from './objects';

const PREFIX = 'GLDIM';

let objects: readonly string[] | undefined;

/** The user-defined dimensions' object names, in GLENTRY's field order (the object tables are fixed: read once, as every line's references ask). */
export function userDefinedDimensionObjects(): readonly string[] {
	objects ??= (objectDef('GLENTRY')?.fields ?? [])
		.filter((f) => f.id.startsWith(PREFIX))
		.map((f) => f.id.slice(PREFIX.length))
		.filter((name) => objectDef(name) !== undefined);
	return objects;
}

/** The line field of a user-defined dimension: FUNDINGSOURCE -> GLDIMFUNDINGSOURCE. */
export function userDimensionField(object: string): string {
	return `${PREFIX}${object}`;
}

/** Whether `name` (any case) is spelled like a user-defined dimension's line field. */
export function looksLikeUserDimension(name: string): boolean {
	return name.toUpperCase().startsWith(PREFIX);
}

/** Whether `name` is the line field of one of the company's user-defined dimensions. */
export function isUserDimensionField(name: string): boolean {
	const upper = name.trim().toUpperCase();
	return looksLikeUserDimension(upper) && userDefinedDimensionObjects().includes(upper.slice(PREFIX.length));
}
