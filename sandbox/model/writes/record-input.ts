/**
 * Reading a generic create/update object element (§5.1): field names are case-insensitive
 * (fylein sends lower case), nested elements flatten to dotted names (DISPLAYCONTACT.EMAIL1), the
 * <customfields><customfield> wrapper is unwrapped, and named line collections (ENTRIES/GLENTRY,
 * APBILLITEMS/APBILLITEM) come back as lists of line inputs.
 */
import type { XmlElement } from '../contract';

export type FieldInput = Map<string, string>;

export interface RecordInput {
	fields: FieldInput;
	/** Line collections by upper-case collection name; absent when the element was not sent. */
	lines: Map<string, FieldInput[]>;
	/** Raw nested elements kept for special cases (SUPDOC ATTACHMENTS). */
	nested: Map<string, XmlElement>;
}

function flatten(el: XmlElement, prefix: string, into: FieldInput): void {
	for (const child of el.children) {
		const name = child.name.toUpperCase();
		if (name === 'CUSTOMFIELDS') {
			for (const cf of child.children) {
				const n = cf.children.find((c) => c.name.toLowerCase() === 'customfieldname')?.text.trim();
				const v = cf.children.find((c) => c.name.toLowerCase() === 'customfieldvalue')?.text.trim() ?? '';
				if (n) into.set(n.toUpperCase(), v);
			}
		} else if (child.children.length > 0) {
			flatten(child, `${prefix}${name}.`, into);
		} else {
			into.set(`${prefix}${name}`, child.text.trim());
		}
	}
}

/** `collections` maps a collection element (ENTRIES) to its line element (GLENTRY). */
export function readRecordInput(el: XmlElement, collections: Record<string, string> = {}, keepNested: string[] = []): RecordInput {
	const fields: FieldInput = new Map();
	const lines = new Map<string, FieldInput[]>();
	const nested = new Map<string, XmlElement>();
	for (const child of el.children) {
		const name = child.name.toUpperCase();
		const lineName = collections[name];
		if (lineName) {
			const list: FieldInput[] = [];
			for (const line of child.children) {
				if (line.name.toUpperCase() !== lineName) continue;
				const input: FieldInput = new Map();
				flatten(line, '', input);
				list.push(input);
			}
			lines.set(name, list);
		} else if (keepNested.includes(name)) {
			nested.set(name, child);
		} else if (name === 'CUSTOMFIELDS' || child.children.length > 0) {
			const wrapper: XmlElement = { name: '', attributes: {}, children: [child], text: '' };
			flatten(wrapper, '', fields);
		} else {
			fields.set(name, child.text.trim());
		}
	}
	return { fields, lines, nested };
}

/** A non-empty value, or undefined. */
export function value(input: FieldInput, name: string): string | undefined {
	const v = input.get(name);
	return v === undefined || v === '' ? undefined : v;
}
