/**
 * A line's user-defined dimensions on write (§5.1): a GLDIM<NAME> field must name one of the
 * company's UDDs (../user-dimensions.ts: the list getDimensions answers and the REST wire serves as
 * `dimensions.nsp::<name>`), and its value is checked like any dimension reference
 * (dimensions.ts, BL03000015). Legacy functions carry UDDs as the line's <customfields>; the sandbox
 * company defines no other custom fields, so any other name is refused like a field the object does
 * not have (BL03000020, RULES.unknownField), never ignored. Sources and doubts: docs/fidelity.md,
 * "User-defined dimensions and custom fields on lines".
 */
import type { XmlElement } from '../contract';
import { RULES } from '../errors';
import { isUserDimensionField, looksLikeUserDimension } from '../user-dimensions';
import { childElement, childElements, childText } from '../xml-element';
import type { FieldInput } from './record-input';

/** Refuses the first GLDIM<NAME> field of `input` that names no user-defined dimension of the company. */
export function checkUserDimensionNames(objectName: string, input: FieldInput, where = ''): void {
	for (const name of input.keys()) {
		if (looksLikeUserDimension(name) && !isUserDimensionField(name)) throw RULES.unknownField(objectName, name, where);
	}
}

/** A legacy line's <customfields> as generic fields (GLDIM<NAME> = the record id; empty values left out). */
export function lineCustomFields(objectName: string, line: XmlElement, where = ''): FieldInput {
	const fields: FieldInput = new Map();
	const wrapper = childElement(line, 'customfields');
	for (const cf of wrapper ? childElements(wrapper, 'customfield') : []) {
		const name = (childText(cf, 'customfieldname') ?? '').trim().toUpperCase();
		if (!isUserDimensionField(name)) throw RULES.unknownField(objectName, name || 'customfield', where);
		const text = (childText(cf, 'customfieldvalue') ?? '').trim();
		if (text !== '') fields.set(name, text);
	}
	return fields;
}

/** A legacy header's <customfields>: the sandbox company defines no custom fields on transaction headers. */
export function refuseHeaderCustomFields(objectName: string, fn: XmlElement): void {
	const wrapper = childElement(fn, 'customfields');
	const first = wrapper ? childElements(wrapper, 'customfield')[0] : undefined;
	if (first) throw RULES.unknownField(objectName, (childText(first, 'customfieldname') ?? '').trim().toUpperCase() || 'customfield');
}
