/**
 * The Custom resource's input: the user's XML - one or more <function> elements, or bare function
 * bodies such as <readByName>...</readByName> - parsed with the client's own XML parser into
 * IntacctFunction data, which the client then writes into its authenticated envelope.
 */
import type { IntacctFunction, XmlObject, XmlValue } from '../core/types';
import { parseXmlDocument, type XmlNode } from '../xml/xmlParser';
import { ItemValidationError } from './errors';

function toXmlValue(node: XmlNode): XmlValue {
	const hasAttributes = Object.keys(node.attributes).length > 0;
	if (node.children.length === 0 && !hasAttributes) return node.text;
	const out: XmlObject = {};
	if (hasAttributes) out.$attributes = { ...node.attributes };
	for (const child of node.children) {
		const value = toXmlValue(child);
		const existing = out[child.name];
		if (existing === undefined) out[child.name] = value;
		else if (Array.isArray(existing)) existing.push(value);
		else out[child.name] = [existing as XmlValue, value];
	}
	if (node.children.length === 0 && node.text !== '') out['#text'] = node.text;
	return out;
}

function bodyOf(node: XmlNode): XmlObject {
	const value = toXmlValue({ ...node, attributes: {} });
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

const WRITE_NAME = /^(create|update|delete|reverse|void|apply|recall|approve|decline|post)/i;

export function parseCustomFunctions(xml: string): IntacctFunction[] {
	const text = xml.trim().replace(/^<\?xml[^>]*\?>/, '');
	if (text === '') throw new ItemValidationError('XML: give at least one function, e.g. <readByName>...</readByName>');
	let root: XmlNode | undefined;
	let reason = '';
	try {
		root = parseXmlDocument(`<functions>${text}</functions>`);
	} catch (error) {
		reason = (error as Error).message;
	}
	if (!root) throw new ItemValidationError(`XML is not well-formed: ${reason}`);
	if (root.children.length === 0) throw new ItemValidationError('XML: give at least one function element');
	return root.children.map((element, index) => {
		let controlId: string | undefined;
		let inner = element;
		if (element.name === 'function') {
			if (element.children.length !== 1) {
				throw new ItemValidationError(`XML function ${index + 1}: a <function> holds exactly one function element`);
			}
			controlId = element.attributes.controlid;
			inner = element.children[0];
		}
		if (['request', 'control', 'operation', 'authentication', 'content'].includes(inner.name)) {
			throw new ItemValidationError(
				`XML function ${index + 1}: <${inner.name}> is part of the envelope; give only the functions (the node signs in for you)`,
			);
		}
		const fn: IntacctFunction = { name: inner.name, body: bodyOf(inner) };
		if (Object.keys(inner.attributes).length > 0) fn.attributes = { ...inner.attributes };
		if (controlId) fn.controlId = controlId;
		if (WRITE_NAME.test(inner.name)) fn.isWrite = true;
		return fn;
	});
}
