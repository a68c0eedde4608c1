/**
 * `getDimensions` (the official SDK's DimensionsGet: `<getDimensions/>`, Platform Services "List
 * Dimensions"): the company's dimensions, standard ones first, then the user-defined dimensions
 * (§5.1). The response has no listtype and one <dimensions> element:
 * <data><dimensions><dimension><objectName>DEPARTMENT</objectName><objectLabel>Department</objectLabel>
 * <termLabel>Department</termLabel><userDefinedDimension>false</userDefinedDimension>
 * <enabledInGL>true</enabledInGL></dimension>…</dimensions></data>.
 * The user-defined dimensions are the company's one list (../user-dimensions.ts), which writes also check lines against.
 */
import type { FunctionOutcome, RenderRecord, XmlElement } from '../contract';
import { objectDef } from '../objects';
import { userDefinedDimensionObjects } from '../user-dimensions';
import type { ReadContext } from './read-context';

/** Standard dimensions the sandbox emulates, in Intacct's order, with their GLENTRY field. */
const STANDARD_DIMENSIONS: ReadonlyArray<[object: string, glEntryField: string]> = [
	['DEPARTMENT', 'DEPARTMENT'],
	['LOCATION', 'LOCATION'],
	['PROJECT', 'PROJECTID'],
	['CUSTOMER', 'CUSTOMERID'],
	['VENDOR', 'VENDORID'],
	['EMPLOYEE', 'EMPLOYEEID'],
	['ITEM', 'ITEMID'],
	['CLASS', 'CLASSID'],
];

function dimension(object: string, userDefined: boolean, enabledInGL: boolean): RenderRecord {
	const label = objectDef(object)?.label ?? object;
	return {
		objectName: object,
		objectLabel: label,
		termLabel: label,
		userDefinedDimension: String(userDefined),
		enabledInGL: String(enabledInGL),
	};
}

export function getDimensions(_rc: ReadContext, _fn: XmlElement): FunctionOutcome {
	const glFields = new Set((objectDef('GLENTRY')?.fields ?? []).map((f) => f.id));
	const records: RenderRecord[] = [
		...STANDARD_DIMENSIONS.map(([object, field]) => dimension(object, false, glFields.has(field))),
		...userDefinedDimensionObjects().map((object) => dimension(object, true, true)),
	];
	return { kind: 'data', listType: null, records: [{ element: 'dimensions', fields: { dimension: records } }], attributes: {} };
}
