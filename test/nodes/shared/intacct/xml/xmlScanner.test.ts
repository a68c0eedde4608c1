/**
 * The fast XML path (xml/xmlScanner.ts) against fast-xml-parser (xmlParser.parseWithFastXmlParser):
 * identical trees for every shape the gateway writes, a fallback for everything else, and malformed
 * bodies still rejected as parse errors. (Every answer of every client unit test is also compared,
 * by the fixture's ParserAudit.)
 */
import { lookup, read, readByQuery } from '../../../../../nodes/shared/intacct/xml/functions';
import { readResponse } from '../../../../../nodes/shared/intacct/xml/responseReader';
import { parseWithFastXmlParser, parseXmlDocument } from '../../../../../nodes/shared/intacct/xml/xmlParser';
import { scanXmlDocument } from '../../../../../nodes/shared/intacct/xml/xmlScanner';
import { collectErrors, useClientFixture } from '../../../../support/sandboxClient';

const fx = useClientFixture();

const GATEWAY_SHAPES: Array<[string, string]> = [
	['declaration and pretty-printing', '<?xml version="1.0" encoding="UTF-8"?>\n<response>\n  <control>\n    <status>success</status>\n  </control>\n</response>\n'],
	['attributes, both quotes', `<data listtype="glentry" count='2' totalcount="35" numremaining="33" resultId=""><glentry><RECORDNO>1</RECORDNO></glentry></data>`],
	['empty elements', '<r><a></a><b/><c /><d x="1"/></r>'],
	['the five entities and character references', '<r><n>A&amp;B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#233;&#xE9;&#x1F389; &amp;lt;</n></r>'],
	['entities in attributes', '<r a="x &amp; y &lt; &#233;"/>'],
	['CDATA and comments', '<r><!-- note --><d><![CDATA[<b>&amp;</b>]]></d>t<!-- x -->u<e><![CDATA[]]></e></r>'],
	['whitespace kept in values, dropped between elements', '<r>\n\t<v>  two spaces  </v>\n\t<w>   </w>\n\t<x>\n</x>\n</r>'],
	['CR LF line ends', '<r>\r\n<v>a\r\nb\rc</v>\r\n</r>'],
	['mixed text and elements', '<r>before <b>bold</b> after</r>'],
	['repeated and nested records', '<data><glbatch><RECORDNO>9</RECORDNO><ENTRIES><glentry><LINE_NO>1</LINE_NO></glentry><glentry><LINE_NO>2</LINE_NO></glentry></ENTRIES></glbatch></data>'],
	['names with dots, dashes, colons and digits', '<r><JOURNAL.SYMBOL>GJ</JOURNAL.SYMBOL><COUNT.RECORDNO>3</COUNT.RECORDNO><a-b_c:d1>x</a-b_c:d1></r>'],
];

describe('the fast XML path reads what fast-xml-parser reads', () => {
	it.each(GATEWAY_SHAPES)('%s: same tree, without falling back', (_label, xml) => {
		const fast = scanXmlDocument(xml);
		expect(fast).toBeDefined();
		expect(fast).toEqual(parseWithFastXmlParser(xml));
		expect(parseXmlDocument(xml)).toEqual(fast);
	});

	it.each([
		['a DOCTYPE', '<!DOCTYPE r [<!ENTITY e "v">]><r>&e;</r>'],
		['a processing instruction', '<r><?php echo 1; ?><a>1</a></r>'],
		['an HTML entity', '<r>a&nbsp;b&copy;</r>'],
		['a reference decoded twice by fast-xml-parser', '<r a="&#38;amp;">&#38;lt;</r>'],
		['unquoted attributes', '<r a=1/>'],
		['spaces around =', '<r a = "1"/>'],
		['a non-ASCII element name', '<r><café>1</café></r>'],
		['a declaration not first', '<r/><?xml version="1.0"?>'],
		// fast-xml-parser's validator lets these two through; the fast path leaves them to it.
		['a second root', '<response/><response/>'],
		['text after the root', '<response/>trailing'],
	])('%s: falls back to fast-xml-parser, same result', (_label, xml) => {
		expect(scanXmlDocument(xml)).toBeUndefined();
		let full: unknown;
		try {
			full = parseWithFastXmlParser(xml);
		} catch (error) {
			full = (error as Error).message;
		}
		if (typeof full === 'string') expect(() => parseXmlDocument(xml)).toThrow(full);
		else expect(parseXmlDocument(xml)).toEqual(full);
	});

	it.each([
		['an unclosed element', '<response><control><status>success</status></control>'],
		['mismatched tags', '<response><control></operation></response>'],
		['a bare ampersand', '<response>a & b</response>'],
		['a truncated tag', '<response><control'],
		['a duplicate attribute', '<response a="1" a="2"/>'],
		['attributes run together', '<response a="1"b="2"/>'],
	])('%s: still rejected as a parse error', (_label, body) => {
		expect(scanXmlDocument(body)).toBeUndefined();
		expect(() => parseXmlDocument(body)).toThrow(/not well-formed XML|no root element/);
		expect(() => readResponse({ statusCode: 200, headers: {}, body })).toThrow(expect.objectContaining({ kind: 'parse' }));
	});
});

describe('the sandbox gateway\'s answers take the fast path, unchanged', () => {
	it('readByQuery, readMore, read of a GLBATCH with nested ENTRIES, lookup with attributes, failures', async () => {
		const client = fx.client();
		for await (const page of client.pages(readByQuery({ object: 'GLENTRY', pageSize: 50 }), { limit: 120 })) expect(page.length).toBeGreaterThan(0);
		const [batch] = (await client.execute(readByQuery({ object: 'GLBATCH', fields: ['RECORDNO'], pageSize: 1 }))).records;
		const glbatch = await client.execute(read('GLBATCH', String(batch.RECORDNO)));
		expect(glbatch.records[0].ENTRIES).toBeDefined();
		await client.execute(lookup('GLENTRY'));
		await collectErrors(client.execute(readByQuery({ object: 'GLENTRY', query: "NOSUCHFIELD = 'x'" })));
		await collectErrors(fx.client({ maxRetries: 0 }, { userPassword: 'wrong' }).execute(lookup('VENDOR')));
		expect(fx.parsers.compared).toBeGreaterThanOrEqual(fx.sent.length);
		expect(fx.parsers.problems()).toEqual([]);
	});
});
