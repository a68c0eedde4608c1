/**
 * The gateway's one-pass request parser (sandbox/protocol/xml/simpleXml.ts) must build exactly the
 * tree the full fast-xml-parser path builds, and must hand everything it does not handle (entities,
 * comments, CDATA, malformed documents...) to that path.
 */
import { parseXml, parseXmlFully } from '../../../sandbox/protocol/xml/parseXml';
import { parseSimpleXml } from '../../../sandbox/protocol/xml/simpleXml';
import { create, readByQuery } from '../../../nodes/shared/intacct/xml/functions';
import { writeRequest, writeSignInRequest } from '../../../nodes/shared/intacct/xml/requestWriter';
import { billRequest, journalEntryRequest, sessionRequest } from '../../support/naiveXml';

const login = { senderId: 'n8n_sandbox', senderPassword: 'secret', userId: 'ws_n8n', companyId: 'HOPEWELL', userPassword: 'pw' };

const clientRequest = writeRequest({
	senderId: 'n8n_sandbox',
	senderPassword: 'secret',
	controlId: 'req-1',
	uniqueId: true,
	transaction: false,
	authentication: { kind: 'session', sessionId: 'S1' },
	functions: [
		{
			...create('APBILL', {
				VENDORID: 'V-107',
				WHENCREATED: '08/01/2026',
				DESCRIPTION: '  padded  ',
				APBILLITEMS: { APBILLITEM: [{ ACCOUNTNO: '6500', TRX_AMOUNT: '12.50', LOCATIONID: '110' }, { ACCOUNTNO: '6510', TRX_AMOUNT: '1.00' }] },
			}),
			controlId: 'f-1',
		},
		{ ...readByQuery({ object: 'GLENTRY', fields: '*', query: "ACCOUNTNO = '6500'", pageSize: 100 }), controlId: 'f-2' },
		{ ...create('GLBATCH', { JOURNAL: 'GJ', BATCH_TITLE: 'Ünïcödé ✓', ENTRIES: { GLENTRY: [{ ACCOUNTNO: '1000', TR_TYPE: '1', TRX_AMOUNT: '5' }] } }), controlId: 'f-3' },
	],
});

const handled: Array<[string, string]> = [
	['client request', clientRequest],
	['client sign-in', writeSignInRequest({ ...login, endpointUrl: 'http://x', entityId: '100' }, { requestControlId: 'r', functionControlId: 'f' })],
	['naive sign-in', sessionRequest(login)],
	[
		'naive bill',
		billRequest(login, 'S1', {
			vendorId: 'V-1',
			billNumber: 'B-1',
			date: '2026-01-02',
			dueDate: '2026-02-01',
			description: 'Bill one',
			lines: [{ accountNo: '6000', amount: 1.5, memo: 'memo', departmentId: 'D1', locationId: '100' }],
		}, 'c1'),
	],
	[
		'naive journal entry',
		journalEntryRequest(login, 'S1', {
			journal: 'GJ',
			date: '2026-01-02',
			title: 'JE',
			referenceNo: 'R1',
			lines: [
				{ accountNo: '6000', type: 'debit', amount: 2, memo: 'a', locationId: '100' },
				{ accountNo: '2000', type: 'credit', amount: 2, memo: 'b', locationId: '100' },
			],
		}, 'c2'),
	],
	[
		'pretty-printed, single quotes, spaces around =, self-closing, mixed content',
		`<?xml version='1.0' encoding = "UTF-8"?>\n<request>\n  <control>\n    <senderid> n8n </senderid>\n    <empty/>\n    <also   a = ' x '  b="y"  />\n  </control>\n  <mixed> one <b>two</b> three </mixed>\n  <x:ns attr-1="v.1">t</x:ns>\n</request>\n\n`,
	],
	['no declaration', '<a><b c="1">d</b><b/></a>'],
	['predefined entities', '<a q="&quot;x&apos; &amp;amp;"> 1 &lt; 2 &amp;&amp; 3 &gt; 2 <b>&amp;lt;</b> &apos;&quot; </a>'],
	['self-closing root', '<a x="1"/>'],
];

const fallBack: Array<[string, string]> = [
	['unknown entity', '<a>x &nbsp; y</a>'],
	['numeric reference', '<a>&#233;</a>'],
	['bare ampersand', '<a>x & y</a>'],
	['numeric reference in an attribute', '<a b="&#13;"/>'],
	['comment', '<a><!-- c --><b/></a>'],
	['CDATA', '<a><![CDATA[<b>]]></a>'],
	['DOCTYPE', '<!DOCTYPE a><a/>'],
	['carriage return', '<a>\r\n<b/></a>'],
	['processing instruction', '<a><?pi x?></a>'],
	['declaration not first', ' <?xml version="1.0"?><a/>'],
	['mismatched close', '<a><b></a></b>'],
	['unclosed', '<a><b></b>'],
	['two roots', '<a/><b/>'],
	['text after the root', '<a/>x'],
	['text before the root', 'x<a/>'],
	['duplicate attribute', '<a x="1" x="2"/>'],
	['attribute without value', '<a x/>'],
	['unquoted attribute', '<a x=1/>'],
	['attributes not separated', '<a x="1"y="2"/>'],
	['close with space', '<a></a >'],
	['> in text', '<a>1 > 0</a>'],
	['empty document', ''],
	['not XML', 'hello'],
	['__proto__ element', '<a><__proto__/></a>'],
];

describe('one-pass request parser', () => {
	it.each(handled)('builds the same tree as the full parser: %s', (_, body) => {
		const full = parseXmlFully(body);
		expect(full.ok).toBe(true);
		const simple = parseSimpleXml(body);
		expect(simple).toBeDefined();
		expect(simple).toEqual(full.ok ? full.root : undefined);
		expect(parseXml(body)).toEqual(full);
	});

	it.each(fallBack)('leaves the full parser to handle: %s', (_, body) => {
		expect(parseSimpleXml(body)).toBeUndefined();
		expect(parseXml(body)).toEqual(parseXmlFully(body));
	});
});
