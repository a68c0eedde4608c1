import { ACTIVE_STATUS, auditFields, field, recordNoField, type FieldDef, type ObjectDef } from '../schema';

/**
 * Location (company-console-locations.md, "Create Location" / "Update Location": LOCATIONID and NAME
 * required, PARENTID, SUPERVISORID, CONTACTINFO/CONTACTNAME, SHIPTO/CONTACTNAME, STARTDATE, ENDDATE,
 * CUSTTITLE, STATUS active|inactive; readByQuery filters STATUS T/F). CURRENCY (an entity's base
 * currency) is not on the page: read-only here, *invented* (docs/fidelity.md).
 */
function locationFields(): FieldDef[] {
	return [
		recordNoField(),
		field('LOCATIONID', 'Location ID', 'TEXT', { required: true }),
		field('NAME', 'Location name', 'TEXT', { required: true }),
		field('PARENTID', 'Parent location', 'TEXT'),
		field('SUPERVISORID', 'Manager employee ID', 'TEXT'),
		field('CONTACTINFO.CONTACTNAME', 'Primary contact name', 'TEXT'),
		field('SHIPTO.CONTACTNAME', 'Ship to contact name', 'TEXT'),
		field('STARTDATE', 'Start date', 'DATE'),
		field('ENDDATE', 'End date', 'DATE'),
		field('CUSTTITLE', 'Location title for reporting', 'TEXT'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		field('CURRENCY', 'Base currency', 'TEXT', { readonly: true, description: 'Base currency of the entity (not on the reference page)' }),
		...auditFields(),
	];
}

export const LOCATION: ObjectDef = {
	name: 'LOCATION',
	label: 'Location',
	idField: 'LOCATIONID',
	relationships: [],
	fields: locationFields(),
};

/**
 * Entities of a multi-entity company (company-console-entities.md): lookup, query (LOCATIONID, NAME,
 * RECORDNO), readByQuery (STATUS T/F), read, readByName by LOCATIONID. The page documents no generic
 * create, update or delete: the sandbox refuses them (entities are set up in the UI).
 */
export const LOCATIONENTITY: ObjectDef = {
	name: 'LOCATIONENTITY',
	label: 'Entity',
	idField: 'LOCATIONID',
	relationships: [],
	writes: [],
	fields: locationFields(),
};
