/**
 * A small escaping XML writer for gateway responses. Responses are built as XmlNode trees and
 * serialised once; text and attribute values are always escaped here, never by callers.
 */

export interface XmlNode {
	name: string;
	/** Attribute name/value pairs in output order. */
	attributes?: Array<[string, string]>;
	/** Either text content or children (children win when both are given). */
	text?: string;
	children?: XmlNode[];
}

/** An element with text content ('' renders as <name></name>, like the gateway's empty fields). */
export function textNode(name: string, text: string): XmlNode {
	return { name, text };
}

export function parentNode(name: string, children: XmlNode[], attributes?: Array<[string, string]>): XmlNode {
	return { name, children, attributes };
}

// XML 1.0 forbids most C0 control characters even when escaped; drop them instead of emitting an
// unparseable response.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeText(value: string): string {
	return value.replace(INVALID_XML_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(value: string): string {
	return escapeText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function openTag(node: XmlNode): string {
	let tag = `<${node.name}`;
	for (const [key, value] of node.attributes ?? []) tag += ` ${key}="${escapeAttribute(value)}"`;
	return tag;
}

function writeNode(node: XmlNode, out: string[], indent: string | null, depth: number): void {
	const pad = indent === null ? '' : '\n' + indent.repeat(depth);
	const open = openTag(node);
	if (node.children !== undefined && node.children.length > 0) {
		out.push(pad, open, '>');
		for (const child of node.children) writeNode(child, out, indent, depth + 1);
		out.push(pad, `</${node.name}>`);
	} else if (node.text !== undefined) {
		out.push(pad, open, '>', escapeText(node.text), `</${node.name}>`);
	} else {
		out.push(pad, open, '/>');
	}
}

/**
 * Serialises a document. `pretty` mirrors the request's includewhitespace (default true per the
 * XSD, §1.3): whitespace only between elements, never inside text.
 */
export function writeXmlDocument(root: XmlNode, pretty: boolean): string {
	const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
	writeNode(root, out, pretty ? '  ' : null, 0);
	if (!pretty) out.splice(1, 0, '\n');
	return out.join('') + '\n';
}
