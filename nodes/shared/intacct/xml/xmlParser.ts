/**
 * The package's only XML parser: a thin wrapper over fast-xml-parser, which the build bundles into
 * this one module (gulpfile.js) so the published package has no runtime dependency.
 *
 * Configured for the gateway's answers (docs/protocol.md §3.2): every text stays a string (no
 * number parsing: account "0012" and record numbers must not change), attributes are kept, element
 * order is preserved, entities (&amp; &#233; ...) are decoded, surrounding whitespace of values kept.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_XML_DEPTH, scanXmlDocument, tooDeepError } from './xmlScanner';
import type { XmlNode } from './xmlNode';

export type { XmlNode } from './xmlNode';

/** The largest answer read (64 MiB): a 2,000-record page of wide records is a few MB. */
export const MAX_XML_CHARS = 64 * 1024 * 1024;


/** fast-xml-parser's options for the gateway's answers (the benchmark measures the library alone with them). */
export const GATEWAY_XML_PARSER_OPTIONS = {
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	processEntities: true,
	htmlEntities: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
} as const;

const parser = new XMLParser(GATEWAY_XML_PARSER_OPTIONS);

type OrderedEntry = Record<string, unknown>;

function toNode(name: string, content: unknown, attributes: unknown): XmlNode {
	const node: XmlNode = { name, attributes: {}, children: [], text: '' };
	if (attributes && typeof attributes === 'object') {
		for (const [key, value] of Object.entries(attributes as Record<string, unknown>)) {
			node.attributes[key] = String(value);
		}
	}
	const texts: string[] = [];
	for (const entry of Array.isArray(content) ? (content as OrderedEntry[]) : []) {
		for (const [key, value] of Object.entries(entry)) {
			if (key === ':@') continue;
			if (key === '#text') texts.push(String(value));
			else node.children.push(toNode(key, value, entry[':@']));
		}
	}
	// Whitespace between child elements (pretty-printed answers) is layout, not a value.
	const text = texts.join('');
	node.text = node.children.length > 0 && text.trim() === '' ? '' : text;
	return node;
}

/** Parses an XML document; returns its root element, or throws an Error saying why it is not XML.
 * The gateway's answers take the single-pass fast path (xmlScanner.ts); anything outside the subset
 * it reads goes through fast-xml-parser, validation first. Both build the same tree. */
export function parseXmlDocument(xml: string): XmlNode {
	if (xml.length > MAX_XML_CHARS) {
		throw new Error(`it is larger than ${MAX_XML_CHARS / 1024 / 1024} MiB, more than Intacct sends in one answer`);
	}
	return scanXmlDocument(xml) ?? parseWithFastXmlParser(xml);
}

/** Whether elements nest deeper than `max`, by one pass over the tags (no recursion). */
export function nestsDeeperThan(xml: string, max: number): boolean {
	let depth = 0;
	for (let lt = xml.indexOf('<'); lt !== -1; lt = xml.indexOf('<', lt + 1)) {
		const c = xml.charCodeAt(lt + 1);
		if (c === 47 /* / */) depth--;
		else if (c !== 33 /* ! */ && c !== 63 /* ? */) {
			const gt = xml.indexOf('>', lt + 1);
			if (gt === -1) return false;
			if (xml.charCodeAt(gt - 1) !== 47 && ++depth > max) return true;
			lt = gt;
		}
	}
	return false;
}

/** The full path: fast-xml-parser's well-formedness check, then its parse. */
export function parseWithFastXmlParser(xml: string): XmlNode {
	// A DOCTYPE may declare entities that expand without bound (fast-xml-parser advisory); Intacct
	// never sends one, so none is read at all.
	if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
		throw new Error('it declares a DOCTYPE or entities, which Intacct never sends; refused unread');
	}
	if (nestsDeeperThan(xml, MAX_XML_DEPTH)) throw tooDeepError();
	const verdict = XMLValidator.validate(xml);
	if (verdict !== true) {
		throw new Error(`not well-formed XML (line ${verdict.err.line}: ${verdict.err.msg})`);
	}
	const entries = parser.parse(xml) as OrderedEntry[];
	for (const entry of entries) {
		for (const [key, value] of Object.entries(entry)) {
			if (key !== ':@' && key !== '#text') return toNode(key, value, entry[':@']);
		}
	}
	throw new Error('no root element');
}
