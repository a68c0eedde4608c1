import { ACTIVE_STATUS, auditFields, field, recordNoField, type FieldDef, type ObjectDef } from '../schema';

function locationFields(): FieldDef[] {
	return [
		recordNoField(),
		field('LOCATIONID', 'Location ID', 'TEXT', { required: true }),
		field('NAME', 'Location name', 'TEXT', { required: true }),
		field('PARENTID', 'Parent location', 'TEXT'),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		field('CURRENCY', 'Base currency', 'TEXT'),
		...auditFields(),
	];
}

/** Locations; an entity is a location that is also a LOCATIONENTITY (§8). */
export const LOCATION: ObjectDef = {
	name: 'LOCATION',
	label: 'Location',
	idField: 'LOCATIONID',
	relationships: [],
	fields: locationFields(),
};

/** Entities of the multi-entity company (§8): their IDs are location IDs. */
export const LOCATIONENTITY: ObjectDef = {
	name: 'LOCATIONENTITY',
	label: 'Entity',
	idField: 'LOCATIONID',
	relationships: [],
	fields: locationFields(),
};
