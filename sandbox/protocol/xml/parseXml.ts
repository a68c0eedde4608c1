/**
 * Request parsing: fast-xml-parser with preserveOrder (legacy functions validate strict element
 * order, §1.6/§12.7) converted to the XmlElement tree of model/contract.ts.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { XmlElement } from '../../model/contract';
import { parseSimpleXml } from './simpleXml';

export type ParsedXml = { ok: true; root: XmlElement } | { ok: false; description2: string };

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	processEntities: true,
	htmlEntities: false,
});

type OrderedNode = Record<string, unknown>;

function toElement(name: string, node: OrderedNode): XmlElement {
	const attributes: Record<string, string> = {};
	const rawAttributes = node[':@'];
	if (rawAttributes !== null && typeof rawAttributes === 'object') {
		for (const [key, value] of Object.entries(rawAttributes as Record<string, unknown>)) {
			attributes[key] = String(value);
		}
	}
	const children: XmlElement[] = [];
	let text = '';
	const content = node[name];
	if (Array.isArray(content)) {
		for (const child of content as OrderedNode[]) {
			if ('#text' in child) {
				text += String(child['#text']);
				continue;
			}
			const childName = Object.keys(child).find((k) => k !== ':@');
			if (childName !== undefined && !childName.startsWith('?') && !childName.startsWith('!')) {
				children.push(toElement(childName, child));
			}
		}
	}
	return { name, attributes, children, text };
}

/**
 * Parses one request document. Malformed XML yields a libxml-like message (the gateway reports
 * XL03000003 "XML Parse schema error: Fatal Error 76: ..." for parse errors, §3.4).
 */
export function parseXml(body: string): ParsedXml {
	// Plain documents (what clients send) take the one-pass path; it gives the same tree.
	const simple = parseSimpleXml(body);
	if (simple !== undefined) return { ok: true, root: simple };
	return parseXmlFully(body);
}

/**
 * fast-xml-parser's validator message in words a person would write (libxml's wording where it has
 * one): its "unclosed tags at the end" message is a JSON dump of the open elements.
 */
export function readableParseError(msg: string, line: number): string {
	const unclosed = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(msg);
	if (unclosed) {
		let names: string[] = [];
		try {
			names = (JSON.parse(unclosed[1]) as unknown[]).map(String);
		} catch {
			names = [];
		}
		const innermost = names[names.length - 1];
		if (innermost !== undefined) {
			const open = names.length > 1 ? ` (still open: ${names.join(', ')})` : '';
			return `Fatal Error 77: Premature end of data in tag ${innermost} line ${line}: the document ends before </${innermost}>${open}`;
		}
	}
	if (msg === 'Start tag expected.') return `Fatal Error 4: Start tag expected, '<' not found line ${line}: the request body is empty or is not XML`;
	return `Fatal Error 76: ${msg} line ${line}`;
}

/** The full path: fast-xml-parser's validator (for the error texts) and parser. */
export function parseXmlFully(body: string): ParsedXml {
	const validation = XMLValidator.validate(body);
	if (validation !== true) {
		const { msg, line } = validation.err;
		return { ok: false, description2: `XML Parse schema error: ${readableParseError(msg, line)}` };
	}
	let nodes: OrderedNode[];
	try {
		nodes = parser.parse(body) as OrderedNode[];
	} catch (error) {
		// fast-xml-parser refuses element names such as __proto__ (prototype pollution guard).
		const msg = error instanceof Error ? error.message : String(error);
		return { ok: false, description2: `XML Parse schema error: Fatal Error 76: ${msg}` };
	}
	const roots: XmlElement[] = [];
	for (const node of nodes) {
		const name = Object.keys(node).find((k) => k !== ':@');
		if (name !== undefined && !name.startsWith('?') && !name.startsWith('!') && name !== '#text') {
			roots.push(toElement(name, node));
		}
	}
	if (roots.length !== 1) {
		return {
			ok: false,
			description2: `XML Parse schema error: Fatal Error 5: Extra content at the end of the document (found ${roots.length} root elements)`,
		};
	}
	return { ok: true, root: roots[0] };
}
