/**
 * The documented field list of a write (docs/fidelity.md, "Writes and errors"): a create/update may
 * name only fields the object has (its field table) or the reference documents for that function, and
 * never a read-only field. Intacct refuses the others; the sandbox must not accept them silently.
 */
import { RULES } from '../errors';
import { fieldDef } from '../objects';
import type { ObjectDef } from '../schema';
import { isUserDimensionField, looksLikeUserDimension } from '../user-dimensions';
import type { FieldInput } from './record-input';

/**
 * Fields the reference documents for create/update that the object's read field table does not list
 * (general-ledger-journal-entries.md, "Create Journal Entry" and "Update Journal Entry" parameter tables).
 */
const WRITE_ONLY: Record<string, readonly string[]> = {
	GLBATCH: ['TAXIMPLICATIONS', 'VATVENDORID', 'VATCUSTOMERID', 'VATCONTACTID', 'TAXSOLUTIONID'],
	GLENTRY: [
		'EXCH_RATE_DATE',
		'EXCH_RATE_TYPE_ID',
		'EXCHANGE_RATE',
		'ALLOCATION',
		'TASKID',
		'COSTTYPEID',
		'CONTRACTID',
		'WAREHOUSEID',
		'BILLABLE',
		'SPLIT',
		'TAXENTRIES',
	],
};

/**
 * Nested documented groups (SPLIT.AMOUNT, TAXENTRIES.TAXENTRY.TRX_TAX, the object's `writeOnly`
 * lists such as CUSTOMER CUSTOMERCONTACTS) are accepted by their first part; GLDIM<NAME> only on a
 * line object that carries user-defined dimensions, and only for one the company has (GLDIM<anything
 * else>, or a UDD on a header or master record, is as unknown as any other field).
 */
function documented(def: ObjectDef, name: string): boolean {
	const head = name.split('.')[0];
	return (WRITE_ONLY[def.name] ?? []).includes(head) || (def.writeOnly ?? []).includes(head) || (carriesUserDimensions(def) && isUserDimensionField(name));
}

function carriesUserDimensions(def: ObjectDef): boolean {
	return def.fields.some((f) => looksLikeUserDimension(f.id));
}

/**
 * Throws the first unknown or read-only field of `input` (RECORDNO is the key of an update, and so is
 * the business ID when it is read-only).
 */
export function checkWriteFields(def: ObjectDef, input: FieldInput, verb: 'create' | 'update', lineNo?: number): void {
	const where = lineNo === undefined ? '' : ` (entry line ${lineNo})`;
	for (const name of input.keys()) {
		if (verb === 'update' && (name === 'RECORDNO' || name === def.idField)) continue;
		const f = fieldDef(def, name);
		if (f === undefined) {
			if (documented(def, name)) continue;
			throw RULES.unknownField(def.name, name, where);
		}
		// Dimension and field IDs the reference lists as writable although our read table marks them computed.
		if (f.readonly && !documented(def, name)) throw RULES.readonlyField(def.name, name, where);
	}
}
