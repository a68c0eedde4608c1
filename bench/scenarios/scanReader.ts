/**
 * Evidence for the parsing target, not a product: a single-pass scanner (indexOf, no regex per
 * value, entities decoded only where an '&' occurs) that turns the gateway's <result><data> into
 * records like our reader does. It shows what a reader written for the gateway's simple XML (no
 * DTD, no mixed content in data) could cost, against fast-xml-parser and the SDK's xml2js.
 * It skips what the real reader must also do (status levels, errors, validation): a lower bound.
 */

type ScanValue = string | ScanRecord | ScanRecord[];
interface ScanRecord {
	[field: string]: ScanValue;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
		if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
		return ENTITIES[name] ?? whole;
	});
}

interface Cursor {
	xml: string;
	at: number;
}

/** Skips declarations, comments and processing instructions before the next element tag. */
function nextTag(c: Cursor): number {
	for (;;) {
		const lt = c.xml.indexOf('<', c.at);
		if (lt < 0) return -1;
		const next = c.xml.charCodeAt(lt + 1);
		if (next === 63 /* ? */) c.at = c.xml.indexOf('?>', lt) + 2;
		else if (next === 33 /* ! */) c.at = c.xml.indexOf(c.xml.startsWith('<!--', lt) ? '-->' : '>', lt) + 1;
		else return lt;
	}
}

/** Reads the element starting at c.at ('<'): returns its name and value; c.at moves past it. */
function element(c: Cursor): [string, ScanValue] {
	const { xml } = c;
	const close = xml.indexOf('>', c.at);
	const selfClosing = xml.charCodeAt(close - 1) === 47;
	const head = xml.slice(c.at + 1, selfClosing ? close - 1 : close);
	const space = head.search(/\s/);
	const name = space < 0 ? head : head.slice(0, space);
	c.at = close + 1;
	if (selfClosing) return [name, ''];
	const lt = xml.indexOf('<', c.at);
	if (xml.charCodeAt(lt + 1) === 47) {
		// <NAME>text</NAME>: the common case
		const text = decode(xml.slice(c.at, lt));
		c.at = xml.indexOf('>', lt) + 1;
		return [name, text];
	}
	const record: ScanRecord = {};
	for (;;) {
		const tag = nextTag(c);
		if (xml.charCodeAt(tag + 1) === 47) {
			c.at = xml.indexOf('>', tag) + 1;
			return [name, record];
		}
		c.at = tag;
		const [childName, value] = element(c);
		const existing = record[childName];
		if (existing === undefined) record[childName] = value;
		else record[childName] = [...(Array.isArray(existing) ? existing : [existing as ScanRecord]), value as ScanRecord];
	}
}

/** Records of every <data> in the document. */
export function scanRecords(xml: string): ScanRecord[] {
	const records: ScanRecord[] = [];
	let from = 0;
	for (;;) {
		const data = xml.indexOf('<data', from);
		if (data < 0) return records;
		const c: Cursor = { xml, at: data };
		const [, value] = element(c);
		from = c.at;
		if (typeof value === 'string') continue;
		for (const child of Object.values(value)) {
			if (Array.isArray(child)) records.push(...child);
			else if (typeof child !== 'string') records.push(child);
		}
	}
}
