/**
 * Domain data every layer and node may need: the standard dimensions a GL or bill line carries and the
 * entity override's "top level" value. No UI code here: node descriptions build their fields from it.
 */

/** The entity override's value meaning "top level" (an empty value means "the credential's entity"). */
export const TOP_LEVEL_ENTITY = 'TOP_LEVEL';

/** The dimension fields a line can carry, as the user names them, and their Intacct element per line object. */
export interface DimensionDef {
	key: string;
	displayName: string;
	/** GLENTRY element (journal entry lines) */
	glEntry: string;
	/** APBILLITEM element (bill lines) */
	billLine: string;
	/** list search method */
	search: string;
}

export const DIMENSIONS: DimensionDef[] = [
	{ key: 'departmentId', displayName: 'Department ID', glEntry: 'DEPARTMENT', billLine: 'DEPARTMENTID', search: 'searchDepartments' },
	{ key: 'locationId', displayName: 'Location ID', glEntry: 'LOCATION', billLine: 'LOCATIONID', search: 'searchLocations' },
	{ key: 'projectId', displayName: 'Project ID', glEntry: 'PROJECTID', billLine: 'PROJECTID', search: 'searchProjects' },
	{ key: 'classId', displayName: 'Class ID', glEntry: 'CLASSID', billLine: 'CLASSID', search: 'searchClasses' },
	{ key: 'customerId', displayName: 'Customer ID', glEntry: 'CUSTOMERID', billLine: 'CUSTOMERID', search: 'searchCustomers' },
	{ key: 'vendorId', displayName: 'Vendor ID', glEntry: 'VENDORID', billLine: 'VENDORID', search: 'searchVendors' },
	{ key: 'employeeId', displayName: 'Employee ID', glEntry: 'EMPLOYEEID', billLine: 'EMPLOYEEID', search: 'searchEmployees' },
	{ key: 'itemId', displayName: 'Item ID', glEntry: 'ITEMID', billLine: 'ITEMID', search: 'searchItems' },
];

/** The one namer of user-defined dimensions (§5.1): FUNDINGSOURCE or GLDIMFUNDINGSOURCE -> GLDIMFUNDINGSOURCE, the
 * field on GLENTRY and on bill and journal lines, and the key of that field in every output item. */
export function userDimensionField(name: string): string | undefined {
	const object = userDimensionObject(name);
	return object === '' ? undefined : `GLDIM${object}`;
}

/** The same namer read the other way: FUNDINGSOURCE or GLDIMFUNDINGSOURCE -> FUNDINGSOURCE, the
 * dimension's object ('' when blank). */
export function userDimensionObject(name: string): string {
	return name.trim().toUpperCase().replace(/^GLDIM/, '');
}


export function isUserDimensionField(field: string): boolean {
	return field.startsWith('GLDIM') && field.length > 5;
}
