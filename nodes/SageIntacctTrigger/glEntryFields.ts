/**
 * The GL entry fields the trigger's document template carries, and how each becomes an output field.
 * One table, used by the template generator, the payload parser and the enrichment step.
 * Field names follow GLENTRY reads (intacct-xml-api.md §6.2); department and location are
 * DEPARTMENT and LOCATION on GLENTRY (no ID suffix, §5.2), the other dimensions end in ID.
 * Only fields a real company's GLENTRY has (docs/fidelity.md "General ledger"): no JOURNAL and no
 * MEGAENTITYID. The journal comes from the entry's GLBATCH (handleDelivery), the entity from the session.
 */

export type FieldKind = 'integer' | 'decimal' | 'text' | 'date' | 'timestamp' | 'trType';

export interface GlEntryField {
	/** GLENTRY field name (also the key in the template's "record" object). */
	field: string;
	/** Key in the output item; dimension fields go under `dimensions`. */
	output: string;
	kind: FieldKind;
	dimension?: boolean;
}

export const GL_ENTRY_FIELDS: readonly GlEntryField[] = [
	{ field: 'RECORDNO', output: 'recordNo', kind: 'integer' },
	{ field: 'BATCHNO', output: 'batchKey', kind: 'integer' },
	{ field: 'BATCH_NUMBER', output: 'batchNumber', kind: 'integer' },
	{ field: 'BATCHTITLE', output: 'batchTitle', kind: 'text' },
	{ field: 'LINE_NO', output: 'lineNo', kind: 'integer' },
	{ field: 'ACCOUNTNO', output: 'accountNo', kind: 'text' },
	{ field: 'ACCOUNTTITLE', output: 'accountTitle', kind: 'text' },
	{ field: 'TR_TYPE', output: 'trType', kind: 'trType' },
	{ field: 'AMOUNT', output: 'amount', kind: 'decimal' },
	{ field: 'TRX_AMOUNT', output: 'transactionAmount', kind: 'decimal' },
	{ field: 'CURRENCY', output: 'currency', kind: 'text' },
	{ field: 'ENTRY_DATE', output: 'entryDate', kind: 'date' },
	{ field: 'BATCH_DATE', output: 'batchDate', kind: 'date' },
	{ field: 'STATE', output: 'state', kind: 'text' },
	{ field: 'DESCRIPTION', output: 'description', kind: 'text' },
	{ field: 'DOCUMENT', output: 'document', kind: 'text' },
	{ field: 'DEPARTMENT', output: 'departmentId', kind: 'text', dimension: true },
	{ field: 'LOCATION', output: 'locationId', kind: 'text', dimension: true },
	{ field: 'CLASSID', output: 'classId', kind: 'text', dimension: true },
	{ field: 'PROJECTID', output: 'projectId', kind: 'text', dimension: true },
	{ field: 'CUSTOMERID', output: 'customerId', kind: 'text', dimension: true },
	{ field: 'VENDORID', output: 'vendorId', kind: 'text', dimension: true },
	{ field: 'EMPLOYEEID', output: 'employeeId', kind: 'text', dimension: true },
	{ field: 'ITEMID', output: 'itemId', kind: 'text', dimension: true },
	{ field: 'WHENCREATED', output: 'createdAt', kind: 'timestamp' },
	{ field: 'WHENMODIFIED', output: 'modifiedAt', kind: 'timestamp' },
];

/** Intacct names a user-defined dimension's field on GLENTRY `GLDIM<NAME>`. */
export function userDimensionField(name: string): string | undefined {
	const cleaned = name.trim().toUpperCase().replace(/^GLDIM/, '');
	return cleaned === '' ? undefined : `GLDIM${cleaned}`;
}

/** The template fields for a given user-defined dimension name (empty: none). */
export function templateFields(userDimension: string): GlEntryField[] {
	const udd = userDimensionField(userDimension);
	const fields = [...GL_ENTRY_FIELDS];
	if (udd !== undefined) {
		// Keep the dimension next to the standard ones, before the entity and timestamps.
		const at = fields.findIndex((f) => f.field === 'WHENCREATED');
		fields.splice(at, 0, { field: udd, output: udd, kind: 'text', dimension: true });
	}
	return fields;
}
