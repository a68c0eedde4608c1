import { ACTIVE_STATUS, auditFields, enumValues, field, recordNoField, type ObjectDef } from '../schema';

export const ITEM: ObjectDef = {
	name: 'ITEM',
	label: 'Item',
	idField: 'ITEMID',
	relationships: [],
	fields: [
		recordNoField(),
		field('ITEMID', 'Item ID', 'TEXT', { required: true }),
		field('NAME', 'Item name', 'TEXT', { required: true }),
		field('ITEMTYPE', 'Item type', 'ENUM', {
			validValues: enumValues([
				['Non-Inventory', 'NI'],
				['Non-Inventory (Purchase only)', 'NP'],
				['Non-Inventory (Sales only)', 'NS'],
			]),
		}),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		...auditFields(),
	],
};
