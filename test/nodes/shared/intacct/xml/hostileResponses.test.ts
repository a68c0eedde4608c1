/**
 * Answers a hostile or broken endpoint could send (issue 12, items 8 and 9): each must end as a clear
 * parse error of the client, quickly, never as a frozen event loop, a crashed process or a raw
 * RangeError. Times are not asserted (the suite runs on shared machines); the sizes are chosen so
 * that the unprotected parser took seconds (entities) or threw RangeError (nesting).
 */
import { readResponse } from '../../../../../nodes/shared/intacct/xml/responseReader';
import { IntacctError } from '../../../../../nodes/shared/intacct/core/errors';
import { MAX_XML_CHARS, nestsDeeperThan, parseXmlDocument } from '../../../../../nodes/shared/intacct/xml/xmlParser';
import { MAX_XML_DEPTH } from '../../../../../nodes/shared/intacct/xml/xmlScanner';

function answer(body: string) {
	return { statusCode: 200, headers: { 'content-type': 'text/xml' }, body };
}

function parseFailure(body: string): IntacctError {
	try {
		readResponse(answer(body));
	} catch (error) {
		if (error instanceof IntacctError) return error;
		throw error;
	}
	throw new Error('expected the answer to be refused');
}

describe('hostile answers', () => {
	it('refuses a DOCTYPE with internal entities unread (no entity expansion)', () => {
		const entities = ['<!ENTITY a0 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx">'];
		for (let i = 1; i < 10; i++) entities.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
		const body = `<?xml version="1.0"?><!DOCTYPE response [${entities.join('')}]><response><x>&a9;</x></response>`;
		const error = parseFailure(body);
		expect(error.kind).toBe('parse');
		expect(error.message).toMatch(/DOCTYPE or entities, which Intacct never sends/);
		expect(() => parseXmlDocument('<!DOCTYPE r><r/>')).toThrow(/DOCTYPE/);
	});

	it('refuses an answer nested thousands of levels deep with a clear parse error', () => {
		const depth = 20_000;
		const body = `<response>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</response>`;
		const error = parseFailure(body);
		expect(error.kind).toBe('parse');
		expect(error.message).toMatch(new RegExp(`more than ${MAX_XML_DEPTH} levels deep`));
		// the fast-xml-parser path is guarded too (a form the single-pass scanner hands over)
		const viaFallback = `<response>${'<a b=c>'.repeat(depth)}</response>`;
		expect(nestsDeeperThan(viaFallback, MAX_XML_DEPTH)).toBe(true);
		expect(() => parseXmlDocument(`<r>${'<a >'.repeat(depth)}${'</a>'.repeat(depth)}</r>`.replace(/<a >/g, "<a x='1' y=\"&nbsp;\">"))).toThrow(/levels deep/);
	});

	it('keeps ordinary depth: a real answer nests about ten levels', () => {
		const body = `<r>${'<a>'.repeat(MAX_XML_DEPTH - 1)}v${'</a>'.repeat(MAX_XML_DEPTH - 1)}</r>`;
		expect(parseXmlDocument(body).name).toBe('r');
		expect(nestsDeeperThan('<a><b/><c x="1"/><d></d></a>', 2)).toBe(false);
		expect(nestsDeeperThan('<a><b/><c x="1"/><d></d></a>', 1)).toBe(true);
	});

	it('refuses an answer larger than any Intacct answer before parsing it', () => {
		const huge = `<response>${' '.repeat(MAX_XML_CHARS)}</response>`;
		const error = parseFailure(huge);
		expect(error.kind).toBe('parse');
		expect(error.message).toMatch(/larger than 64 MiB/);
	});
});
