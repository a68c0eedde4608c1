/**
 * Generic records (<ARINVOICE>…</ARINVOICE>, built from a REST body by recordMapping.ts) as the model
 * functions that write those objects (create_invoice, update_invoice, record_deposit,
 * record_cctransaction), elements in api.xsd's order, so REST writes meet the XML API's own rules.
 */
import type { XmlElement } from '../../model/contract';

/** [legacy element, model field, 'date' when the model field is mm/dd/yyyy]. */
export type LegacySpec = ReadonlyArray<readonly [string, string, 'date'?]>;

export function el(name: string, content: string | XmlElement[] = '', attributes: Record<string, string> = {}): XmlElement {
	return typeof content === 'string' ? { name, attributes, children: [], text: content } : { name, attributes, children: content, text: '' };
}

export function fieldText(record: XmlElement, name: string): string | undefined {
	const child = record.children.find((c) => c.name === name);
	return child === undefined || child.children.length > 0 ? undefined : child.text;
}

/** mm/dd/yyyy -> <year/><month/><day/> (anything else is passed on for the model to refuse). */
function dateBlock(name: string, us: string): XmlElement {
	const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(us);
	return m ? el(name, [el('year', m[3]), el('month', m[1]), el('day', m[2])]) : el(name, us);
}

/** The record's fields as legacy elements, in the spec's order; empty values are left out. */
export function legacyElements(record: XmlElement, spec: LegacySpec): XmlElement[] {
	const out: XmlElement[] = [];
	for (const [legacy, model, kind] of spec) {
		const text = fieldText(record, model);
		if (text === undefined || text === '') continue;
		out.push(kind === 'date' ? dateBlock(legacy, text) : el(legacy, text));
	}
	return out;
}

/** The owned lines of a generic record (<ARINVOICEITEMS><ARINVOICEITEM>…). */
export function recordLines(record: XmlElement, collection: string, line: string): XmlElement[] {
	return record.children.find((c) => c.name === collection)?.children.filter((c) => c.name === line) ?? [];
}

/** A line's user-defined dimensions (GLDIM<NAME> fields of the generic record) as the legacy line's
 * customfields, where the legacy functions carry them (none: no element). */
export function userDimensionCustomFields(line: XmlElement): XmlElement[] {
	const fields = line.children.filter((c) => /^GLDIM[A-Z0-9_]+$/.test(c.name) && c.children.length === 0 && c.text !== '');
	if (fields.length === 0) return [];
	return [el('customfields', fields.map((c) => el('customfield', [el('customfieldname', c.name), el('customfieldvalue', c.text)])))];
}
