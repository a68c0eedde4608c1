/**
 * The GL entry fields a GL entry item carries: the webhook trigger's document template, the poll
 * trigger's default selection. Their output names and kinds come from the one field table (fields.ts),
 * so Get/Get Many, the poll trigger and the webhook trigger emit the same item (glEntryItem.ts).
 * Field names follow GLENTRY reads (intacct-xml-api.md §6.2); department and location are
 * DEPARTMENT and LOCATION on GLENTRY (no ID suffix, §5.2), the other dimensions end in ID.
 * Only fields a real company's GLENTRY has (docs/fidelity.md "General ledger"): no JOURNAL and no
 * MEGAENTITYID. The journal comes from the entry's GLBATCH (handleDelivery), the entity from the session.
 */
import { userDimensionField } from './dimensions';

export interface GlEntryField {
	/** GLENTRY field name (also the key in the template's "record" object). */
	field: string;
	dimension?: boolean;
}

export const GL_ENTRY_FIELDS: readonly GlEntryField[] = [
	{ field: 'RECORDNO' },
	{ field: 'BATCHNO' },
	{ field: 'BATCH_NUMBER' },
	{ field: 'BATCHTITLE' },
	{ field: 'LINE_NO' },
	{ field: 'ACCOUNTNO' },
	{ field: 'ACCOUNTTITLE' },
	{ field: 'TR_TYPE' },
	{ field: 'AMOUNT' },
	{ field: 'TRX_AMOUNT' },
	{ field: 'CURRENCY' },
	{ field: 'ENTRY_DATE' },
	{ field: 'BATCH_DATE' },
	{ field: 'STATE' },
	{ field: 'DESCRIPTION' },
	{ field: 'DOCUMENT' },
	{ field: 'DEPARTMENT', dimension: true },
	{ field: 'LOCATION', dimension: true },
	{ field: 'CLASSID', dimension: true },
	{ field: 'PROJECTID', dimension: true },
	{ field: 'CUSTOMERID', dimension: true },
	{ field: 'VENDORID', dimension: true },
	{ field: 'EMPLOYEEID', dimension: true },
	{ field: 'ITEMID', dimension: true },
	{ field: 'WHENCREATED' },
	{ field: 'WHENMODIFIED' },
];

/** The template fields for a given user-defined dimension name (empty: none). */
export function templateFields(userDimension: string): GlEntryField[] {
	const udd = userDimensionField(userDimension);
	const fields = [...GL_ENTRY_FIELDS];
	if (udd !== undefined) {
		// Keep the dimension next to the standard ones, before the timestamps.
		const at = fields.findIndex((f) => f.field === 'WHENCREATED');
		fields.splice(at, 0, { field: udd, dimension: true });
	}
	return fields;
}
