import { ACTIVE_STATUS, auditFields, field, recordNoField, type ObjectDef } from '../schema';
import { contactFields } from './contact-fields';

/** Minimal CONTACT: the record VENDOR/CUSTOMER DISPLAYCONTACT points at (§6.4). */
export const CONTACT: ObjectDef = {
	name: 'CONTACT',
	label: 'Contact',
	idField: 'CONTACTNAME',
	relationships: [],
	fields: [recordNoField(), ...contactFields(''), field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }), ...auditFields()],
};
