/**
 * A fast path for the documents clients actually send: elements, attributes and text with the five
 * predefined entities (&lt; &gt; &amp; &quot; &apos;), no other references, comments, CDATA,
 * DOCTYPE, processing instructions (other than a leading XML declaration) or carriage returns. For such a document it builds exactly the XmlElement tree
 * parseXml's fast-xml-parser path builds (text runs between tags trimmed and joined, attribute
 * values trimmed, elements in order), in one pass instead of a validation pass plus a parse pass.
 * Anything else - including every malformed document - returns undefined, and parseXml takes the
 * full path (which also words the errors). test/sandbox/protocol/simpleXml.test.ts compares both.
 */
import type { XmlElement } from '../../model/contract';

/** ASCII XML names only (others go the full path). */
const NAME = /[A-Za-z_][A-Za-z0-9_.:-]*/y;
/** `<?xml version="1.0" encoding="UTF-8"?>` with plain attribute values, at the very start. */
const DECLARATION = /<\?xml(?:[ \t\n]+[A-Za-z]+[ \t\n]*=[ \t\n]*(?:"[^"<&]*"|'[^'<&]*'))*[ \t\n]*\?>/y;

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&([a-z]+);/y;

/** Text with the predefined entities decoded once (as fast-xml-parser does); undefined for any
 * other `&` (numeric references, unknown names, a bare ampersand). */
function decode(raw: string): string | undefined {
	let at = raw.indexOf('&');
	if (at < 0) return raw;
	let out = '';
	let from = 0;
	while (at >= 0) {
		ENTITY.lastIndex = at;
		const match = ENTITY.exec(raw);
		const decoded = match === null ? undefined : ENTITIES[match[1]];
		if (match === null || decoded === undefined) return undefined;
		out += raw.slice(from, at) + decoded;
		from = at + match[0].length;
		at = raw.indexOf('&', from);
	}
	return out + raw.slice(from);
}

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10;

function readName(body: string, at: number): string | undefined {
	NAME.lastIndex = at;
	const match = NAME.exec(body);
	if (match === null || match[0] === '__proto__') return undefined;
	return match[0];
}

interface Open {
	element: XmlElement;
}

export function parseSimpleXml(body: string): XmlElement | undefined {
	if (body.includes('\r') || body.includes('<!')) return undefined;
	const length = body.length;
	let i = 0;
	if (body.startsWith('<?')) {
		DECLARATION.lastIndex = 0;
		const declaration = DECLARATION.exec(body);
		if (declaration === null) return undefined;
		i = declaration[0].length;
	}
	if (body.indexOf('<?', i) >= 0) return undefined;
	while (i < length && isSpace(body.charCodeAt(i))) i++;
	if (body.charCodeAt(i) !== 60 /* < */) return undefined;

	const stack: Open[] = [];
	let root: XmlElement | undefined;
	while (i < length) {
		const lt = body.indexOf('<', i);
		if (lt < 0) break;
		if (lt > i) {
			const raw = body.slice(i, lt).trim();
			if (raw !== '') {
				if (stack.length === 0 || raw.includes('>')) return undefined;
				const text = decode(raw);
				if (text === undefined) return undefined;
				stack[stack.length - 1].element.text += text;
			}
		}
		if (body.charCodeAt(lt + 1) === 47 /* / */) {
			const name = readName(body, lt + 2);
			const open = stack.pop();
			if (name === undefined || open === undefined || open.element.name !== name) return undefined;
			const end = lt + 2 + name.length;
			if (body.charCodeAt(end) !== 62 /* > */) return undefined;
			i = end + 1;
			if (stack.length === 0) {
				root = open.element;
				break;
			}
			continue;
		}
		const name = readName(body, lt + 1);
		if (name === undefined) return undefined;
		const element: XmlElement = { name, attributes: {}, children: [], text: '' };
		let j = lt + 1 + name.length;
		let selfClosing = false;
		for (;;) {
			const spaced = j < length && isSpace(body.charCodeAt(j));
			while (j < length && isSpace(body.charCodeAt(j))) j++;
			const code = body.charCodeAt(j);
			if (code === 62 /* > */) {
				j++;
				break;
			}
			if (code === 47 /* / */ && body.charCodeAt(j + 1) === 62) {
				selfClosing = true;
				j += 2;
				break;
			}
			if (!spaced) return undefined;
			const attribute = readName(body, j);
			if (attribute === undefined || Object.prototype.hasOwnProperty.call(element.attributes, attribute)) return undefined;
			j += attribute.length;
			while (j < length && isSpace(body.charCodeAt(j))) j++;
			if (body.charCodeAt(j) !== 61 /* = */) return undefined;
			j++;
			while (j < length && isSpace(body.charCodeAt(j))) j++;
			const quote = body[j];
			if (quote !== '"' && quote !== "'") return undefined;
			const close = body.indexOf(quote, j + 1);
			if (close < 0) return undefined;
			const value = body.slice(j + 1, close);
			if (value.includes('<') || value.includes('>')) return undefined;
			const decoded = decode(value.trim());
			if (decoded === undefined) return undefined;
			element.attributes[attribute] = decoded;
			j = close + 1;
		}
		if (stack.length > 0) stack[stack.length - 1].element.children.push(element);
		if (selfClosing) {
			if (stack.length === 0) {
				root = element;
				i = j;
				break;
			}
		} else {
			stack.push({ element });
		}
		i = j;
	}
	if (root === undefined || stack.length > 0) return undefined;
	// Only whitespace may follow the root element.
	for (; i < length; i++) if (!isSpace(body.charCodeAt(i))) return undefined;
	return root;
}
