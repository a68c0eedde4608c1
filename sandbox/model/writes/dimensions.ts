/**
 * Dimension references on transaction lines (§5.2, §5.4, §12.20): each must name an existing,
 * active record the caller can see. GLENTRY uses DEPARTMENT/LOCATION, APBILLITEM DEPARTMENTID/
 * LOCATIONID; a UDD's value is the record id of that dimension (§5.1), one spec per UDD of the
 * company (../user-dimensions.ts), so every UDD a line may name has its value checked.
 */
import type { CallContext } from '../contract';
import type { Database } from '../database';
import { RULES } from '../errors';
import { visibleTo } from '../entity-visibility';
import { objectDef } from '../objects';
import type { Row } from '../store';
import { userDefinedDimensionObjects, userDimensionField } from '../user-dimensions';
import { value, type FieldInput } from './record-input';

export interface DimensionSpec {
	/** Field on the line. */
	field: string;
	object: string;
	/** Target field copied to the line as a name column. */
	nameSource: string;
	/** Name column on the line ('' = none). */
	nameField: string;
	/** The account flag that makes it required (GLACCOUNT REQUIREDEPT ...). */
	requiredBy?: string;
}

/** The company's user-defined dimensions as line specs; `named`: GLENTRY keeps the record's name (<NAME>NAME). */
function userDimensionSpecs(named: boolean): DimensionSpec[] {
	return userDefinedDimensionObjects().map((object) => ({ field: userDimensionField(object), object, nameSource: 'NAME', nameField: named ? `${object}NAME` : '' }));
}

export const GL_LINE_DIMENSIONS: DimensionSpec[] = [
	{ field: 'DEPARTMENT', object: 'DEPARTMENT', nameSource: 'TITLE', nameField: 'DEPARTMENTTITLE', requiredBy: 'REQUIREDEPT' },
	{ field: 'LOCATION', object: 'LOCATION', nameSource: 'NAME', nameField: 'LOCATIONNAME', requiredBy: 'REQUIRELOC' },
	{ field: 'PROJECTID', object: 'PROJECT', nameSource: 'NAME', nameField: 'PROJECTNAME', requiredBy: 'REQUIREPROJECT' },
	{ field: 'CLASSID', object: 'CLASS', nameSource: 'NAME', nameField: 'CLASSNAME', requiredBy: 'REQUIRECLASS' },
	{ field: 'CUSTOMERID', object: 'CUSTOMER', nameSource: 'NAME', nameField: 'CUSTOMERNAME' },
	{ field: 'VENDORID', object: 'VENDOR', nameSource: 'NAME', nameField: 'VENDORNAME' },
	{ field: 'EMPLOYEEID', object: 'EMPLOYEE', nameSource: 'PERSONALINFO.CONTACTNAME', nameField: 'EMPLOYEENAME' },
	{ field: 'ITEMID', object: 'ITEM', nameSource: 'NAME', nameField: 'ITEMNAME' },
	...userDimensionSpecs(true),
];

export const AP_LINE_DIMENSIONS: DimensionSpec[] = [
	{ field: 'DEPARTMENTID', object: 'DEPARTMENT', nameSource: 'TITLE', nameField: 'DEPARTMENTNAME', requiredBy: 'REQUIREDEPT' },
	{ field: 'LOCATIONID', object: 'LOCATION', nameSource: 'NAME', nameField: 'LOCATIONNAME', requiredBy: 'REQUIRELOC' },
	{ field: 'PROJECTID', object: 'PROJECT', nameSource: 'NAME', nameField: 'PROJECTNAME', requiredBy: 'REQUIREPROJECT' },
	{ field: 'CLASSID', object: 'CLASS', nameSource: 'NAME', nameField: 'CLASSNAME', requiredBy: 'REQUIRECLASS' },
	{ field: 'CUSTOMERID', object: 'CUSTOMER', nameSource: 'NAME', nameField: '' },
	{ field: 'VENDORID', object: 'VENDOR', nameSource: 'NAME', nameField: '' },
	{ field: 'EMPLOYEEID', object: 'EMPLOYEE', nameSource: 'PERSONALINFO.CONTACTNAME', nameField: '' },
	{ field: 'ITEMID', object: 'ITEM', nameSource: 'NAME', nameField: '' },
	...userDimensionSpecs(false),
];

/** Finds a referenced master record by its business ID (UDDs by their numeric id). */
export function findReference(db: Database, object: string, key: string): Row | undefined {
	const table = db.table(object);
	// A UDD record's id is its record number (master-data.ts).
	return userDefinedDimensionObjects().includes(object) ? table.get(Number(key)) : table.getById(key);
}

/** An active, visible record or a RuleViolation naming the field. */
export function requireReference(db: Database, ctx: CallContext, object: string, fieldId: string, key: string): Row {
	const row = findReference(db, object, key);
	const label = objectDef(object)?.label ?? object;
	if (!row || !visibleTo(ctx, row) || row.STATUS === 'inactive') throw RULES.unknownReference(label, fieldId, key);
	return row;
}

/** Validates the dimension fields of one line; returns the stored columns (IDs and names). */
export function resolveDimensions(db: Database, ctx: CallContext, specs: DimensionSpec[], line: FieldInput, account: Row): Record<string, string> {
	const out: Record<string, string> = {};
	for (const spec of specs) {
		const key = value(line, spec.field);
		if (key === undefined) {
			if (spec.requiredBy && account[spec.requiredBy] === 'true') throw RULES.required(spec.field);
			continue;
		}
		const row = requireReference(db, ctx, spec.object, spec.field, key);
		out[spec.field] = key;
		if (spec.nameField) out[spec.nameField] = row[spec.nameSource] ?? '';
	}
	return out;
}

/** The entity (LOCATIONENTITY ID) a location belongs to: itself or its nearest entity ancestor (§8). */
export function entityOfLocation(db: Database, locationId: string): string | undefined {
	const entities = db.table('LOCATIONENTITY');
	const locations = db.table('LOCATION');
	let current: string | undefined = locationId;
	for (let depth = 0; current && depth < 20; depth++) {
		if (entities.getById(current)) return current;
		current = locations.getById(current)?.PARENTID || undefined;
	}
	return undefined;
}
